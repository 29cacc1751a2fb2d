/**
 * What the facilitator's "Deelnemers" panel shows, from awareness and the board: who is connected
 * (their name, or the server's pseudonym on an anonymous board), their role (stamped by the server,
 * so nobody can pose as the facilitator), who follows "Volg mij", who has been idle for a while;
 * and how many cards each part of the board holds, so one sees whether every group has spoken.
 */
import { sessionAwarenessOf } from '../../shared/awareness.ts'
import { BoardGeometry, type HarvestRecord } from '../../shared/board-geometry.ts'
import { cardInfo, isVotableCard } from '../../shared/card-rules.ts'
import type { Role } from '../../shared/roles.ts'
import { boardSteps } from '../facilitation/steps.ts'

/** No pointer, camera or selection change for this long: idle (tldraw itself greys cursors after 60 s). */
export const IDLE_AFTER_MS = 2 * 60 * 1000

export interface ParticipantRow {
  clientId: number
  /** '' when they gave no name (or before the server's pseudonym reached us). */
  name: string
  role: Role | null
  following: boolean
  idle: boolean
  me: boolean
}

/**
 * When each client last did something, on OUR clock: their presence's own timestamps come from
 * their laptop's clock, which may be minutes off. A client counts as active when what it publishes
 * about its pointer, camera or selection changes.
 */
export class ActivityClock {
  private readonly seen = new Map<number, { key: string; at: number }>()

  /** Notes a client's state as seen at `now`. */
  observe(clientId: number, state: unknown, now: number): void {
    const key = activityKey(state)
    const last = this.seen.get(clientId)
    if (!last || last.key !== key) this.seen.set(clientId, { key, at: now })
  }

  forget(clientId: number): void {
    this.seen.delete(clientId)
  }

  lastActive(clientId: number): number | undefined {
    return this.seen.get(clientId)?.at
  }
}

function activityKey(state: unknown): string {
  const presence = typeof state === 'object' && state !== null ? (state as { presence?: unknown }).presence : undefined
  if (typeof presence !== 'object' || presence === null) return ''
  const { cursor, camera, selectedShapeIds, lastActivityTimestamp, currentPageId } = presence as Record<string, unknown>
  return JSON.stringify([cursor, camera, selectedShapeIds, lastActivityTimestamp, currentPageId])
}

/** Everyone connected, the facilitators first, then by name; me included (marked). */
export function participantRows(
  states: ReadonlyMap<number, unknown>,
  options: { me: number; myRole?: Role; clock: ActivityClock; now: number },
): ParticipantRow[] {
  const rows: ParticipantRow[] = []
  for (const [clientId, state] of states) {
    // A state without a user is a tab that has not joined yet (or a draft socket's): nobody to show.
    const user = typeof state === 'object' && state !== null ? (state as { user?: unknown }).user : undefined
    if (typeof user !== 'object' || user === null) continue
    const name = (user as { name?: unknown }).name
    const session = sessionAwarenessOf(state)
    const lastActive = options.clock.lastActive(clientId)
    rows.push({
      clientId,
      name: typeof name === 'string' ? name.trim() : '',
      // The server stamps the role on what it relays; my own state here is the one I sent.
      role: session.role ?? (clientId === options.me ? (options.myRole ?? null) : null),
      following: session.following === true,
      idle: clientId !== options.me && lastActive !== undefined && options.now - lastActive >= IDLE_AFTER_MS,
      me: clientId === options.me,
    })
  }
  const rank = (role: Role | null) => (role === 'facilitator' ? 0 : role === 'editor' ? 1 : role === 'viewer' ? 2 : 3)
  return rows.sort((a, b) => rank(a.role) - rank(b.role) || a.name.localeCompare(b.name, 'nl') || a.clientId - b.clientId)
}

export interface PartCount {
  zone: string
  name: string
  cards: number
}

/**
 * Cards with text per part (zone frame), in the order of the Stappen panel. A template's blank
 * notes are not counted: they are places to write, not contributions.
 */
export function cardsPerPart(records: readonly HarvestRecord[]): PartCount[] {
  const geometry = new BoardGeometry(records)
  const frames = geometry.zoneFrames()
  const counts = new Map<string, number>()
  for (const item of geometry.contentItems()) {
    if (!isVotableCard(item.shape)) continue
    const zone = cardInfo(geometry, item.shape, frames).zone
    if (zone) counts.set(zone.id, (counts.get(zone.id) ?? 0) + 1)
  }
  return boardSteps(records).map((step) => ({ zone: step.zone, name: step.label, cards: counts.get(step.id) ?? 0 }))
}
