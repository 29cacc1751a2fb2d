/**
 * Builds a new board's first Yjs state on the server, so that two first visitors never both
 * initialise the document.
 */
import { createTLSchema, DocumentRecordType, PageRecordType, TLDOCUMENT_ID, type TLPage, type TLPageId, type TLRecord } from '@tldraw/tlschema'
import type { SerializedSchema } from '@tldraw/store'
import * as Y from 'yjs'
import { metaMap, recordsArray, SCHEMA_KEY, type RecordEntry, type StoredRecord } from '../shared/doc-layout.ts'
import type { TemplateDefinition } from '../templates/index.ts'

export const tldrawSchema = createTLSchema()

export const FIRST_PAGE_ID = PageRecordType.createId('page') as TLPageId

export function documentRecords(template: TemplateDefinition, pageName = 'Pagina 1'): TLRecord[] {
  return [
    DocumentRecordType.create({ id: TLDOCUMENT_ID }),
    PageRecordType.create({ id: FIRST_PAGE_ID, name: pageName, index: 'a1' as TLPage['index'] }),
    ...template.build(FIRST_PAGE_ID),
  ]
}

/** Validates every record against tldraw's schema; throws on the first invalid one. */
export function assertValidRecords(records: readonly TLRecord[]): void {
  for (const record of records) {
    const type = tldrawSchema.types[record.typeName as keyof typeof tldrawSchema.types]
    if (!type) throw new Error(`unknown record type ${record.typeName}`)
    type.validate(record)
  }
}

/**
 * Encodes records as a complete Yjs document update in the contract's layout, with a fresh
 * history. `schema` is the one the records were written with (default: this server's).
 */
export function encodeDocument(records: readonly (TLRecord | StoredRecord)[], schema: SerializedSchema = tldrawSchema.serialize()): Uint8Array {
  // One entry per id (the last one wins, as with YKeyValue.set), written with ONE push: per-record
  // sets would rescan and split the array for every record, which is quadratic.
  const latest = new Map<string, StoredRecord>()
  for (const record of records) latest.set(record.id, record as StoredRecord)
  const doc = new Y.Doc()
  doc.transact(() => {
    recordsArray(doc).push([...latest.values()].map((val): RecordEntry => ({ key: val.id, val })))
    metaMap(doc).set(SCHEMA_KEY, schema)
  })
  const state = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return state
}

export function createInitialDocument(template: TemplateDefinition): Uint8Array {
  const records = documentRecords(template)
  assertValidRecords(records)
  return encodeDocument(records)
}
