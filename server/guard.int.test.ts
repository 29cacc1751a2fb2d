/**
 * The update guard and the import against the real server (issue 9, item 8 and the guard points of
 * item 11; issue 10 bug 1): every hostile write is refused whole, the board stays as it was and a
 * newcomer syncs, while an honest client's schema write and its stored copy are accepted.
 */
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { CreatedBoard, SnapshotInfo } from '../shared/api.ts'
import { metaMap, readRecords, readSchema, recordsArray, recordsKeyValue, SCHEMA_KEY, type StoredRecord } from '../shared/doc-layout.ts'
import { CloseCode, MessageType } from '../shared/protocol.ts'
import { tldrawSchema } from './initial-document.ts'
import { createBoard } from './testing/api-client.ts'
import { craftUpdate, mapEntryId, WINNING_CLIENT } from './testing/crafted-updates.ts'
import { serverForFile } from './testing/server-for-file.ts'
import { storedRowCount } from './testing/stored-data.ts'
import { SyncClient, syncUrl, testRecord } from './testing/sync-client.ts'

const MAX_RECORDS = 50
const server = serverForFile({
  MAX_RECORDS_PER_BOARD: String(MAX_RECORDS),
  // This file makes many boards and imports; the rate limits have their own tests.
  BOARDS_PER_HOUR_PER_ADDRESS: '100000',
  EXPENSIVE_REQUESTS_PER_MINUTE: '100000',
})

function call(url: string, token: string | null, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  if (token) headers.set('authorization', `Bearer ${token}`)
  if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json')
  return fetch(`${server.url}${url}`, { ...init, headers })
}

const boardCount = (): Promise<number> => storedRowCount(server, 'boards')

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** How the server took what a client just sent: the close code it answered with, or 'accepted'. */
function outcome(client: SyncClient): Promise<number | 'accepted'> {
  return Promise.race([client.closed.then(({ code }) => code), client.roundTrip().then(() => 'accepted' as const)])
}

/** What a newcomer sees of a board: its records (sorted by id) and its schema. */
async function boardAsNewcomerSees(board: CreatedBoard): Promise<{ records: StoredRecord[]; schema: unknown; doc: Y.Doc }> {
  const fresh = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
  const seen = { records: readRecords(fresh.doc).sort((a, b) => a.id.localeCompare(b.id)), schema: readSchema(fresh.doc), doc: fresh.doc }
  await fresh.close()
  return seen
}

async function exportFile(board: CreatedBoard): Promise<{ schema: unknown; records: StoredRecord[]; [key: string]: unknown }> {
  const response = await call(`/api/boards/${board.id}/export.json`, board.tokens.viewer)
  expect(response.status).toBe(200)
  return (await response.json()) as { schema: unknown; records: StoredRecord[] }
}

async function snapshot(board: CreatedBoard): Promise<SnapshotInfo> {
  const response = await call(`/api/boards/${board.id}/snapshots`, board.tokens.editor, { method: 'POST', body: '{}' })
  expect(response.status).toBe(201)
  return (await response.json()) as SnapshotInfo
}

/** A schema this server cannot migrate from: one of its sequences is a version ahead of ours. */
function newerSchema(): Record<string, unknown> {
  const ours = tldrawSchema.serialize() as { schemaVersion: number; sequences: Record<string, number> }
  return { ...ours, sequences: { ...ours.sequences, 'com.tldraw.shape.note': ours.sequences['com.tldraw.shape.note']! + 1 } }
}

function withUnknownSequence(): Record<string, unknown> {
  const ours = tldrawSchema.serialize() as { schemaVersion: number; sequences: Record<string, number> }
  return { ...ours, sequences: { ...ours.sequences, 'com.example.shape.virus': 3 } }
}

