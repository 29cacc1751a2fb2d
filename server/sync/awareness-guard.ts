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
  /** Rewrites an accepted, non-null state (the session fields and role, anonymous boards: room.ts). */
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
 * An honest presence outgrows the limit only through its selection (select-all on a big board:
 * ~30 bytes per card). States up to this many times the limit are parsed once more to drop it,
 * so that person's cursor keeps moving for the others; larger ones are never parsed.
 */
const SHRINKABLE_FACTOR = 4

type JsonObject = Record<string, unknown>
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value)

/** The state without the lists that grow with the board (selection, scribbles), or null when it has none. */
function withoutGrowingLists(state: unknown): unknown {
  if (!isObject(state) || !isObject(state.presence)) return null
  const { presence } = state
  if (!Array.isArray(presence.selectedShapeIds) && !Array.isArray(presence.scribbles)) return null
  return { ...state, presence: { ...presence, selectedShapeIds: [], scribbles: [] } }
}

/** The state to keep from these bytes, or undefined when it is refused for its size or depth. */
function readState(bytes: Uint8Array, limits: AwarenessLimits): unknown {
  if (bytes.length > limits.maxStateBytes * SHRINKABLE_FACTOR) return undefined
  const state: unknown = JSON.parse(textDecoder.decode(bytes))
  if (nestedDeeperThan(state, limits.maxDepth)) return undefined
  if (bytes.length <= limits.maxStateBytes) return state
  const shrunk = withoutGrowingLists(state)
  return shrunk !== null && Buffer.byteLength(JSON.stringify(shrunk)) <= limits.maxStateBytes ? shrunk : undefined
}

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
    // The same bytes as a varString, read without decoding them: far oversized ones are never parsed.
    const bytes = decoding.readVarUint8Array(decoder)
    const state = readState(bytes, filter.limits)
    if (state === undefined || !filter.mayWrite(clientId, state)) continue
    const kept = state === null || !filter.rewrite ? state : filter.rewrite(clientId, state)
    accepted.push({ clientId, clock, json: JSON.stringify(kept) })
  }
  return accepted.length === 0 ? null : encodeAwarenessEntries(accepted)
}

/** One awareness entry as it travels: the JSON text of its state, as sent or re-encoded. */
export interface AwarenessEntry {
  clientId: number
  clock: number
  json: string
}

/** Awareness entries in y-protocols' format: a count, then client id, clock and JSON text of each. */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, json)
  }
  return encoding.toUint8Array(encoder)
}
