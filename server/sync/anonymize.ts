/**
 * Anonymous (Chatham House) boards: what is said stays, who said it does not. Presence is
 * relabelled "Deelnemer N" and reduced to the fields tldraw draws; author fields go by
 * `withoutAuthor` (shared/authorship.ts).
 */
import { isPseudonym, pseudonym } from '../../shared/protocol.ts'

export { pseudonym }

type JsonObject = Record<string, unknown>
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The fields of tldraw's instance_presence a client needs to draw someone's cursor. Not `id` and
 * `typeName` (the receiver sets its own), and `meta` travels only empty: any of them could carry
 * a name.
 */
const PRESENCE_FIELDS = [
  'userId',
  'userName',
  'lastActivityTimestamp',
  'followingUserId',
  'cursor',
  'color',
  'camera',
  'screenBounds',
  'selectedShapeIds',
  'currentPageId',
  'brush',
  'scribbles',
  'chatMessage',
  'meta',
] as const

/** A tldraw shape id of sane length: all `editing` may carry. */
const EDITING_SHAPE_ID = /^shape:[\w-]{1,64}$/

/** Ids that name no one: the anonymous ones clients and the server give out. */
const ANONYMOUS_USER_ID = /^(anon|deelnemer)-\d{1,20}$/

function anonymizePresence(presence: JsonObject, n: number): JsonObject {
  const result: JsonObject = {}
  for (const field of PRESENCE_FIELDS) if (field in presence) result[field] = presence[field]
  result.userName = pseudonym(n)
  result.userId = `deelnemer-${n}`
  if ('meta' in presence) result.meta = {}
  if ('followingUserId' in presence) {
    const followed = presence.followingUserId
    result.followingUserId = typeof followed === 'string' && ANONYMOUS_USER_ID.test(followed) ? followed : null
  }
  return result
}

/**
 * One awareness state as others may see it on an anonymous board: the pseudonym, the colour,
 * the whitelisted presence fields and `editing`; every other field is dropped.
 */
export function anonymizeState(state: unknown, n: number): JsonObject {
  const source = isObject(state) ? state : {}
  const user = isObject(source.user) ? source.user : {}
  const result: JsonObject = { user: { name: pseudonym(n), color: typeof user.color === 'string' ? user.color : '#888888' } }
  if (isObject(source.presence)) result.presence = anonymizePresence(source.presence, n)
  else if (source.presence === null) result.presence = null
  // The card being edited ("Deelnemer 2 bewerkt"): a shape id says nothing about who.
  if ('editing' in source) result.editing = typeof source.editing === 'string' && EDITING_SHAPE_ID.test(source.editing) ? source.editing : null
  return result
}

/** The pseudonym number an anonymized state carries ("Deelnemer N"), or null when it has none. */
export function pseudonymNumberOf(state: unknown): number | null {
  const name = isObject(state) && isObject(state.user) ? state.user.name : null
  return isPseudonym(name) ? Number(name.slice(name.lastIndexOf(' ') + 1)) : null
}
