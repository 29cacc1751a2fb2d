/**
 * The calendar files (RFC 5545): followup.ics, the board's follow-up appointment, and an
 * agreement's event.ics, each one all-day event written by allDayEventIcs. A small writer rather
 * than a library: one VEVENT needs only escaping, folding and CRLF, all tested here.
 */
import { calendarFileDay } from '../../shared/calendar-date.ts'
import { encodeRfc8187 } from '../percent-encode.ts'

/**
 * TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11), and drop the
 * other control characters (U+0000–U+001F but tab, and U+007F), which a TEXT value may not hold.
 */
export function escapeIcsText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, '')
}

/** Lines longer than 75 octets continue on the next line after CRLF + space, never splitting a UTF-8 character (§3.1). */
export function foldIcsLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8')
    // Continuation lines start with a space, which counts towards their 75 octets.
    if (octets + size > 75) {
      parts.push(current)
      current = ' '
      octets = 1
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n')
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

/** A UTC day as an RFC 5545 DATE, YYYYMMDD. */
function icsDay(date: Date): string {
  return `${String(date.getUTCFullYear()).padStart(4, '0')}${String(date.getUTCMonth() + 1).padStart(2, '0')}${String(date.getUTCDate()).padStart(2, '0')}`
}

/** YYYY-MM-DD → YYYYMMDD, and the day after (DTEND of an all-day event is exclusive). */
function dayAndNext(date: string): [string, string] {
  // The routes only pass days isIcsDate accepts; anything else would write a broken file.
  if (!isIcsDate(date)) throw new RangeError(`not a calendar-file day: ${date}`)
  const day = new Date(`${date}T00:00:00Z`)
  return [icsDay(day), icsDay(new Date(day.getTime() + 24 * 60 * 60 * 1000))]
}

/** One all-day event: the part each calendar file fills in. */
export interface AllDayEvent {
  /** PRODID's product part: which kind of file this is. */
  product: string
  /** Stable per thing, so importing again updates the same event instead of adding a second one. */
  uid: string
  /** YYYY-MM-DD. */
  date: string
  summary: string
  description: string
  /** When the file is made (DTSTAMP). */
  now: Date
}

/** A calendar with one all-day VEVENT, escaped, folded and with CRLF line ends. */
export function allDayEventIcs(event: AllDayEvent): string {
  const [start, end] = dayAndNext(event.date)
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Dialoogbord//${event.product}//NL`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${stamp(event.now)}`,
    `DTSTART;VALUE=DATE:${start}`,
    `DTEND;VALUE=DATE:${end}`,
    `SUMMARY:${escapeIcsText(event.summary)}`,
    `DESCRIPTION:${escapeIcsText(event.description)}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return lines.map(foldIcsLine).join('\r\n') + '\r\n'
}

export interface FollowUpEvent {
  boardId: string
  boardTitle: string
  /** YYYY-MM-DD. */
  date: string
  /** The follow-up card's text (who, how). */
  text: string
  /** When the file is made (DTSTAMP). */
  now: Date
}

/** followup.ics: the board's follow-up card, one event per board. */
export function followUpIcs(event: FollowUpEvent): string {
  return allDayEventIcs({
    product: 'Vervolgafspraak',
    uid: `${event.boardId}-vervolg@dialoogbord`,
    date: event.date,
    summary: `Vervolgafspraak: ${event.boardTitle}`,
    description: event.text,
    now: event.now,
  })
}

export interface AgreementEvent {
  boardId: string
  boardTitle: string
  /** The agreement card's shape id (`shape:…`). */
  cardId: string
  /** YYYY-MM-DD. */
  date: string
  wat: string
  wie: string
  wanneer: string
  hoe: string
  now: Date
}

/** A summary line stays readable in a calendar's day view: the first line of "wat", cut at a word. */
const SUMMARY_CHARS = 60

function summaryOf(wat: string): string {
  const line = wat.split('\n').map((part) => part.trim()).find(Boolean) ?? ''
  const chars = [...line]
  if (chars.length <= SUMMARY_CHARS) return line
  const cut = chars.slice(0, SUMMARY_CHARS).join('')
  const space = cut.lastIndexOf(' ')
  return `${(space > SUMMARY_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}

/** An agreement's event.ics: one event per card, Wat / Wie / Wanneer / Hoe and the board in its description. */
export function agreementIcs(event: AgreementEvent): string {
  const wat = summaryOf(event.wat)
  const fields = [
    ['Wat', event.wat],
    ['Wie', event.wie],
    ['Wanneer', event.wanneer],
    ['Hoe', event.hoe],
  ].filter(([, value]) => value!.trim() !== '')
  return allDayEventIcs({
    product: 'Afspraak',
    // A shape id is whatever a client wrote: percent-encoded, it cannot break the UID line.
    uid: `${event.boardId}-${encodeRfc8187(event.cardId.replace(/^shape:/, ''))}@dialoogbord`,
    date: event.date,
    summary: wat ? `Afspraak: ${wat}` : `Afspraak: ${event.boardTitle}`,
    description: [...fields.map(([label, value]) => `${label}: ${value}`), `Bord: ${event.boardTitle}`].join('\n'),
    now: event.now,
  })
}

/** Whether `date` is a real YYYY-MM-DD day a calendar file can hold (years CALENDAR_FIRST_YEAR–CALENDAR_LAST_YEAR). */
export function isIcsDate(date: string): boolean {
  return calendarFileDay(date) === date
}
