/**
 * Hostile websocket clients (issue 9, items 3, 4, 5, 7, 9 and the awareness part of 11). Each test
 * is the attack, then: the server is up, the board unchanged, memory bounded, a newcomer syncs.
 */
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { CreatedBoard } from '../shared/api.ts'
import { readRecords } from '../shared/doc-layout.ts'
import { CloseCode } from '../shared/protocol.ts'
import { createBoard } from './testing/api-client.ts'
import { awarenessMessage, closedCode, fullSyncRequest, openSocket, rssBytes, stopReading, within } from './testing/raw-socket.ts'
import { serverForFile, type FileServer } from './testing/server-for-file.ts'
import { refusedStatus, SyncClient, syncUrl, testRecord } from './testing/sync-client.ts'

const MiB = 1024 * 1024
// Generous message rates: the attacks must reach the room, not the per-socket rate limit.
const server = serverForFile({ MAX_SOCKET_BUFFER_BYTES: String(MiB), WS_MESSAGES_PER_SECOND: '1000', WS_MESSAGE_BURST: '1000' })

async function expectHealthy(target: FileServer): Promise<void> {
  const started = performance.now()
  const response = await within(2_000, '/healthz', fetch(`${target.url}/healthz`))
  expect(response.status).toBe(200)
  expect(performance.now() - started).toBeLessThan(1_000)
}

const recordIds = (client: SyncClient) => readRecords(client.doc).map((record) => record.id).sort()

/** A newcomer on a fresh connection gets the whole board, and it is the board as it was. */
async function expectNewcomerSees(target: FileServer, board: CreatedBoard, ids: readonly string[]): Promise<void> {
  const newcomer = await within(5_000, 'a newcomer syncing', SyncClient.connect(target.url, board.id, board.tokens.viewer))
  expect(recordIds(newcomer)).toEqual([...ids].sort())
  await newcomer.close()
}

/** A board of a few MB (notes with 100k characters of text each), written by a real client. */
async function bigBoard(target: FileServer, notes = 30): Promise<{ board: CreatedBoard; editor: SyncClient; ids: string[] }> {
  const board = await createBoard(target.url)
  const editor = await SyncClient.connect(target.url, board.id, board.tokens.editor)
  for (let i = 0; i < notes; i++) editor.records.set(`shape:big${i}`, testRecord(`big${i}`, { x: i * 10, text: randomBytes(50_000).toString('hex') }))
  await editor.roundTrip()
  return { board, editor, ids: recordIds(editor) }
}

/** The highest RSS seen while the server works through what was sent (sampled, ~1.5 s). */
async function peakRss(target: FileServer): Promise<number> {
  let peak = rssBytes(target.pid)
  for (let i = 0; i < 15; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    peak = Math.max(peak, rssBytes(target.pid))
  }
  return peak
}

describe('sync step 1 amplification and back-pressure (item 4)', () => {
  it('answers "send me everything" once per document version, so sockets that never read cannot grow the server', async () => {
    const { board, editor, ids } = await bigBoard(server)
    const before = rssBytes(server.pid)
    const sockets = await Promise.all([1, 2, 3, 4].map(() => openSocket(syncUrl(server.url, board.id, board.tokens.viewer))))
    for (const socket of sockets) {
      stopReading(socket)
      for (let i = 0; i < 40; i++) socket.send(fullSyncRequest())
    }
    // 4 × 40 answers of ~3 MB would be ~480 MB queued.
    expect(await peakRss(server) - before).toBeLessThan(150 * MiB)
    await expectHealthy(server)
    await expectNewcomerSees(server, board, ids)
    for (const socket of sockets) socket.terminate()
    await editor.close()
  })

  it('closes a socket whose unsent buffer passes MAX_SOCKET_BUFFER_BYTES', async () => {
    const { board, editor, ids } = await bigBoard(server)
    const before = rssBytes(server.pid)
    const slow = await openSocket(syncUrl(server.url, board.id, board.tokens.viewer))
    stopReading(slow)
    const closed = closedCode(slow)
    // A new document version each time, so every request deserves an answer: the buffer decides.
    for (let i = 0; i < 20; i++) {
      editor.records.set(`shape:tick${i}`, testRecord(`tick${i}`))
      await editor.roundTrip()
      slow.send(fullSyncRequest())
    }
    expect(await peakRss(server) - before).toBeLessThan(150 * MiB)
    slow.resume()
    expect([CloseCode.tooSlow, 1006]).toContain(await within(5_000, 'the slow socket closing', closed))
    expect(server.logs.join('\n')).toContain('closing a connection that does not read')
    await expectHealthy(server)
    await expectNewcomerSees(server, board, [...ids, ...Array.from({ length: 20 }, (_, i) => `shape:tick${i}`)])
    await editor.close()
  })
})

