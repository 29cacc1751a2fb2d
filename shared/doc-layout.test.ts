import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { deletionRuns, MAX_DELETE_RUNS, readRecords, recordsKeyValue, writeRecords, type StoredRecord } from './doc-layout.ts'

const rec = (id: string, n: number): StoredRecord => ({ id, typeName: 'shape', n })

describe('writeRecords', () => {
  it('writes with YKeyValue semantics, as another client’s YKeyValue sees them', () => {
    const server = new Y.Doc()
    const client = new Y.Doc()
    server.on('update', (update: Uint8Array) => Y.applyUpdate(client, update))
    const kv = recordsKeyValue(client)
    const seen: string[] = []
    kv.on('change', (changes: Map<string, { action: string }>) => changes.forEach((change, key) => seen.push(`${change.action} ${key}`)))

    writeRecords(server, { put: [rec('a', 1), rec('b', 1)] })
    writeRecords(server, { put: [rec('a', 2)], remove: ['b'] })

    expect(kv.get('a')).toEqual(rec('a', 2))
    expect(kv.has('b')).toBe(false)
    expect(seen.sort()).toEqual(['add a', 'add b', 'delete b', 'update a'])
    expect(readRecords(server)).toEqual([rec('a', 2)])
    expect(server.getArray('tl_records').length).toBe(1) // no stale entries left behind
  })
})

describe('writeRecords on a large array', () => {
  const many = (count: number, n: number) => Array.from({ length: count }, (_, i) => rec(`r${i}`, n))

  it('changes scattered records with a bounded number of deletes (linear, not one split per record)', () => {
    const server = new Y.Doc()
    writeRecords(server, { put: many(2_000, 1) })
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
    server.on('update', (update: Uint8Array) => Y.applyUpdate(client, update))
    const kv = recordsKeyValue(client)

    const deletes = vi.spyOn(Y.Array.prototype, 'delete')
    try {
      const everyOther = many(2_000, 2).filter((_, i) => i % 2 === 0)
      writeRecords(server, { put: everyOther, remove: ['r1', 'r3'] })
      expect(deletes.mock.calls.length).toBeLessThanOrEqual(MAX_DELETE_RUNS)
    } finally {
      deletes.mockRestore()
    }
    const expected = many(2_000, 1).map((record, i) => (i % 2 === 0 ? rec(record.id, 2) : record)).filter((r) => r.id !== 'r1' && r.id !== 'r3')
    const byId = (records: StoredRecord[]) => [...records].sort((a, b) => a.id.localeCompare(b.id))
    expect(byId(readRecords(server))).toEqual(byId(expected))
    expect(server.getArray('tl_records').length).toBe(expected.length) // one entry per record
    expect(kv.get('r0')).toEqual(rec('r0', 2))
    expect(kv.get('r5')).toEqual(rec('r5', 1))
    expect(kv.has('r3')).toBe(false)
  })

  it('finds the runs of consecutive entries to delete', () => {
    const entries = ['a', 'b', 'c', 'd', 'e'].map((key) => ({ key, val: rec(key, 0) }))
    expect(deletionRuns(entries, new Set(['a', 'b', 'd']))).toEqual([
      { start: 0, length: 2 },
      { start: 3, length: 1 },
    ])
  })
})
