/**
 * Where a moment's date falls in time, for placing a new moment on the timeline: the dates people
 * give (client/cards/DateParts.tsx writes "3 maart 2023", "maart 2023" or "2023"; a typed line may
 * say "2023-03-03", "3-3-2023" or "3 March 2023") as a number that sorts like the dates do
 * (yyyymmdd, a missing day or month counting as 0, so "maart 2023" comes before "3 maart 2023").
 * A whole day is read as the calendar files read it (shared/calendar-date.ts); null: no date we
 * can read.
 */
import { monthNumber, parseCalendarDate } from './calendar-date.ts'

const PARTIAL_ISO = /^(\d{4})(?:-(\d{1,2}))?$/
const MONTH_YEAR = /^(\p{L}+)\.?\s+(\d{4})$/u

export function dateOrder(text: string | null | undefined): number | null {
  const value = (text ?? '').trim()
  if (!value) return null
  const day = parseCalendarDate(value)
  if (day) return Number(day.replaceAll('-', ''))
  let match = PARTIAL_ISO.exec(value)
  if (match) {
    const month = Number(match[2] ?? 0)
    return month <= 12 ? Number(match[1]) * 10000 + month * 100 : null
  }
  match = MONTH_YEAR.exec(value)
  const month = match ? monthNumber(match[1]!) : undefined
  return match && month ? Number(match[2]) * 10000 + month * 100 : null
}
