/**
 * The Yjs document layout shared by client and server (see CONTRACT.md, "Document layout").
 * Records live in a Y.Array used through y-utility's YKeyValue; the writer's schema sits in
 * the "meta" map.
 */
import { YKeyValue } from 'y-utility/y-keyvalue'
import type * as Y from 'yjs'

export const RECORDS_ARRAY = 'tl_records'
export const META_MAP = 'meta'
export const SCHEMA_KEY = 'schema'

/** A stored tldraw record: JSON with at least an id and a typeName. */
export interface StoredRecord {
  id: string
  typeName: string
  [key: string]: unknown
}

export type RecordEntry = { key: string; val: StoredRecord }

export function recordsArray(doc: Y.Doc): Y.Array<RecordEntry> {
  return doc.getArray<RecordEntry>(RECORDS_ARRAY)
}

/** YKeyValue keeps an index over the array; create one per doc and keep it. */
export function recordsKeyValue(doc: Y.Doc): YKeyValue<StoredRecord> {
  return new YKeyValue<StoredRecord>(recordsArray(doc))
}

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(META_MAP)
}

/**
 * Puts and removes records with YKeyValue's semantics (one entry per key, the newest last) but
 * without keeping a YKeyValue alive: its observer rescans the array on every update, which a
 * server holding many rooms should not pay for occasional writes.
 */
export function writeRecords(doc: Y.Doc, change: { put?: readonly StoredRecord[]; remove?: readonly string[] }, origin: unknown = null): void {
  const put = change.put ?? []
  const touched = new Set([...put.map((record) => record.id), ...(change.remove ?? [])])
  if (touched.size === 0) return
  const array = recordsArray(doc)
  doc.transact(() => {
    const entries = array.toArray()
    for (let i = entries.length - 1; i >= 0; i--) if (touched.has(entries[i]!.key)) array.delete(i, 1)
    if (put.length > 0) array.push(put.map((val) => ({ key: val.id, val })))
  }, origin)
}

/** All records currently in the document, read without building a YKeyValue index. */
export function readRecords(doc: Y.Doc): StoredRecord[] {
  // Later entries win, exactly like YKeyValue resolves duplicates after concurrent writes.
  const byId = new Map<string, StoredRecord>()
  for (const entry of recordsArray(doc).toArray()) byId.set(entry.key, entry.val)
  return [...byId.values()]
}

export function readSchema(doc: Y.Doc): unknown {
  return metaMap(doc).get(SCHEMA_KEY)
}
