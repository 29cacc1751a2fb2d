/**
 * Two-way binding between a tldraw store and a board's Y.Doc (layout: shared/doc-layout.ts).
 *
 * Pure on purpose: it knows a TLStore and a Y.Doc, nothing about React, websockets or
 * IndexedDB, so it runs (and is tested) in Node exactly as in the browser.
 *
 * - Only document-scope records travel; session state (camera, selection, presence) stays local.
 * - Local edits: one `doc.transact` per store change batch, tagged with this binding's origin.
 * - Remote edits: the YKeyValue `change` event, skipping our own origin, applied with
 *   `store.mergeRemoteChanges` so they neither echo back nor land in the local undo stack.
 * - Load: records stored under an older tldraw schema are migrated (and written back when we may
 *   write); a schema newer than ours is refused, because we could only damage what we can't read.
 * - Two docs on one store (the board and my draft, `homes`): each binding writes only the records
 *   whose home is its doc, and never takes off the screen what the other doc holds (drafts/record-homes.ts).
 */
import type { SerializedSchema } from '@tldraw/store'
import type { TLRecord, TLStore } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { metaMap, recordsKeyValue, SCHEMA_KEY, type StoredRecord } from '../../shared/doc-layout.ts'
import { fitsDraft, type DocPart, type RecordHomes } from '../drafts/record-homes.ts'

export interface DocBindingOptions {
  /**
   * Never write to the doc (viewers). The server drops a viewer's updates anyway; not writing
   * keeps their local copy (and IndexedDB cache) equal to what the server has.
   */
  readonly?: boolean
  /** A remote record that could not be applied (invalid, or failed to migrate). */
  onError?: (error: unknown) => void
  /**
   * Someone wrote the document with a newer tldraw schema than ours while we were connected.
   * The binding stops syncing; the page must be reloaded (with a newer client).
   */
  onSchemaTooNew?: () => void
  /**
   * The store is bound to a second doc as well (the board and my draft): `homes` decides which
   * records are this doc's (`part`). Without it this doc is the store's only one.
   */
  homes?: { homes: RecordHomes; part: DocPart }
}

export interface DocBinding {
  /** The Yjs transaction origin of every write this binding makes. */
  readonly origin: object
  /** Stops syncing in both directions. Leaves the store and the doc as they are. */
  dispose(): void
}

/** The document holds data written by a newer client than this one. */
export class SchemaTooNewError extends Error {
  constructor(readonly storedSchema: SerializedSchema) {
    super('This board was saved by a newer version of the app; reload the page to update it.')
    this.name = 'SchemaTooNewError'
  }
}

type RecordChange =
  | { action: 'add'; newValue: StoredRecord }
  | { action: 'update'; oldValue: StoredRecord; newValue: StoredRecord }
  | { action: 'delete'; oldValue: StoredRecord }

/**
 * Loads the doc's records into the store (migrating them when needed) and keeps both in sync
 * until `dispose()`. Call it only once the doc has content (first sync or IndexedDB): an empty
 * doc would empty the store, and the binding never invents a document of its own.
 *
 * @throws SchemaTooNewError when the doc was written with a schema this client cannot read.
 */
