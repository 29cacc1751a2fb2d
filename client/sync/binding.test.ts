import { createTLSchema, CameraRecordType, type TLRecord, type TLShapeId, type TLStore } from '@tldraw/tlschema'
import type { SerializedSchemaV2 } from '@tldraw/store'
import { createTLStore, defaultBindingUtils, defaultShapeUtils } from 'tldraw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { metaMap, readRecords, recordsKeyValue, SCHEMA_KEY, type StoredRecord } from '../../shared/doc-layout.ts'
import { bindStoreToDoc, sameSchema, SchemaTooNewError, type DocBinding } from './binding.ts'
import { arrow, arrowBinding, box, initialRecords, note, PAGE_ID, richText } from './test-records.ts'

const NET = 'network'
const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

function makeStore(): TLStore {
  return createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
}

/** A doc as the server creates it: document + page, and the writer's schema in meta. */
function serverDoc(records: readonly unknown[] = initialRecords(), schema: unknown = createTLSchema().serialize()): Y.Doc {
  const doc = new Y.Doc()
  const kv = recordsKeyValue(doc)
  doc.transact(() => {
    for (const record of records as StoredRecord[]) kv.set(record.id, record)
    metaMap(doc).set(SCHEMA_KEY, schema)
  })
  return doc
}

/** A fresh client doc that received the server's state, like after the first websocket sync. */
function clientOf(source: Y.Doc): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source), NET)
  return doc
}

/** Exchanges what each doc is missing, in both directions (what the provider does on the wire). */
function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), NET)
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), NET)
}

function bind(store: TLStore, doc: Y.Doc, options?: Parameters<typeof bindStoreToDoc>[2]): DocBinding {
  const binding = bindStoreToDoc(store, doc, options)
  cleanups.push(() => binding.dispose())
  return binding
}

/** Two people on one board: each a store bound to its own doc, both fed from the server doc. */
function twoClients() {
  const server = serverDoc()
  const docA = clientOf(server)
  const docB = clientOf(server)
  const storeA = makeStore()
  const storeB = makeStore()
  const bindingA = bind(storeA, docA)
  const bindingB = bind(storeB, docB)
  return { docA, docB, storeA, storeB, bindingA, bindingB }
}

/** A user edit: outside mergeRemoteChanges, so its source is 'user'. Flushes the listeners. */
function edit(store: TLStore, fn: () => void) {
  fn()
  store._flushHistory()
}

function shapeIds(store: TLStore): string[] {
  return store
    .allRecords()
    .filter((record) => record.typeName === 'shape')
    .map((record) => record.id)
    .sort()
}

function clientIdsIn(doc: Y.Doc): number[] {
  return [...Y.decodeStateVector(Y.encodeStateVector(doc)).keys()]
}

