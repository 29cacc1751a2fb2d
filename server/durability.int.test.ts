import { afterEach, describe, expect, it } from 'vitest'
import { createBoard } from './testing/api-client.ts'
import { removeDir, startServerProcess, tempDataDir } from './testing/server-process.ts'
import { storedRowCount } from './testing/stored-data.ts'
import { SyncClient, testRecord } from './testing/sync-client.ts'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach(removeDir))

function newDataDir(): string {
  const dir = tempDataDir()
  dirs.push(dir)
  return dir
}

describe('durability', () => {
  it('keeps an edit another client has seen when the server is killed with SIGKILL', async () => {
    const dataDir = newDataDir()
    const first = await startServerProcess({ dataDir })
    const board = await createBoard(first.url)
    const a = await SyncClient.connect(first.url, board.id, board.tokens.editor)
    const b = await SyncClient.connect(first.url, board.id, board.tokens.editor)
    for (let i = 0; i < 20; i++) a.records.set(`shape:n${i}`, testRecord(`n${i}`, { x: i }))
    await b.waitFor((c) => c.records.get('shape:n19')?.x === 19)
    await first.kill()
    await Promise.all([a.closed, b.closed])

    const second = await startServerProcess({ dataDir })
    const c = await SyncClient.connect(second.url, board.id, board.tokens.viewer)
    for (let i = 0; i < 20; i++) expect(c.records.get(`shape:n${i}`)?.x).toBe(i)
    await c.close()
    await second.stop()
  })

  it('stops cleanly on SIGTERM within 5 s, with the data kept', async () => {
    const dataDir = newDataDir()
    const first = await startServerProcess({ dataDir })
    const board = await createBoard(first.url)
    const a = await SyncClient.connect(first.url, board.id, board.tokens.editor)
    a.records.set('shape:kept', testRecord('kept'))
    await a.roundTrip()
    const started = Date.now()
    expect(await first.stop()).toBe(0)
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(first.logs.some((line) => line.includes('"msg":"shutting down"'))).toBe(true)

    const second = await startServerProcess({ dataDir })
    const c = await SyncClient.connect(second.url, board.id, board.tokens.viewer)
    expect(c.records.has('shape:kept')).toBe(true)
    await c.close()
    await second.stop()
  })

  it('compacts the update log into one state row without losing anything', async () => {
    const dataDir = newDataDir()
    const server = await startServerProcess({ dataDir, env: { COMPACT_AFTER_UPDATES: '10' } })
    const board = await createBoard(server.url)
    const a = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    for (let i = 0; i < 25; i++) {
      a.records.set(`shape:c${i}`, testRecord(`c${i}`))
      await a.stored() // one update per flush, so the log really grows
    }
    // Compaction runs after the append, in the background (on PostgreSQL it may still be committing).
    await expect.poll(() => storedRowCount(server, 'updates', board.id)).toBeLessThan(10)
    await a.close()
    await server.kill()

    const again = await startServerProcess({ dataDir })
    const c = await SyncClient.connect(again.url, board.id, board.tokens.viewer)
    for (let i = 0; i < 25; i++) expect(c.records.has(`shape:c${i}`)).toBe(true)
    await c.close()
    await again.stop()
  })

  it('unloads an idle room and reloads it from disk', async () => {
    const dataDir = newDataDir()
    const server = await startServerProcess({ dataDir, env: { ROOM_IDLE_MS: '0' } })
    const board = await createBoard(server.url)
    const a = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    a.records.set('shape:idle', testRecord('idle'))
    await a.roundTrip()
    await a.close()
    const b = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    expect(b.records.has('shape:idle')).toBe(true)
    await b.close()
    await server.stop()
  })
})
