/** The timer's display and what is read out, pure (the component only ticks). */

/** "12:05" (or "1:02:05" from an hour): whole seconds, rounded up, so "00:00" means time is up. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  const mm = String(minutes).padStart(2, '0')
  const ss = String(seconds).padStart(2, '0')
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`
}

/** Whole minutes, rounded up, for what a screen reader hears ("nog 12 minuten"). */
export const minutesLeft = (ms: number): number => Math.max(0, Math.ceil(ms / 60_000))

/** When this little is left, the timer says so once (and shows it). */
export const LAST_MINUTE_MS = 60_000

/**
 * What passing from `before` to `after` ms left means for a listener: the last minute began, or
 * time ran out. Only crossings count, so a reload in the last minute announces nothing.
 */
export function crossing(before: number, after: number): 'lastMinute' | 'end' | null {
  if (before > 0 && after <= 0) return 'end'
  if (before > LAST_MINUTE_MS && after <= LAST_MINUTE_MS) return 'lastMinute'
  return null
}