describe('import', () => {
  it('accepts only application/json: a cross-site text/plain post makes no board', async () => {
    const file = await exportFile(await createBoard(server.url))
    const before = await boardCount()
    const response = await call('/api/boards/import', null, { method: 'POST', body: JSON.stringify(file), headers: { 'content-type': 'text/plain' } })
    expect(response.status).toBe(415)
    expect(((await response.json()) as { code?: string }).code).toBe('unsupported_media_type')
    expect(await boardCount()).toBe(before)
    expect((await call('/api/boards/import', null, { method: 'POST', body: JSON.stringify(file) })).status).toBe(201)
  })

  it('applies the websocket guard’s record rules: no linked or inlined images, no camera or pointer records', async () => {
    const file = await exportFile(await createBoard(server.url))
    const image = (src: string): StoredRecord => ({
      id: 'asset:plaatje',
      typeName: 'asset',
      type: 'image',
      props: { name: 'plaatje.png', src, w: 10, h: 10, mimeType: 'image/png', isAnimated: false },
      meta: {},
    })
    const camera: StoredRecord = { id: 'camera:page:page', typeName: 'camera', x: 0, y: 0, z: 1, meta: {} }
    const pointer: StoredRecord = { id: 'pointer:pointer', typeName: 'pointer', x: 0, y: 0, lastActivityTimestamp: 0, meta: {} }
    const before = await boardCount()
    for (const extra of [image('https://tracker.example.com/pixel.png'), image('data:image/png;base64,iVBORw0KGgo='), camera, pointer]) {
      const response = await call('/api/boards/import', null, { method: 'POST', body: JSON.stringify({ ...file, records: [...file.records, extra] }) })
      expect(response.status, extra.id).toBe(400)
    }
    expect(await boardCount()).toBe(before)
    const own = await call('/api/boards/import', null, { method: 'POST', body: JSON.stringify({ ...file, records: [...file.records, image('/api/assets/abc')] }) })
    expect(own.status).toBe(201)
  })

  it(`refuses more than MAX_RECORDS_PER_BOARD records with too_many_records`, async () => {
    const file = await exportFile(await createBoard(server.url))
    const notes = (n: number) => Array.from({ length: n }, (_, i) => testRecord(`n${i}`, { x: i * 10 }))
    const before = await boardCount()
    const tooMany = await call('/api/boards/import', null, {
      method: 'POST',
      body: JSON.stringify({ ...file, records: [...file.records, ...notes(MAX_RECORDS + 1 - file.records.length)] }),
    })
    expect(tooMany.status).toBe(400)
    expect(((await tooMany.json()) as { code?: string }).code).toBe('too_many_records')
    expect(await boardCount()).toBe(before)
    const full = await call('/api/boards/import', null, { method: 'POST', body: JSON.stringify({ ...file, records: [...file.records, ...notes(MAX_RECORDS - file.records.length)] }) })
    expect(full.status).toBe(201)
  })
})