export function bindStoreToDoc(store: TLStore, doc: Y.Doc, options: DocBindingOptions = {}): DocBinding {
  const { readonly = false, onError = reportError, onSchemaTooNew } = options
  const origin = { binding: 'dialoogbord-tldraw' }
  const kv = recordsKeyValue(doc)
  const meta = metaMap(doc)
  const ourSchema = store.schema.serialize()
  const homes = options.homes?.homes ?? null
  const part: DocPart = options.homes?.part ?? 'board'
  const otherPart: DocPart = part === 'board' ? 'draft' : 'board'
  const detach = homes?.attach(part, kv)

  let disposed = false
  const unsubscribers: Array<() => void> = []
  if (detach) unsubscribers.push(detach)

  try {
    loadDocument()
  } catch (error) {
    detach?.()
    throw error
  }

  /** Whether a local change of this record is ours to write. */
  const ours = (record: TLRecord): boolean => (homes === null ? true : homes.homeOf(record) === part && (part === 'board' || fitsDraft(record)))
  const put = (record: TLRecord) => {
    kv.set(record.id, toStored(record))
    homes?.settle(record.id, part)
  }

  if (!readonly) {
    unsubscribers.push(
      store.listen(
        ({ changes }) => {
          if (disposed) return
          const added = Object.values(changes.added).filter(ours)
          const updated = Object.values(changes.updated)
            .map(([, record]) => record)
            .filter(ours)
          // A removal leaves every doc that holds the record (both, for a moment, during a reveal).
          const removed = Object.values(changes.removed).filter((record) => kv.has(record.id))
          if (added.length === 0 && updated.length === 0 && removed.length === 0) return
          doc.transact(() => {
            for (const record of added) put(record)
            for (const record of updated) put(record)
            for (const record of removed) kv.delete(record.id)
          }, origin)
        },
        { source: 'user', scope: 'document' },
      ),
    )
  }

  const onRemoteChange = (changes: Map<string, RecordChange>, transaction: Y.Transaction) => {
    if (disposed || transaction.origin === origin) return
    const writerSchema = storedSchema()
    const toRemove: TLRecord['id'][] = []
    const toPut: TLRecord[] = []
    for (const [id, change] of changes) {
      if (change.action === 'delete') {
        if (!isDocumentRecord(store, change.oldValue)) continue
        if (homes?.holds(otherPart, id)) {
          // The board let go of a card my draft still holds: the draft's copy is what shows now.
          const kept = part === 'board' ? homes.stored('draft', id) : undefined
          const record = kept && migrateOne(store, kept, undefined, onError)
          if (record) toPut.push(record)
        } else if (homes && part === 'draft') {
          homes.leave(id)
        } else {
          toRemove.push(id as TLRecord['id'])
        }
        continue
      }
      if (!isDocumentRecord(store, change.newValue)) continue
      // Board wins: while the board holds a card, the draft's copy of it is not shown.
      if (homes && part === 'draft' && homes.holds('board', id)) continue
      const record = migrateOne(store, change.newValue, writerSchema, onError)
      if (record) {
        toPut.push(record)
        homes?.settle(id, part)
      }
    }
    if (toRemove.length === 0 && toPut.length === 0) return
    store.mergeRemoteChanges(() => {
      if (toRemove.length > 0) store.remove(toRemove)
      putTolerantly(store, toPut, onError)
    })
  }
  kv.on('change', onRemoteChange)
  unsubscribers.push(() => kv.off('change', onRemoteChange))

  // A newer client may upgrade the doc while we are connected; from then on we can't safely
  // read its records, so stop rather than write old-shaped records over new ones.
  const onMetaChange = (event: Y.YMapEvent<unknown>) => {
    if (disposed || event.transaction.origin === origin || !event.keysChanged.has(SCHEMA_KEY)) return
    const theirs = storedSchema()
    if (theirs && !store.schema.getMigrationsSince(theirs).ok) {
      dispose()
      onSchemaTooNew?.()
    }
  }
  meta.observe(onMetaChange)
  unsubscribers.push(() => meta.unobserve(onMetaChange))

  function dispose() {
    if (disposed) return
    disposed = true
    for (const unsubscribe of unsubscribers.splice(0)) unsubscribe()
  }

  return { origin, dispose }

  function storedSchema(): SerializedSchema | undefined {
    const value = meta.get(SCHEMA_KEY)
    return isSerializedSchema(value) ? value : undefined
  }

  function loadDocument() {
    const stored = [...kv.map.values()].map((entry) => entry.val).filter((record) => isDocumentRecord(store, record))
    const { records: migratedRecords, migrated } = migrateRecords(store.schema, storedSchema() ?? ourSchema, stored)

    if (!readonly) writeBack(stored, migratedRecords, migrated)

    // Board wins: the draft's copy of a card the board holds stays out of sight.
    const records = homes && part === 'draft' ? migratedRecords.filter((record) => !homes.holds('board', record.id)) : migratedRecords
    for (const record of records) homes?.settle(record.id, part)
    const keep = new Set(records.map((record) => record.id))
    const stale = store
      .allRecords()
      .filter((record) => isDocumentScope(store, record.typeName) && !keep.has(record.id) && !homes?.holds(otherPart, record.id))
      .map((record) => record.id)
    store.mergeRemoteChanges(() => {
      if (stale.length > 0) store.remove(stale)
      putTolerantly(store, records, onError)
    })
  }

  /** After a migration, the doc gets the migrated records and our schema, in one update. */
  function writeBack(before: readonly StoredRecord[], after: readonly TLRecord[], migrated: boolean) {
    const schemaChanged = !sameSchema(meta.get(SCHEMA_KEY), ourSchema)
    if (!migrated && !schemaChanged) return
    doc.transact(() => {
      if (migrated) {
        const previous = new Map(before.map((record) => [record.id, JSON.stringify(record)]))
        const kept = new Set<string>()
        for (const record of after) {
          kept.add(record.id)
          if (previous.get(record.id) !== JSON.stringify(record)) kv.set(record.id, toStored(record))
        }
        for (const id of previous.keys()) if (!kept.has(id)) kv.delete(id)
      }
      if (schemaChanged) meta.set(SCHEMA_KEY, ourSchema)
    }, origin)
  }
}

