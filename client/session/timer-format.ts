/** The timer's display and what is read out, pure (the component only ticks). */
import type { TimerState } from '../../shared/session.ts'

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

export type Announcement = { kind: 'started'; minutes: number } | { kind: 'paused' | 'resumed' | 'stopped' | 'lastMinute' | 'end' }

/** A timer this old when a page first sees it was running before the page opened (a reload). */
const SEEN_LATE_MS = 10_000

/**
 * What the timer's change from `before` to `after` (and from `leftBefore` to `leftAfter` ms)
 * says to a listener, if anything: start, pause, resume, stop, the last minute, the end. A page
 * that opens on a timer already running says nothing.
 */
export function announce(before: TimerState | null, after: TimerState | null, leftBefore: number | null, leftAfter: number | null, now: number): Announcement | null {
  if (before === null && after === null) return null
  if (after === null) return { kind: 'stopped' }
  if (before === null || before.startedAt !== after.startedAt) {
    if (before === null && leftBefore === null && now - Date.parse(after.startedAt) > SEEN_LATE_MS) return null
    const ms = after.status === 'paused' ? after.remainingMs : Date.parse(after.endsAt) - Date.parse(after.startedAt)
    return { kind: 'started', minutes: minutesLeft(ms) }
  }
  if (before.status === 'running' && after.status === 'paused') return { kind: 'paused' }
  if (before.status === 'paused' && after.status === 'running') return { kind: 'resumed' }
  if (leftBefore === null || leftAfter === null) return null
  const crossed = crossing(leftBefore, leftAfter)
  return crossed ? { kind: crossed } : null
}

/** A timer that ran out this long ago is over: nobody needs "Tijd is om" the next day. */
export const STALE_AFTER_MS = 30 * 60_000

/** Whether a timer ran out so long ago that the header shows no timer at all. */
export function isStale(timer: TimerState, serverNow: number): boolean {
  return timer.status === 'running' && serverNow - Date.parse(timer.endsAt) > STALE_AFTER_MS
}
