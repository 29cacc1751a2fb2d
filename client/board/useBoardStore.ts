/**
 * Creates the tldraw store for a board once its doc is ready, and ties it to the doc (binding)
 * and to awareness (presence) for as long as the board is open. The canvas and the list view
 * (client/list/) both open their board here; only how the store is made differs (`makeStore`),
 * so this module stays free of tldraw's editor and UI, which the list view never loads.
 */
import { atom, computed, type Signal } from '@tldraw/state'
import type { TLAssetStore, TLStore, TLUserStore } from '@tldraw/tlschema'
import { useEffect, useState } from 'react'
import { createRecordHomes, type NewCardHome, type RecordHomes } from '../drafts/record-homes.ts'
import { bindStoreToDoc, SchemaTooNewError, type DocBinding } from '../sync/binding.ts'
import type { BoardConnection } from '../sync/connection.ts'
import { bindPresence, type PresenceUser } from '../sync/presence.ts'
import { markOpen } from './open-marks.ts'

export type BoardStoreState =
  | { state: 'waiting' }
  /** `homes`: where records live when my draft is bound too (editors and facilitators). */
  | { state: 'ready'; store: TLStore; homes: RecordHomes | null }
  | { state: 'schema-too-new' }
  | { state: 'failed'; message: string }

/**
 * No current user for tldraw's attribution: it would write a `user:` record with the person's
 * name into the shared document (and stamp `textFirstEditedBy` on notes). Names only travel as
 * live presence, which is never stored; that is what makes anonymous boards hold.
 */
const NO_ATTRIBUTION: TLUserStore = { currentUser: atom('dialoogbord.noAttribution', null) }

/** What every board store is made with; `makeStore` adds the schema (and tldraw's shape utils, on the canvas). */
export interface StoreParts {
  users: TLUserStore
  assets?: TLAssetStore
  collaboration: { mode: Signal<'readonly' | 'readwrite'>; status: Signal<'online' | 'offline'> }
}

/** Makes the store: client/board/canvas-store.ts for the canvas, client/board/plain-store.ts for the list. Keep it stable. */
export type MakeStore = (parts: StoreParts) => TLStore

export interface BoardStoreOptions {
  makeStore: MakeStore
  readonly: boolean
  presenceUser: Signal<PresenceUser | null>
  hideNames: Signal<boolean>
  /** Drives tldraw's own collaboration UI (people menu, offline indicator). */
  online: Signal<'online' | 'offline'>
  /** Where pasted images go (our server); without it tldraw would inline them, which the server refuses. */
  assets?: TLAssetStore
  /**
   * Read-only for now, whatever the role: the server ended the connection for good (revoked
   * link). tldraw resets `isReadonly` from the store's mode, so this is the one place to say it.
   */
  frozen?: Signal<boolean>
  /**
   * My private draft of the board, bound to the same store (never for viewers). `newCards` says
   * where a card made now goes; keep the object stable, a new one makes a new store.
   */
  draft?: { connection: BoardConnection; newCards(): NewCardHome } | null
}

export function useBoardStore(connection: BoardConnection | null, ready: boolean, options: BoardStoreOptions): BoardStoreState {
  const [result, setResult] = useState<BoardStoreState>({ state: 'waiting' })
  const { makeStore, readonly, presenceUser, hideNames, online, assets, frozen, draft = null } = options

  useEffect(() => {
    if (!connection || !ready) return
    const store = makeStore({
      users: NO_ATTRIBUTION,
      ...(assets ? { assets } : {}),
      collaboration: { mode: computed('dialoogbord.mode', () => (readonly || frozen?.get() ? 'readonly' : 'readwrite')), status: online },
    })
    markOpen('store created')
    const homes = draft && !readonly ? createRecordHomes(store, { newCards: () => draft.newCards() }) : null
    const bindings: DocBinding[] = []
    const onSchemaTooNew = () => setResult({ state: 'schema-too-new' })
    try {
      bindings.push(bindStoreToDoc(store, connection.doc, { readonly, onSchemaTooNew, ...(homes ? { homes: { homes, part: 'board' } } : {}) }))
      // The draft is bound at once, empty or not: it only adds cards, and its sync may come later.
      if (homes && draft) bindings.push(bindStoreToDoc(store, draft.connection.doc, { onSchemaTooNew, homes: { homes, part: 'draft' } }))
    } catch (error) {
      for (const binding of bindings) binding.dispose()
      homes?.dispose()
      setResult(error instanceof SchemaTooNewError ? { state: 'schema-too-new' } : { state: 'failed', message: String(error) })
      store.dispose()
      return
    }
    markOpen('records loaded')
    const stopPresence = bindPresence(store, connection.provider.awareness, { user: presenceUser, hideNames, ...(homes ? { privateShapes: homes.draftIds } : {}) })
    setResult({ state: 'ready', store, homes })
    return () => {
      stopPresence()
      for (const binding of bindings.reverse()) binding.dispose()
      homes?.dispose()
      setResult({ state: 'waiting' })
    }
  }, [makeStore, connection, ready, readonly, presenceUser, hideNames, online, assets, frozen, draft])

  return result
}
