/**
 * Where a moment's date falls in time, for placing a new moment on the timeline: the dates people
 * give (client/cards/DateParts.tsx writes "3 maart 2023", "maart 2023" or "2023"; a typed line may
 * say "2023-03-03", "3-3-2023" or "3 March 2023") as a number that sorts like the dates do
 * (yyyymmdd, a missing day or month counting as 0, so "maart 2023" comes before "3 maart 2023").
 * null: no date we can read.
 */
const MONTHS: Readonly<Record<string, number>> = {}
const NAMES = [
  ['januari', 'january', 'jan'],
  ['februari', 'february', 'feb'],
  ['maart', 'march', 'mrt', 'mar'],
  ['april', 'apr'],
  ['mei', 'may'],
  ['juni', 'june', 'jun'],
  ['juli', 'july', 'jul'],
  ['augustus', 'august', 'aug'],
  ['september', 'sept', 'sep'],
  ['oktober', 'october', 'okt', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
]
NAMES.forEach((names, i) => names.forEach((name) => ((MONTHS as Record<string, number>)[name] = i + 1)))

const ISO = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/
const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/
const WORDS = /^(?:(\d{1,2})\.?\s+)?([a-z]+)\.?\s+(\d{4})$/

export function dateOrder(text: string | null | undefined): number | null {
  const value = (text ?? '').trim().toLowerCase()
  if (!value) return null
  const key = (year: number, month = 0, day = 0) => (month <= 12 && day <= 31 ? year * 10000 + month * 100 + day : null)
  let match = ISO.exec(value)
  if (match) return key(Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0))
  match = NUMERIC.exec(value)
  if (match) return key(Number(match[3]), Number(match[2]), Number(match[1]))
  match = WORDS.exec(value)
  if (match) {
    const month = MONTHS[match[2]!]
    return month ? key(Number(match[3]), month, Number(match[1] ?? 0)) : null
  }
  return null
}