describe('awareness (items 3, 5, 11)', () => {
  const presence = (name: string) => JSON.stringify({ user: { name, color: '#123456' }, presence: { userName: name, cursor: { x: 1, y: 2, type: 'default', rotation: 0 } } })

  it('refuses a state nested too deep to re-encode, so later joins keep working', async () => {
    const board = await createBoard(server.url)
    const attacker = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    const depth = 400_000
    attacker.send(awarenessMessage([{ clientId: 7001, clock: 1, json: '['.repeat(depth) + ']'.repeat(depth) }]))
    await within(5_000, 'a round trip after the deep state', attacker.roundTrip())
    for (let i = 0; i < 3; i++) await expectNewcomerSees(server, board, ['document:document', 'page:page'])
    await expectHealthy(server)
    await attacker.close()
  })

  it('keeps no large states and at most a few client ids per connection, and relays none of the rest', async () => {
    const board = await createBoard(server.url)
    const observer = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    const attacker = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    const before = rssBytes(server.pid)
    const huge = JSON.stringify({ user: { name: 'x', color: '#000000' }, blob: 'a'.repeat(MiB) })
    for (let i = 0; i < 40; i++) attacker.send(awarenessMessage([{ clientId: 8000 + i, clock: 1, json: huge }]))
    // Many small states under fresh client ids: only the first few are kept.
    attacker.send(awarenessMessage(Array.from({ length: 50 }, (_, i) => ({ clientId: 9000 + i, clock: 1, json: presence(`p${i}`) }))))
    await attacker.roundTrip()
    await observer.roundTrip()
    expect(await peakRss(server) - before).toBeLessThan(100 * MiB)

    const states = [...observer.awareness.getStates()].filter(([id]) => id !== observer.doc.clientID)
    expect(states.some(([id]) => id >= 8000 && id < 9000)).toBe(false)
    expect(states.length).toBeLessThanOrEqual(4)
    expect(states.length).toBeGreaterThan(0) // small states of its own are still relayed
    await expectHealthy(server)
    await expectNewcomerSees(server, board, ['document:document', 'page:page'])
    await Promise.all([observer.close(), attacker.close()])
  })

  it('lets a peer write only the awareness entries it created', async () => {
    const board = await createBoard(server.url)
    const editor = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    const observer = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    editor.awareness.setLocalState({ user: { name: 'Echte deelnemer', color: '#00aa00' } })
    const mine = editor.doc.clientID
    await observer.waitForAwareness((states) => states.has(mine))
    const viewer = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    viewer.send(awarenessMessage([{ clientId: mine, clock: 1000, json: presence('Overgenomen') }]))
    viewer.send(awarenessMessage([{ clientId: mine, clock: 1001, json: 'null' }]))
    await viewer.roundTrip()
    await observer.roundTrip()
    expect(observer.awareness.getStates().get(mine)).toEqual({ user: { name: 'Echte deelnemer', color: '#00aa00' }, role: 'editor' })
    await Promise.all([editor.close(), observer.close(), viewer.close()])
  })

  it('relays only whitelisted fields on an anonymous board, and releases a pseudonym with its client', async () => {
    const board = await createBoard(server.url, { title: 'Chatham House', anonymous: true })
    const observer = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    const named = (client: SyncClient, name: string) =>
      client.awareness.setLocalState({
        user: { name, color: '#123456' },
        email: `${name}@gemeente.nl`,
        presence: { userName: name, userId: `id-${name}`, chatMessage: 'hoi', meta: { email: `${name}@gemeente.nl` } },
      })
    const nameOf = (client: SyncClient) => (observer.awareness.getStates().get(client.doc.clientID) as { user?: { name?: string } } | undefined)?.user?.name

    const first = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    named(first, 'anna')
    await observer.waitForAwareness((states) => states.has(first.doc.clientID))
    expect(observer.awareness.getStates().get(first.doc.clientID)).toEqual({
      user: { name: 'Deelnemer 1', color: '#123456' },
      presence: { userName: 'Deelnemer 1', userId: 'deelnemer-1', chatMessage: 'hoi', meta: {} },
      role: 'editor', // stamped by the server from the connection
    })

    const second = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    named(second, 'bert')
    await observer.waitForAwareness((states) => states.has(second.doc.clientID))
    expect(nameOf(second)).toBe('Deelnemer 2')
    await second.close()
    await observer.waitForAwareness((states) => !states.has(second.doc.clientID))

    const third = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    named(third, 'cees')
    await observer.waitForAwareness((states) => states.has(third.doc.clientID))
    expect(nameOf(third)).toBe('Deelnemer 2') // the leaver's number is free again
    expect(nameOf(first)).toBe('Deelnemer 1') // and whoever stayed keeps theirs
    expect(JSON.stringify([...observer.awareness.getStates().values()])).not.toMatch(/anna|bert|cees/)
    await Promise.all([observer.close(), first.close(), third.close()])
  })
})

