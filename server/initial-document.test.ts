import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { readRecords, readSchema, recordsKeyValue, type StoredRecord } from '../shared/doc-layout.ts'
import { TEMPLATES } from '../templates/index.ts'
import { assertValidRecords, createInitialDocument, documentRecords, encodeDocument, tldrawSchema } from './initial-document.ts'

describe('initial document', () => {
  it('holds a valid document and one page for every template, with the writer schema', () => {
    for (const template of TEMPLATES) {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, createInitialDocument(template))
      const records = readRecords(doc)
      expect(records.filter((r) => r.typeName === 'document')).toHaveLength(1)
      expect(records.filter((r) => r.typeName === 'page')).toHaveLength(1)
      expect(readSchema(doc)).toEqual(tldrawSchema.serialize())
    }
  })

  it('refuses a record tldraw would reject', () => {
    const [document] = documentRecords(TEMPLATES[0]!)
    expect(() => assertValidRecords([{ ...document!, gridSize: 'groot' } as never])).toThrow()
    expect(() => assertValidRecords([{ id: 'x:1', typeName: 'x' } as never])).toThrow(/unknown record type/)
  })

  it('encodes many records with one push (linear), one entry per id, the last one winning', () => {
    const records: StoredRecord[] = Array.from({ length: 3_000 }, (_, i) => ({ id: `shape:${i}`, typeName: 'shape', n: 1 }))
    const pushes = vi.spyOn(Y.Array.prototype, 'push')
    let state: Uint8Array
    try {
      state = encodeDocument([...records, { id: 'shape:7', typeName: 'shape', n: 2 }])
      expect(pushes.mock.calls.length).toBe(1)
    } finally {
      pushes.mockRestore()
    }
    const doc = new Y.Doc()
    Y.applyUpdate(doc, state)
    expect(doc.getArray('tl_records').length).toBe(3_000)
    expect(recordsKeyValue(doc).get('shape:7')).toEqual({ id: 'shape:7', typeName: 'shape', n: 2 })
  })
})
