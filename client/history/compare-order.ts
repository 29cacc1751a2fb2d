/**
 * A comparison always reads from the earlier state to the later one, whichever of the two the
 * facilitator started from: comparing a snapshot with an older one must not show the newer text
 * struck through as "Eerder". The banner's times are precise enough to tell two snapshots of the
 * same minute apart.
 */
import type { Lang } from '../i18n.ts'

/** The two sides in time order; `other` null is "now", always the later side. Equal times keep the order given. */
export function inTimeOrder<T>(picked: T, other: T | null, createdAt: (side: T) => string): { earlier: T; later: T | null } {
  if (other === null) return { earlier: picked, later: null }
  return Date.parse(createdAt(other)) < Date.parse(createdAt(picked)) ? { earlier: other, later: picked } : { earlier: picked, later: other }
}

const LOCALES: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' }

/** A moment with its date and time; with seconds when `seconds` (two moments in the same minute). */
export function formatMoment(lang: Lang, iso: string, seconds = false): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleString(LOCALES[lang], { dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short' })
}

/** Whether two moments show the same date and time to the minute (so need seconds to tell apart). */
export function sameMinute(a: string, b: string): boolean {
  return Math.floor(Date.parse(a) / 60_000) === Math.floor(Date.parse(b) / 60_000)
}

/**
 * The banner's two times: the earlier snapshot's and the later one's (null for "now"); the later
 * one without its date when both fall on the same day, so the banner stays short.
 */
export function comparedMoments(lang: Lang, earlier: string, later: string | null): { earlier: string; later: string | null } {
  if (later === null) return { earlier: formatMoment(lang, earlier), later: null }
  const seconds = sameMinute(earlier, later)
  const day = (iso: string) => new Date(iso).toLocaleDateString(LOCALES[lang])
  const laterText =
    day(earlier) === day(later) ? new Date(later).toLocaleTimeString(LOCALES[lang], { timeStyle: seconds ? 'medium' : 'short' }) : formatMoment(lang, later, seconds)
  return { earlier: formatMoment(lang, earlier, seconds), later: Number.isNaN(Date.parse(later)) ? later : laterText }
}
