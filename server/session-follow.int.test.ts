/**
 * "Breng iedereen hierheen" and "Volg mij" against the real server: only the facilitator decides
 * where everyone goes and whom they follow; the server writes it into the board's meta, where every
 * client (and a late joiner) reads it, and a participant cannot write it there themselves.
 */
import { describe, expect, it } from 'vitest'
import type { CreatedBoard } from '../shared/api.ts'
import { metaMap } from '../shared/doc-layout.ts'
import { CloseCode } from '../shared/protocol.ts'
import type { Spotlight, Summon } from '../shared/session.ts'
import { boardCall, createBoard } from './testing/api-client.ts'
import { serverForFile } from './testing/server-for-file.ts'
import { SyncClient } from './testing/sync-client.ts'

const server = serverForFile()

const call = <T>(board: CreatedBoard, token: string, method: string, path: string, body?: unknown) => boardCall<T>(server.url, board, token, method, path, body)

const summonOf = (client: SyncClient) => (metaMap(client.doc).get('summon') ?? null) as Summon | null
const spotlightOf = (client: SyncClient) => (metaMap(client.doc).get('spotlight') ?? null) as Spotlight | null

function pageIdOf(client: SyncClient): string {
  const page = [...client.records.map.values()].map((entry) => entry.val).find((record) => record.typeName === 'page')
  return page!.id
}

describe('summon and spotlight', () => {
  it('writes a facilitator’s summon into every client’s meta, a new id each time, and there for a late joiner', async () => {
    const board = await createBoard(server.url, { title: 'Samenroepen', template: 'casusreconstructie' })
    const viewer = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    const pageId = pageIdOf(viewer)
    const bounds = { x: 100, y: -50.5, w: 1200, h: 800 }

    const first = await call<Summon>(board, board.tokens.facilitator, 'POST', '/summon', { pageId, bounds })
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ pageId, bounds })
    expect(Math.abs(Date.parse(first.body.at) - Date.now())).toBeLessThan(60_000)
    await viewer.waitFor((client) => summonOf(client)?.id === first.body.id)
    expect(summonOf(viewer)).toEqual(first.body)

    const second = await call<Summon>(board, board.tokens.facilitator, 'POST', '/summon', { pageId, bounds })
    expect(second.body.id).not.toBe(first.body.id) // the same place again moves everyone again
    const late = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    expect(summonOf(late)).toEqual(second.body)
    await Promise.all([viewer.close(), late.close()])
  })

  it('turns "Volg mij" on and off for everyone', async () => {
    const board = await createBoard(server.url, { title: 'Volg mij' })
    const editor = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    const on = await call<Spotlight>(board, board.tokens.facilitator, 'PUT', '/spotlight', { clientId: 123456 })
    expect(on.status).toBe(200)
    expect(on.body).toMatchObject({ clientId: 123456 })
    await editor.waitFor((client) => spotlightOf(client)?.clientId === 123456)

    const off = await call<null>(board, board.tokens.facilitator, 'DELETE', '/spotlight')
    expect(off).toEqual({ status: 200, body: null })
    await editor.waitFor((client) => spotlightOf(client) === null)
    expect((await call<null>(board, board.tokens.facilitator, 'DELETE', '/spotlight')).status).toBe(200) // already off
    await editor.close()
  })

  it('refuses an editor and a viewer, on the API and in the document', async () => {
    const board = await createBoard(server.url, { title: 'Niet voor jou' })
    const watcher = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    const pageId = pageIdOf(watcher)
    const summon = { pageId, bounds: { x: 0, y: 0, w: 100, h: 100 } }
    for (const token of [board.tokens.editor, board.tokens.viewer]) {
      expect((await call(board, token, 'POST', '/summon', summon)).body).toMatchObject({ code: 'role_required' })
      expect((await call(board, token, 'PUT', '/spotlight', { clientId: 1 })).status).toBe(403)
      expect((await call(board, token, 'DELETE', '/spotlight')).status).toBe(403)
    }

    // Writing it into the document directly is refused too: the socket is closed, nothing relayed.
    const forger = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    metaMap(forger.doc).set('spotlight', { clientId: forger.doc.clientID, since: new Date().toISOString() })
    expect((await forger.closed).code).toBe(CloseCode.invalidContent)
    const summoner = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    metaMap(summoner.doc).set('summon', { id: 'zelf', at: new Date().toISOString(), ...summon })
    expect((await summoner.closed).code).toBe(CloseCode.invalidContent)
    await watcher.roundTrip()
    const look = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    expect([spotlightOf(look), summonOf(look), spotlightOf(watcher), summonOf(watcher)]).toEqual([null, null, null, null])
    await Promise.all([watcher.close(), look.close()])
  })

  it('answers 400 to a bad body', async () => {
    const board = await createBoard(server.url, { title: 'Onzin' })
    const watcher = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    const pageId = pageIdOf(watcher)
    await watcher.close()
    const f = board.tokens.facilitator
    const bad: unknown[] = [
      { pageId: 'page:bestaat-niet', bounds: { x: 0, y: 0, w: 10, h: 10 } },
      { pageId: 'geen pagina', bounds: { x: 0, y: 0, w: 10, h: 10 } },
      { pageId, bounds: { x: 0, y: 0, w: 0, h: 10 } },
      { pageId, bounds: { x: 0, y: 0, w: 10, h: -1 } },
      { pageId, bounds: { x: 0, y: 0, w: 1e9, h: 10 } },
      { pageId, bounds: { x: 'links', y: 0, w: 10, h: 10 } },
      { pageId, bounds: { x: 0, y: 0, w: 10 } },
      { pageId },
      { pageId, bounds: { x: 0, y: 0, w: 10, h: 10 }, extra: true },
    ]
    for (const body of bad) expect((await call(board, f, 'POST', '/summon', body)).status, JSON.stringify(body)).toBe(400)
    // JSON has no Infinity or NaN; what comes closest is a number too large to be finite.
    const infinite = await fetch(`${server.url}/api/boards/${board.id}/summon`, {
      method: 'POST',
      headers: { authorization: `Bearer ${f}`, 'content-type': 'application/json' },
      body: `{"pageId":"${pageId}","bounds":{"x":1e999,"y":0,"w":10,"h":10}}`,
    })
    expect(infinite.status).toBe(400)
    for (const body of [{}, { clientId: -1 }, { clientId: 1.5 }, { clientId: '7' }]) {
      expect((await call(board, f, 'PUT', '/spotlight', body)).status, JSON.stringify(body)).toBe(400)
    }
  })
})