describe('link expiry on open sockets (item 7)', () => {
  const patchExpiry = async (board: CreatedBoard, expiresAt: string | null) => {
    const response = await fetch(`${server.url}/api/boards/${board.id}/links/viewer`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${board.tokens.facilitator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ expiresAt }),
    })
    expect(response.status).toBe(200)
  }
  const inMs = (ms: number) => new Date(Date.now() + ms).toISOString()

  it('closes a connected socket when an expiry set after it connected passes', async () => {
    const board = await createBoard(server.url)
    const viewer = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    await patchExpiry(board, inMs(500))
    expect((await within(3_000, 'the expired socket closing', viewer.closed)).code).toBe(CloseCode.revoked)
  })

  it('re-arms on every PATCH: a shortened expiry closes the socket, a removed one keeps it open', async () => {
    const board = await createBoard(server.url)
    await patchExpiry(board, inMs(3_600_000))
    const shortened = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    await patchExpiry(board, inMs(500))
    expect((await within(3_000, 'the expired socket closing', shortened.closed)).code).toBe(CloseCode.revoked)

    await patchExpiry(board, inMs(400))
    const kept = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    await patchExpiry(board, null)
    await new Promise((resolve) => setTimeout(resolve, 800)) // past the removed expiry
    await within(1_000, 'a round trip on the kept socket', kept.roundTrip())
    await kept.close()
  })
})

describe('idle sockets and per-link caps (item 9)', () => {
  const small = serverForFile({ HEARTBEAT_MS: '200', MAX_CONNECTIONS_PER_LINK: '3', MAX_CONNECTIONS_PER_BOARD: '6' })

  it('closes sockets that do not answer pings, and keeps those that do', async () => {
    const board = await createBoard(small.url)
    const honest = await SyncClient.connect(small.url, board.id, board.tokens.editor)
    const silent = await Promise.all([1, 2, 3].map(() => openSocket(syncUrl(small.url, board.id, board.tokens.viewer))))
    const closed = silent.map((socket) => closedCode(socket))
    silent.forEach(stopReading)
    await new Promise((resolve) => setTimeout(resolve, 1_000)) // several heartbeat intervals without a pong
    silent.forEach((socket) => socket.resume())
    await within(2_000, 'the silent sockets closing', Promise.all(closed))
    await within(1_000, 'a round trip on the honest socket', honest.roundTrip())
    // Their slots are free again.
    const clients = await Promise.all([1, 2, 3].map(() => SyncClient.connect(small.url, board.id, board.tokens.viewer)))
    await Promise.all([honest, ...clients].map((client) => client.close()))
    await expectHealthy(small)
  })

  it('caps the connections of one link below the board’s, so a viewer link cannot fill a board', async () => {
    const board = await createBoard(small.url)
    const viewers = await Promise.all([1, 2, 3].map(() => SyncClient.connect(small.url, board.id, board.tokens.viewer)))
    expect(await refusedStatus(syncUrl(small.url, board.id, board.tokens.viewer))).toBe(503)
    const editor = await within(5_000, 'an editor joining', SyncClient.connect(small.url, board.id, board.tokens.editor))
    await viewers[0]!.close()
    const again = await within(5_000, 'a viewer joining a freed slot', SyncClient.connect(small.url, board.id, board.tokens.viewer))
    await Promise.all([editor, again, ...viewers.slice(1)].map((client) => client.close()))
  })

  it('keeps room for the facilitator when the partners’ links fill the board', async () => {
    const board = await createBoard(small.url)
    const partners = await Promise.all(
      [...[1, 2, 3].map(() => board.tokens.viewer), ...[1, 2, 3].map(() => board.tokens.editor)].map((token) => SyncClient.connect(small.url, board.id, token)),
    )
    expect(await refusedStatus(syncUrl(small.url, board.id, board.tokens.editor))).toBe(503)
    const facilitator = await within(5_000, 'the facilitator joining a full board', SyncClient.connect(small.url, board.id, board.tokens.facilitator))
    await Promise.all([facilitator, ...partners].map((client) => client.close()))
  })
})
