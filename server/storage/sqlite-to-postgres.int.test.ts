/** Moving an embedded installation to PostgreSQL: everything comes along, tokens keep working. */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecords, type StoredRecord } from '../../shared/doc-layout.ts'
import { encodeDocument } from '../initial-document.ts'
import { startPostgres, type PostgresCluster } from '../testing/postgres-cluster.ts'
import { testRecord } from '../testing/sync-client.ts'
import { applyStored } from '../sync/update-log.ts'
import { openPostgresStorage } from './postgres/storage.ts'
import { SqliteStorage } from './sqlite/storage.ts'
import { migrateSqliteToPostgres } from './sqlite-to-postgres.ts'

const RETENTION = { keepAllHours: 24, dailyForDays: 30 }
const SCHEMA = { schemaVersion: 2, sequences: {} } as const
const note = (id: string) => testRecord(id) as StoredRecord
const ids = (doc: Y.Doc) => readRecords(doc).map((record) => record.id).sort()

let cluster: PostgresCluster
let dataDir: string
beforeAll(async () => {
  cluster = await startPostgres()
  dataDir = mkdtempSync(path.join(tmpdir(), 'dialoogbord-migrate-'))
}, 60_000)
afterAll(async () => {
  await cluster?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('npm run migrate:sqlite-to-postgres', () => {
  it('moves boards, tokens, documents, snapshots, images, saved templates, drafts and votes, and refuses a second run', async () => {
    const sqlite = SqliteStorage.open(dataDir, RETENTION)
    const { board, tokens } = await sqlite.boards.create({ title: 'Casus', template: 'leeg', anonymous: true, initialState: encodeDocument([note('staat')]) })
    await sqlite.documents.append([{ boardId: board.id, data: encodeDocument([note('log-1')]) }])
    await sqlite.documents.append([{ boardId: board.id, data: encodeDocument([note('log-2')]) }])
    const snapshot = await sqlite.snapshots.capture(board.id, { label: 'Stand', auto: false, state: encodeDocument([note('snap')]), schema: SCHEMA })
    const { board: fork } = await sqlite.boards.create({ title: 'Vervolg', template: 'leeg', anonymous: false, initialState: encodeDocument([]), forkedFrom: { boardId: board.id, snapshotId: snapshot.id } })
    const image = await sqlite.assets.save(board.id, 'image/png', new Uint8Array([137, 80, 78, 71]))
    const template = await sqlite.templates.save({ title: 'Eigen', description: 'd', schema: SCHEMA, records: [note('t')], sourceBoard: board.id, keep: true })
    await sqlite.boards.setExpiry(board.id, 'viewer', '2031-01-01T00:00:00.000Z')
    // Two drafts (one compacted with an update since, one with a log only), a closed vote and an open one.
    const draftA = (await sqlite.drafts.register(board.id, 'hash-a', 10))!
    const draftB = (await sqlite.drafts.register(board.id, 'hash-b', 10))!
    await sqlite.draftDocuments.append([{ boardId: draftA, data: encodeDocument([note('concept-a1')]) }])
    await sqlite.draftDocuments.compact(draftA, encodeDocument([note('concept-a1')]), (await sqlite.draftDocuments.load(draftA)).seq)
    await sqlite.draftDocuments.append([{ boardId: draftA, data: encodeDocument([note('concept-a2')]) }])
    await sqlite.draftDocuments.append([{ boardId: draftB, data: encodeDocument([note('concept-b1')]) }])
    await sqlite.drafts.setCards(draftA, 2)
    const closed = (await sqlite.votes.open(board.id, { perParticipant: 3, zone: 'shape:zone' }))!
    for (const card of ['shape:x', 'shape:y', 'shape:x']) await sqlite.votes.cast(closed.id, 'hash-a', card)
    await sqlite.votes.cast(closed.id, 'hash-b', 'shape:y')
    await sqlite.votes.close(closed.id)
    const open = (await sqlite.votes.open(board.id, { perParticipant: 3, zone: null }))!
    for (const card of ['shape:p', 'shape:q', 'shape:p']) await sqlite.votes.cast(open.id, 'hash-b', card)
    const votesBefore = await sqlite.votes.list(board.id)
    const tallyBefore = await sqlite.votes.tally(closed.id)
    const listedBefore = await sqlite.boards.list()
    await sqlite.close()

    const url = await cluster.createDatabase('migrated')
    const report = await migrateSqliteToPostgres(dataDir, url)
    expect(report).toEqual({ boards: 2, updates: 2, snapshots: 1, assets: 1, templates: 1, drafts: 2, draftUpdates: 2, votes: 2, ballots: 7 })

    const pg = await openPostgresStorage(url, RETENTION)
    try {
      expect(await pg.boards.authorize(board.id, tokens.editor)).toMatchObject({ kind: 'granted', role: 'editor', board: { title: 'Casus', anonymous: true } })
      expect((await pg.boards.links(board.id)).find((link) => link.role === 'viewer')?.expiresAt).toBe('2031-01-01T00:00:00.000Z')
      expect((await pg.boards.get(fork.id))?.forkedFrom).toEqual({ boardId: board.id, snapshotId: snapshot.id, title: 'Casus', snapshotLabel: 'Stand' })
      expect((await pg.boards.list()).map(({ id, title, bytes, snapshots }) => ({ id, title, bytes, snapshots })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        listedBefore.map(({ id, title, bytes, snapshots }) => ({ id, title, bytes, snapshots })).sort((a, b) => a.id.localeCompare(b.id)),
      )

      const stored = await pg.documents.load(board.id)
      expect(stored.updates.map((update) => update.seq)).toEqual([1, 2])
      const doc = new Y.Doc()
      applyStored(stored, doc)
      expect(ids(doc)).toEqual(['shape:log-1', 'shape:log-2', 'shape:staat'])
      // The log goes on from where it was moved.
      expect(await pg.documents.append([{ boardId: board.id, data: encodeDocument([note('na')]) }])).toEqual([3])

      expect((await pg.snapshots.listFor(board.id)).map((s) => s.label)).toEqual(['Stand'])
      expect([...(await pg.assets.get(image))!.data]).toEqual([137, 80, 78, 71])
      expect(await pg.templates.get(template.id)).toMatchObject({ title: 'Eigen', sourceBoard: board.id, keep: true })

      expect((await pg.drafts.list(board.id)).map(({ id, cards }) => ({ id, cards }))).toEqual([
        { id: draftA, cards: 2 },
        { id: draftB, cards: 0 },
      ])
      expect(await pg.drafts.register(board.id, 'hash-a', 10)).toBe(draftA)
      const draft = await pg.draftDocuments.load(draftA)
      expect(draft.updates.map((update) => update.seq)).toEqual([1])
      const draftDoc = new Y.Doc()
      applyStored(draft, draftDoc)
      expect(ids(draftDoc)).toEqual(['shape:concept-a1', 'shape:concept-a2'])
      expect(await pg.draftDocuments.append([{ boardId: draftB, data: encodeDocument([note('concept-b2')]) }])).toEqual([2])

      expect(await pg.votes.list(board.id)).toEqual(votesBefore)
      expect(await pg.votes.tally(closed.id)).toEqual(tallyBefore)
      expect(await pg.votes.mine(closed.id, 'hash-a')).toEqual(['shape:x', 'shape:y', 'shape:x'])
      // The open vote goes on where it was: the budget spent, the latest ballot the one taken back.
      expect(await pg.votes.current(board.id)).toMatchObject({ id: open.id, open: true })
      expect(await pg.votes.cast(open.id, 'hash-b', 'shape:r')).toBe('spent')
      expect(await pg.votes.withdraw(open.id, 'hash-b', 'shape:p')).toBe('done')
      expect(await pg.votes.mine(open.id, 'hash-b')).toEqual(['shape:p', 'shape:q'])
    } finally {
      await pg.close()
    }

    await expect(migrateSqliteToPostgres(dataDir, url)).rejects.toThrow(/already holds boards/)
  })

  it('says what to set when DATABASE_URL is missing', async () => {
    const run = promisify(execFile)
    const failed = await run(process.execPath, ['--import', 'tsx', 'scripts/migrate-sqlite-to-postgres.ts'], { env: { ...process.env, DATABASE_URL: '' } }).catch((error: { code: number; stderr: string }) => error)
    expect(failed).toMatchObject({ code: 2 })
    expect((failed as { stderr: string }).stderr).toMatch(/Set DATABASE_URL/)
  })
})
