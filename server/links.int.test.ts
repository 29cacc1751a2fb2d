import WebSocket from 'ws'
import { describe, expect, it } from 'vitest'
import type { CreatedBoard } from '../shared/api.ts'
import { CloseCode } from '../shared/protocol.ts'
import { createBoard } from './testing/api-client.ts'
import { serverForFile } from './testing/server-for-file.ts'
import { BOARD_TABLES, storedPlacesMentioning, storedRowCount, type BoardTable } from './testing/stored-data.ts'
import { refusedStatus, SyncClient, syncUrl, testRecord } from './testing/sync-client.ts'

const ADMIN = 'beheer-token-voor-tests'
const server = serverForFile({ ADMIN_TOKEN: ADMIN, PUBLIC_URL: 'http://bord.test', MAX_CONNECTIONS_PER_BOARD: '3', WS_MESSAGES_PER_SECOND: '20', WS_MESSAGE_BURST: '40', MAX_MESSAGE_BYTES: '65536' })

const newBoard = (title = 'Linkbeheer') => createBoard(server.url, { title }, { authorization: `Bearer ${ADMIN}` })

function call(path: string, token: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
  })
}

describe('link management', () => {
  it('regenerating a link revokes the old token at once and disconnects its sockets', async () => {
    const board = await newBoard()
    const editor = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    const facilitator = await SyncClient.connect(server.url, board.id, board.tokens.facilitator)
    expect((await call(`/api/boards/${board.id}/links/editor/regenerate`, board.tokens.editor, { method: 'POST' })).status).toBe(403)

    const response = await call(`/api/boards/${board.id}/links/editor/regenerate`, board.tokens.facilitator, { method: 'POST' })
    expect(response.status).toBe(200)
    const fresh = (await response.json()) as { token: string; url: string }
    expect(fresh.url).toBe(`http://bord.test/b/${board.id}?token=${fresh.token}`)

    expect((await editor.closed).code).toBe(CloseCode.revoked)
    expect((await call(`/api/boards/${board.id}`, board.tokens.editor)).status).toBe(401)
    expect(await refusedStatus(syncUrl(server.url, board.id, board.tokens.editor))).toBe(401)
    expect((await call(`/api/boards/${board.id}`, fresh.token)).status).toBe(200)
    // The facilitator stays connected and can still write.
    facilitator.records.set('shape:blijft', testRecord('blijft'))
    await facilitator.roundTrip()
    const again = await SyncClient.connect(server.url, board.id, fresh.token)
    expect(again.records.has('shape:blijft')).toBe(true)
    await Promise.all([facilitator.close(), again.close()])
  })

  it('expires a link at its date', async () => {
    const board = await newBoard()
    const viewer = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    const future = new Date(Date.now() + 86_400_000).toISOString()
    const set = await call(`/api/boards/${board.id}/links/viewer`, board.tokens.facilitator, { method: 'PATCH', body: JSON.stringify({ expiresAt: future }) })
    expect(await set.json()).toMatchObject({ role: 'viewer', expiresAt: future })
    expect((await call(`/api/boards/${board.id}`, board.tokens.viewer)).status).toBe(200)

    // A date in the past is refused (it would cut everyone off without warning) and changes nothing.
    const past = new Date(Date.now() - 1000).toISOString()
    const refusedPast = await call(`/api/boards/${board.id}/links/viewer`, board.tokens.facilitator, { method: 'PATCH', body: JSON.stringify({ expiresAt: past }) })
    expect(refusedPast.status).toBe(400)
    expect(await refusedPast.json()).toMatchObject({ code: 'expiry_in_past' })
    await viewer.roundTrip()
    expect((await call(`/api/boards/${board.id}/links`, board.tokens.facilitator).then((r) => r.json())) as unknown).toContainEqual(expect.objectContaining({ role: 'viewer', expiresAt: future }))

    const soon = new Date(Date.now() + 300).toISOString()
    await call(`/api/boards/${board.id}/links/viewer`, board.tokens.facilitator, { method: 'PATCH', body: JSON.stringify({ expiresAt: soon }) })
    expect((await viewer.closed).code).toBe(CloseCode.revoked)
    const refused = await call(`/api/boards/${board.id}`, board.tokens.viewer)
    expect(refused.status).toBe(401)
    expect(await refused.json()).toEqual({ error: 'this link has expired', code: 'link_expired' })

    const bad = await call(`/api/boards/${board.id}/links/viewer`, board.tokens.facilitator, { method: 'PATCH', body: JSON.stringify({ expiresAt: 'morgen' }) })
    expect(bad.status).toBe(400)
    expect((await call(`/api/boards/${board.id}/links/facilitator/regenerate`, board.tokens.facilitator, { method: 'POST' })).status).toBe(404)
    const links = (await (await call(`/api/boards/${board.id}/links`, board.tokens.facilitator)).json()) as { role: string }[]
    expect(links.map((l) => l.role).sort()).toEqual(['editor', 'facilitator', 'viewer'])
  })
})