describe('bindStoreToDoc', () => {
  it('loads the document the server created, and writes nothing doing so', () => {
    const server = serverDoc()
    const doc = clientOf(server)
    const store = makeStore()
    bind(store, doc)
    expect(store.get(PAGE_ID)).toMatchObject({ typeName: 'page', name: 'Pagina 1' })
    expect(store.get('document:document' as TLRecord['id'])).toBeTruthy()
    // No update of our own: the doc still only holds what the server wrote.
    expect(clientIdsIn(doc)).toEqual([server.clientID])
  })

  it('loads a big document in one store change (one validation pass, one notification)', () => {
    const notes = Array.from({ length: 500 }, (_, i) => note(`n${i}`, `Kaart ${i}`, i * 10, 0))
    const doc = clientOf(serverDoc([...initialRecords(), ...notes]))
    const store = makeStore()
    const batches: number[] = []
    cleanups.push(store.listen(({ changes }) => batches.push(Object.keys(changes.added).length), { source: 'remote', scope: 'document' }))
    bind(store, doc)
    store._flushHistory()
    expect(batches).toEqual([initialRecords().length + notes.length])
  })

  it('sends a local change through Yjs to the other store', () => {
    const { docA, docB, storeA, storeB } = twoClients()
    edit(storeA, () => storeA.put([note('n1', 'Eerste melding', 100, 200)]))
    expect(recordsKeyValue(docA).get('shape:n1')).toMatchObject({ x: 100, y: 200 })
    sync(docA, docB)
    expect(storeB.get('shape:n1' as TLShapeId)).toMatchObject({ type: 'note', x: 100, y: 200, props: { richText: richText('Eerste melding') } })
  })

  it('sends updates and deletes', () => {
    const { docA, docB, storeA, storeB } = twoClients()
    edit(storeA, () => storeA.put([note('n1', 'a'), note('n2', 'b')]))
    sync(docA, docB)
    edit(storeB, () => storeB.update('shape:n1' as TLShapeId, (shape) => ({ ...shape, x: 300 })))
    edit(storeB, () => storeB.remove(['shape:n2' as TLShapeId]))
    sync(docA, docB)
    expect(storeA.get('shape:n1' as TLShapeId)?.x).toBe(300)
    expect(storeA.get('shape:n2' as TLShapeId)).toBeUndefined()
    expect(readRecords(docA).map((record) => record.id)).not.toContain('shape:n2')
    expect(shapeIds(storeA)).toEqual(shapeIds(storeB))
  })

  it('writes one Yjs transaction per change batch', () => {
    const { docA, storeA, bindingA } = twoClients()
    const origins: unknown[] = []
    docA.on('afterTransaction', (transaction) => origins.push(transaction.origin))
    edit(storeA, () => storeA.put([note('n1', 'a'), note('n2', 'b'), box('b1')]))
    // The binding's own transaction, plus YKeyValue's clean-up pass (origin null) at most.
    expect(origins.filter((origin) => origin === bindingA.origin)).toHaveLength(1)
  })

  it('carries an arrow with its bindings', () => {
    const { docA, docB, storeA, storeB } = twoClients()
    const from = box('from', 0, 0)
    const to = box('to', 400, 0)
    const link = arrow('link')
    edit(storeA, () =>
      storeA.put([from, to, link, arrowBinding('start', link.id, from.id, 'start'), arrowBinding('end', link.id, to.id, 'end')]),
    )
    sync(docA, docB)
    const bindings = storeB.allRecords().filter((record) => record.typeName === 'binding')
    expect(bindings).toHaveLength(2)
    expect(bindings.map((binding) => [binding.fromId, binding.toId, binding.props.terminal]).sort()).toEqual([
      [link.id, from.id, 'start'],
      [link.id, to.id, 'end'],
    ])
    // Deleting the arrow and its bindings together arrives together.
    edit(storeB, () => storeB.remove([link.id, 'binding:start', 'binding:end'] as TLRecord['id'][]))
    sync(docA, docB)
    expect(storeA.allRecords().filter((record) => record.typeName === 'binding')).toHaveLength(0)
    expect(storeA.get(link.id)).toBeUndefined()
    expect(storeA.get(from.id)).toBeTruthy()
  })

  it('does not echo a remote change back into Yjs', () => {
    const { docA, docB, storeA, storeB } = twoClients()
    edit(storeA, () => storeA.put([note('n1', 'van A')]))
    const writesByB: Uint8Array[] = []
    docB.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== NET) writesByB.push(update)
    })
    sync(docA, docB)
    storeB._flushHistory()
    expect(storeB.get('shape:n1' as TLShapeId)).toBeTruthy()
    expect(writesByB).toHaveLength(0)
    expect(clientIdsIn(docB)).not.toContain(docB.clientID)
  })

  it('does not feed its own writes back into its store', () => {
    const { storeA } = twoClients()
    const remoteBatches: unknown[] = []
    storeA.listen((entry) => remoteBatches.push(entry), { source: 'remote' })
    const merges = vi.spyOn(storeA, 'mergeRemoteChanges')
    edit(storeA, () => storeA.put([note('n1', 'eigen')]))
    edit(storeA, () => storeA.update('shape:n1' as TLShapeId, (shape) => ({ ...shape, x: 5 })))
    expect(remoteBatches).toHaveLength(0)
    // Skipped at the source (our origin), not merely a no-op put of identical records.
    expect(merges).not.toHaveBeenCalled()
  })

  it('keeps session records (camera, instance) out of the document', () => {
    const { docA, storeA } = twoClients()
    edit(storeA, () => storeA.put([CameraRecordType.create({ id: CameraRecordType.createId(PAGE_ID), x: 10, y: 20, z: 1 })]))
    expect(readRecords(docA).some((record) => record.typeName === 'camera')).toBe(false)
  })

  it('merges concurrent edits from both sides', () => {
    const { docA, docB, storeA, storeB } = twoClients()
    edit(storeA, () => storeA.put([note('a', 'A')]))
    edit(storeB, () => storeB.put([note('b', 'B')]))
    sync(docA, docB)
    expect(shapeIds(storeA)).toEqual(['shape:a', 'shape:b'])
    expect(shapeIds(storeB)).toEqual(['shape:a', 'shape:b'])
  })

  it('applies the valid records of a remote change and reports an invalid one', () => {
    const errors: unknown[] = []
    const doc = clientOf(serverDoc())
    const store = makeStore()
    bind(store, doc, { onError: (error) => errors.push(error) })
    const broken = { ...note('bad', 'x'), props: { color: 'not-a-colour' } }
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    const kv = recordsKeyValue(other)
    other.transact(() => {
      kv.set('shape:good', note('good', 'ok') as unknown as StoredRecord)
      kv.set('shape:bad', broken as unknown as StoredRecord)
    })
    sync(other, doc)
    expect(store.get('shape:good' as TLShapeId)).toBeTruthy()
    expect(store.get('shape:bad' as TLShapeId)).toBeUndefined()
    expect(errors).toHaveLength(1)
  })

  it('writes nothing when read-only, but still receives', () => {
    const server = serverDoc()
    const viewerDoc = clientOf(server)
    const viewer = makeStore()
    bind(viewer, viewerDoc, { readonly: true })
    edit(viewer, () => viewer.put([note('mine', 'mag niet')]))
    expect(clientIdsIn(viewerDoc)).toEqual([server.clientID])

    const editorDoc = clientOf(server)
    const editorStore = makeStore()
    bind(editorStore, editorDoc)
    edit(editorStore, () => editorStore.put([note('theirs', 'wel')]))
    sync(editorDoc, viewerDoc)
    expect(viewer.get('shape:theirs' as TLShapeId)).toBeTruthy()
  })

  it('stops syncing after dispose', () => {
    const { docA, docB, storeA, storeB, bindingA } = twoClients()
    bindingA.dispose()
    edit(storeA, () => storeA.put([note('late', 'te laat')]))
    expect(recordsKeyValue(docA).get('shape:late')).toBeUndefined()
    edit(storeB, () => storeB.put([note('fromB', 'B')]))
    sync(docA, docB)
    expect(storeA.get('shape:fromB' as TLShapeId)).toBeUndefined()
  })
})

