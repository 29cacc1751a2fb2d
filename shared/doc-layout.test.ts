import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecords, recordsKeyValue, writeRecords, type StoredRecord } from './doc-layout.ts'

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