describe('deleting boards and the admin page', () => {
  async function boardWithContent(trace: string): Promise<CreatedBoard> {
    const board = await newBoard('Te verwijderen bord')
    const client = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    client.records.set('shape:spoor', testRecord('spoor', { text: trace }))
    await client.roundTrip()
    await call(`/api/boards/${board.id}/snapshots`, board.tokens.editor, { method: 'POST', body: '{}' })
    // A participant's draft holding the trace too, and a vote with a dot.
    const draftKey = 'k'.repeat(22)
    const draft = await SyncClient.connect(server.url, board.id, board.tokens.editor, { draftKey })
    draft.records.set('shape:concept', testRecord('concept', { text: `${trace} (concept)` }))
    await draft.stored()
    const vote = (await (await call(`/api/boards/${board.id}/votes`, board.tokens.facilitator, { method: 'POST', body: '{"perParticipant":1}' })).json()) as { id: string }
    await call(`/api/boards/${board.id}/votes/${vote.id}/ballots`, board.tokens.editor, { method: 'POST', body: JSON.stringify({ draftKey, shapeId: 'shape:spoor' }) })
    await Promise.all([client.close(), draft.close()])
    return board
  }

  it('lists boards with size and activity for the admin only', async () => {
    const board = await boardWithContent('spoor-in-lijst')
    expect((await call('/api/admin/boards', board.tokens.facilitator)).status).toBe(401)
    const list = (await (await call('/api/admin/boards', ADMIN)).json()) as { id: string; bytes: number; lastActivity: string; snapshots: number }[]
    const entry = list.find((b) => b.id === board.id)!
    expect(entry.bytes).toBeGreaterThan(100)
    expect(entry.snapshots).toBeGreaterThanOrEqual(1)
    expect(Date.parse(entry.lastActivity)).not.toBeNaN()
  })

  it('deletes every trace of a board', async () => {
    const board = await boardWithContent('uniek-spoor-tekst-7f3a')
    const watcher = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    expect((await storedPlacesMentioning(server, 'uniek-spoor-tekst-7f3a')).length).toBeGreaterThan(0) // what the check looks at holds it now
    expect((await call(`/api/admin/boards/${board.id}`, ADMIN, { method: 'DELETE' })).status).toBe(204)
    expect((await watcher.closed).code).toBe(CloseCode.revoked)
    expect((await call(`/api/boards/${board.id}`, board.tokens.facilitator)).status).toBe(404)
    for (const table of Object.keys(BOARD_TABLES) as BoardTable[]) expect(await storedRowCount(server, table, board.id), table).toBe(0)
    expect(await storedPlacesMentioning(server, 'uniek-spoor-tekst-7f3a')).toEqual([])
    expect((await call(`/api/admin/boards/${board.id}`, ADMIN, { method: 'DELETE' })).status).toBe(404)
  })

  it('lets a facilitator delete their own board, nobody else', async () => {
    const board = await newBoard()
    expect((await call(`/api/boards/${board.id}`, board.tokens.editor, { method: 'DELETE' })).status).toBe(403)
    expect((await call(`/api/boards/${board.id}`, board.tokens.facilitator, { method: 'DELETE' })).status).toBe(204)
    expect((await call(`/api/boards/${board.id}`, board.tokens.facilitator)).status).toBe(404)
  })
})

describe('websocket limits', () => {
  it('refuses browser origins other than PUBLIC_URL', async () => {
    const board = await newBoard()
    const status = await new Promise<number>((resolve) => {
      const socket = new WebSocket(syncUrl(server.url, board.id, board.tokens.editor), { headers: { origin: 'https://evil.example' } })
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
      socket.once('error', () => undefined)
    })
    expect(status).toBe(403)
    for (const origin of ['http://bord.test', server.url]) {
      const ok = new WebSocket(syncUrl(server.url, board.id, board.tokens.editor), { headers: { origin } })
      await new Promise((resolve, reject) => ok.once('open', resolve).once('error', reject))
      ok.close()
    }
  })

  it('limits connections per board', async () => {
    const board = await newBoard()
    const clients = await Promise.all([1, 2, 3].map(() => SyncClient.connect(server.url, board.id, board.tokens.viewer)))
    expect(await refusedStatus(syncUrl(server.url, board.id, board.tokens.viewer))).toBe(503)
    await Promise.all(clients.map((client) => client.close()))
  })

  it('closes a connection that floods, or sends an oversized message', async () => {
    const board = await newBoard()
    const flooder = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    for (let i = 0; i < 200; i++) flooder.send(new Uint8Array([3])) // query awareness, cheap but counted
    expect((await flooder.closed).code).toBe(CloseCode.rateLimited)

    const big = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    big.send(new Uint8Array(70_000))
    expect((await big.closed).code).toBe(1009) // ws: message too big
    const fine = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    await fine.roundTrip()
    await fine.close()
  })
})
