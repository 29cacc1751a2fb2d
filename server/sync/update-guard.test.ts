import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { metaMap, recordsArray, recordsKeyValue, SCHEMA_KEY, writeRecords, type StoredRecord } from '../../shared/doc-layout.ts'
import { encodeDocument, tldrawSchema } from '../initial-document.ts'
import { craftUpdate, mapEntryId, WINNING_CLIENT } from '../testing/crafted-updates.ts'
import { testRecord } from '../testing/sync-client.ts'
import { DEFAULT_GUARD_LIMITS, inspectUpdate, type Verdict } from './update-guard.ts'

const page: StoredRecord = { id: 'page:page', typeName: 'page', name: 'Pagina 1', index: 'a1', meta: {} }

/** A room's document holding a page and the server's schema, and a client that synced it. */
function roomAndClient(): { room: Y.Doc; client: Y.Doc } {
  const state = encodeDocument([page])
  const room = new Y.Doc()
  Y.applyUpdate(room, state)
  const client = new Y.Doc()
  Y.applyUpdate(client, state)
  return { room, client }
}

/** The update `change` makes on `doc`. */
function updateOf(doc: Y.Doc, change: () => void): Uint8Array {
  const before = Y.encodeStateVector(doc)
  change()
  return Y.encodeStateAsUpdate(doc, before)
}

const accepted = (verdict: Verdict) => {
  if (!verdict.ok) throw new Error(`refused: ${verdict.reason}`)
  return verdict
}

