/**
 * Opening a snapshot and export.json are computed in the read worker (server/report/read-worker.ts)
 * from what is stored: their answers stay byte for byte what the main thread used to make from
 * the snapshot's state and the live document, and the main thread no longer does the work.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { CreatedBoard, SnapshotInfo } from '../shared/api.ts'
import * as Y from 'yjs'
import { metaMap, type StoredRecord } from '../shared/doc-layout.ts'
import { readClosedVotes } from '../shared/session.ts'
import { decodeContent, readContent } from './document-records.ts'
import { tldrawSchema } from './initial-document.ts'
import { createBoard } from './testing/api-client.ts'
import { serverForFile } from './testing/server-for-file.ts'
import { storedSnapshotRow } from './testing/stored-data.ts'
import { SyncClient, testRecord } from './testing/sync-client.ts'

const server = serverForFile()

const get = (board: CreatedBoard, route: string) =>
  fetch(`${server.url}/api/boards/${board.id}${route}`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })

async function capture(board: CreatedBoard, label: string): Promise<SnapshotInfo> {
  const response = await fetch(`${server.url}/api/boards/${board.id}/snapshots`, {
    method: 'POST',
    headers: { authorization: `Bearer ${board.tokens.editor}`, 'content-type': 'application/json' },
    body: JSON.stringify({ label }),
  })
  expect(response.status).toBe(201)
  return (await response.json()) as SnapshotInfo
}

/** The answer of GET …/snapshots/:sid as the main thread made it: the stored state (read by the test itself) decoded here. */
async function expectedSnapshotBody(id: string): Promise<string> {
  const row = await storedSnapshotRow(server, id)
  if (!row) throw new Error(`snapshot ${id} is not stored`)
  const head = JSON.stringify({ id, label: row.label, createdAt: row.createdAt, auto: row.auto, schema: JSON.parse(row.schema) })
  const doc = new Y.Doc()
  Y.applyUpdate(doc, row.state)
  const votes = readClosedVotes(metaMap(doc))
  doc.destroy()
  return `${head.slice(0, -1)},"votes":${JSON.stringify(votes)},"records":${JSON.stringify(decodeContent(row.state).records)}}`
}

/** The answer of GET …/export.json as the main thread made it: from a synced copy of the live document. */
function expectedExportBody(client: SyncClient, title: string, template: string): string {
  const { schema, records } = readContent(client.doc)
  const head = JSON.stringify({ format: 'dialoogbord', version: 1, title, template })
  return `${head.slice(0, -1)},"schema":${JSON.stringify(schema)},"records":${JSON.stringify(records)}}`
}

/** CPU time (user + system) one thread of a process has spent, in ms (Linux; ticks of 10 ms). */
function threadCpuMs(pid: number, tid: number): number {
  const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

describe('heavy reads in the read worker', () => {
  it('answer GET snapshot and export.json byte for byte as the main thread did, and follow edits', async () => {
    const board = await createBoard(server.url, { title: 'Casus Zuid — “quotes” & ünïcode' })
    const client = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    for (let i = 0; i < 20; i++) client.records.set(`shape:k${i}`, testRecord(`k${i}`, { x: i * 10, text: `Kaart ${i} — “€” \u2028 ${'ß'.repeat(i)}` }))
    await client.roundTrip()
    const snapshot = await capture(board, 'Na ronde 1 — “label”')

    const opened = await get(board, `/snapshots/${snapshot.id}`)
    expect(opened.status).toBe(200)
    expect(opened.headers.get('content-type')).toBe('application/json')
    expect(await opened.text()).toBe(await expectedSnapshotBody(snapshot.id))
    // Again, from the cache: the same bytes.
    expect(await (await get(board, `/snapshots/${snapshot.id}`)).text()).toBe(await expectedSnapshotBody(snapshot.id))

    const exported = await get(board, '/export.json')
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-type')).toBe('application/json')
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="casus-zuid-quotes-unicode.dialoogbord.json"')
    const expected = expectedExportBody(client, 'Casus Zuid — “quotes” & ünïcode', 'leeg')
    expect(await exported.text()).toBe(expected)
    expect(await (await get(board, '/export.json')).text()).toBe(expected)

    // An edit (not yet flushed when the GET arrives: the route flushes first) is in the next export.
    client.records.set('shape:later', testRecord('later', { text: 'Na de export' }))
    await client.roundTrip()
    const after = await (await get(board, '/export.json')).text()
    expect(after).toContain('Na de export')
    expect(after).toBe(expectedExportBody(client, 'Casus Zuid — “quotes” & ünïcode', 'leeg'))

    // A snapshot that is not there, on this board or another: 404 as before.
    expect((await get(board, '/snapshots/nietbestaand')).status).toBe(404)
    const other = await createBoard(server.url)
    expect((await get(other, `/snapshots/${snapshot.id}`)).status).toBe(404)
    await client.close()
  })

  it('leave the decoding and serialising of a big board to the worker, not the main thread', async () => {
    const records: StoredRecord[] = [
      { id: 'document:document', typeName: 'document', gridSize: 10, name: '', meta: {} },
      { id: 'page:page', typeName: 'page', name: 'Pagina 1', index: 'a1', meta: {} },
    ]
    for (let i = 0; i < 10_000; i++) records.push(testRecord(`kaart-${i}`, { x: (i % 100) * 220, y: Math.floor(i / 100) * 220, text: `Kaart ${i}` }))
    const file = JSON.stringify({ format: 'dialoogbord', version: 1, title: 'Groot bord', schema: tldrawSchema.serialize(), records })
    const imported = await fetch(`${server.url}/api/boards/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: file })
    expect(imported.status).toBe(201)
    const board = (await imported.json()) as CreatedBoard
    const snapshot = await capture(board, 'Groot')

    // The main thread's CPU (its thread id is the process id) over both first reads: decoding and
    // serialising 10k cards took it 150–230 ms; now it checksums the state and sends the text (~30 ms).
    const before = threadCpuMs(server.pid, server.pid)
    const opened = await get(board, `/snapshots/${snapshot.id}`)
    expect(((await opened.json()) as { records: unknown[] }).records).toHaveLength(10_002)
    const exported = await get(board, '/export.json')
    expect(((await exported.json()) as { records: unknown[] }).records).toHaveLength(10_002)
    const mainThread = threadCpuMs(server.pid, server.pid) - before
    expect(mainThread).toBeLessThan(80)
  }, 30_000)
})
