/** Reading, migrating and replacing the tldraw records of a board's Y.Doc on the server. */
import type { SerializedSchema } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'
import { deepEqual } from 'fast-equals'
import * as Y from 'yjs'
import { metaMap, readRecords, readSchema, SCHEMA_KEY, writeRecords, type StoredRecord } from '../shared/doc-layout.ts'
import { docVersion } from './doc-version.ts'
import { tldrawSchema } from './initial-document.ts'

export interface DocumentContent {
  schema: SerializedSchema
  records: StoredRecord[]
}

export function readContent(doc: Y.Doc): DocumentContent {
  return { schema: documentSchema(doc), records: readRecords(doc) }
}

/** The tldraw schema the document was written with (this server's, for a doc that names none). */
function documentSchema(doc: Y.Doc): SerializedSchema {
  return (readSchema(doc) as SerializedSchema | undefined) ?? tldrawSchema.serialize()
}

/** What a snapshot keeps of a live document: its whole state and the schema it was written with. */
export function snapshotOf(doc: Y.Doc): { state: Uint8Array; schema: SerializedSchema } {
  return { state: fullState(doc), schema: documentSchema(doc) }
}

/** The last full encoding of each live document, with the version it was made at. */
const encodedStates = new WeakMap<Y.Doc, { version: number; state: Uint8Array }>()

/**
 * The document's whole state as one update (`Y.encodeStateAsUpdate`), encoded at most once per
 * version: on a big board each encoding costs a pass over every record, and snapshots,
 * compaction and newcomers all want the same bytes.
 */
export function fullState(doc: Y.Doc): Uint8Array {
  const version = docVersion(doc)
  const cached = encodedStates.get(doc)
  if (cached?.version === version) return cached.state
  const state = Y.encodeStateAsUpdate(doc)
  encodedStates.set(doc, { version, state })
  return state
}

/** Records that `state` is the whole state of `doc` as it is now (it was just loaded from it). */
export function knowFullState(doc: Y.Doc, state: Uint8Array): void {
  encodedStates.set(doc, { version: docVersion(doc), state })
}

export function decodeContent(state: Uint8Array): DocumentContent {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  const content = readContent(doc)
  doc.destroy()
  return content
}

const CURRENT_SCHEMA = JSON.stringify(tldrawSchema.serialize())

/** Whether records written under `schema` need no migration on this server. */
export function isCurrentSchema(schema: SerializedSchema): boolean {
  return JSON.stringify(schema) === CURRENT_SCHEMA
}

/** Brings records written under an older tldraw schema up to the one this server runs. */
export function migrateToCurrent(content: DocumentContent): StoredRecord[] {
  if (isCurrentSchema(content.schema)) return content.records // nothing to do, and a copy of each record saved
  const store = Object.fromEntries(content.records.map((record) => [record.id, record as unknown as TLRecord]))
  const result = tldrawSchema.migrateStoreSnapshot({ store: store as never, schema: content.schema })
  if (result.type === 'error') throw new Error(`cannot migrate this document: ${result.reason}`)
  return Object.values(result.value) as unknown as StoredRecord[]
}

/**
 * Makes the document hold exactly `records`, as one ordinary update: connected clients receive
 * it like any edit and converge without reloading. Unchanged records are not rewritten.
 */
export function replaceRecords(doc: Y.Doc, records: readonly StoredRecord[], origin: unknown = null): void {
  const current = new Map(readRecords(doc).map((record) => [record.id, record]))
  const wanted = new Set(records.map((record) => record.id))
  doc.transact(() => {
    writeRecords(doc, {
      // A structural comparison: 4–5× cheaper than comparing JSON strings on a 50k-card restore.
      put: records.filter((record) => !deepEqual(current.get(record.id), record)),
      remove: [...current.keys()].filter((id) => !wanted.has(id)),
    })
    metaMap(doc).set(SCHEMA_KEY, tldrawSchema.serialize())
  }, origin)
}
