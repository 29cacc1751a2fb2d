/**
 * A tldraw store of its own for looking at a board state (a snapshot, or a copy of now) without
 * touching the live board: read-only through tldraw's collaboration mode, never synced anywhere.
 * Given new records it applies only what changed, so a copy of "now" can follow the live board.
 */
import { useEffect, useRef, useState } from 'react'
import { atom, createTLStore, defaultBindingUtils, defaultShapeUtils, type TLAssetStore, type TLRecord, type TLStore } from 'tldraw'

const READONLY = atom<'readonly' | 'readwrite'>('dialoogbord.snapshotMode', 'readonly')

export function useViewStore(records: readonly TLRecord[], assets: TLAssetStore): TLStore | null {
  const [store, setStore] = useState<TLStore | null>(null)
  const latest = useRef(records)
  latest.current = records
  // The records this store was last given, by id: unchanged ones are the same objects.
  const loaded = useRef(new Map<string, TLRecord>())

  useEffect(() => {
    const created = createTLStore({
      shapeUtils: defaultShapeUtils,
      bindingUtils: defaultBindingUtils,
      assets,
      collaboration: { mode: READONLY, status: null },
    })
    loaded.current = new Map()
    applyRecords(created, latest.current, loaded.current)
    setStore(created)
    return () => setStore(null)
  }, [assets])

  useEffect(() => {
    if (store) applyRecords(store, records, loaded.current)
  }, [store, records])

  return store
}

function applyRecords(store: TLStore, records: readonly TLRecord[], loaded: Map<string, TLRecord>) {
  const next = new Map<string, TLRecord>(records.map((record) => [record.id, record]))
  const gone = [...loaded.keys()].filter((id) => !next.has(id)) as TLRecord['id'][]
  const changed = records.filter((record) => loaded.get(record.id) !== record)
  if (gone.length === 0 && changed.length === 0) return
  store.mergeRemoteChanges(() => {
    if (gone.length > 0) store.remove(gone)
    putTolerantly(store, changed)
  })
  loaded.clear()
  for (const [id, record] of next) loaded.set(id, record)
}

/** One invalid record must not hide the rest of the board. */
function putTolerantly(store: TLStore, records: readonly TLRecord[]) {
  if (records.length === 0) return
  try {
    store.put([...records])
  } catch {
    for (const record of records) {
      try {
        store.put([record])
      } catch (error) {
        console.warn('[dialoogbord] a record of this snapshot cannot be shown', record.id, error)
      }
    }
  }
}