describe('inspectUpdate with known-good records', () => {
  const before = testRecord('a', { x: 10 })
  const knownGood = new Map([[before.id, before]])
  const check = (record: StoredRecord) => {
    const doc = new Y.Doc()
    return inspectUpdate(updateOf(doc, () => writeRecords(doc, { put: [record] })), new Y.Doc(), DEFAULT_GUARD_LIMITS, knownGood)
  }

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

describe('where items land', () => {
  it('checks a record inserted between two others, which carries no parent of its own', () => {
    const { room, client } = roomAndClient()
    Y.applyUpdate(room, updateOf(client, () => recordsKeyValue(client).set('shape:a', testRecord('a'))))
    const array = recordsArray(client)
    const good = updateOf(client, () => array.insert(1, [{ key: 'shape:b', val: testRecord('b') }]))
    expect(Y.decodeUpdate(good).structs.every((struct) => !(struct instanceof Y.Item) || struct.parent === null)).toBe(true)
    expect(accepted(inspectUpdate(good, room)).records.map((record) => record.id)).toEqual(['shape:b'])
    Y.applyUpdate(room, good)
    const bad = updateOf(client, () => array.insert(1, [{ key: 'shape:c', val: { ...testRecord('c'), x: 'links' } }]))
    expect(inspectUpdate(bad, room).ok).toBe(false)
  })

  it('accepts Y.Map.set of the current schema (an item next to the old value)', () => {
    const { room, client } = roomAndClient()
    const update = updateOf(client, () => metaMap(client).set(SCHEMA_KEY, tldrawSchema.serialize()))
    expect(accepted(inspectUpdate(update, room)).records).toEqual([])
  })

  it('accepts an older schema this server migrates from, and refuses a newer or unknown one', () => {
    const ours = tldrawSchema.serialize() as { schemaVersion: 2; sequences: Record<string, number> }
    const older = { ...ours, sequences: { ...ours.sequences, 'com.tldraw.shape.note': 1 } }
    const newer = { ...ours, sequences: { ...ours.sequences, 'com.tldraw.shape.note': ours.sequences['com.tldraw.shape.note']! + 1 } }
    const unknown = { ...ours, sequences: { ...ours.sequences, 'com.example.virus': 1 } }
    for (const [schema, ok] of [[older, true], [newer, false], [unknown, false], [{ schemaVersion: 9 }, false], ['schema', false]] as const) {
      const { room, client } = roomAndClient()
      expect(inspectUpdate(updateOf(client, () => metaMap(client).set(SCHEMA_KEY, schema)), room).ok, JSON.stringify(schema).slice(0, 60)).toBe(ok)
    }
  })

  it('checks the value Yjs shows of a multi-value map item: the last', () => {
    const { room } = roomAndClient()
    const schema = tldrawSchema.serialize()
    const item = (values: unknown[]) => craftUpdate(WINNING_CLIENT, [{ parent: 'meta', parentSub: SCHEMA_KEY, content: new Y.ContentAny(values) }])
    expect(inspectUpdate(item([schema, { schemaVersion: 2, sequences: {}, junk: 'x'.repeat(20_000) }]), room).ok).toBe(false)
    expect(inspectUpdate(item([{ not: 'a schema' }, schema]), room).ok).toBe(false)
    expect(inspectUpdate(item([schema, schema]), room).ok).toBe(true)
  })

  it('refuses a record entry whose origin puts it into the meta map', () => {
    const { room } = roomAndClient()
    const origin = mapEntryId(metaMap(room), SCHEMA_KEY)
    const update = craftUpdate(WINNING_CLIENT, [{ origin, content: new Y.ContentAny([{ key: 'shape:x', val: testRecord('x') }]) }])
    expect(inspectUpdate(update, room)).toMatchObject({ ok: false, reason: expect.stringContaining('meta') })
  })

  it('follows origins through the same update, in any order of clients', () => {
    const { room } = roomAndClient()
    const first = Y.createID(7, 0)
    // Client 5's item sits next to client 7's, which comes later in the update.
    const update = Y.mergeUpdates([
      craftUpdate(5, [{ origin: first, content: new Y.ContentAny([{ key: 'shape:b', val: testRecord('b') }]) }]),
      craftUpdate(7, [{ parent: 'meta', parentSub: SCHEMA_KEY, content: new Y.ContentAny([tldrawSchema.serialize()]) }]),
    ])
    expect(inspectUpdate(update, room).ok).toBe(false) // the "record" would become meta.schema
  })

  it('leaves items whose neighbour nobody has to Yjs (they stay pending, which the room refuses), and refuses a circle', () => {
    const { room } = roomAndClient()
    const entry = { key: 'shape:b', val: testRecord('b') }
    const pending = accepted(inspectUpdate(craftUpdate(5, [{ origin: Y.createID(99, 3), content: new Y.ContentAny([entry]) }]), room))
    expect(pending).toMatchObject({ records: [], addedRecords: 0 })
    const circle = Y.mergeUpdates([
      craftUpdate(5, [{ origin: Y.createID(6, 0), content: new Y.ContentAny([entry]) }]),
      craftUpdate(6, [{ origin: Y.createID(5, 0), content: new Y.ContentAny([entry]) }]),
    ])
    expect(inspectUpdate(circle, room).ok).toBe(false)
  })

  it('resolves a long chain of neighbours without recursion', () => {
    const { room } = roomAndClient()
    const client = 5
    const items = Array.from({ length: 50_000 }, (_, i) => ({
      ...(i === 0 ? { parent: 'tl_records' } : { origin: Y.createID(client, i - 1) }),
      content: new Y.ContentDeleted(1),
    }))
    expect(inspectUpdate(craftUpdate(client, items), room).ok).toBe(true)
  })

  it('refuses deleted content outside the layout: other roots, other keys, array items in the meta map', () => {
    const { room } = roomAndClient()
    const deleted = (place: { parent: string; parentSub?: string }) => craftUpdate(WINNING_CLIENT, [{ ...place, content: new Y.ContentDeleted(1) }])
    expect(inspectUpdate(deleted({ parent: 'x'.repeat(500_000) }), room).ok).toBe(false)
    expect(inspectUpdate(deleted({ parent: 'meta', parentSub: 'other' }), room).ok).toBe(false)
    expect(inspectUpdate(deleted({ parent: 'meta' }), room).ok).toBe(false)
    expect(inspectUpdate(deleted({ parent: 'tl_records', parentSub: 'schema' }), room).ok).toBe(false)
    expect(inspectUpdate(deleted({ parent: 'tl_records' }), room).ok).toBe(true)
  })

  it('skips what the room already holds: a returning client’s whole state is not checked again', () => {
    const { room, client } = roomAndClient()
    // Written by the server before today's rules (a linked image); a client's copy of it holds it too.
    const linked = { id: 'asset:oud', typeName: 'asset', type: 'image', props: { name: 'a.png', src: 'https://example.com/a.png', w: 1, h: 1, mimeType: 'image/png', isAnimated: false }, meta: {} }
    Y.applyUpdate(room, updateOf(room, () => writeRecords(room, { put: [linked] })))
    Y.applyUpdate(room, updateOf(room, () => metaMap(room).set(SCHEMA_KEY, tldrawSchema.serialize())))
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room))
    const verdict = accepted(inspectUpdate(Y.encodeStateAsUpdate(client), room))
    expect(verdict.records).toEqual([])
    expect(verdict.addedRecords).toBe(0)
    // What the copy holds beyond the room is checked as usual.
    recordsKeyValue(client).set('asset:nieuw', { ...linked, id: 'asset:nieuw' })
    expect(inspectUpdate(Y.encodeStateAsUpdate(client), room).ok).toBe(false)
  })
})

