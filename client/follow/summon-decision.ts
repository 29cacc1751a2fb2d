/**
 * When a summon ("Breng iedereen hierheen") moves this tab's view. Every summon moves each tab
 * once (by its id, remembered per tab like the camera in board/session-camera.ts, so a reload
 * does not move you again); a tab opening the board soon after a summon lands where the group is,
 * instead of the overview; "Volg mij" wins over both, since following already shows the group.
 */
import type { Summon } from '../../shared/session.ts'

/** A summon older than this is history: a tab opening the board then starts from the overview. */
export const SUMMON_LANDING_MS = 3 * 60 * 60 * 1000

/** `move`: fit it into view, gently; `land`: at once (the board is just opening); `none`: stay. */
export type SummonMove = 'move' | 'land' | 'none'

export interface SummonSituation {
  summon: Summon | null
  /** The summon id this tab already acted on (or skipped). */
  seenId: string | null
  /** The board is opening in this tab (first look at its meta), not a summon arriving live. */
  opening: boolean
  /** This tab follows the spotlight (or will, as soon as the leader's cursor arrives). */
  following: boolean
  /** This tab sent it: its view already is the summoned area. */
  sentHere: boolean
  now: number
}

export function summonMove({ summon, seenId, opening, following, sentHere, now }: SummonSituation): SummonMove {
  if (!summon || summon.id === seenId || following || sentHere) return 'none'
  if (!opening) return 'move'
  const at = Date.parse(summon.at)
  // The server's clock against ours: a few minutes of skew hardly matter on three hours.
  return Number.isFinite(at) && now - at < SUMMON_LANDING_MS ? 'land' : 'none'
}

/** Same area within a pixel or so: what this tab asked for coming back as the board's summon. */
export function sameArea(a: Summon['bounds'], b: Summon['bounds']): boolean {
  const close = (p: number, q: number) => Math.abs(p - q) <= 0.5 + Math.abs(q) * 1e-6
  return close(a.x, b.x) && close(a.y, b.y) && close(a.w, b.w) && close(a.h, b.h)
}
