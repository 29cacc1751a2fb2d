/**
 * The Storage contract (stores.ts), held by both engines: SQLite in a temp dir and PostgreSQL on a
 * private cluster. Whatever a route or the room manager relies on is checked here once for both.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { carriesAuthor } from '../../shared/authorship.ts'
import { readRecords, type StoredRecord } from '../../shared/doc-layout.ts'
import { encodeDocument } from '../initial-document.ts'
import { startPostgres, type PostgresCluster } from '../testing/postgres-cluster.ts'
import { testRecord } from '../testing/sync-client.ts'
import { openPostgresStorage } from './postgres/storage.ts'
import { SqliteStorage } from './sqlite/storage.ts'
import type { Storage } from './stores.ts'

const RETENTION = { keepAllHours: 24, dailyForDays: 30 }
const SCHEMA = { schemaVersion: 2, sequences: {} } as const

const authored = (id: string): StoredRecord => {
  const note = testRecord(id) as StoredRecord
  return { ...note, props: { ...(note.props as object), textFirstEditedBy: 'user-7' } }
}
const stateOf = (...records: StoredRecord[]) => encodeDocument(records)
const recordsIn = (state: Uint8Array) => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return readRecords(doc)
}

let cluster: PostgresCluster
beforeAll(async () => {
  cluster = await startPostgres()
}, 60_000)
afterAll(() => cluster?.stop())

const engines: Record<'sqlite' | 'postgres', () => Promise<{ storage: Storage; cleanup: () => void }>> = {
  sqlite: async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dialoogbord-storage-'))
    return { storage: SqliteStorage.open(dir, RETENTION), cleanup: () => rmSync(dir, { recursive: true, force: true }) }
  },
  postgres: async () => {
    const url = await cluster.createDatabase(`s_${randomUUID().replaceAll('-', '')}`)
    return { storage: await openPostgresStorage(url, RETENTION), cleanup: () => {} }
  },
}

describe.each(Object.keys(engines) as (keyof typeof engines)[])('Storage on %s', (name) => {
  let storage: Storage
  let cleanup = () => {}
  beforeEach(async () => {
    ;({ storage, cleanup } = await engines[name]())
  })
  afterEach(async () => {
    await storage.close()
    cleanup()
  })

  const newBoard = (title = 'Casus') => storage.boards.create({ title, template: 'leeg', anonymous: false, initialState: stateOf(testRecord('eerste') as StoredRecord) })

  it('creates a board with its tokens and first state, and grants each token its role', async () => {
    const { board, tokens } = await newBoard()
    expect(await storage.boards.get(board.id)).toEqual(board)
    for (const role of ['facilitator', 'editor', 'viewer'] as const) {
      expect(await storage.boards.authorize(board.id, tokens[role])).toMatchObject({ kind: 'granted', role, board })
    }
    expect(await storage.boards.authorize(board.id, 'wrong')).toEqual({ kind: 'denied' })
    expect(await storage.boards.authorize(board.id, null)).toEqual({ kind: 'denied' })
    expect(await storage.boards.authorize('no-such-board', tokens.viewer)).toEqual({ kind: 'no-board' })
    const stored = await storage.documents.load(board.id)
    expect(recordsIn(stored.state!).map((record) => record.id)).toEqual(['shape:eerste'])
  })

  it('regenerates a link (the old token stops at once) and lets one expire', async () => {
    const { board, tokens } = await newBoard()
    const fresh = await storage.boards.regenerateToken(board.id, 'editor')
    expect(await storage.boards.authorize(board.id, tokens.editor)).toEqual({ kind: 'denied' })
    expect(await storage.boards.authorize(board.id, fresh)).toMatchObject({ kind: 'granted', role: 'editor' })

    await storage.boards.setExpiry(board.id, 'viewer', '2030-01-01T00:00:00.000Z')
    expect((await storage.boards.links(board.id)).find((link) => link.role === 'viewer')?.expiresAt).toBe('2030-01-01T00:00:00.000Z')
    expect(await storage.boards.authorize(board.id, tokens.viewer, new Date('2030-01-01T00:00:00.000Z'))).toEqual({ kind: 'expired' })
    expect(await storage.boards.authorize(board.id, tokens.viewer, new Date('2029-12-31T23:59:59.000Z'))).toMatchObject({ kind: 'granted' })
  })

  it('renames, switches anonymity, lists with sizes, and remembers where a fork came from', async () => {
    const { board } = await newBoard('Oud')
    expect(await storage.boards.update(board.id, { title: 'Nieuw' })).toMatchObject({ title: 'Nieuw', anonymous: false })
    expect(await storage.boards.update(board.id, { anonymous: true })).toMatchObject({ title: 'Nieuw', anonymous: true })
    const snapshot = await storage.snapshots.capture(board.id, { label: 'Stand', auto: false, state: stateOf(testRecord('a') as StoredRecord), schema: SCHEMA })
    const { board: fork } = await storage.boards.create({
      title: 'Vervolg',
      template: 'leeg',
      anonymous: true,
      initialState: stateOf(),
      forkedFrom: { boardId: board.id, snapshotId: snapshot.id },
    })
    expect((await storage.boards.get(fork.id))?.forkedFrom).toEqual({ boardId: board.id, snapshotId: snapshot.id, title: 'Nieuw', snapshotLabel: 'Stand' })
    const listed = await storage.boards.list()
    expect(listed.map((entry) => entry.id).sort()).toEqual([board.id, fork.id].sort())
    const original = listed.find((entry) => entry.id === board.id)!
    expect(original.snapshots).toBe(1)
    expect(original.bytes).toBeGreaterThan(0)
  })

  it('deletes a board with its unkept templates; kept ones stay without the link', async () => {
    const { board } = await newBoard()
    const save = (keep: boolean) => storage.templates.save({ title: keep ? 'Bewaard' : 'Weg', description: '', schema: SCHEMA, records: [], sourceBoard: board.id, keep })
    const [gone, kept] = [await save(false), await save(true)]
    expect((await storage.templates.listOf(board.id)).map((t) => t.id)).toEqual([gone.id, kept.id])
    expect(await storage.boards.delete(board.id)).toBe(true)
    expect(await storage.boards.get(board.id)).toBeNull()
    expect(await storage.documents.load(board.id)).toEqual({ state: null, updates: [], seq: 0 })
    expect(await storage.templates.get(gone.id)).toBeNull()
    expect(await storage.templates.get(kept.id)).toMatchObject({ title: 'Bewaard', sourceBoard: null, keep: true })
    expect(await storage.boards.delete(board.id)).toBe(false)
  })

  it('keeps snapshots newest first, counts their usage and prunes automatic ones by retention', async () => {
    const { board } = await newBoard()
    const first = await storage.snapshots.capture(board.id, { label: 'Een', auto: false, state: stateOf(testRecord('a') as StoredRecord), schema: SCHEMA })
    const second = await storage.snapshots.capture(board.id, { label: 'Twee', auto: false, state: stateOf(testRecord('b') as StoredRecord), schema: SCHEMA })
    expect((await storage.snapshots.listFor(board.id)).map((s) => s.id)).toEqual([second.id, first.id])
    const opened = await storage.snapshots.get(board.id, first.id)
    expect(opened).toMatchObject({ id: first.id, label: 'Een', auto: false, schema: SCHEMA })
    expect(recordsIn(opened!.state).map((record) => record.id)).toEqual(['shape:a'])
    expect(await storage.snapshots.get('other-board', first.id)).toBeNull()
    const usage = await storage.snapshots.usage(board.id)
    expect(usage.manual).toBe(2)
    expect(usage.bytes).toBeGreaterThan(0)
    expect((await storage.snapshots.latest(board.id))?.toISOString()).toBe(second.createdAt)

    const auto = await storage.snapshots.captureAuto(board.id, { label: 'Auto', state: stateOf(), schema: SCHEMA, sessionStart: new Date('2026-11-30T10:00:00Z'), changes: 3 })
    expect(await storage.snapshots.latestAuto(board.id)).toEqual(auto)
    const newer = await storage.snapshots.captureAuto(board.id, { label: 'Auto 2', state: stateOf(), schema: SCHEMA, sessionStart: new Date('2026-11-30T10:00:00Z'), changes: 5, replaces: auto.id })
    expect((await storage.snapshots.listFor(board.id)).filter((s) => s.auto)).toEqual([newer])
    expect(newer.session).toEqual({ startedAt: '2026-11-30T10:00:00.000Z', changes: 5 })
  })

  it('commits the anonymity switch: snapshots and saved templates without authors, then the flag', async () => {
    const { board } = await newBoard()
    const named = await storage.snapshots.capture(board.id, { label: 'Met naam', auto: false, state: stateOf(authored('a')), schema: SCHEMA })
    const other = await storage.snapshots.capture(board.id, { label: 'Ook', auto: false, state: stateOf(authored('b')), schema: SCHEMA })
    const template = await storage.templates.save({ title: 'T', description: '', schema: SCHEMA, records: [authored('c')], sourceBoard: board.id, keep: false })

    // The worker computed one of them; the other is scrubbed by the commit itself.
    const computed = await storage.snapshots.statesWithoutAuthors(board.id, 1)
    expect(computed.size).toBe(1)
    await storage.commitAnonymous(board.id, computed)

    for (const snapshot of [named, other]) {
      expect(recordsIn((await storage.snapshots.get(board.id, snapshot.id))!.state).some(carriesAuthor)).toBe(false)
    }
    expect((await storage.templates.get(template.id))!.records.some(carriesAuthor)).toBe(false)
    expect((await storage.boards.get(board.id))?.anonymous).toBe(true)
    await storage.forgetRemoved()
  })

  it('keeps images per board, and visits every document blob of a board and its forks', async () => {
    const { board } = await newBoard()
    const id = await storage.assets.save(board.id, 'image/png', new Uint8Array([1, 2, 3]))
    expect(await storage.assets.get(id)).toMatchObject({ id, mime: 'image/png' })
    expect([...(await storage.assets.get(id))!.data]).toEqual([1, 2, 3])
    expect(await storage.assets.bytesFor(board.id)).toBe(3)
    expect(await storage.assets.uploadedBefore(new Date(Date.now() + 60_000))).toEqual(new Map([[board.id, [id]]]))

    const snapshot = await storage.snapshots.capture(board.id, { label: 'S', auto: false, state: stateOf(testRecord('s') as StoredRecord), schema: SCHEMA })
    const { board: fork } = await storage.boards.create({ title: 'F', template: 'leeg', anonymous: false, initialState: stateOf(), forkedFrom: { boardId: board.id, snapshotId: snapshot.id } })
    const before = await storage.assets.familyVersion(board.id)
    await storage.documents.append([{ boardId: fork.id, data: stateOf(testRecord('f') as StoredRecord) }])
    expect(await storage.assets.familyVersion(board.id)).not.toBe(before)
    let blobs = 0
    await storage.assets.forEachDocumentBlob(board.id, () => blobs++)
    expect(blobs).toBe(4) // two states, one logged update, one snapshot

    await storage.assets.delete([id])
    expect(await storage.assets.get(id)).toBeNull()
  })
})
