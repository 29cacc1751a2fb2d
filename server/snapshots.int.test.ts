import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BoardForRole, CreatedBoard, SnapshotInfo } from '../shared/api.ts'
import type { StoredRecord } from '../shared/doc-layout.ts'
import { encodeDocument } from './initial-document.ts'
import { createBoard } from './testing/api-client.ts'
import { serverForFile } from './testing/server-for-file.ts'
import { insertStoredSnapshot } from './testing/stored-data.ts'
import { SyncClient, testRecord } from './testing/sync-client.ts'

const server = serverForFile()

async function call(path: string, token: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
  })
}

async function capture(board: CreatedBoard, label?: string): Promise<SnapshotInfo> {
  const response = await call(`/api/boards/${board.id}/snapshots`, board.tokens.editor, {
    method: 'POST',
    body: JSON.stringify(label === undefined ? {} : { label }),
  })
  expect(response.status).toBe(201)
  return (await response.json()) as SnapshotInfo
}

describe('snapshots', () => {
  it('captures, lists newest first and opens a snapshot as it was', async () => {
    const board = await createBoard(server.url)
    const a = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    a.records.set('shape:eerst', testRecord('eerst'))
    await a.roundTrip()
    const first = await capture(board, 'Na sessie 1')
    expect(first).toMatchObject({ label: 'Na sessie 1', auto: false })
    a.records.set('shape:later', testRecord('later'))
    await a.roundTrip()
    const second = await capture(board)
    expect(second.label).toMatch(/^Stand van /)

    const list = (await (await call(`/api/boards/${board.id}/snapshots`, board.tokens.viewer)).json()) as SnapshotInfo[]
    expect(list.map((s) => s.id)).toEqual([second.id, first.id])

    const opened = (await (await call(`/api/boards/${board.id}/snapshots/${first.id}`, board.tokens.viewer)).json()) as {
      records: StoredRecord[]
      schema: { schemaVersion: number }
    }
    const ids = opened.records.map((r) => r.id)
    expect(ids).toContain('shape:eerst')
    expect(ids).not.toContain('shape:later')
    expect(opened.schema.schemaVersion).toBe(2)
    await a.close()
  })

  it('restores while two clients are connected: both converge, and the state before is kept', async () => {
    const board = await createBoard(server.url)
    const a = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    const b = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    a.records.set('shape:moment', testRecord('moment', { x: 1 }))
    await b.waitFor((c) => c.records.has('shape:moment'))
    const snapshot = await capture(board, 'Goede stand')

    b.records.set('shape:moment', testRecord('moment', { x: 500 }))
    b.records.set('shape:rommel', testRecord('rommel'))
    await a.waitFor((c) => c.records.has('shape:rommel'))

    const denied = await call(`/api/boards/${board.id}/snapshots/${snapshot.id}/restore`, board.tokens.editor, { method: 'POST' })
    expect(denied.status).toBe(403)
    const restored = await call(`/api/boards/${board.id}/snapshots/${snapshot.id}/restore`, board.tokens.facilitator, { method: 'POST' })
    expect(restored.status).toBe(200)

    for (const client of [a, b]) {
      await client.waitFor((c) => !c.records.has('shape:rommel') && c.records.get('shape:moment')?.x === 1)
    }
    const list = (await (await call(`/api/boards/${board.id}/snapshots`, board.tokens.viewer)).json()) as SnapshotInfo[]
    const before = list.find((s) => s.label.startsWith('Voor herstel'))!
    expect(before).toBeTruthy()
    const beforeBody = (await (await call(`/api/boards/${board.id}/snapshots/${before.id}`, board.tokens.viewer)).json()) as {
      records: StoredRecord[]
    }
    expect(beforeBody.records.map((r) => r.id)).toContain('shape:rommel')
    await Promise.all([a.close(), b.close()])
  })

  it('forks into an independent board with its own tokens, linked to its origin', async () => {
    const board = await createBoard(server.url, { title: 'Casus West' })
    const a = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    a.records.set('shape:gedeeld', testRecord('gedeeld'))
    await a.roundTrip()
    const snapshot = await capture(board)
    const response = await call(`/api/boards/${board.id}/snapshots/${snapshot.id}/fork`, board.tokens.facilitator, { method: 'POST', body: '{}' })
    expect(response.status).toBe(201)
    const fork = (await response.json()) as CreatedBoard
    expect(fork.id).not.toBe(board.id)
    expect(fork.title).toBe('Casus West (vervolg)')
    expect(Object.values(fork.tokens)).not.toContain(board.tokens.editor)
    const info = (await (await call(`/api/boards/${fork.id}`, fork.tokens.viewer)).json()) as BoardForRole
    // Where it came from, by name, and never a token of the origin.
    expect(info.forkedFrom).toEqual({ boardId: board.id, snapshotId: snapshot.id, title: 'Casus West', snapshotLabel: snapshot.label })
    expect(JSON.stringify(info)).not.toContain(board.tokens.viewer)
    expect((await call(`/api/boards/${fork.id}`, board.tokens.facilitator)).status).toBe(401)
    // Renamed origin: the fork names it as it is now; deleted: only the ids stay.
    await call(`/api/boards/${board.id}`, board.tokens.facilitator, { method: 'PATCH', body: JSON.stringify({ title: 'Casus West-Brabant' }) })
    expect(((await (await call(`/api/boards/${fork.id}`, fork.tokens.viewer)).json()) as BoardForRole).forkedFrom?.title).toBe('Casus West-Brabant')

    const f = await SyncClient.connect(server.url, fork.id, fork.tokens.editor)
    expect(f.records.has('shape:gedeeld')).toBe(true)
    f.records.set('shape:alleen-vervolg', testRecord('alleen-vervolg'))
    f.records.delete('shape:gedeeld')
    await f.roundTrip()
    const origin = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    expect(origin.records.has('shape:gedeeld')).toBe(true)
    expect(origin.records.has('shape:alleen-vervolg')).toBe(false)
    await Promise.all([a.close(), f.close(), origin.close()])
    expect((await call(`/api/boards/${board.id}`, board.tokens.facilitator, { method: 'DELETE' })).status).toBe(204)
    expect(((await (await call(`/api/boards/${fork.id}`, fork.tokens.viewer)).json()) as BoardForRole).forkedFrom).toEqual({ boardId: board.id, snapshotId: snapshot.id })
  })

  it('enforces roles: viewers cannot capture, restore or fork', async () => {
    const board = await createBoard(server.url)
    const snapshot = await capture(board)
    const viewer = board.tokens.viewer
    expect((await call(`/api/boards/${board.id}/snapshots`, viewer, { method: 'POST', body: '{}' })).status).toBe(403)
    expect((await call(`/api/boards/${board.id}/snapshots/${snapshot.id}/restore`, viewer, { method: 'POST' })).status).toBe(403)
    expect((await call(`/api/boards/${board.id}/snapshots/${snapshot.id}/fork`, viewer, { method: 'POST' })).status).toBe(403)
    expect((await call(`/api/boards/${board.id}/snapshots/nosuchsnapshot`, viewer)).status).toBe(404)
    const other = await createBoard(server.url)
    // A snapshot id is only reachable through its own board.
    expect((await call(`/api/boards/${other.id}/snapshots/${snapshot.id}`, other.tokens.viewer)).status).toBe(404)
  })

  it('takes an automatic snapshot when the last participant leaves an edited board', async () => {
    const board = await createBoard(server.url)
    const a = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    a.records.set('shape:auto', testRecord('auto'))
    await a.roundTrip()
    await a.close()
    await expect
      .poll(async () => ((await (await call(`/api/boards/${board.id}/snapshots`, board.tokens.viewer)).json()) as SnapshotInfo[]).filter((s) => s.auto).length)
      .toBe(1)
  })

  it('five short sessions in a row leave one automatic snapshot, brought up to date and labelled with what happened', async () => {
    const board = await createBoard(server.url)
    const autos = async () => ((await (await call(`/api/boards/${board.id}/snapshots`, board.tokens.viewer)).json()) as SnapshotInfo[]).filter((s) => s.auto)
    for (let session = 1; session <= 5; session++) {
      const client = await SyncClient.connect(server.url, board.id, board.tokens.editor)
      client.records.set(`shape:s${session}`, testRecord(`s${session}`))
      await client.roundTrip()
      await client.close()
      // The server has seen the session end once the snapshot counts its changes.
      await expect.poll(async () => (await autos()).map((s) => s.session?.changes)).toEqual([session])
    }
    // A visit without changes adds nothing.
    const idle = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    await idle.close()
    const [latest] = await autos()
    expect(await autos()).toHaveLength(1)
    expect(latest?.label).toMatch(/^Sessie \d\d:\d\d–\d\d:\d\d, 5 wijzigingen$/)
    const opened = (await (await call(`/api/boards/${board.id}/snapshots/${latest?.id}`, board.tokens.viewer)).json()) as { records: StoredRecord[] }
    expect(opened.records.map((r) => r.id)).toEqual(expect.arrayContaining(['shape:s1', 'shape:s5']))
  })

  it('opens, restores and forks a snapshot written under an older tldraw schema', async () => {
    const fixture = JSON.parse(readFileSync(path.join(import.meta.dirname, 'testing/fixtures/note-schema-v8.json'), 'utf8')) as {
      schema: unknown
      records: StoredRecord[]
    }
    const board = await createBoard(server.url)
    await insertStoredSnapshot(server, {
      id: 'oude-stand-2019',
      boardId: board.id,
      label: 'Stand uit 2019',
      createdAt: '2019-05-01T10:00:00.000Z',
      state: encodeDocument(fixture.records as never),
      schema: JSON.stringify(fixture.schema),
    })

    const opened = (await (await call(`/api/boards/${board.id}/snapshots/oude-stand-2019`, board.tokens.viewer)).json()) as {
      schema: { sequences: Record<string, number> }
    }
    expect(opened.schema.sequences['com.tldraw.shape.note']).toBe(8)

    const a = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    expect((await call(`/api/boards/${board.id}/snapshots/oude-stand-2019/restore`, board.tokens.facilitator, { method: 'POST' })).status).toBe(200)
    await a.waitFor((c) => c.records.has('shape:oudmoment'))
    const props = a.records.get('shape:oudmoment')!.props as Record<string, unknown>
    expect(props.text).toBeUndefined()
    expect(JSON.stringify(props.richText)).toContain('Melding bij de wijkagent (2019)')
    expect(props.textFirstEditedBy).toBeNull()

    const fork = (await (await call(`/api/boards/${board.id}/snapshots/oude-stand-2019/fork`, board.tokens.facilitator, { method: 'POST' })).json()) as CreatedBoard
    const f = await SyncClient.connect(server.url, fork.id, fork.tokens.viewer)
    expect(JSON.stringify(f.records.get('shape:oudmoment')!.props)).toContain('richText')
    await Promise.all([a.close(), f.close()])
  })

  it('keeps snapshots through a kill -9', async () => {
    const board = await createBoard(server.url)
    const snapshot = await capture(board, 'Blijft')
    await server.restart('kill')
    const list = (await (await call(`/api/boards/${board.id}/snapshots`, board.tokens.viewer)).json()) as SnapshotInfo[]
    expect(list.map((s) => s.id)).toContain(snapshot.id)
  })
})

