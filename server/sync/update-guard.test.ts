import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { writeRecords, type StoredRecord } from '../../shared/doc-layout.ts'
import { testRecord } from '../testing/sync-client.ts'
import { DEFAULT_GUARD_LIMITS, inspectUpdate } from './update-guard.ts'

function updateWriting(record: StoredRecord): Uint8Array {
  const doc = new Y.Doc()
  let update: Uint8Array | null = null
  doc.on('update', (u: Uint8Array) => (update = u))
  writeRecords(doc, { put: [record] })
  return update!
}

describe('inspectUpdate with known-good records', () => {
  const before = testRecord('a', { x: 10 })
  const knownGood = new Map([[before.id, before]])
  const check = (record: StoredRecord) => inspectUpdate(updateWriting(record), DEFAULT_GUARD_LIMITS, knownGood)

  it('accepts a move of a record that passed before', () => {
    expect(check({ ...before, x: 500 }).ok).toBe(true)
  })

  it('still refuses a changed field that is invalid', () => {
    expect(check({ ...before, x: 'far away' }).ok).toBe(false)
    expect(check({ ...before, index: 'not an index!' }).ok).toBe(false)
    expect(check({ ...before, props: { ...(before.props as object), color: 'plaid' } }).ok).toBe(false)
  })

  it('refuses a field that went missing or one that was added', () => {
    const { rotation: _dropped, ...withoutRotation } = before
    expect(check(withoutRotation as StoredRecord).ok).toBe(false)
    expect(check({ ...before, extra: true }).ok).toBe(false)
  })

  it('validates a shape that changed its type in full', () => {
    expect(check({ ...before, type: 'geo' }).ok).toBe(false)
  })
})
