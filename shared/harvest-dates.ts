/**
 * Dates and times in the harvest (report.md, report.docx, report.pdf, the Oogst view), in one place so
 * every rendering shows the same day and hour: the wall clock of the dialogues (Europe/Amsterdam,
 * docs/document.md), not the server's UTC. An ISO string that is not a date comes back unchanged.
 */
export const HARVEST_TIME_ZONE = 'Europe/Amsterdam'

export type HarvestDateLang = 'nl' | 'en'

interface Formatters {
  date: Intl.DateTimeFormat
  time: Intl.DateTimeFormat
  /** A calendar day (YYYY-MM-DD) has no time zone: read and shown as UTC so it never shifts. */
  day: Intl.DateTimeFormat
}

const cache = new Map<HarvestDateLang, Formatters>()

function formatters(lang: HarvestDateLang): Formatters {
  let found = cache.get(lang)
  if (!found) {
    const locale = lang === 'nl' ? 'nl-NL' : 'en-GB'
    const dateOptions = { day: 'numeric', month: 'long', year: 'numeric' } as const
    found = {
      date: new Intl.DateTimeFormat(locale, { ...dateOptions, timeZone: HARVEST_TIME_ZONE }),
      time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: HARVEST_TIME_ZONE }),
      day: new Intl.DateTimeFormat(locale, { ...dateOptions, timeZone: 'UTC' }),
    }
    cache.set(lang, found)
  }
  return found
}

function withDate(iso: string, format: (date: Date) => string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : format(date)
}

/** "30 november 2026": the Amsterdam day of an ISO date-time. */
export function harvestDate(iso: string, lang: HarvestDateLang = 'nl'): string {
  return withDate(iso, (date) => formatters(lang).date.format(date))
}

/** "14:05": the Amsterdam time of day of an ISO date-time. */
export function harvestTime(iso: string, lang: HarvestDateLang = 'nl'): string {
  return withDate(iso, (date) => formatters(lang).time.format(date))
}

/** "30 november 2026 om 14:05" (en: "… at 14:05"). */
export function harvestDateTime(iso: string, lang: HarvestDateLang = 'nl'): string {
  return withDate(iso, (date) => `${formatters(lang).date.format(date)} ${lang === 'nl' ? 'om' : 'at'} ${formatters(lang).time.format(date)}`)
}

/** "15 maart 2027": a calendar day (YYYY-MM-DD) as it is, without any time-zone shift. */
export function harvestDay(isoDay: string, lang: HarvestDateLang = 'nl'): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(isoDay) ? withDate(`${isoDay}T00:00:00Z`, (date) => formatters(lang).day.format(date)) : isoDay
}
