/**
 * Issue 9, item 10 (unbounded disk): per-board quotas on snapshots and images, an upload rate,
 * and unused images collected. Each refusal is a coded 4xx and leaves what is stored unchanged.
 */
import { describe, expect, it } from 'vitest'
import type { SnapshotInfo } from '../shared/api.ts'
import { createBoard } from './testing/api-client.ts'
import { serverForFile } from './testing/server-for-file.ts'
import { imageAsset, SyncClient } from './testing/sync-client.ts'

const server = serverForFile({
  MAX_SNAPSHOTS_PER_BOARD: '3',
  MAX_SNAPSHOT_BYTES_PER_BOARD: '100000', // a casusreconstructie snapshot takes about 39 KB
  MAX_ASSET_BYTES: '2048',
  MAX_ASSET_BYTES_PER_BOARD: '4096',
  ASSET_UPLOADS_PER_MINUTE: '4',
  // Each test speaks from its own address, so the per-address upload budget is its own.
  TRUST_PROXY: 'true',
})
// Images younger than a second are safe; the sweep runs every second.
const sweeping = serverForFile({ ASSET_GRACE_MS: '1000' })

let lastAddress = 0
const nextAddress = () => `192.0.2.${++lastAddress}`

function png(bytes: number): Uint8Array<ArrayBuffer> {
  const data = new Uint8Array(bytes)
  data.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82])
  data[bytes - 1] = bytes % 251 // distinct contents
  return data
}

function upload(baseUrl: string, boardId: string, token: string, body: Uint8Array<ArrayBuffer>, address = '192.0.2.250'): Promise<Response> {
  return fetch(`${baseUrl}/api/boards/${boardId}/assets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png', 'x-forwarded-for': address },
    body,
  })
}

function capture(boardId: string, token: string, label: string): Promise<Response> {
  return fetch(`${server.url}/api/boards/${boardId}/snapshots`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ label }),
  })
}

async function listSnapshots(boardId: string, token: string): Promise<SnapshotInfo[]> {
  return (await (await fetch(`${server.url}/api/boards/${boardId}/snapshots`, { headers: { authorization: `Bearer ${token}` } })).json()) as SnapshotInfo[]
}

describe('snapshot quota', () => {
  it('refuses a manual snapshot past MAX_SNAPSHOTS_PER_BOARD with 409 snapshot_quota, and a restore that would need one', async () => {
    const board = await createBoard(server.url, { title: 'Veel momenten' })
    for (const label of ['een', 'twee', 'drie']) expect((await capture(board.id, board.tokens.editor, label)).status).toBe(201)
    const before = await listSnapshots(board.id, board.tokens.viewer)

    const refused = await capture(board.id, board.tokens.editor, 'vier')
    expect(refused.status).toBe(409)
    expect(await refused.json()).toMatchObject({ code: 'snapshot_quota' })
    // A restore keeps the state before it as a snapshot: it cannot, so nothing happens.
    const restore = await fetch(`${server.url}/api/boards/${board.id}/snapshots/${before[0]!.id}/restore`, {
      method: 'POST',
      headers: { authorization: `Bearer ${board.tokens.facilitator}` },
    })
    expect(restore.status).toBe(409)
    expect(await listSnapshots(board.id, board.tokens.viewer)).toEqual(before)
  })

  it('refuses a snapshot that would take the board past MAX_SNAPSHOT_BYTES_PER_BOARD with 413 snapshot_quota', async () => {
    const board = await createBoard(server.url, { title: 'Grote momenten', template: 'casusreconstructie' })
    expect((await capture(board.id, board.tokens.editor, 'een')).status).toBe(201)
    expect((await capture(board.id, board.tokens.editor, 'twee')).status).toBe(201)
    const refused = await capture(board.id, board.tokens.editor, 'drie')
    expect(refused.status).toBe(413)
    expect(await refused.json()).toMatchObject({ code: 'snapshot_quota' })
    expect((await listSnapshots(board.id, board.tokens.viewer)).map((s) => s.label)).toEqual(['twee', 'een'])
  })
})

describe('image quota and upload rate', () => {
  it('refuses an image past MAX_ASSET_BYTES_PER_BOARD with 413 asset_quota; the stored ones stay', async () => {
    const board = await createBoard(server.url, { title: 'Plaatjes' })
    const address = nextAddress()
    const first = (await (await upload(server.url, board.id, board.tokens.editor, png(1500), address)).json()) as { src: string }
    expect((await upload(server.url, board.id, board.tokens.editor, png(1500), address)).status).toBe(201)
    const refused = await upload(server.url, board.id, board.tokens.editor, png(1500), address)
    expect(refused.status).toBe(413)
    expect(await refused.json()).toMatchObject({ code: 'asset_quota' })
    expect((await fetch(`${server.url}${first.src}`)).status).toBe(200)
    // Another board has its own quota.
    const other = await createBoard(server.url, { title: 'Ander bord' })
    expect((await upload(server.url, other.id, other.tokens.editor, png(1500), nextAddress())).status).toBe(201)
  })

  it('refuses uploads past ASSET_UPLOADS_PER_MINUTE from one address with 429 rate_limited and Retry-After', async () => {
    const address = nextAddress()
    const boards = await Promise.all([1, 2, 3].map((n) => createBoard(server.url, { title: `Snel ${n}` })))
    // Spread over boards, so only the address's budget runs out.
    const statuses: number[] = []
    for (const [index, board] of [...boards, ...boards].entries()) {
      if (index >= 5) break
      statuses.push((await upload(server.url, board.id, board.tokens.editor, png(100), address)).status)
    }
    expect(statuses).toEqual([201, 201, 201, 201, 429])
    const refused = await upload(server.url, boards[2]!.id, boards[2]!.tokens.editor, png(100), address)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(await refused.json()).toMatchObject({ code: 'rate_limited' })
    // Someone else may still upload to the same board.
    expect((await upload(server.url, boards[2]!.id, boards[2]!.tokens.editor, png(100), nextAddress())).status).toBe(201)
  })
})

describe('unused images', () => {
  it('deletes an image no record or snapshot uses once its grace period is over, and keeps the used ones', async () => {
    const board = await createBoard(sweeping.url, { title: 'Opruimen' })
    const stored = async () => ((await (await upload(sweeping.url, board.id, board.tokens.editor, png(200))).json()) as { src: string }).src
    const [placed, onlyInSnapshot, unused] = [await stored(), await stored(), await stored()]

    const editor = await SyncClient.connect(sweeping.url, board.id, board.tokens.editor)
    editor.records.set('asset:geplaatst', imageAsset('geplaatst', placed))
    editor.records.set('asset:even', imageAsset('even', onlyInSnapshot))
    await editor.roundTrip()
    const snapshot = await fetch(`${sweeping.url}/api/boards/${board.id}/snapshots`, { method: 'POST', headers: { authorization: `Bearer ${board.tokens.editor}` } })
    expect(snapshot.status).toBe(201)
    editor.records.delete('asset:even')
    await editor.roundTrip()

    await expect.poll(async () => (await fetch(`${sweeping.url}${unused}`)).status, { timeout: 8_000, interval: 200 }).toBe(404)
    expect((await fetch(`${sweeping.url}${placed}`)).status).toBe(200)
    expect((await fetch(`${sweeping.url}${onlyInSnapshot}`)).status).toBe(200)
    await editor.close()
  })
})