/**
 * Brings records written under `writerSchema` up to `schema` (all at once, as tldraw migrates a
 * store snapshot). Pure: also used to open old snapshots for viewing. `migrated` says whether any
 * migration ran.
 *
 * @throws SchemaTooNewError when the records were written with a schema newer than `schema`.
 */
export function migrateRecords(
  schema: TLStore['schema'],
  writerSchema: SerializedSchema,
  records: readonly StoredRecord[],
): { records: TLRecord[]; migrated: boolean } {
  const migrations = schema.getMigrationsSince(writerSchema)
  if (!migrations.ok) throw new SchemaTooNewError(writerSchema)
  const asRecords = records as unknown as TLRecord[]
  if (migrations.value.length === 0) return { records: asRecords, migrated: false }
  const byId = Object.fromEntries(asRecords.map((record) => [record.id, record])) as Record<TLRecord['id'], TLRecord>
  const result = schema.migrateStoreSnapshot({ store: byId, schema: writerSchema })
  if (result.type === 'error') throw new SchemaTooNewError(writerSchema)
  return { records: Object.values(result.value), migrated: true }
}

/** True when two serialized schemas name the same versions (key order does not matter). */
export function sameSchema(a: unknown, b: SerializedSchema): boolean {
  if (!isSerializedSchema(a) || a.schemaVersion !== b.schemaVersion) return false
  if (!('sequences' in a) || !('sequences' in b)) return JSON.stringify(a) === JSON.stringify(b)
  const left = Object.entries(a.sequences)
  const right = b.sequences
  return left.length === Object.keys(right).length && left.every(([id, version]) => right[id] === version)
}

function isSerializedSchema(value: unknown): value is SerializedSchema {
  return typeof value === 'object' && value !== null && typeof (value as { schemaVersion?: unknown }).schemaVersion === 'number'
}

function isDocumentScope(store: TLStore, typeName: string): boolean {
  const types = store.schema.types as Record<string, { scope: string } | undefined>
  return types[typeName]?.scope === 'document'
}

function isDocumentRecord(store: TLStore, value: unknown): value is StoredRecord {
  if (typeof value !== 'object' || value === null) return false
  const { id, typeName } = value as { id?: unknown; typeName?: unknown }
  return typeof id === 'string' && typeof typeName === 'string' && isDocumentScope(store, typeName)
}

/** Brings one record written under `writerSchema` up to our schema; null if that fails. */
function migrateOne(store: TLStore, record: StoredRecord, writerSchema: SerializedSchema | undefined, onError: (e: unknown) => void): TLRecord | null {
  const candidate = record as unknown as TLRecord
  if (!writerSchema || sameSchema(writerSchema, store.schema.serialize())) return candidate
  const result = store.schema.migratePersistedRecord(candidate, writerSchema, 'up')
  if (result.type === 'success') return result.value
  onError(new Error(`could not migrate record ${record.id}: ${result.reason}`))
  return null
}

/** Puts all records at once; if one is invalid, puts the others one by one and reports it. */
function putTolerantly(store: TLStore, records: readonly TLRecord[], onError: (e: unknown) => void) {
  if (records.length === 0) return
  try {
    store.put(records as TLRecord[])
  } catch {
    for (const record of records) {
      try {
        store.put([record])
      } catch (error) {
        onError(error)
      }
    }
  }
}

function toStored(record: TLRecord): StoredRecord {
  return record as unknown as StoredRecord
}

function reportError(error: unknown) {
  console.error('[dialoogbord] could not apply a change from the board', error)
}
