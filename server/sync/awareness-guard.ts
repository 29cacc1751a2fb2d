/**
 * Checks a client's awareness update before y-protocols sees it. y-protocols parses and keeps
 * whatever JSON it is sent and re-encodes it for every newcomer, so a huge state is kept and
 * relayed, and one nested too deep parses but can never be encoded again (every later join
 * fails). Each entry is measured before it is parsed; only accepted entries are re-encoded.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export interface AwarenessLimits {
  /** Largest state, in bytes of its JSON text. */
  maxStateBytes: number
  /** Deepest nesting of objects and arrays in a state (tldraw's presence needs about 6). */
  maxDepth: number
  /** Client ids one connection may speak for (a browser tab uses one). */
  maxClientsPerConnection: number
}

export const DEFAULT_AWARENESS_LIMITS: AwarenessLimits = { maxStateBytes: 16 * 1024, maxDepth: 16, maxClientsPerConnection: 4 }

export interface AwarenessFilter {
  limits: AwarenessLimits
  /** Whether the sender may set (or, with `state === null`, remove) this client's entry. */
  mayWrite(clientId: number, state: unknown): boolean
  /** Rewrites an accepted, non-null state (anonymous boards). */
  rewrite?(clientId: number, state: unknown): unknown
}

/** Whether `value` nests objects or arrays deeper than `max` levels. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  if (typeof value !== 'object' || value === null) return false
  if (max === 0) return true
  for (const child of Object.values(value)) if (nestedDeeperThan(child, max - 1)) return true
  return false
}

const textDecoder = new TextDecoder('utf-8', { fatal: true })

/**
 * The update with only the entries the filter accepts (y-protocols format: count, then per entry
 * clientID, clock and the state as JSON text), or null when none is left. Throws on malformed
 * input, like y-protocols would.
 */
export function filterAwarenessUpdate(update: Uint8Array, filter: AwarenessFilter): Uint8Array | null {
  const decoder = decoding.createDecoder(update)
  // A peer speaks for only a few client ids, so entries past that many are not even read.
  const count = Math.min(decoding.readVarUint(decoder), filter.limits.maxClientsPerConnection)
  const accepted: { clientId: number; clock: number; json: string }[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    // The same bytes as a varString, read without decoding them: oversized ones are never parsed.
    const bytes = decoding.readVarUint8Array(decoder)
    if (bytes.length > filter.limits.maxStateBytes) continue
    const state: unknown = JSON.parse(textDecoder.decode(bytes))
    if (nestedDeeperThan(state, filter.limits.maxDepth)) continue
    if (!filter.mayWrite(clientId, state)) continue
    const kept = state === null || !filter.rewrite ? state : filter.rewrite(clientId, state)
    accepted.push({ clientId, clock, json: JSON.stringify(kept) })
  }
  if (accepted.length === 0) return null
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, accepted.length)
  for (const { clientId, clock, json } of accepted) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, json)
  }
  return encoding.toUint8Array(encoder)
}
