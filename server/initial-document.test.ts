import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecords, readSchema } from '../shared/doc-layout.ts'
import { TEMPLATES } from '../templates/index.ts'
import { assertValidRecords, createInitialDocument, documentRecords, tldrawSchema } from './initial-document.ts'

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
})
