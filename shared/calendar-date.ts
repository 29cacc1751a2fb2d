/**
 * A calendar day read from what people type on a card ("Wanneer: 15 maart 2027"), for the
 * calendar files (followup.ics, an agreement's event.ics) and the buttons that offer them. Server
 * and client both read it here, so a button is shown exactly when the server has a file for it.
 *
 * Accepted, anywhere in the text (the first one wins, so "vóór 1-4-2027, op het stadhuis" still
 * gives a day): 2027-03-15; 15-3-2027, 15/03/2027, 15.3.2027 (day first, as in Dutch);
 * 15 maart 2027, 15 mrt 2027, 15 mrt. 2027, and the English month names the card panel's date
 * picker writes in English ("15 March 2027"). A day without a year ("15 maart") is no date: a
 * calendar needs the year.
 */
import { agreementOf } from './card-rules.ts'

/** Dutch and English month names and their abbreviations, lower case → month (1–12). */
const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ['januari', 'january', 'jan'],
    ['februari', 'february', 'feb', 'febr'],
    ['maart', 'march', 'mrt', 'mar', 'maa'],
    ['april', 'apr'],
    ['mei', 'may'],
    ['juni', 'june', 'jun'],
    ['juli', 'july', 'jul'],
    ['augustus', 'august', 'aug'],
    ['september', 'sep', 'sept'],
    ['oktober', 'october', 'okt', 'oct'],
    ['november', 'nov'],
    ['december', 'dec'],
  ].flatMap((names, i) => names.map((name) => [name, i + 1] as const)),
)

const PATTERNS: readonly { pattern: RegExp; parts(match: RegExpExecArray): [year: number, month: number, day: number] | null }[] = [
  { pattern: /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/g, parts: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  // The same separator twice, so "3-4/2027" is not read as a date.
  { pattern: /(?<![\d.\-/])(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?!\d)/g, parts: (m) => [Number(m[4]), Number(m[3]), Number(m[1])] },
  {
    pattern: /(?<!\d)(\d{1,2})\s+(\p{L}+)\.?,?\s+(\d{4})(?!\d)/gu,
    parts: (m) => {
      const month = MONTHS.get(m[2]!.toLowerCase())
      return month === undefined ? null : [Number(m[3]), month, Number(m[1])]
    },
  },
]

/** The month (1–12) a Dutch or English month name or abbreviation means, if any. */
export function monthNumber(name: string): number | undefined {
  return MONTHS.get(name.toLowerCase())
}

/** YYYY-MM-DD of a real calendar day (no 30 February), else null. */
function isoDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The first calendar day written in `text` as YYYY-MM-DD, or null when it names none. */
export function parseCalendarDate(text: string): string | null {
  let first: { at: number; day: string } | null = null
  for (const { pattern, parts } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      if (first && match.index >= first.at) break
      const found = parts(match)
      const day = found && isoDay(...found)
      if (day) {
        first = { at: match.index, day }
        break
      }
    }
  }
  return first?.day ?? null
}

/**
 * The years a calendar file (RFC 5545) can hold: a DATE has four digits and an all-day event ends
 * on the day after, so 9999-12-31 cannot be written; a day before 1900 is a typo, not an appointment.
 */
export const CALENDAR_FIRST_YEAR = 1900
export const CALENDAR_LAST_YEAR = 9998

/** `date` when it is exactly a real YYYY-MM-DD day a calendar file can hold, else null. */
export function calendarFileDay(date: string): string | null {
  return calendarYear(strictIsoDay(date))
}

/** `day` (YYYY-MM-DD) when a calendar file can hold it, else null. */
function calendarYear(day: string | null): string | null {
  if (day === null) return null
  const year = Number(day.slice(0, 4))
  return year >= CALENDAR_FIRST_YEAR && year <= CALENDAR_LAST_YEAR ? day : null
}

/** `date` when it is exactly a real YYYY-MM-DD day, else null. */
function strictIsoDay(date: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim())
  return match ? isoDay(Number(match[1]), Number(match[2]), Number(match[3])) : null
}

/**
 * The day of an agreement card (also the follow-up card, which is one), for its calendar file.
 * `meta.date` as a valid YYYY-MM-DD wins (the contract: followup.ics falls on `meta.date`); else
 * its "Wanneer" as the card shows it; else a day written in some other way in `meta.date` ("15
 * maart 2027"). A day outside CALENDAR_FIRST_YEAR–CALENDAR_LAST_YEAR counts as none.
 */
export function agreementDate(card: { text: string; meta: Record<string, unknown> }): string | null {
  const meta = typeof card.meta.date === 'string' ? card.meta.date : ''
  return calendarFileDay(meta) ?? calendarYear(parseCalendarDate(agreementOf(card).wanneer)) ?? (meta ? calendarYear(parseCalendarDate(meta)) : null)
}
