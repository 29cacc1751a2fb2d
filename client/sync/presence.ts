/**
 * Live cursors, selections and names over Yjs awareness (docs/document.md, "Awareness state"):
 * every client publishes `{ user: {name, color}, presence: <tldraw instance_presence> }` and
 * puts everyone else's presence into its store, so tldraw draws their cursors.
 *
 * Two additions to tldraw's presence: `editing` (the shape someone has in edit mode, which tldraw's
 * presence does not carry), mirrored as `meta.editing` on their presence record so the board can
 * say "Anna bewerkt" on that card; and colours made distinct per board (distinctColors), so
 * fifteen people never share one.
 *
 * Like the document binding this is pure: a TLStore and an Awareness, no React, no provider.
 */
import {
  createPresenceStateDerivation,
  InstancePageStateRecordType,
  InstancePresenceRecordType,
  TLINSTANCE_ID,
  type TLInstancePresence, type TLStore, type TLUser, type TLUserId } from '@tldraw/tlschema'
import { atom, computed, react, type Signal } from '@tldraw/state'
import type { Awareness } from 'y-protocols/awareness'
import type { SessionAwareness } from '../../shared/awareness.ts'
import { isPseudonym } from '../../shared/protocol.ts'
import { distinctColors } from '../user/identity.ts'

/** Who this participant is, as far as others may know. */
export interface PresenceUser {
  /** Stable per device; other clients see it as the cursor's user id. */
  id: string
  name: string
  color: string
}

/**
 * The contract's awareness state. The session fields (hand, reaction, following; shared/awareness.ts)
 * are set by their features with setLocalStateField: publishing here spreads the local state, so
 * they travel on with every cursor update.
 */
export interface AwarenessState extends SessionAwareness {
  user?: { name: string; color: string }
  presence?: TLInstancePresence | null
  /** The shape this client is editing (text edit mode), or null. */
  editing?: string | null
}

/** What another client's presence record carries in `meta`, read by the board's UI. */
export interface PresenceMeta {
  editing: string | null
}

/** The shape another participant is editing, from their presence record. */
export function editingShapeOf(presence: Pick<TLInstancePresence, 'meta'>): string | null {
  const editing = presence.meta.editing
  return typeof editing === 'string' ? editing : null
}

/** Same shape as the server allows (server/sync/anonymize.ts): a tldraw shape id of sane length. */
const SHAPE_ID = /^shape:[\w-]{1,64}$/

export interface PresenceOptions {
  /** Our identity; null until known (then we publish no cursor at all). */
  user: Signal<PresenceUser | null>
  /**
   * Anonymous board: our name and stable id are never sent, and names other clients send are
   * blanked before they reach the store (a client with stale settings cannot leak them), except
   * the pseudonyms ("Deelnemer 2") the server gives everyone there.
   */
  hideNames?: Signal<boolean>
  /**
   * How to defer publishing (pointer moves come at 60+ Hz; one awareness update per frame is
   * plenty). Defaults to requestAnimationFrame when present, else a microtask.
   */
  schedule?: (publish: () => void) => void
  onError?: (error: unknown) => void
  /**
   * Shapes only this client has (my draft cards): never named in what we publish, so selecting
   * or editing one tells nobody that it exists.
   */
  privateShapes?: Signal<ReadonlySet<string>>
}

/** The store id of another client's presence: derived from its awareness client id only. */
export function presenceIdFor(clientId: number): TLInstancePresence['id'] {
  return InstancePresenceRecordType.createId(String(clientId))
}

const NEVER_HIDE = atom('dialoogbord.hideNames.default', false)
const NOTHING_PRIVATE = atom<ReadonlySet<string>>('dialoogbord.privateShapes.default', new Set())

/**
 * Publishes our presence and mirrors everyone else's into the store until the returned
 * function is called (which also withdraws our cursor and removes theirs from the store).
 */
