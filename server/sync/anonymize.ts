/**
 * Anonymous (Chatham House) boards: what is said stays, who said it does not. Presence is
 * relabelled "Deelnemer N"; author fields go by `withoutAuthor` (shared/authorship.ts).
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { pseudonym } from '../../shared/protocol.ts'

export { pseudonym }

type JsonObject = Record<string, unknown>
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Replaces every name and stable user id in one awareness state with the client's pseudonym. */
export function anonymizeState(state: unknown, n: number): unknown {
  if (!isObject(state)) return state
  const name = pseudonym(n)
  const user = isObject(state.user) ? state.user : {}
  const result: JsonObject = { ...state, user: { name, color: typeof user.color === 'string' ? user.color : '#888888' } }
  if (isObject(state.presence)) result.presence = { ...state.presence, userName: name, userId: `deelnemer-${n}` }
  return result
}

/**
 * Rewrites an awareness update (y-protocols format: count, then clientID, clock, JSON state).
 * Throws on malformed input, like the decoder it uses.
 */
export function anonymizeAwarenessUpdate(update: Uint8Array, numberFor: (clientId: number) => number): Uint8Array {
  const decoder = decoding.createDecoder(update)
  const encoder = encoding.createEncoder()
  const count = decoding.readVarUint(decoder)
  encoding.writeVarUint(encoder, count)
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const state: unknown = JSON.parse(decoding.readVarString(decoder))
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, JSON.stringify(state === null ? null : anonymizeState(state, numberFor(clientId))))
  }
  return encoding.toUint8Array(encoder)
}
