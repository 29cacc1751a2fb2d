/**
 * Raised hands and reactions read from the awareness states (shared/awareness.ts). Pure: the
 * states in, what to show out, so the rules are easy to test. Who is a facilitator comes from
 * `role`, which the server stamps; only such a state can lower someone's hand.
 */
import { MAX_LOWERED_HANDS, sessionAwarenessOf, type LoweredHands, type ReactionEmoji } from '../../shared/awareness.ts'
import { isPseudonym } from '../../shared/protocol.ts'

export type States = ReadonlyMap<number, unknown>

/** One raised hand in the facilitator's queue. */
export interface QueuedHand {
  clientId: number
  /** The name or pseudonym; null when the state carries none we may show. */
  name: string | null
  raisedAt: number
  mine: boolean
}

type JsonObject = Record<string, unknown>
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value)

/** The name to show for a state: on anonymous boards only the server's "Deelnemer N". */
export function nameOf(state: unknown, anonymous: boolean): string | null {
  const user = isObject(state) && isObject(state.user) ? state.user : null
  const name = typeof user?.name === 'string' ? user.name.trim() : ''
  if (anonymous) return isPseudonym(name) ? name : null
  return name === '' ? null : name
}

/** Every raised hand, oldest first (ties by client id, so every screen shows the same order). */
export function handQueue(states: States, ownClientId: number, anonymous: boolean): QueuedHand[] {
  const queue: QueuedHand[] = []
  for (const [clientId, state] of states) {
    const hand = sessionAwarenessOf(state).hand
    if (!hand) continue
    queue.push({ clientId, name: nameOf(state, anonymous), raisedAt: hand.raisedAt, mine: clientId === ownClientId })
  }
  return queue.sort((a, b) => a.raisedAt - b.raisedAt || a.clientId - b.clientId)
}

/** Whether a facilitator's state lowered my hand raised at `raisedAt`. */
export function isLowered(states: States, ownClientId: number, raisedAt: number): boolean {
  for (const [clientId, state] of states) {
    if (clientId === ownClientId) continue
    const { role, lowered } = sessionAwarenessOf(state)
    if (role === 'facilitator' && lowered?.[String(ownClientId)] === raisedAt) return true
  }
  return false
}

/**
 * The facilitator's `lowered` after lowering `hands`: earlier entries whose hand is still up
 * (its owner has not seen it yet) stay, those already down go, and it never outgrows the limit.
 */
export function loweredAfter(previous: LoweredHands | undefined, hands: readonly Pick<QueuedHand, 'clientId' | 'raisedAt'>[], states: States): LoweredHands {
  const result: LoweredHands = {}
  for (const hand of hands.slice(0, MAX_LOWERED_HANDS)) result[String(hand.clientId)] = hand.raisedAt
  for (const [clientId, raisedAt] of Object.entries(previous ?? {})) {
    if (Object.keys(result).length >= MAX_LOWERED_HANDS) break
    if (clientId in result) continue
    if (sessionAwarenessOf(states.get(Number(clientId))).hand?.raisedAt === raisedAt) result[clientId] = raisedAt
  }
  return result
}

/** A reaction to float at its sender's cursor. */
export interface ReactionEvent {
  clientId: number
  emoji: ReactionEmoji
  /** Page coordinates of the sender's cursor, or null when it has none. */
  at: { x: number; y: number } | null
  name: string | null
  color: string | null
}

/**
 * Tells new reactions apart from ones already shown: a state seen for the first time (a late
 * joiner seeing an old reaction, a reconnect) floats nothing; after that each new `n` floats once.
 */
export class ReactionTracker {
  /** Last `n` per client; -1: seen without a reaction. */
  private readonly seen = new Map<number, number>()

  constructor(states: States) {
    for (const [clientId, state] of states) this.seen.set(clientId, sessionAwarenessOf(state).reaction?.n ?? -1)
  }

  /** The reactions the changed clients sent since last time. */
  changed(states: States, changedIds: readonly number[], removedIds: readonly number[], anonymous: boolean): ReactionEvent[] {
    for (const clientId of removedIds) this.seen.delete(clientId)
    const events: ReactionEvent[] = []
    for (const clientId of changedIds) {
      const state = states.get(clientId)
      const reaction = sessionAwarenessOf(state).reaction
      const before = this.seen.get(clientId)
      this.seen.set(clientId, reaction?.n ?? -1)
      if (before === undefined || !reaction || reaction.n === before) continue
      events.push({ clientId, emoji: reaction.emoji, at: cursorOf(state), name: nameOf(state, anonymous), color: colorOf(state) })
    }
    return events
  }
}

function cursorOf(state: unknown): { x: number; y: number } | null {
  const presence = isObject(state) && isObject(state.presence) ? state.presence : null
  const cursor = presence && isObject(presence.cursor) ? presence.cursor : null
  return cursor && Number.isFinite(cursor.x) && Number.isFinite(cursor.y) ? { x: cursor.x as number, y: cursor.y as number } : null
}

function colorOf(state: unknown): string | null {
  const user = isObject(state) && isObject(state.user) ? state.user : null
  return typeof user?.color === 'string' && /^#[0-9a-f]{3,8}$/i.test(user.color) ? user.color : null
}

/** Whether a reaction may go now: at most one per `gapMs`. */
export function makeRateLimit(gapMs: number, now: () => number = Date.now): () => boolean {
  let last = -Infinity
  return () => {
    const at = now()
    if (at - last < gapMs) return false
    last = at
    return true
  }
}

/** How long ago a hand went up, coarse enough not to change every second. */
export function sinceRaised(ms: number): { unit: 'justNow' } | { unit: 'seconds' | 'minutes'; n: number } {
  if (ms < 10_000) return { unit: 'justNow' }
  if (ms < 60_000) return { unit: 'seconds', n: Math.floor(ms / 10_000) * 10 }
  return { unit: 'minutes', n: Math.floor(ms / 60_000) }
}
