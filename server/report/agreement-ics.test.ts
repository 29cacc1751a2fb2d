import { describe, expect, it } from 'vitest'
import { agreementIcs, allDayEventIcs, followUpIcs } from './followup-ics.ts'

/** Unfold (RFC 5545 §3.1) and split into lines, as a calendar reads it. */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n').filter((line) => line !== '')
}

const now = new Date('2026-11-30T20:00:00.123Z')
const agreement = { boardId: 'b1', boardTitle: 'Casus Zuid', cardId: 'shape:abc', date: '2027-03-15', wat: 'Evaluatie plannen', wie: 'Anna, Bram', wanneer: '15 maart 2027', hoe: 'Teams; 1 uur', now }

describe('allDayEventIcs', () => {
  it('writes the follow-up file exactly as followUpIcs did', () => {
    const followUp = { boardId: 'b1', boardTitle: 'Casus', date: '2027-03-01', text: 'Wie: Anna', now }
    expect(followUpIcs(followUp)).toBe(
      allDayEventIcs({ product: 'Vervolgafspraak', uid: 'b1-vervolg@dialoogbord', date: '2027-03-01', summary: 'Vervolgafspraak: Casus', description: 'Wie: Anna', now }),
    )
    expect(followUpIcs(followUp)).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Dialoogbord//Vervolgafspraak//NL',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'BEGIN:VEVENT',
        'UID:b1-vervolg@dialoogbord',
        'DTSTAMP:20261130T200000Z',
        'DTSTART;VALUE=DATE:20270301',
        'DTEND;VALUE=DATE:20270302',
        'SUMMARY:Vervolgafspraak: Casus',
        'DESCRIPTION:Wie: Anna',
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    )
  })
})

describe('agreementIcs', () => {
  it('is one all-day event per card: stable UID, the agreement as summary, its fields and the board in the description', () => {
    const lines = unfold(agreementIcs(agreement))
    expect(lines).toContain('UID:b1-abc@dialoogbord')
    expect(lines).toContain('PRODID:-//Dialoogbord//Afspraak//NL')
    expect(lines).toContain('DTSTART;VALUE=DATE:20270315')
    expect(lines).toContain('DTEND;VALUE=DATE:20270316')
    expect(lines).toContain('SUMMARY:Afspraak: Evaluatie plannen')
    expect(lines).toContain('DESCRIPTION:Wat: Evaluatie plannen\\nWie: Anna\\, Bram\\nWanneer: 15 maart 2027\\nHoe: Teams\\; 1 uur\\nBord: Casus Zuid')
  })

  it('leaves empty fields out and falls back on the board title for an agreement without wat', () => {
    const lines = unfold(agreementIcs({ ...agreement, wat: '', hoe: '  ' }))
    expect(lines).toContain('SUMMARY:Afspraak: Casus Zuid')
    expect(lines).toContain('DESCRIPTION:Wie: Anna\\, Bram\\nWanneer: 15 maart 2027\\nBord: Casus Zuid')
  })

  it('cuts a long or many-line wat at a word for the summary, keeping all of it in the description', () => {
    const wat = 'Een evaluatie plannen met alle partijen uit de casus over de samenwerking en de informatiedeling\nen nog iets'
    const lines = unfold(agreementIcs({ ...agreement, wat }))
    const summary = lines.find((line) => line.startsWith('SUMMARY:'))!
    expect(summary).toBe('SUMMARY:Afspraak: Een evaluatie plannen met alle partijen uit de casus over…')
    expect(lines.find((line) => line.startsWith('DESCRIPTION:'))).toContain('informatiedeling\\nen nog iets')
  })
})