describe('websocket guard', () => {
  it('refuses an update that takes the board past MAX_RECORDS_PER_BOARD, and still lets a full board be edited', async () => {
    const board = await createBoard(server.url)
    const editor = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    const start = recordsArray(editor.doc).length
    editor.doc.transact(() => {
      for (let i = start; i < MAX_RECORDS; i++) editor.records.set(`shape:n${i}`, testRecord(`n${i}`))
    })
    await editor.roundTrip()
    // A full board can still be edited: a moved note replaces its entry.
    editor.records.set('shape:n10', testRecord('n10', { x: 500 }))
    await editor.roundTrip()
    const full = await boardAsNewcomerSees(board)
    expect(full.records).toHaveLength(MAX_RECORDS)

    const attacker = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    attacker.records.set('shape:een-te-veel', testRecord('een-te-veel'))
    expect(await outcome(attacker)).toBe(CloseCode.tooManyRecords)
    expect(editor.socket.readyState).toBe(WebSocket.OPEN)
    expect((await boardAsNewcomerSees(board)).records).toEqual(full.records)
    await editor.close()
  })

  it('validates the value Yjs uses: a map item whose first value is a schema and whose last is a 1.5 MB object is refused', async () => {
    const board = await createBoard(server.url)
    const before = await boardAsNewcomerSees(board)
    const attacker = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    const junk = { schemaVersion: 2, sequences: {}, blob: 'x'.repeat(1_500_000) }
    attacker.send(updateMessage(craftUpdate(WINNING_CLIENT, [{ parent: 'meta', parentSub: SCHEMA_KEY, content: new Y.ContentAny([tldrawSchema.serialize(), junk]) }])))
    expect(await outcome(attacker)).toBe(CloseCode.invalidContent)
    const after = await boardAsNewcomerSees(board)
    expect(after.schema).toEqual(before.schema)
    expect(after.records).toEqual(before.records)
  })

  for (const [what, schema] of [
    ['a sequence newer than ours', newerSchema],
    ['an unknown sequence', withUnknownSequence],
  ] as const) {
    it(`refuses a schema with ${what}; the board keeps its schema and can be restored and forked`, async () => {
      const board = await createBoard(server.url)
      const before = await boardAsNewcomerSees(board)
      // Both the way a hostile client writes it (parent named) and the way a newer tldraw would (Y.Map.set).
      const named = await SyncClient.connect(server.url, board.id, board.tokens.editor)
      named.send(updateMessage(craftUpdate(WINNING_CLIENT, [{ parent: 'meta', parentSub: SCHEMA_KEY, content: new Y.ContentAny([schema()]) }])))
      expect(await outcome(named)).toBe(CloseCode.invalidContent)
      const honest = await SyncClient.connect(server.url, board.id, board.tokens.editor)
      metaMap(honest.doc).set(SCHEMA_KEY, schema())
      expect(await outcome(honest)).toBe(CloseCode.invalidContent)

      expect((await boardAsNewcomerSees(board)).schema).toEqual(before.schema)
      const kept = await snapshot(board)
      expect((await call(`/api/boards/${board.id}/snapshots/${kept.id}/restore`, board.tokens.facilitator, { method: 'POST' })).status).toBe(200)
      expect((await call(`/api/boards/${board.id}/snapshots/${kept.id}/fork`, board.tokens.facilitator, { method: 'POST', body: '{}' })).status).toBe(201)
    })
  }

  it('accepts an honest client writing the current schema with Y.Map.set', async () => {
    const board = await createBoard(server.url)
    const client = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    metaMap(client.doc).set(SCHEMA_KEY, tldrawSchema.serialize())
    client.records.set('shape:daarna', testRecord('daarna'))
    expect(await outcome(client)).toBe('accepted')
    const seen = await boardAsNewcomerSees(board)
    expect(seen.records.map((record) => record.id)).toContain('shape:daarna')
    expect(seen.schema).toEqual(tldrawSchema.serialize())
    await client.close()
  })

  it('refuses a record entry placed next to the schema (the origin decides where an item lands)', async () => {
    const board = await createBoard(server.url)
    const attacker = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    const schemaItem = mapEntryId(metaMap(attacker.doc), SCHEMA_KEY)
    // Without a parent of its own, this "record" becomes meta.schema.
    attacker.send(updateMessage(craftUpdate(WINNING_CLIENT, [{ origin: schemaItem, content: new Y.ContentAny([{ key: 'shape:x', val: testRecord('x') }]) }])))
    expect(await outcome(attacker)).toBe(CloseCode.invalidContent)
    expect((await boardAsNewcomerSees(board)).schema).toEqual(readSchema(attacker.doc))
  })

  it('refuses deleted content under a root type outside the layout (a 500 KB root name)', async () => {
    const board = await createBoard(server.url)
    const before = await boardAsNewcomerSees(board)
    const attacker = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    const root = 'x'.repeat(500_000)
    attacker.send(updateMessage(craftUpdate(WINNING_CLIENT, [{ parent: root, content: new Y.ContentDeleted(1) }])))
    expect(await outcome(attacker)).toBe(CloseCode.invalidContent)
    const after = await boardAsNewcomerSees(board)
    expect(after.doc.share.has(root)).toBe(false)
    expect(after.records).toEqual(before.records)
  })

  it('refuses deleted content under an unexpected map key', async () => {
    const board = await createBoard(server.url)
    const attacker = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    attacker.send(updateMessage(craftUpdate(WINNING_CLIENT, [{ parent: 'meta', parentSub: 'y'.repeat(100_000), content: new Y.ContentDeleted(1) }])))
    expect(await outcome(attacker)).toBe(CloseCode.invalidContent)
  })
})

