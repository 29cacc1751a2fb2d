/**
 * The production server is the bundle `npm run build` makes (scripts/build-server.mjs), not the
 * sources the other tests run through tsx: build it and check that it syncs, persists and stops.
 */
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../scripts/build-server.mjs'
import { createBoard } from './testing/api-client.ts'
import { removeDir, startServerProcess, tempDataDir } from './testing/server-process.ts'
import { SyncClient, testRecord } from './testing/sync-client.ts'

// Inside the checkout, so the bundle's imports resolve from node_modules like dist/server's do.
const BUNDLE_DIR = `dist/bundle-test-${process.pid}`
const bundle = `${BUNDLE_DIR}/main.mjs`
const dataDir = tempDataDir()

beforeAll(() => buildServer(bundle))
afterAll(() => {
  rmSync(BUNDLE_DIR, { recursive: true, force: true })
  removeDir(dataDir)
})

describe('the built server bundle', () => {
  it('syncs two clients, keeps the edit over a restart and logs no errors', async () => {
    const first = await startServerProcess({ dataDir, entry: { bundle } })
    const board = await createBoard(first.url)
    const a = await SyncClient.connect(first.url, board.id, board.tokens.editor)
    const b = await SyncClient.connect(first.url, board.id, board.tokens.editor)
    a.records.set('shape:gebundeld', testRecord('gebundeld', { x: 7 }))
    await b.waitFor((client) => client.records.get('shape:gebundeld')?.x === 7)
    // The heavy reads run in a worker thread that starts the bundle itself (server/report/read-worker.ts).
    const read = (route: string) => fetch(`${first.url}/api/boards/${board.id}${route}`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })
    expect(await (await read('/export.json')).text()).toContain('"id":"shape:gebundeld"')
    expect((await read('/report.md')).status).toBe(200)
    await Promise.all([a.close(), b.close()])
    expect(await first.stop()).toBe(0)

    const second = await startServerProcess({ dataDir, entry: { bundle } })
    const c = await SyncClient.connect(second.url, board.id, board.tokens.viewer)
    expect(c.records.get('shape:gebundeld')?.x).toBe(7)
    await c.close()
    expect(await second.stop()).toBe(0)
    const errors = [...first.logs, ...second.logs].filter((line) => !line.startsWith('{') || line.includes('"level":"error"'))
    expect(errors).toEqual([])
  })
})
