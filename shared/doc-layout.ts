/**
 * The Yjs document layout shared by client and server (see docs/document.md, "Yjs document layout").
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
 * Above this many separate runs of entries to delete, the array's tail is rewritten instead:
 * Yjs merges adjacent entries into one item and copies its whole content on every split, so
 * deleting many scattered entries one by one costs O(n²) on a large board.
 */
export const MAX_DELETE_RUNS = 32

/**
 * Puts and removes records with YKeyValue's semantics (one entry per key, the newest last) but
 * without keeping a YKeyValue alive: its observer rescans the array on every update, which a
 * server holding many rooms should not pay for occasional writes. Linear in the array's length.
 */
export function writeRecords(doc: Y.Doc, change: { put?: readonly StoredRecord[]; remove?: readonly string[] }, origin: unknown = null): void {
  // Later puts of one id win, as they would have with YKeyValue.set.
  const latest = new Map<string, StoredRecord>()
  for (const record of change.put ?? []) latest.set(record.id, record)
  const touched = new Set([...latest.keys(), ...(change.remove ?? [])])
  if (touched.size === 0) return
  const array = recordsArray(doc)
  const entries = array.toArray()
  const runs = deletionRuns(entries, touched)
  const fresh = [...latest.values()].map((val): RecordEntry => ({ key: val.id, val }))
  doc.transact(() => {
    if (runs.length <= MAX_DELETE_RUNS) {
      for (let i = runs.length - 1; i >= 0; i--) array.delete(runs[i]!.start, runs[i]!.length)
      if (fresh.length > 0) array.push(fresh)
      return
    }
    // Many scattered entries: delete everything from the first one on in one range, and push
    // back what stays (in its order) followed by the new entries.
    const from = runs[0]!.start
    const kept = entries.slice(from).filter((entry) => !touched.has(entry.key))
    array.delete(from, entries.length - from)
    array.push([...kept, ...fresh])
  }, origin)
}

/** The maximal runs of consecutive entries whose key is in `keys`, in array order. */
export function deletionRuns(entries: readonly RecordEntry[], keys: ReadonlySet<string>): { start: number; length: number }[] {
  const runs: { start: number; length: number }[] = []
  for (let i = 0; i < entries.length; i++) {
    if (!keys.has(entries[i]!.key)) continue
    const last = runs.at(-1)
    if (last && last.start + last.length === i) last.length++
    else runs.push({ start: i, length: 1 })
  }
  return runs
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
