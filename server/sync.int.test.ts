import { describe, expect, it } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { recordsKeyValue, readRecords } from '../shared/doc-layout.ts'
import { CloseCode } from '../shared/protocol.ts'
import { createBoard } from './testing/api-client.ts'
import { serverForFile } from './testing/server-for-file.ts'
import { storedRowCount } from './testing/stored-data.ts'
import { refusedStatus, SyncClient, syncUrl, testRecord } from './testing/sync-client.ts'

const server = serverForFile()

describe('live sync', () => {
  it('starts every board with a server-made tldraw document', async () => {
    const board = await createBoard(server.url)
    const client = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    const types = readRecords(client.doc).map((record) => record.typeName).sort()
    expect(types).toEqual(['document', 'page'])
    expect(client.doc.getMap('meta').get('schema')).toMatchObject({ schemaVersion: 2 })
    await client.close()
  })

  it('makes two editors converge', async () => {
    const board = await createBoard(server.url)
    const a = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    const b = await SyncClient.connect(server.url, board.id, board.tokens.facilitator)
    a.records.set('shape:one', testRecord('one', { x: 10 }))
    b.records.set('shape:two', testRecord('two', { x: 20 }))
    await a.waitFor((c) => c.records.has('shape:two'))
    await b.waitFor((c) => c.records.has('shape:one'))
    b.records.set('shape:one', testRecord('one', { x: 99 }))
    await a.waitFor((c) => c.records.get('shape:one')?.x === 99)
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc))
    await Promise.all([a.close(), b.close()])
  })

  it('works with the stock y-websocket WebsocketProvider', async () => {
    const board = await createBoard(server.url)
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(`${server.url.replace('http', 'ws')}/sync`, board.id, doc, {
      params: { token: board.tokens.editor },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    await new Promise<void>((resolve) => provider.once('sync', (synced: boolean) => synced && resolve()))
    expect(readRecords(doc).length).toBe(2)
    const other = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    recordsKeyValue(doc).set('shape:p', testRecord('p'))
    await other.waitFor((c) => c.records.has('shape:p'))
    provider.destroy()
    await other.close()
  })

  it('drops a viewer’s updates: not applied, stored or relayed', async () => {
    const board = await createBoard(server.url)
    const editor = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    const viewer = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    const storedBefore = await storedRowCount(server, 'updates', board.id)

    viewer.records.set('shape:sneaky', testRecord('sneaky'))
    await viewer.roundTrip() // the server has now handled the viewer's update
    editor.records.set('shape:honest', testRecord('honest'))
    await viewer.waitFor((c) => c.records.has('shape:honest'))

    const fresh = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    expect(fresh.records.has('shape:honest')).toBe(true)
    expect(fresh.records.has('shape:sneaky')).toBe(false)
    expect(editor.records.has('shape:sneaky')).toBe(false)
    expect(await storedRowCount(server, 'updates', board.id)).toBe(storedBefore + 1)
    await Promise.all([editor.close(), viewer.close(), fresh.close()])
  })

  it('refuses connections without a valid token', async () => {
    const board = await createBoard(server.url)
    expect(await refusedStatus(syncUrl(server.url, board.id))).toBe(401)
    expect(await refusedStatus(syncUrl(server.url, board.id, 'wrong-token'))).toBe(401)
    expect(await refusedStatus(syncUrl(server.url, board.id, board.tokens.editor.slice(0, -1)))).toBe(401)
    expect(await refusedStatus(syncUrl(server.url, 'NoSuchBoard123', board.tokens.editor))).toBe(404)
  })

  it('relays awareness and drops a leaver’s cursor at once', async () => {
    const board = await createBoard(server.url)
    const a = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    const b = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    a.awareness.setLocalState({ user: { name: 'Ada', color: '#f00' } })
    await b.waitForAwareness((states) => states.get(a.awareness.clientID)?.user !== undefined)
    await a.close()
    await b.waitForAwareness((states) => !states.has(a.awareness.clientID))
    await b.close()
  })

  it('closes a connection that sends garbage and keeps the document intact', async () => {
    const board = await createBoard(server.url)
    const a = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    a.records.set('shape:keep', testRecord('keep'))
    await a.roundTrip()
    const before = Y.encodeStateVector(a.doc)

    const bad = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    bad.send(new Uint8Array([0, 2, 50, 1, 2, 3])) // an update message whose payload is truncated
    expect((await bad.closed).code).toBe(CloseCode.badMessage)

    const fresh = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    expect(Y.encodeStateVector(fresh.doc)).toEqual(before)
    expect(fresh.records.has('shape:keep')).toBe(true)
    await Promise.all([a.close(), fresh.close()])
  })
})
