/** The admin list's pure parts: sizes people can read, and sorting. */
import type { BoardListing } from '../../shared/api.ts'
import type { Lang } from '../i18n.ts'

/** Bytes as kB or MB (decimal units, as file managers show them), in the language's number format. */
export function formatSize(bytes: number, lang: Lang): string {
  const locale = lang === 'nl' ? 'nl-NL' : 'en-GB'
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'MB'] : [bytes / 1000, 'kB']
  const digits = value < 10 ? 1 : 0
  const number = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)
  return `${number} ${unit}`
}

export type SortKey = 'lastActivity' | 'createdAt' | 'bytes' | 'title'
export type SortDirection = 'asc' | 'desc'

export function sortBoards(boards: readonly BoardListing[], key: SortKey, direction: SortDirection): BoardListing[] {
  const sign = direction === 'asc' ? 1 : -1
  return [...boards].sort((a, b) => {
    const order =
      key === 'bytes'
        ? a.bytes - b.bytes
        : key === 'title'
          ? a.title.localeCompare(b.title, 'nl', { sensitivity: 'base' })
          : Date.parse(a[key]) - Date.parse(b[key])
    // Ties keep a stable, meaningful order: most recently active first.
    return sign * order || Date.parse(b.lastActivity) - Date.parse(a.lastActivity)
  })
}

/** Clicking the sorted column flips it; another column starts with what people want first. */
export function nextSort(current: { key: SortKey; direction: SortDirection }, key: SortKey): { key: SortKey; direction: SortDirection } {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' }
  return { key, direction: key === 'title' ? 'asc' : 'desc' }
}
