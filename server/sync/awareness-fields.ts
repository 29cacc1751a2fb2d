/**
 * The session fields of an accepted awareness state (shared/awareness.ts): `role` comes from the
 * connection, never from the client, so everyone can trust who is the facilitator; `hand`,
 * `reaction` and `following` are kept only when well-formed; `lowered` (lowering others' hands)
 * only from a facilitator's connection. A malformed field is dropped, the rest of the state kept.
 */
import { SESSION_AWARENESS_FIELDS, sessionAwarenessOf } from '../../shared/awareness.ts'
import type { Role } from '../../shared/roles.ts'

type JsonObject = Record<string, unknown>
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * `base` (the state as it may be relayed: as sent, or anonymized) with the session fields `sent`
 * carries, checked, and `role` stamped. A state that is not an object keeps only the role.
 */
export function withSessionFields(base: unknown, sent: unknown, role: Role): JsonObject {
  const result: JsonObject = isObject(base) ? { ...base } : {}
  for (const field of SESSION_AWARENESS_FIELDS) delete result[field]
  const { role: _claimed, lowered, ...fields } = sessionAwarenessOf(sent)
  Object.assign(result, fields)
  if (lowered !== undefined && role === 'facilitator') result.lowered = lowered
  result.role = role
  return result
}
