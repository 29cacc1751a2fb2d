import { describe, expect, it } from 'vitest'
import { agreementIcs, escapeIcsText, foldIcsLine, followUpIcs, isIcsDate } from './followup-ics.ts'

/** Unfold (RFC 5545 §3.1) and split into lines, as a calendar reads it. */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n').filter((line) => line !== '')
}

describe('followup.ics', () => {
  const event = { boardId: 'b1', boardTitle: 'Casus; Zuid, deel\\2', date: '2027-03-01', text: 'Wie: Anna, Bram\nHoe: op het stadhuis', now: new Date('2026-11-30T20:00:00.123Z') }

  it('is one all-day VEVENT with a stable UID, CRLF line ends and escaped text', () => {
    const ics = followUpIcs(event)
    expect(ics.endsWith('\r\n')).toBe(true)
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n')
    const lines = unfold(ics)
    expect(lines[0]).toBe('BEGIN:VCALENDAR')
    expect(lines.at(-1)).toBe('END:VCALENDAR')
    expect(lines).toContain('UID:b1-vervolg@dialoogbord')
    expect(lines).toContain('DTSTAMP:20261130T200000Z')
    expect(lines).toContain('DTSTART;VALUE=DATE:20270301')
    expect(lines).toContain('DTEND;VALUE=DATE:20270302')
    expect(lines).toContain('SUMMARY:Vervolgafspraak: Casus\\; Zuid\\, deel\\\\2')
    expect(lines).toContain('DESCRIPTION:Wie: Anna\\, Bram\\nHoe: op het stadhuis')
  })

  it('ends an event on the last day of a month in the next month', () => {
    expect(unfold(followUpIcs({ ...event, date: '2028-02-29' }))).toContain('DTEND;VALUE=DATE:20280301')
  })

  it('folds lines at 75 octets without splitting a multi-byte character', () => {
    const line = `DESCRIPTION:${'ë'.repeat(100)}`
    const folded = foldIcsLine(line)
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75)
    expect(folded.replace(/\r\n /g, '')).toBe(line)
    expect(folded).not.toContain('\uFFFD')
  })

  it('escapes backslash before the rest', () => {
    expect(escapeIcsText('a\\;b,c\r\nd')).toBe('a\\\\\\;b\\,c\\nd')
  })

  it('accepts only real calendar dates', () => {
    expect(isIcsDate('2027-03-01')).toBe(true)
    expect(isIcsDate('2027-02-30')).toBe(false)
    expect(isIcsDate('1 maart')).toBe(false)
  })

  it('drops control characters a TEXT value may not hold, keeping tab and newlines', () => {
    expect(escapeIcsText('a\u0000b\u0007c\u000bd\u001be\u007ff\tg\nh')).toBe('abcdef\tg\\nh')
    const lines = unfold(followUpIcs({ ...event, boardTitle: 'Casus\u0001', text: 'Wie:\u0008 Anna' }))
    expect(lines).toContain('SUMMARY:Vervolgafspraak: Casus')
    expect(lines).toContain('DESCRIPTION:Wie: Anna')
  })

  it('refuses days a calendar file cannot hold: before 1900 and 9999 (its DTEND would be year 10000)', () => {
    expect(isIcsDate('9999-12-31')).toBe(false)
    expect(isIcsDate('9999-01-01')).toBe(false)
    expect(isIcsDate('1899-12-31')).toBe(false)
    expect(isIcsDate('1900-01-01')).toBe(true)
    expect(isIcsDate('9998-12-31')).toBe(true)
    expect(unfold(followUpIcs({ ...event, date: '9998-12-31' }))).toContain('DTEND;VALUE=DATE:99990101')
    expect(unfold(followUpIcs({ ...event, date: '1900-01-01' }))).toContain('DTSTART;VALUE=DATE:19000101')
    expect(() => followUpIcs({ ...event, date: '9999-12-31' })).toThrow(RangeError)
  })

  it('keeps a UID on its line whatever the card id holds', () => {
    const ics = agreementIcs({ boardId: 'b1', boardTitle: 'Casus', cardId: 'shape:a\r\nATTENDEE:x é', date: '2027-03-01', wat: 'Evalueren', wie: '', wanneer: '', hoe: '', now: event.now })
    expect(unfold(ics)).toContain('UID:b1-a%0D%0AATTENDEE%3Ax%20%C3%A9@dialoogbord')
    expect(unfold(agreementIcs({ boardId: 'b1', boardTitle: 'Casus', cardId: 'shape:Ab_3-x', date: '2027-03-01', wat: '', wie: '', wanneer: '', hoe: '', now: event.now }))).toContain('UID:b1-Ab_3-x@dialoogbord')
  })
})