describe('items the room holds in part', () => {
  it('checks the rest of a merged item as Yjs integrates it, after the part the room holds', () => {
    const { room, client } = roomAndClient()
    const array = recordsArray(client)
    const first = updateOf(client, () => array.push([{ key: 'shape:a', val: testRecord('a') }]))
    Y.applyUpdate(room, first)
    array.push([{ key: 'shape:b', val: testRecord('b') }]) // Yjs merges it with the first item
    const whole = Y.encodeStateAsUpdate(client)
    const merged = Y.decodeUpdate(whole).structs.find((struct) => struct.id.client === client.clientID)
    expect(merged?.length).toBe(2)
    expect(accepted(inspectUpdate(whole, room))).toMatchObject({ records: [{ id: 'shape:b' }], addedRecords: 1 })
  })

  it('refuses an item that names another place than the part the room holds', () => {
    const { room } = roomAndClient()
    const held = craftUpdate(WINNING_CLIENT, [{ parent: 'tl_records', content: new Y.ContentDeleted(1) }])
    Y.applyUpdate(room, held)
    const schema = tldrawSchema.serialize()
    const elsewhere = craftUpdate(WINNING_CLIENT, [{ parent: 'meta', parentSub: SCHEMA_KEY, content: new Y.ContentAny([schema, schema]) }])
    expect(inspectUpdate(elsewhere, room)).toMatchObject({ ok: false, reason: expect.stringContaining('continues') })
  })
})

describe('counting records', () => {
  it('counts entries added, and subtracts the ones the update deletes', () => {
    const { room, client } = roomAndClient()
    const kv = recordsKeyValue(client)
    /** Inspects the update `change` makes, then applies it to the room as the room would. */
    const added = (change: () => void) => {
      const update = updateOf(client, () => client.transact(change))
      const verdict = accepted(inspectUpdate(update, room))
      Y.applyUpdate(room, update)
      return verdict.addedRecords
    }
    expect(added(() => ['a', 'b', 'c'].forEach((id) => kv.set(`shape:${id}`, testRecord(id))))).toBe(3)
    expect(added(() => kv.set('shape:a', testRecord('a', { x: 9 })))).toBe(0) // a move replaces its entry
    expect(added(() => kv.delete('shape:b'))).toBe(-1)
    expect(
      added(() => {
        kv.set('shape:d', testRecord('d'))
        kv.delete('shape:d')
      }),
    ).toBe(0)
    // A client's whole state names every deletion ever made: only live entries count.
    expect(accepted(inspectUpdate(Y.encodeStateAsUpdate(client), room)).addedRecords).toBe(0)
    expect(recordsArray(room).length).toBe(3)
  })
})
