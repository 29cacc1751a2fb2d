/**
 * followup.ics: the board's follow-up appointment as an all-day iCalendar event (RFC 5545). A small
 * writer rather than a library: one VEVENT needs only escaping, folding and CRLF, all tested here.
 */

/** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
export function escapeIcsText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n')
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

/** YYYY-MM-DD → YYYYMMDD, and the day after (DTEND of an all-day event is exclusive). */
function dayAndNext(date: string): [string, string] {
  const day = new Date(`${date}T00:00:00Z`)
  const next = new Date(day.getTime() + 24 * 60 * 60 * 1000)
  return [date.replace(/-/g, ''), next.toISOString().slice(0, 10).replace(/-/g, '')]
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

export function followUpIcs(event: FollowUpEvent): string {
  const [start, end] = dayAndNext(event.date)
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Dialoogbord//Vervolgafspraak//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    // Stable per board: importing again updates the same event instead of adding a second one.
    `UID:${event.boardId}-vervolg@dialoogbord`,
    `DTSTAMP:${stamp(event.now)}`,
    `DTSTART;VALUE=DATE:${start}`,
    `DTEND;VALUE=DATE:${end}`,
    `SUMMARY:${escapeIcsText(`Vervolgafspraak: ${event.boardTitle}`)}`,
    `DESCRIPTION:${escapeIcsText(event.text)}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return lines.map(foldIcsLine).join('\r\n') + '\r\n'
}

/** A valid calendar date as YYYY-MM-DD (the card's meta.date), else null. */
export function isIcsDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false
  const parsed = new Date(`${date}T00:00:00Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date
}
