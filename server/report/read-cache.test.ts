import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { docVersion, ReadCache } from './read-cache.ts'

describe('ReadCache', () => {
  it('computes once per document version', () => {
    const cache = new ReadCache(1_000)
    const doc = new Y.Doc()
    let computed = 0
    const read = () => cache.get('report:b', { doc, version: docVersion(doc), key: 'casus' }, () => `v${++computed}`)
    expect(read()).toBe('v1')
    doc.getArray('tl_records').toArray() // a first look-up opens an empty transaction
    expect(read()).toBe('v1')
    doc.getMap('meta').set('x', 1)
    expect(read()).toBe('v2')
    expect(cache.get('report:b', { doc: new Y.Doc(), version: 0, key: 'casus' }, () => 'other doc')).toBe('other doc')
  })

  it('peeks at a kept value only when it was made from the same source', () => {
    const cache = new ReadCache(1_000)
    expect(cache.peek('snapshot:s', { key: '12:abc' })).toBeNull()
    cache.get('snapshot:s', { key: '12:abc' }, () => '[1,2]')
    expect(cache.peek('snapshot:s', { key: '12:abc' })).toBe('[1,2]')
    expect(cache.peek('snapshot:s', { key: '12:def' })).toBeNull()
  })

  it('keeps within its size, dropping the least recently used first', () => {
    const cache = new ReadCache(10)
    cache.get('a', { key: 'a' }, () => 'aaaa')
    cache.get('b', { key: 'b' }, () => 'bbbb')
    cache.get('a', { key: 'a' }, () => 'never')
    cache.get('c', { key: 'c' }, () => 'cccc')
    expect(cache.size).toBe(8)
    expect(cache.get('a', { key: 'a' }, () => 'again')).toBe('aaaa')
    expect(cache.get('b', { key: 'b' }, () => 'recomputed')).toBe('recomputed')
    expect(cache.get('big', { key: 'big' }, () => 'x'.repeat(11))).toBe('x'.repeat(11))
    expect(cache.size).toBeLessThanOrEqual(10)
  })

  it('drops every result made from one board, and only those', () => {
    const cache = new ReadCache(1_000)
    for (const name of ['export:b1', 'report:b1', 'snapshot:b1:s1', 'export:b2', 'snapshot:b2:s1']) cache.get(name, { key: 'k' }, () => name)
    cache.forgetBoard('b1')
    expect(['export:b1', 'report:b1', 'snapshot:b1:s1'].map((name) => cache.peek(name, { key: 'k' }))).toEqual([null, null, null])
    expect(cache.peek('export:b2', { key: 'k' })).toBe('export:b2')
    expect(cache.peek('snapshot:b2:s1', { key: 'k' })).toBe('snapshot:b2:s1')
    expect(cache.size).toBe('export:b2snapshot:b2:s1'.length)
  })
})
