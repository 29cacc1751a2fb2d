/**
 * The session fields of an awareness state (docs/document.md, "Awareness state"), next to
 * `user`, `presence` and `editing`: ephemeral, never stored. The server keeps only values these
 * readers accept (server/sync/awareness-fields.ts) and stamps `role` itself; clients read other
 * people's states through the same readers, so a stale or odd state never reaches the UI.
 */
import { ROLES, type Role } from './roles.ts'

/** The reactions one can send, in the order the buttons show them. */
export const REACTION_EMOJIS = ['👍', '❤️', '❓', '💡'] as const
export type ReactionEmoji = (typeof REACTION_EMOJIS)[number]

/** A raised hand; `raisedAt` is server-clock ms (the queue's order). */
export interface RaisedHand {
  raisedAt: number
}

/** The latest reaction; `n` counts up per reaction, so the same emoji twice shows twice. */
export interface Reaction {
  emoji: ReactionEmoji
  n: number
}

/** Hands a facilitator lowered: client id (as text) → the `raisedAt` of the hand lowered. */
export type LoweredHands = Record<string, number>

/** Entries of `lowered` one state may carry (a facilitator lowers at most this many at once). */
export const MAX_LOWERED_HANDS = 100

export interface SessionAwareness {
  /** Stamped by the server from the connection's role; whatever a client sends is overwritten. */
  role?: Role
  hand?: RaisedHand | null
  reaction?: Reaction
  /** This client follows the facilitator's spotlight ("Volg mij"). */
  following?: boolean
  /** Only in a facilitator's state (the server drops it from anyone else's). */
  lowered?: LoweredHands
}

/** The awareness fields this module governs. */
export const SESSION_AWARENESS_FIELDS = ['role', 'hand', 'reaction', 'following', 'lowered'] as const

type JsonObject = Record<string, unknown>
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value)
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0

/* Each reader returns the value as it may be kept, or undefined when it is missing or malformed. */

export function readRole(value: unknown): Role | undefined {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value) ? (value as Role) : undefined
}

export function readHand(value: unknown): RaisedHand | null | undefined {
  if (value === null) return null
  return isObject(value) && isTime(value.raisedAt) ? { raisedAt: value.raisedAt } : undefined
}

export function readReaction(value: unknown): Reaction | undefined {
  if (!isObject(value) || !(REACTION_EMOJIS as readonly unknown[]).includes(value.emoji)) return undefined
  return Number.isSafeInteger(value.n) && (value.n as number) >= 0 ? { emoji: value.emoji as ReactionEmoji, n: value.n as number } : undefined
}

export function readFollowing(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined
}

/** Client ids are unsigned 32-bit integers (Yjs), written in decimal. */
const CLIENT_ID = /^\d{1,10}$/

export function readLowered(value: unknown): LoweredHands | undefined {
  if (!isObject(value)) return undefined
  const entries = Object.entries(value)
  if (entries.length > MAX_LOWERED_HANDS) return undefined
  const result: LoweredHands = {}
  for (const [clientId, raisedAt] of entries) {
    if (!CLIENT_ID.test(clientId) || !isTime(raisedAt)) return undefined
    result[clientId] = raisedAt
  }
  return result
}

/** The session fields of someone's awareness state, each one only when well-formed. */
export function sessionAwarenessOf(state: unknown): SessionAwareness {
  if (!isObject(state)) return {}
  const result: SessionAwareness = {}
  const role = readRole(state.role)
  if (role !== undefined) result.role = role
  const hand = readHand(state.hand)
  if (hand !== undefined) result.hand = hand
  const reaction = readReaction(state.reaction)
  if (reaction !== undefined) result.reaction = reaction
  const following = readFollowing(state.following)
  if (following !== undefined) result.following = following
  const lowered = readLowered(state.lowered)
  if (lowered !== undefined) result.lowered = lowered
  return result
}
