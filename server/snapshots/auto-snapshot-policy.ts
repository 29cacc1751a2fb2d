/**
 * When to take an automatic snapshot, and whether to add one or bring the latest up to date.
 *
 * Rules: only when participants changed the board since the last snapshot (of any kind); while a
 * session goes on, at most one per interval; when a session ends within the interval after the
 * latest automatic snapshot, that snapshot is replaced by the current state (its session span
 * and change count grow), so five short sessions in a minute leave one snapshot, not five.
 */

export interface LatestAuto {
  id: string
  /** ms since the epoch */
  createdAt: number
  /** When the first session it covers began (ms); its creation time for snapshots from before sessions were recorded. */
  sessionStart: number
  changes: number
}

export interface SessionSoFar {
  startedAt: number
  changes: number
}

export type AutoSnapshotMoment = 'during-session' | 'session-ended'

export type AutoSnapshotDecision =
  | { kind: 'none' }
  | { kind: 'capture'; sessionStart: number; changes: number }
  | { kind: 'replace'; replaces: string; sessionStart: number; changes: number }

export interface AutoSnapshotInput {
  moment: AutoSnapshotMoment
  session: SessionSoFar | null
  /** The board's newest automatic snapshot, if any. */
  latestAuto: LatestAuto | null
  /** When the board's newest snapshot of any kind was taken (ms), if ever. */
  latestAnyAt: number | null
  now: number
  intervalMs: number
}

export function decideAutoSnapshot(input: AutoSnapshotInput): AutoSnapshotDecision {
  const { session, latestAuto, now, intervalMs } = input
  if (session === null || session.changes === 0) return { kind: 'none' }
  if (input.moment === 'during-session') {
    const since = Math.max(input.latestAnyAt ?? Number.NEGATIVE_INFINITY, session.startedAt)
    return now - since >= intervalMs ? { kind: 'capture', sessionStart: session.startedAt, changes: session.changes } : { kind: 'none' }
  }
  if (latestAuto !== null && now - latestAuto.createdAt < intervalMs) {
    return {
      kind: 'replace',
      replaces: latestAuto.id,
      sessionStart: Math.min(latestAuto.sessionStart, session.startedAt),
      changes: latestAuto.changes + session.changes,
    }
  }
  return { kind: 'capture', sessionStart: session.startedAt, changes: session.changes }
}

const clock = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' })

/** "Sessie 14:05–15:40, 23 wijzigingen" (times in the Netherlands, like every label the server writes). */
export function sessionLabel(sessionStart: number, end: number, changes: number): string {
  const what = changes === 1 ? '1 wijziging' : `${changes} wijzigingen`
  return `Sessie ${clock.format(sessionStart)}–${clock.format(end)}, ${what}`
}
