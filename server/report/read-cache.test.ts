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

describe('ReadCache.getAsync', () => {
  /** A computation that ends when the test says so, counting how often it started. */
  function controlled() {
    const started: ((value: string) => void)[] = []
    const failures: ((error: Error) => void)[] = []
    const compute = () =>
      new Promise<string>((resolve, reject) => {
        started.push(resolve)
        failures.push(reject)
      })
    return { started, failures, compute }
  }

  it('lets concurrent misses for the same name and source share one computation, then keeps its value', async () => {
    const cache = new ReadCache(1_000)
    const { started, compute } = controlled()
    const first = cache.getAsync('report.pdf:b1:nl', { key: 'v1' }, compute)
    const second = cache.getAsync('report.pdf:b1:nl', { key: 'v1' }, compute)
    expect(started).toHaveLength(1)
    started[0]!('pdf v1')
    expect(await Promise.all([first, second])).toEqual(['pdf v1', 'pdf v1'])
    expect(await cache.getAsync('report.pdf:b1:nl', { key: 'v1' }, compute)).toBe('pdf v1')
    expect(started).toHaveLength(1)
  })

  it('computes again for another source or another name, not sharing across them', async () => {
    const cache = new ReadCache(1_000)
    const { started, compute } = controlled()
    const v1 = cache.getAsync('report.pdf:b1:nl', { key: 'v1' }, compute)
    const v2 = cache.getAsync('report.pdf:b1:nl', { key: 'v2' }, compute)
    const docx = cache.getAsync('report.docx:b1:nl', { key: 'v1' }, compute)
    expect(started).toHaveLength(3)
    started.forEach((resolve, i) => resolve(`r${i}`))
    expect(await Promise.all([v1, v2, docx])).toEqual(['r0', 'r1', 'r2'])
  })

  it('hands a failure to every waiter and keeps nothing, so the next request tries again', async () => {
    const cache = new ReadCache(1_000)
    const { started, failures, compute } = controlled()
    const first = cache.getAsync('export:b1', { key: 'v1' }, compute)
    const second = cache.getAsync('export:b1', { key: 'v1' }, compute)
    failures[0]!(new Error('worker gone'))
    await expect(first).rejects.toThrow('worker gone')
    await expect(second).rejects.toThrow('worker gone')
    const third = cache.getAsync('export:b1', { key: 'v1' }, compute)
    expect(started).toHaveLength(2)
    started[1]!('ok')
    expect(await third).toBe('ok')
  })
})