describe('loading a document written under an older schema', () => {
  /** Our schema with the note sequence at version 8: notes had plain `text`, no rich text. */
  function olderSchema(): SerializedSchemaV2 {
    const schema = createTLSchema().serialize()
    expect(schema.sequences['com.tldraw.shape.note']).toBeGreaterThan(8)
    return { ...schema, sequences: { ...schema.sequences, 'com.tldraw.shape.note': 8 } }
  }

  function oldNote(id: string, text: string): StoredRecord {
    const { props, ...rest } = note(id, text)
    const { richText: _richText, textFirstEditedBy: _editedBy, ...oldProps } = props
    return { ...rest, props: { ...oldProps, text, fontSizeAdjustment: 0 } } as unknown as StoredRecord
  }

  it('migrates the records, loads them, and writes them back with our schema', () => {
    const server = serverDoc([...initialRecords(), oldNote('old', 'Uit 2024')], olderSchema())
    const doc = clientOf(server)
    const store = makeStore()
    bind(store, doc)

    const loaded = store.get('shape:old' as TLShapeId)
    expect(loaded).toMatchObject({ type: 'note', props: { richText: richText('Uit 2024'), textFirstEditedBy: null, fontSizeAdjustment: 1 } })
    expect(loaded && 'text' in loaded.props).toBe(false)

    // The doc now holds the migrated record and our schema, so the server and others see it too.
    const stored = recordsKeyValue(doc).get('shape:old') as unknown as { props: Record<string, unknown> }
    expect(stored.props.richText).toEqual(richText('Uit 2024'))
    expect(stored.props.text).toBeUndefined()
    expect(sameSchema(metaMap(doc).get(SCHEMA_KEY), store.schema.serialize())).toBe(true)

    // A second client loading from the upgraded server copy needs no migration at all.
    sync(doc, server)
    const later = clientOf(server)
    const laterStore = makeStore()
    bind(laterStore, later)
    expect(laterStore.get('shape:old' as TLShapeId)).toEqual(loaded)
    expect(clientIdsIn(later)).not.toContain(later.clientID)
  })

  it('migrates but does not write back when read-only', () => {
    const server = serverDoc([...initialRecords(), oldNote('old', 'Oud')], olderSchema())
    const doc = clientOf(server)
    const store = makeStore()
    bind(store, doc, { readonly: true })
    expect(store.get('shape:old' as TLShapeId)).toMatchObject({ props: { richText: richText('Oud') } })
    expect(clientIdsIn(doc)).toEqual([server.clientID])
  })

  it('migrates a record that an older client writes after we loaded', () => {
    const server = serverDoc()
    const doc = clientOf(server)
    const store = makeStore()
    bind(store, doc, { readonly: true })
    // An older writer: it sets its schema and an old-shaped note in one update.
    const old = clientOf(server)
    old.transact(() => {
      metaMap(old).set(SCHEMA_KEY, olderSchema())
      recordsKeyValue(old).set('shape:legacy', oldNote('legacy', 'Oude client'))
    })
    sync(old, doc)
    expect(store.get('shape:legacy' as TLShapeId)).toMatchObject({ props: { richText: richText('Oude client') } })
  })

  it('refuses a document written by a newer schema, and leaves it alone', () => {
    const schema = createTLSchema().serialize()
    const newer = { ...schema, sequences: { ...schema.sequences, 'com.tldraw.shape.note': 999 } }
    const server = serverDoc(initialRecords(), newer)
    const doc = clientOf(server)
    expect(() => bindStoreToDoc(makeStore(), doc)).toThrow(SchemaTooNewError)
    expect(clientIdsIn(doc)).toEqual([server.clientID])
  })

  it('stops and reports when a newer client upgrades the doc while connected', () => {
    let reported = 0
    const doc = clientOf(serverDoc())
    const store = makeStore()
    bind(store, doc, { onSchemaTooNew: () => reported++ })
    const schema = createTLSchema().serialize()
    const other = clientOf(doc)
    metaMap(other).set(SCHEMA_KEY, { ...schema, sequences: { ...schema.sequences, 'com.tldraw.shape.note': 999 } })
    sync(other, doc)
    expect(reported).toBe(1)
    edit(store, () => store.put([note('after', 'x')]))
    expect(recordsKeyValue(doc).get('shape:after')).toBeUndefined()
  })
})

describe('sameSchema', () => {
  it('ignores key order but not versions', () => {
    const schema = createTLSchema().serialize()
    const reversed = { ...schema, sequences: Object.fromEntries(Object.entries(schema.sequences).reverse()) }
    expect(sameSchema(reversed, schema)).toBe(true)
    expect(sameSchema({ ...schema, sequences: { ...schema.sequences, 'com.tldraw.shape.note': 1 } }, schema)).toBe(false)
    expect(sameSchema(undefined, schema)).toBe(false)
  })
})
