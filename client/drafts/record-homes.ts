/**
 * One tldraw store, two documents: the board everyone shares and my private draft. This decides
 * which document each record lives in, for the two bindings (sync/binding.ts) that tie the store
 * to them. Pure (a store and two YKeyValues), so it runs and is tested in Node.
 *
 * The rules:
 * - a record the board holds belongs to the board ("board wins": after a reveal a card may sit in
 *   both documents for a moment, or for good after a crash between the server's two writes);
 * - else a record the draft holds belongs to the draft;
 * - a record made here goes where it was decided when it was made (so undo and redo put it back
 *   where it was); a NEW card (note, text, geo, unlocked) goes to the draft when `newCards()` says
 *   so, with `meta.prepared` for a facilitator preparing; everything else to the board;
 * - the draft only ever gets what the server lets a draft hold (an unlocked card): anything else
 *   that would belong there stays on this screen only, and so does an arrow binding to a draft
 *   card (the board must not point at something others cannot see).
 *
 * Neither document takes from the screen what the other holds. A reveal removes a card from the
 * draft and adds it to the board over two sockets, in either order; when the draft's removal comes
 * first the card stays on screen for `revealGraceMs` and is removed only if the board has not
 * taken it by then (a deletion in another tab of mine, then, shows that much later).
 */
import type { TLRecord, TLStore } from '@tldraw/tlschema'
import { atom, type Signal } from '@tldraw/state'
import type { YKeyValue } from 'y-utility/y-keyvalue'
import type { StoredRecord } from '../../shared/doc-layout.ts'
import { DRAFT_SHAPE_TYPES } from '../../shared/session.ts'

export type DocPart = 'board' | 'draft'

/** Where a card made now goes: the board, my draft, or my draft as a prepared card (facilitator). */
export type NewCardHome = 'board' | 'draft' | 'prepared'

export interface RecordHomesOptions {
  /** Asked when a card is made; read it from a signal (silent round, "Concept", "Voorbereiden"). */
  newCards(): NewCardHome
  /** How long a card the draft dropped stays on screen waiting for the board to take it. */
  revealGraceMs?: number
  setTimer?: (run: () => void, ms: number) => unknown
  clearTimer?: (timer: unknown) => void
}

export interface RecordHomes {
  /** A binding's document joins; returns its leave. */
  attach(part: DocPart, kv: YKeyValue<StoredRecord>): () => void
  holds(part: DocPart, id: string): boolean
  /** A document's stored copy of a record. */
  stored(part: DocPart, id: string): StoredRecord | undefined
  /** The document a local change of this record is written to; null: none, it stays on this screen. */
  homeOf(record: TLRecord): DocPart | null
  /** A document took the record (a write of ours or one that came in): it lives there now. */
  settle(id: string, part: DocPart): void
  /** The draft dropped a record nobody else holds: keep it on screen a moment (a reveal may be under way). */
  leave(id: string): void
  /** My draft's cards on screen (the draft holds them, the board does not): what gets marked. */
  readonly draftIds: Signal<ReadonlySet<string>>
  dispose(): void
}

export const DEFAULT_REVEAL_GRACE_MS = 3000

/** What a draft may hold (the server closes a draft socket that sends anything else). */
export function fitsDraft(record: { typeName: string; type?: unknown; isLocked?: unknown }): boolean {
  return record.typeName === 'shape' && DRAFT_SHAPE_TYPES.has(String(record.type)) && record.isLocked !== true
}

export function createRecordHomes(store: TLStore, options: RecordHomesOptions): RecordHomes {
  const { newCards, revealGraceMs = DEFAULT_REVEAL_GRACE_MS } = options
  const setTimer = options.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms))
  const clearTimer = options.clearTimer ?? ((timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>))
  const docs = new Map<DocPart, YKeyValue<StoredRecord>>()
  /** Where each record made, loaded or written here lives (or lived: undo brings it back there). */
  const homes = new Map<string, DocPart>()
  const leaving = new Map<string, unknown>()
  const draftIds = atom<ReadonlySet<string>>('dialoogbord.draftIds', new Set())
  let disposed = false

  const holds = (part: DocPart, id: string) => docs.get(part)?.has(id) ?? false

  function refresh() {
    const draft = docs.get('draft')
    const next = new Set<string>(leaving.keys())
    if (draft) for (const id of draft.map.keys()) if (!holds('board', id)) next.add(id)
    const current = draftIds.get()
    if (next.size !== current.size || [...next].some((id) => !current.has(id))) draftIds.set(next)
  }

  /** Where a card made now would go. */
  function decideNew(record: TLRecord): NewCardHome {
    if (!docs.has('draft') || !fitsDraft(record)) return 'board'
    return newCards()
  }

  function homeOf(record: TLRecord): DocPart | null {
    const { id } = record
    if (holds('board', id)) return 'board'
    if (holds('draft', id)) return 'draft'
    if (leaving.has(id)) return null
    if (record.typeName === 'binding' && (isDraftShape(record.fromId) || isDraftShape(record.toId))) return null
    const known = homes.get(id)
    if (known) return known
    const decided = decideNew(record) === 'board' ? 'board' : 'draft'
    homes.set(id, decided)
    return decided
  }

  const isDraftShape = (id: string) => !holds('board', id) && (holds('draft', id) || homes.get(id) === 'draft')

  // Decided when the card is made, not when the store's listeners run a frame later: the mode may
  // change in between, and a prepared card must carry its mark in the store as in the draft.
  const stopBeforeCreate = store.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
    if (source !== 'user' || disposed || homes.has(shape.id) || holds('board', shape.id) || holds('draft', shape.id)) return shape
    const decided = decideNew(shape)
    homes.set(shape.id, decided === 'board' ? 'board' : 'draft')
    if (decided === 'prepared') return { ...shape, meta: { ...shape.meta, prepared: true } }
    // A copy of a prepared card made outside "Voorbereiden" is an ordinary card.
    if (shape.meta.prepared === undefined) return shape
    const { prepared: _prepared, ...meta } = shape.meta
    return { ...shape, meta }
  })

  function settle(id: string, part: DocPart) {
    homes.set(id, part)
    const timer = leaving.get(id)
    if (timer !== undefined) {
      clearTimer(timer)
      leaving.delete(id)
      refresh()
    }
  }

  function leave(id: string) {
    if (leaving.has(id)) return
    leaving.set(
      id,
      setTimer(() => {
        leaving.delete(id)
        if (!disposed && !holds('board', id) && !holds('draft', id) && store.has(id as TLRecord['id'])) {
          store.mergeRemoteChanges(() => store.remove([id as TLRecord['id']]))
        }
        refresh()
      }, revealGraceMs),
    )
    refresh()
  }

  return {
    attach(part, kv) {
      docs.set(part, kv)
      const onChange = () => refresh()
      kv.on('change', onChange)
      refresh()
      return () => {
        kv.off('change', onChange)
        if (docs.get(part) === kv) docs.delete(part)
        refresh()
      }
    },
    holds,
    stored: (part, id) => docs.get(part)?.get(id),
    homeOf,
    settle,
    leave,
    draftIds,
    dispose() {
      disposed = true
      stopBeforeCreate()
      for (const timer of leaving.values()) clearTimer(timer)
      leaving.clear()
    },
  }
}