describe('export and import', () => {
  it('round-trips a board through export.json and import', async () => {
    const board = await createBoard(server.url, { title: 'Casus Oost' })
    const exported = await call(`/api/boards/${board.id}/export.json`, board.tokens.viewer)
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-disposition')).toContain('casus-oost')
    const file = (await exported.json()) as { format: string; version: number; title: string; records: StoredRecord[] }
    expect(file).toMatchObject({ format: 'dialoogbord', version: 1, title: 'Casus Oost', template: 'leeg' })

    const imported = await fetch(`${server.url}/api/boards/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(file) })
    expect(imported.status).toBe(201)
    const copy = (await imported.json()) as CreatedBoard
    const client = await SyncClient.connect(server.url, copy.id, copy.tokens.viewer)
    expect(client.records.map.size).toBe(file.records.length)
    await client.close()
  })

  it('imports an old-schema export after migration, and refuses invalid files', async () => {
    const fixture = JSON.parse(readFileSync(path.join(import.meta.dirname, 'testing/fixtures/note-schema-v8.json'), 'utf8')) as {
      schema: unknown
      records: StoredRecord[]
    }
    const file = { format: 'dialoogbord', version: 1, title: 'Uit 2019', schema: fixture.schema, records: fixture.records }
    const ok = await fetch(`${server.url}/api/boards/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(file) })
    expect(ok.status).toBe(201)

    const broken = structuredClone(file)
    ;(broken.records[2]!.props as Record<string, unknown>).color = 'paars'
    const bad = [
      { ...file, format: 'excalidraw' },
      { ...file, version: 2 },
      { ...file, records: [{ id: 'x' }] },
      { ...file, records: file.records.filter((r) => r.typeName !== 'page') },
      broken,
    ]
    for (const body of bad) {
      const response = await fetch(`${server.url}/api/boards/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      expect(response.status).toBe(400)
      expect(((await response.json()) as { error: string }).error.length).toBeGreaterThan(5)
    }
  })
})
