import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { readRecords } from '../shared/doc-layout.ts'
import { CloseCode, MessageType } from '../shared/protocol.ts'
import { createBoard } from './testing/api-client.ts'
import { serverForFile } from './testing/server-for-file.ts'
import { SyncClient, syncUrl, testRecord } from './testing/sync-client.ts'

// Generous rate limits: the fuzzer is meant to reach the decoder, not the limiter.
const server = serverForFile({ WS_MESSAGES_PER_SECOND: '100000', WS_MESSAGE_BURST: '100000' })

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** An update as a client would produce it for one record entry. */
function updateSetting(entry: unknown): Uint8Array {
  const doc = new Y.Doc()
  let update: Uint8Array = new Uint8Array()
  doc.on('update', (u: Uint8Array) => (update = u))
  doc.getArray('tl_records').push([entry])
  return update
}

describe('content validation', () => {
  const invalid: [string, unknown][] = [
    ['a shape with a wrong prop type', { key: 'shape:x', val: { ...testRecord('x'), x: 'links' } }],
    ['a shape missing its props', { key: 'shape:x', val: { ...testRecord('x'), props: {} } }],
    ['an unknown shape type', { key: 'shape:x', val: { ...testRecord('x'), type: 'virus' } }],
    ['an instance record in the document', { key: 'instance:instance', val: { id: 'instance:instance', typeName: 'instance' } }],
    ['a key that is not the record id', { key: 'shape:y', val: testRecord('x') }],
    ['an oversized string', { key: 'shape:x', val: testRecord('x', { text: 'x'.repeat(300_000) }) }],
    ['not a record entry', 'hallo'],
  ]
  for (const [what, entry] of invalid) {
    it(`refuses ${what} as a whole, while valid clients keep working`, async () => {
      const board = await createBoard(server.url)
      const good = await SyncClient.connect(server.url, board.id, board.tokens.editor)
      const bad = await SyncClient.connect(server.url, board.id, board.tokens.editor)
      const before = Y.encodeStateVector(good.doc)
      bad.send(updateMessage(updateSetting(entry)))
      expect((await bad.closed).code).toBe(CloseCode.invalidContent)

      good.records.set('shape:ok', testRecord('ok'))
      await good.roundTrip()
      const fresh = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
      expect(readRecords(fresh.doc).map((r) => r.id).sort()).toEqual(['document:document', 'page:page', 'shape:ok'])
      expect(Y.encodeStateVector(fresh.doc)).not.toEqual(before) // only the good edit changed it
      await Promise.all([good.close(), fresh.close()])
    })
  }

  it('refuses other Yjs types in the document', async () => {
    const board = await createBoard(server.url)
    const bad = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    bad.doc.getText('sneaky').insert(0, 'tekst buiten de records')
    expect((await bad.closed).code).toBe(CloseCode.invalidContent)
  })
})

/** mulberry32: a tiny seeded PRNG, so a failing fuzz run can be replayed exactly. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('fuzzing the websocket', () => {
  it('survives thousands of random, truncated and bit-flipped messages with the board unchanged', async () => {
    const seed = Number(process.env.FUZZ_SEED ?? 20261122)
    const random = prng(seed)
    const int = (n: number) => Math.floor(random() * n)
    const board = await createBoard(server.url)

    const author = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    let lastEdit: Uint8Array = new Uint8Array()
    author.doc.on('update', (update: Uint8Array) => (lastEdit = update))
    for (let i = 0; i < 5; i++) author.records.set(`shape:n${i}`, testRecord(`n${i}`, { x: i * 10 }))
    await author.roundTrip()
    // Valid messages to mutate, all already applied: so whatever the server accepts changes nothing
    // unless a mutation happens to form a new valid edit (the seed is fixed, so that is replayable).
    const seeds = [
      updateMessage(Y.encodeStateAsUpdate(author.doc)),
      updateMessage(lastEdit),
      (() => {
        const encoder = encoding.createEncoder()
        encoding.writeVarUint(encoder, MessageType.sync)
        syncProtocol.writeSyncStep1(encoder, author.doc)
        return encoding.toUint8Array(encoder)
      })(),
      new Uint8Array([MessageType.awareness, 5, 1, 200, 1, 3, 123, 125, 0]),
    ]
    const expectedRecords = JSON.stringify(readRecords(author.doc).sort((a, b) => a.id.localeCompare(b.id)))
    await author.close()

    const mutate = (): Uint8Array => {
      const kind = int(4)
      if (kind === 0) return Uint8Array.from({ length: 1 + int(64) }, () => int(256)) // noise
      const base = seeds[int(seeds.length)]!
      if (kind === 1) return base.slice(0, int(base.length)) // truncated
      const copy = base.slice()
      const flips = 1 + int(4)
      for (let i = 0; i < flips; i++) copy[int(copy.length)]! ^= 1 << int(8) // bit flips
      if (kind === 3 && copy.length > 2) copy[0] = int(6) // a wrong or unknown message type
      return copy
    }

    const deadline = Date.now() + 15_000
    let sent = 0
    let connections = 0
    const closeCodes = new Map<number, number>()
    while (sent < 3000 && Date.now() < deadline) {
      const socket = new WebSocket(syncUrl(server.url, board.id, board.tokens.editor))
      connections++
      await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
      const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)))
      // Up to 50 messages per connection, until the server hangs up.
      let open = true
      closed.then(() => (open = false))
      for (let i = 0; i < 50 && open; i++) {
        socket.send(mutate())
        sent++
        await new Promise((resolve) => setImmediate(resolve))
      }
      if (open) socket.close()
      const code = await closed
      closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1)
    }
    expect(sent).toBeGreaterThanOrEqual(1000)
    expect(connections).toBeGreaterThan(10)

    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true })
    const after = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    expect(JSON.stringify(readRecords(after.doc).sort((a, b) => a.id.localeCompare(b.id)))).toBe(expectedRecords)
    // Every connection ended normally or with one of our refusal codes; none crashed the server.
    const allowed = new Set([1000, 1005, 1009, CloseCode.badMessage, CloseCode.invalidContent])
    expect([...closeCodes.keys()].filter((code) => !allowed.has(code))).toEqual([])
    expect(closeCodes.get(CloseCode.badMessage)).toBeGreaterThan(0)
    await after.close()
    // After a restart from disk too.
    await server.restart('kill')
    const reloaded = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    expect(JSON.stringify(readRecords(reloaded.doc).sort((a, b) => a.id.localeCompare(b.id)))).toBe(expectedRecords)
    await reloaded.close()
  }, 60_000)
})