export function bindPresence(store: TLStore, awareness: Awareness, options: PresenceOptions): () => void {
  const { user, hideNames = NEVER_HIDE, schedule = defaultSchedule, onError = reportError, privateShapes = NOTHING_PRIVATE } = options
  const ownClientId = awareness.clientID
  let disposed = false

  /* ------------------------------ ours → awareness ------------------------------ */

  const $tlUser = computed<TLUser | null>('dialoogbord.presenceUser', () => {
    const current = user.get()
    if (!current) return null
    const hidden = hideNames.get()
    return {
      typeName: 'user',
      // tldraw compares presence user ids with editor.user.getId(), so keep the plain id.
      id: (hidden ? `anon-${ownClientId}` : current.id) as TLUserId,
      name: hidden ? '' : current.name,
      color: current.color,
      imageUrl: '',
      meta: {},
    }
  })
  const $presence = createPresenceStateDerivation($tlUser, { instanceId: presenceIdFor(ownClientId) })(store)
  const $editing = computed<string | null>('dialoogbord.editingShape', () => {
    const pageId = store.get(TLINSTANCE_ID)?.currentPageId
    return pageId ? (store.get(InstancePageStateRecordType.createId(pageId))?.editingShapeId ?? null) : null
  })

  let publishPending = false
  const publish = () => {
    publishPending = false
    if (disposed) return
    const tlUser = $tlUser.get()
    const state: AwarenessState = { ...(awareness.getLocalState() as AwarenessState | null) }
    if (tlUser) state.user = { name: tlUser.name, color: tlUser.color }
    else delete state.user
    const presence = $presence.get()
    const secret = privateShapes.get()
    state.presence = presence && secret.size > 0 ? { ...presence, selectedShapeIds: presence.selectedShapeIds.filter((id) => !secret.has(id)) } : presence
    const editing = state.presence ? $editing.get() : null
    state.editing = editing !== null && secret.has(editing) ? null : editing
    awareness.setLocalState(state as Record<string, unknown>)
  }
  const stopPublishing = react('dialoogbord.publishPresence', () => {
    $presence.get()
    $tlUser.get()
    $editing.get()
    privateShapes.get()
    if (publishPending) return
    publishPending = true
    schedule(publish)
  })

  /* ------------------------------ theirs → store ------------------------------ */

  const shown = new Set<TLInstancePresence['id']>()
  /** The colour each client was last drawn in, to redraw those whose colour a newcomer moved. */
  const drawnColors = new Map<number, string>()

  const mirror = (changed: readonly number[], removed: readonly number[]) => {
    const states = awareness.getStates() as Map<number, AwarenessState>
    const colors = distinctColors(
      [...states].flatMap(([key, state]) => (typeof state.user?.color === 'string' ? [{ key, color: state.user.color }] : [])),
    )
    const recolored = [...drawnColors].filter(([clientId, color]) => colors.has(clientId) && colors.get(clientId) !== color).map(([clientId]) => clientId)
    const clientIds = new Set([...changed, ...recolored])
    const toPut: TLInstancePresence[] = []
    const toRemove: TLInstancePresence['id'][] = []
    for (const clientId of clientIds) {
      if (clientId === ownClientId) continue
      const record = presenceRecord(clientId, states.get(clientId), colors.get(clientId), hideNames.get(), onError)
      if (record) toPut.push(record)
      else toRemove.push(presenceIdFor(clientId))
    }
    for (const clientId of removed) if (clientId !== ownClientId) toRemove.push(presenceIdFor(clientId))

    const present = toRemove.filter((id) => shown.has(id))
    if (toPut.length === 0 && present.length === 0) return
    store.mergeRemoteChanges(() => {
      if (present.length > 0) store.remove(present)
      if (toPut.length > 0) store.put(toPut)
    })
    for (const id of present) shown.delete(id)
    for (const record of toPut) shown.add(record.id)
    for (const clientId of removed) drawnColors.delete(clientId)
    for (const clientId of clientIds) {
      const color = colors.get(clientId)
      if (color && states.has(clientId)) drawnColors.set(clientId, color)
      else drawnColors.delete(clientId)
    }
  }

  const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    if (!disposed) mirror([...added, ...updated], removed)
  }
  awareness.on('change', onChange)
  // Whoever was already there before we bound, and everyone again when anonymity flips.
  const stopMirroringAll = react('dialoogbord.mirrorAllPresence', () => {
    hideNames.get()
    mirror([...awareness.getStates().keys()], [])
  })

  return function dispose() {
    if (disposed) return
    disposed = true
    stopPublishing()
    stopMirroringAll()
    awareness.off('change', onChange)
    const state = { ...(awareness.getLocalState() as AwarenessState | null) }
    if (awareness.getLocalState() !== null) {
      state.presence = null
      awareness.setLocalState(state as Record<string, unknown>)
    }
    const ids = [...shown].filter((id) => store.has(id))
    shown.clear()
    if (ids.length > 0) store.mergeRemoteChanges(() => store.remove(ids))
  }
}

/** Another client's presence as a valid store record, or null when it shows no cursor. */
function presenceRecord(
  clientId: number,
  state: AwarenessState | undefined,
  color: string | undefined,
  hideNames: boolean,
  onError: (e: unknown) => void,
): TLInstancePresence | null {
  const presence = state?.presence
  if (!presence || typeof presence !== 'object') return null
  const editing = typeof state.editing === 'string' && SHAPE_ID.test(state.editing) ? state.editing : null
  const meta: PresenceMeta = { editing }
  const candidate = {
    ...presence,
    // Our ids, never theirs: a peer can only ever occupy (and be removed from) its own slot.
    id: presenceIdFor(clientId),
    typeName: 'instance_presence',
    userId: hideNames ? `anon-${clientId}` : presence.userId,
    // On an anonymous board only the server's "Deelnemer N" passes, never a name a stale client sent.
    userName: hideNames ? (isPseudonym(state.user?.name) ? state.user.name : '') : (state.user?.name ?? presence.userName ?? ''),
    color: color ?? state.user?.color ?? presence.color,
    // Only what we put there: a peer's own meta could carry anything.
    meta: { ...meta },
  }
  try {
    return InstancePresenceRecordType.validate(candidate)
  } catch (error) {
    onError(error)
    return null
  }
}

function defaultSchedule(publish: () => void) {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => publish())
  else queueMicrotask(publish)
}

function reportError(error: unknown) {
  console.warn('[dialoogbord] ignored an invalid presence from another participant', error)
}
