/**
 * Link expiry as a person picks it: a day in a date picker, meaning "valid up to and including
 * that day" in the facilitator's own time zone. The server stores an instant (ISO datetime).
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** "2026-03-03" → the first instant of 4 March, local time, as ISO; null for an invalid day. */
export function expiryFromDay(day: string): string | null {
  const match = DAY.exec(day)
  if (!match) return null
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const start = new Date(year, month - 1, date)
  // Rejects 2026-02-31 and the like, which Date would roll over into March.
  if (start.getFullYear() !== year || start.getMonth() !== month - 1 || start.getDate() !== date) return null
  return new Date(year, month - 1, date + 1).toISOString()
}

/** The last day (local, YYYY-MM-DD) on which a link with this expiry still works. */
export function dayFromExpiry(iso: string): string {
  const lastMoment = new Date(Date.parse(iso) - 1)
  return toDayString(lastMoment)
}

export function toDayString(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

export function isExpired(expiresAt: string | null, now = new Date()): boolean {
  return expiresAt !== null && Date.parse(expiresAt) <= now.getTime()
}

/** Whether moving a link's expiry from `current` to `next` ends it sooner (null: no end date). */
export function shortens(current: string | null, next: string | null): boolean {
  if (next === null) return false
  return current === null || Date.parse(next) < Date.parse(current)
}
