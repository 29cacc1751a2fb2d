/**
 * A date chosen as day, month and year, in the board's language. Chromium's `<input type=date>`
 * shows the browser's locale whatever the page's `lang` says (an English browser showed
 * "mm/dd/yyyy" on a Dutch board); three selects follow the board instead, and let people give a
 * moment as it is remembered: "mei 2023" or just "2023" as well as "3 mei 2023".
 */
import { useId, useState } from 'react'
import { useI18n } from '../app/i18n-context.tsx'

export interface DateChoice {
  day: number | null
  /** 1–12 */
  month: number | null
  year: number | null
}

const YEARS_BACK = 30
const YEARS_AHEAD = 5

function locale(lang: string): string {
  return lang === 'nl' ? 'nl-NL' : 'en-GB'
}

/** "3 maart 2023", "maart 2023", "2023" (or "3 March 2023"…); null until a year is chosen. */
export function formatDateChoice({ day, month, year }: DateChoice, lang: string): string | null {
  if (year === null) return null
  if (month === null) return String(year)
  const date = new Date(Date.UTC(year, month - 1, day ?? 1))
  const options: Intl.DateTimeFormatOptions = day === null ? { month: 'long', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
  return new Intl.DateTimeFormat(locale(lang), options).format(date)
}

function monthNames(lang: string): string[] {
  const format = new Intl.DateTimeFormat(locale(lang), { month: 'long', timeZone: 'UTC' })
  return Array.from({ length: 12 }, (_, i) => format.format(new Date(Date.UTC(2000, i, 1))))
}

export function DateParts({ lang, label, testId, onPick }: { lang: string; label: string; testId: string; onPick(value: string): void }) {
  const { t } = useI18n()
  const ids = { day: useId(), month: useId(), year: useId() }
  const [choice, setChoice] = useState<DateChoice>({ day: null, month: null, year: null })
  const thisYear = new Date().getFullYear()
  const years = Array.from({ length: YEARS_BACK + YEARS_AHEAD + 1 }, (_, i) => thisYear + YEARS_AHEAD - i)

  const change = (part: keyof DateChoice, raw: string) => {
    const next = { ...choice, [part]: raw === '' ? null : Number(raw) }
    setChoice(next)
    const picked = formatDateChoice(next, lang)
    if (picked) onPick(picked)
  }
  const select = (part: keyof DateChoice, id: string, name: string, options: readonly { value: number; text: string }[]) => (
    <span className="date-parts__part">
      <label htmlFor={id}>{name}</label>
      <select id={id} data-testid={`${testId}-${part}`} value={choice[part] ?? ''} onChange={(event) => change(part, event.target.value)}>
        <option value="">–</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </span>
  )

  return (
    <fieldset className="date-parts" data-testid={testId} lang={lang}>
      <legend>{label}</legend>
      {select('day', ids.day, t('card.dateDay'), Array.from({ length: 31 }, (_, i) => ({ value: i + 1, text: String(i + 1) })))}
      {select('month', ids.month, t('card.dateMonth'), monthNames(lang).map((text, i) => ({ value: i + 1, text })))}
      {select('year', ids.year, t('card.dateYear'), years.map((year) => ({ value: year, text: String(year) })))}
    </fieldset>
  )
}
