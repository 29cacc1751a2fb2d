/**
 * Scaling out, end to end: two real server processes on one PostgreSQL and one Redis (both
 * private, started from the machine's binaries) serve the same board to clients on both.
 */
import { readdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../shared/protocol.ts'
import { createBoard } from './testing/api-client.ts'
import { startPostgres, type PostgresCluster } from './testing/postgres-cluster.ts'
import { startRedis, type RedisProcess } from './testing/redis-process.ts'
import { removeDir, startServerProcess, tempDataDir, type ServerProcess } from './testing/server-process.ts'
import { refusedStatus, SyncClient, syncUrl, testRecord } from './testing/sync-client.ts'

let cluster: PostgresCluster
let redis: RedisProcess
const started: ServerProcess[] = []
const dataDirs: string[] = []

beforeAll(async () => {
  ;[cluster, redis] = await Promise.all([startPostgres(), startRedis()])
}, 60_000)
afterAll(async () => {
  await Promise.all(started.map((server) => server.kill()))
  await Promise.all([cluster?.stop(), redis?.stop()])
  for (const dir of dataDirs) removeDir(dir)
})

/** A server process of the cluster: its DATA_DIR must stay empty. */
async function serve(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const dataDir = tempDataDir()
  dataDirs.push(dataDir)
  const server = await startServerProcess({ dataDir, env: { DATABASE_URL: databaseUrl, REDIS_URL: redis.url, ...env } })
  started.push(server)
  return server
}

describe('two processes on PostgreSQL and Redis', () => {
  it('serve one board to clients on both: edits either way, revocation and expiry close sockets on both, nothing in DATA_DIR', async () => {
    const url = await cluster.createDatabase('two_processes')
    const [one, two] = [await serve(url), await serve(url)]
    const board = await createBoard(one.url)
    const a = await SyncClient.connect(one.url, board.id, board.tokens.editor)
    const b = await SyncClient.connect(two.url, board.id, board.tokens.editor)

    a.records.set('shape:van-a', testRecord('van-a'))
    await b.waitFor((client) => client.records.has('shape:van-a'))
    b.records.set('shape:van-b', testRecord('van-b'))
    await a.waitFor((client) => client.records.has('shape:van-b'))

    // A viewer on process two; its link is revoked through process one.
    const viewer = await SyncClient.connect(two.url, board.id, board.tokens.viewer)
    const response = await fetch(`${one.url}/api/boards/${board.id}/links/viewer/regenerate`, { method: 'POST', headers: { authorization: `Bearer ${board.tokens.facilitator}` } })
    expect(response.status).toBe(200)
    expect((await viewer.closed).code).toBe(CloseCode.revoked)

    // An editor on process two; its link is given an expiry through process one.
    const soon = await SyncClient.connect(two.url, board.id, board.tokens.editor)
    const expiry = await fetch(`${one.url}/api/boards/${board.id}/links/editor`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${board.tokens.facilitator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ expiresAt: new Date(Date.now() + 1_500).toISOString() }),
    })
    expect(expiry.status).toBe(200)
    expect((await soon.closed).code).toBe(CloseCode.revoked)

    await Promise.all([a.close(), b.close()])
    for (const server of [one, two]) expect(readdirSync(server.dataDir)).toEqual([])
  })

  it('loses nothing a client saw when a process is killed in the middle of a write burst', async () => {
    const url = await cluster.createDatabase('kill_nine')
    const [one, two] = [await serve(url), await serve(url)]
    const board = await createBoard(two.url)
    const writer = await SyncClient.connect(one.url, board.id, board.tokens.editor)
    const watcher = await SyncClient.connect(two.url, board.id, board.tokens.viewer)

    for (let i = 0; i < 200; i++) writer.records.set(`shape:burst-${i}`, testRecord(`burst-${i}`))
    // Kill the writer's process as soon as the other process relayed anything of the burst.
    await watcher.waitFor((client) => [...client.records.map.keys()].some((key) => key.startsWith('shape:burst-')))
    await one.kill()
    const seen = [...watcher.records.map.keys()].filter((key) => key.startsWith('shape:burst-'))
    expect(seen.length).toBeGreaterThan(0)

    const late = await SyncClient.connect(two.url, board.id, board.tokens.viewer)
    for (const key of seen) expect(late.records.has(key)).toBe(true)
    await Promise.all([watcher.close(), late.close(), writer.close().catch(() => undefined)])
  })

  it('holds the connection caps per board across processes', async () => {
    const url = await cluster.createDatabase('caps')
    const limits = { MAX_CONNECTIONS_PER_LINK: '2', MAX_CONNECTIONS_PER_BOARD: '3' }
    const [one, two] = [await serve(url, limits), await serve(url, limits)]
    const board = await createBoard(one.url)
    const viewers = [await SyncClient.connect(one.url, board.id, board.tokens.viewer), await SyncClient.connect(two.url, board.id, board.tokens.viewer)]
    // The viewer link holds two connections, one on each process: full on both.
    for (const server of [one, two]) expect(await refusedStatus(syncUrl(server.url, board.id, board.tokens.viewer))).toBe(503)
    const editor = await SyncClient.connect(two.url, board.id, board.tokens.editor)
    // Three partners on the board, across the processes: no fourth, but the facilitator.
    expect(await refusedStatus(syncUrl(one.url, board.id, board.tokens.editor))).toBe(503)
    const facilitator = await SyncClient.connect(one.url, board.id, board.tokens.facilitator)
    await Promise.all([...viewers, editor, facilitator].map((client) => client.close()))
  })

  it('restores, switches to anonymous, saves a template and deletes through one process, for clients on the other', async () => {
    const url = await cluster.createDatabase('workflows')
    const [one, two] = [await serve(url), await serve(url)]
    const board = await createBoard(one.url, { title: 'Casus', template: 'casusreconstructie' })
    const api = (server: ServerProcess, route: string, init: RequestInit = {}) =>
      fetch(`${server.url}/api/boards/${board.id}${route}`, { ...init, headers: { authorization: `Bearer ${board.tokens.facilitator}`, 'content-type': 'application/json' } })

    const onTwo = await SyncClient.connect(two.url, board.id, board.tokens.editor)
    onTwo.records.set('shape:eerst', testRecord('eerst'))
    await onTwo.stored()
    const snapshot = (await (await api(one, '/snapshots', { method: 'POST', body: '{}' })).json()) as { id: string }
    onTwo.records.set('shape:later', testRecord('later'))
    await onTwo.stored()
    expect((await api(one, `/snapshots/${snapshot.id}/restore`, { method: 'POST' })).status).toBe(200)
    await onTwo.waitFor((client) => client.records.has('shape:eerst') && !client.records.has('shape:later'))

    // A named card on process two; the switch goes through process one.
    const note = testRecord('met-naam')
    onTwo.records.set(note.id, { ...note, props: { ...(note.props as object), textFirstEditedBy: 'user:kim' } })
    await onTwo.stored()
    expect((await api(one, '', { method: 'PATCH', body: JSON.stringify({ anonymous: true }) })).status).toBe(200)
    expect((await onTwo.closed).code).toBe(CloseCode.settingsChanged)
    // Back on process two: no author on the card, and a new named edit is scrubbed there too.
    const again = await SyncClient.connect(two.url, board.id, board.tokens.editor)
    const author = (client: SyncClient, id: string) => (client.records.get(id)?.props as { textFirstEditedBy?: unknown } | undefined)?.textFirstEditedBy
    expect(author(again, 'shape:met-naam')).toBeNull()
    const named = testRecord('nog-een')
    again.records.set(named.id, { ...named, props: { ...(named.props as object), textFirstEditedBy: 'user:kim' } })
    await again.waitFor((client) => client.records.has('shape:nog-een') && author(client, 'shape:nog-een') === null)
    const reader = await SyncClient.connect(one.url, board.id, board.tokens.viewer)
    await reader.waitFor((client) => client.records.has('shape:nog-een'))
    expect(author(reader, 'shape:nog-een')).toBeNull()
    await reader.close()

    // A template saved through process two makes a board through process one.
    const saved = await fetch(`${two.url}/api/templates`, {
      method: 'POST',
      headers: { authorization: `Bearer ${board.tokens.facilitator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ boardId: board.id, title: 'Onze opzet' }),
    })
    expect(saved.status).toBe(201)
    const fromTemplate = await createBoard(one.url, { title: 'Vervolg', template: ((await saved.json()) as { id: string }).id })
    expect(fromTemplate.template).toMatch(/^custom-/)

    // Deleting the board through process one closes the socket on process two.
    expect((await api(one, '', { method: 'DELETE' })).status).toBe(204)
    expect((await again.closed).code).toBe(CloseCode.revoked)
  })

  it("keeps a draft on one process private, reveals it through the other, and closes it when its link is revoked there", async () => {
    const url = await cluster.createDatabase('drafts_across')
    const [one, two] = [await serve(url), await serve(url)]
    const board = await createBoard(one.url)
    const key = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url')
    const draft = await SyncClient.connect(two.url, board.id, board.tokens.editor, { draftKey: key })
    const other = await SyncClient.connect(one.url, board.id, board.tokens.editor)
    draft.records.set('shape:prive', testRecord('prive', { text: 'Alleen-op-proces-twee' }))
    await draft.stored()
    await other.roundTrip()
    expect(other.frames.some((frame) => Buffer.from(frame).includes(Buffer.from('Alleen-op-proces-twee')))).toBe(false)

    const reveal = await fetch(`${one.url}/api/boards/${board.id}/drafts/${key}/reveal`, { method: 'POST', headers: { authorization: `Bearer ${board.tokens.editor}` } })
    expect(await reveal.json()).toEqual({ revealed: 1 })
    await other.waitFor((client) => client.records.has('shape:prive'))
    await draft.waitFor((client) => !client.records.has('shape:prive'))

    const revoke = await fetch(`${one.url}/api/boards/${board.id}/links/editor/regenerate`, { method: 'POST', headers: { authorization: `Bearer ${board.tokens.facilitator}` } })
    expect(revoke.status).toBe(200)
    expect((await draft.closed).code).toBe(CloseCode.revoked)
    await other.closed
  })
})