/** An editor that held the board through a restore: its copy has the restore's second meta.schema item. */
async function clientThroughRestore(board: CreatedBoard): Promise<SyncClient> {
  const client = await SyncClient.connect(server.url, board.id, board.tokens.editor)
  client.records.set('shape:eerst', testRecord('eerst'))
  await client.roundTrip()
  const kept = await snapshot(board)
  client.records.set('shape:later', testRecord('later'))
  await client.roundTrip()
  await restoreWhileWatching(board, kept, client, 'shape:later')
  expect(metaMap(client.doc)._map.get(SCHEMA_KEY)?.origin).not.toBeNull() // the restore's schema item sits next to the first one
  await client.close()
  return client
}

/** Restores `kept`, which lacks record `gone`, and waits until `watcher` saw it go. */
async function restoreWhileWatching(board: CreatedBoard, kept: SnapshotInfo, watcher: SyncClient, gone: string): Promise<void> {
  const restored = call(`/api/boards/${board.id}/snapshots/${kept.id}/restore`, board.tokens.facilitator, { method: 'POST' })
  await Promise.all([watcher.waitFor((c) => !c.records.has(gone)), restored])
  expect((await restored).status).toBe(200)
}

/**
 * Returns with a stored copy the way y-indexeddb and the provider do: the whole state is sent as
 * soon as the socket opens, before the server's sync reply. Resolves with how the server took it.
 */
async function returnWith(board: CreatedBoard, copy: Y.Doc): Promise<number | 'accepted'> {
  const socket = new WebSocket(syncUrl(server.url, board.id, board.tokens.editor))
  socket.binaryType = 'arraybuffer'
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)))
  await new Promise((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })
  socket.send(updateMessage(Y.encodeStateAsUpdate(copy)))
  // Messages on one socket are handled in order: an awareness answer means the update was taken.
  const answered = new Promise<'accepted'>((resolve) =>
    socket.on('message', (data: ArrayBuffer) => {
      if (new Uint8Array(data)[0] === MessageType.awareness) resolve('accepted')
    }),
  )
  socket.send(new Uint8Array([MessageType.queryAwareness]))
  const outcome = await Promise.race([answered, closed])
  socket.close()
  await closed
  return outcome
}

describe('a participant’s stored copy (issue 10, bug 1)', () => {
  it('is accepted when sent before the sync reply, after a restore wrote a second meta.schema item and the room unloaded', async () => {
    const board = await createBoard(server.url)
    const copy = (await clientThroughRestore(board)).doc
    const before = await boardAsNewcomerSees(board)
    // The room is gone from memory (a stop unloads it, exactly as the idle timeout does).
    await server.restart('stop')
    expect(await returnWith(board, copy)).toBe('accepted')
    expect((await boardAsNewcomerSees(board)).records).toEqual(before.records)
  })

  it('keeps the offline edits of a copy that missed another restore meanwhile', async () => {
    const board = await createBoard(server.url)
    const copy = (await clientThroughRestore(board)).doc
    recordsKeyValue(copy).set('shape:onderweg', testRecord('onderweg', { x: 300 })) // made offline
    // Meanwhile the facilitator restores again, unseen by the offline copy.
    const other = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    const kept = await snapshot(board)
    other.records.set('shape:tussendoor', testRecord('tussendoor'))
    await other.roundTrip()
    await restoreWhileWatching(board, kept, other, 'shape:tussendoor')
    await other.close()
    const before = await boardAsNewcomerSees(board)

    expect(await returnWith(board, copy)).toBe('accepted')
    const after = await boardAsNewcomerSees(board)
    expect(after.records.map((record) => record.id)).toEqual([...before.records.map((record) => record.id), 'shape:onderweg'].sort())
    expect(after.schema).toEqual(before.schema)
  })
})
