/**
 * The DocumentStore contract, held by both engines: SQLite (UpdateLog) and PostgreSQL (a private
 * cluster started from the machine's binaries), for board documents, for participants' draft
 * documents (issue 12) and for the router that serves both by id; plus what only several
 * processes on PostgreSQL need (gap-free numbering under concurrent appends, no deadlock,
 * concurrent migration).
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecords, writeRecords, type StoredRecord } from '../../shared/doc-layout.ts'
import type { Db } from '../db/database.ts'
import { startPostgres, type PostgresCluster } from '../testing/postgres-cluster.ts'
import { testRecord } from '../testing/sync-client.ts'
import { tempStorages } from '../testing/temp-database.ts'
import { applyStored } from '../sync/update-log.ts'
import { DRAFT_TABLES, UpdateLog } from './sqlite/update-log.ts'
import { DocumentRouter } from './document-router.ts'
import type { DocumentStore } from './document-store.ts'
import { draftDocumentId } from './draft-ids.ts'
import { openPostgres, type PgPool } from './postgres/database.ts'
import { PG_DRAFT_TABLES, PgDocumentStore, type PgDocumentTables } from './postgres/document-store.ts'
import { PG_MIGRATIONS } from './postgres/migrations.ts'

interface Engine {
  store: DocumentStore
  /** A new document (no state, no log) of the kind the store keeps; its id. */
  newBoard(): Promise<string>
  /** An id of that kind naming no document. */
  missing: string
}

/** An update that adds one note, made on a scratch document. */
function noteUpdate(id: string): Uint8Array {
  const doc = new Y.Doc()
  writeRecords(doc, { put: [testRecord(id) as StoredRecord] })
  return Y.encodeStateAsUpdate(doc)
}

const idsOf = (doc: Y.Doc) => readRecords(doc).map((record) => record.id).sort()

const openSqlite = tempStorages('document-store')
let cluster: PostgresCluster
const pools: PgPool[] = []

beforeAll(async () => {
  cluster = await startPostgres()
}, 60_000)
afterAll(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.end()))
  await cluster?.stop()
})

async function pgPool(url?: string): Promise<PgPool> {
  const pool = await openPostgres(url ?? (await cluster.createDatabase(`t_${randomUUID().replaceAll('-', '')}`)))
  pools.push(pool)
  return pool
}

const insertPgBoard = async (pool: PgPool): Promise<string> => {
  const id = randomUUID()
  await pool.query(`INSERT INTO boards (id, title, template, created_at, updated_at) VALUES ($1, 't', 'leeg', now(), now())`, [id])
  return id
}

/** A draft of a new board (the draft row only, as DraftStore.register leaves it); its document id. */
const insertPgDraft = async (pool: PgPool): Promise<string> => {
  const id = draftDocumentId(await insertPgBoard(pool), randomUUID())
  await pool.query('INSERT INTO drafts (id, board_id, created_at) VALUES ($1, split_part($1, \':\', 1), now())', [id])
  return id
}

function sqliteDocuments() {
  const db: Db = openSqlite().db
  const insertBoard = db.prepare(`INSERT INTO boards (id, title, template, anonymous, created_at, updated_at) VALUES (?, 't', 'leeg', 0, ?, ?)`)
  const insertDraft = db.prepare('INSERT INTO drafts (id, board_id, created_at) VALUES (?, ?, ?)')
  const newBoard = async () => {
    const id = randomUUID()
    insertBoard.run(id, new Date().toISOString(), new Date().toISOString())
    return id
  }
  const newDraft = async () => {
    const board = await newBoard()
    const id = draftDocumentId(board, randomUUID())
    insertDraft.run(id, board, new Date().toISOString())
    return id
  }
  return { boards: new UpdateLog(db), drafts: new UpdateLog(db, DRAFT_TABLES), newBoard, newDraft }
}

/** Hands out a board, then a draft, then a board…: the router's batches then mix both kinds. */
const alternating = (newBoard: () => Promise<string>, newDraft: () => Promise<string>) => {
  let count = 0
  return () => (count++ % 2 === 0 ? newBoard() : newDraft())
}

const engines: Record<string, () => Promise<Engine>> = {
  sqlite: async () => {
    const sqlite = sqliteDocuments()
    return { store: sqlite.boards, newBoard: sqlite.newBoard, missing: 'no-such-board' }
  },
  'sqlite drafts': async () => {
    const sqlite = sqliteDocuments()
    return { store: sqlite.drafts, newBoard: sqlite.newDraft, missing: 'no-such-board:key' }
  },
  'sqlite, boards and drafts through the router': async () => {
    const sqlite = sqliteDocuments()
    return { store: new DocumentRouter(sqlite.boards, sqlite.drafts), newBoard: alternating(sqlite.newBoard, sqlite.newDraft), missing: 'no-such-board' }
  },
  postgres: async () => {
    const pool = await pgPool()
    return { store: new PgDocumentStore(pool), newBoard: () => insertPgBoard(pool), missing: 'no-such-board' }
  },
  'postgres drafts': async () => {
    const pool = await pgPool()
    return { store: new PgDocumentStore(pool, PG_DRAFT_TABLES), newBoard: () => insertPgDraft(pool), missing: 'no-such-board:key' }
  },
  'postgres, boards and drafts through the router': async () => {
    const pool = await pgPool()
    const store = new DocumentRouter(new PgDocumentStore(pool), new PgDocumentStore(pool, PG_DRAFT_TABLES))
    return { store, newBoard: alternating(() => insertPgBoard(pool), () => insertPgDraft(pool)), missing: 'no-such-board' }
  },
}

describe.each(Object.keys(engines))('DocumentStore on %s', (name) => {
  let engine: Engine
  // Fresh per test: the SQLite helper closes its databases after each.
  beforeEach(async () => {
    engine = await engines[name]!()
  })

  it('has nothing for a board never written', async () => {
    const board = await engine.newBoard()
    expect(await engine.store.load(board)).toEqual({ state: null, updates: [], seq: 0 })
  })

  it('numbers appended updates increasingly per board and loads them in order', async () => {
    const [a, b] = [await engine.newBoard(), await engine.newBoard()]
    const seqs = await engine.store.append([
      { boardId: a, data: noteUpdate('a1') },
      { boardId: b, data: noteUpdate('b1') },
      { boardId: a, data: noteUpdate('a2') },
    ])
    expect(seqs[2]!).toBeGreaterThan(seqs[0]!)
    const more = await engine.store.append([{ boardId: a, data: noteUpdate('a3') }])
    expect(more[0]!).toBeGreaterThan(seqs[2]!)

    const stored = await engine.store.load(a)
    expect(stored.updates.map((update) => update.seq)).toEqual([seqs[0], seqs[2], more[0]])
    expect(stored.seq).toBe(more[0])
    const doc = new Y.Doc()
    expect(applyStored(stored, doc)).toBe(3)
    expect(idsOf(doc)).toEqual(['shape:a1', 'shape:a2', 'shape:a3'])
    expect((await engine.store.updatesSince(a, seqs[2]!)).map((update) => update.seq)).toEqual([more[0]])
  })

  it('compacts up to a sequence number and keeps what was logged after it', async () => {
    const board = await engine.newBoard()
    const [first, second] = await engine.store.append([
      { boardId: board, data: noteUpdate('1') },
      { boardId: board, data: noteUpdate('2') },
    ])
    // The state of a process that had applied the first update only.
    const partial = new Y.Doc()
    Y.applyUpdate(partial, noteUpdate('1'))
    await engine.store.compact(board, Y.encodeStateAsUpdate(partial), first!)

    const stored = await engine.store.load(board)
    expect(stored.updates.map((update) => update.seq)).toEqual([second])
    expect(stored.seq).toBe(second)
    const doc = new Y.Doc()
    applyStored(stored, doc)
    expect(idsOf(doc)).toEqual(['shape:1', 'shape:2'])
  })

  it('numbers on after a compaction removed the newest updates', async () => {
    const board = await engine.newBoard()
    const [first] = await engine.store.append([{ boardId: board, data: noteUpdate('1') }])
    const doc = new Y.Doc()
    Y.applyUpdate(doc, noteUpdate('1'))
    await engine.store.compact(board, Y.encodeStateAsUpdate(doc), first!)
    const [next] = await engine.store.append([{ boardId: board, data: noteUpdate('2') }])
    expect(next!).toBeGreaterThan(first!)
    const loaded = new Y.Doc()
    applyStored(await engine.store.load(board), loaded)
    expect(idsOf(loaded)).toEqual(['shape:1', 'shape:2'])
  })

  it('never lets an older compaction replace a newer state', async () => {
    const board = await engine.newBoard()
    const [first, second] = await engine.store.append([
      { boardId: board, data: noteUpdate('1') },
      { boardId: board, data: noteUpdate('2') },
    ])
    const full = new Y.Doc()
    Y.applyUpdate(full, noteUpdate('1'))
    Y.applyUpdate(full, noteUpdate('2'))
    await engine.store.compact(board, Y.encodeStateAsUpdate(full), second!)
    const older = new Y.Doc()
    Y.applyUpdate(older, noteUpdate('1'))
    await engine.store.compact(board, Y.encodeStateAsUpdate(older), first!)

    const doc = new Y.Doc()
    applyStored(await engine.store.load(board), doc)
    expect(idsOf(doc)).toEqual(['shape:1', 'shape:2'])
  })

  it('changes its version with every append and compaction, and per document', async () => {
    const [a, b] = [await engine.newBoard(), await engine.newBoard()]
    const seen = new Set([await engine.store.version(a)])
    const [first] = await engine.store.append([{ boardId: a, data: noteUpdate('1') }])
    seen.add(await engine.store.version(a))
    const [second] = await engine.store.append([{ boardId: a, data: noteUpdate('2') }])
    seen.add(await engine.store.version(a))
    const doc = new Y.Doc()
    Y.applyUpdate(doc, noteUpdate('1'))
    await engine.store.compact(a, Y.encodeStateAsUpdate(doc), first!)
    seen.add(await engine.store.version(a))
    expect(seen.size).toBe(4)
    const before = await engine.store.version(a)
    await engine.store.append([{ boardId: b, data: noteUpdate('b') }])
    expect(await engine.store.version(a)).toBe(before)
    expect(second).toBeGreaterThan(first!)
  })

  it('stores all of a batch or none of it', async () => {
    const board = await engine.newBoard()
    await expect(
      engine.store.append([
        { boardId: board, data: noteUpdate('kept?') },
        { boardId: engine.missing, data: noteUpdate('x') },
      ]),
    ).rejects.toThrow()
    expect((await engine.store.load(board)).updates).toEqual([])
  })
})

describe('DocumentStore on PostgreSQL, several processes', () => {
  it.each([
    ['a board', undefined, insertPgBoard],
    ['a draft', PG_DRAFT_TABLES, insertPgDraft],
  ] as [string, PgDocumentTables | undefined, (pool: PgPool) => Promise<string>][])('numbers %s gap-free while two processes append at once, without deadlocks', async (_, tables, insert) => {
    const first = await pgPool()
    const url = first.options.connectionString!
    const second = await pgPool(url)
    const [a, b] = [await insert(first), await insert(first)]
    const stores = [new PgDocumentStore(first, tables), new PgDocumentStore(second, tables)]
    // Each "process" writes batches that touch both boards, in opposite orders.
    const writes = stores.flatMap((store, process) =>
      Array.from({ length: 20 }, (_, i) =>
        store.append(
          process === 0
            ? [{ boardId: a, data: noteUpdate(`p0-${i}`) }, { boardId: b, data: noteUpdate(`p0-${i}`) }]
            : [{ boardId: b, data: noteUpdate(`p1-${i}`) }, { boardId: a, data: noteUpdate(`p1-${i}`) }],
        ),
      ),
    )
    await Promise.all(writes)
    for (const board of [a, b]) {
      const stored = await stores[0]!.load(board)
      expect(stored.updates.map((update) => update.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
      const doc = new Y.Doc()
      applyStored(stored, doc)
      expect(idsOf(doc)).toHaveLength(40)
    }
  })

  it('compacts a board on one process at a time: the others skip while it does', async () => {
    const pool = await pgPool()
    const store = new PgDocumentStore(pool)
    const board = await insertPgBoard(pool)
    const [seq] = await store.append([{ boardId: board, data: noteUpdate('1') }])
    const doc = new Y.Doc()
    Y.applyUpdate(doc, noteUpdate('1'))
    // Another process holds the board's compaction lock.
    const other = await pool.connect()
    await other.query("SELECT pg_advisory_lock(hashtext('compact:' || $1))", [board])
    await store.compact(board, Y.encodeStateAsUpdate(doc), seq!)
    expect((await store.load(board)).updates.map((update) => update.seq)).toEqual([seq])
    await other.query("SELECT pg_advisory_unlock(hashtext('compact:' || $1))", [board])
    other.release()
    await store.compact(board, Y.encodeStateAsUpdate(doc), seq!)
    expect((await store.load(board)).updates).toEqual([])
  })

  it('migrates once when several processes start together', async () => {
    const url = await cluster.createDatabase(`t_${randomUUID().replaceAll('-', '')}`)
    const started = await Promise.all([pgPool(url), pgPool(url), pgPool(url)])
    const { rows } = await started[0]!.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')
    expect(rows.map((row) => row.version)).toEqual(PG_MIGRATIONS.map((_, index) => index + 1))
  })
})

describe('DocumentRouter', () => {
  it('sends a mixed batch to both stores and answers each update with its own sequence number, in the order given', async () => {
    const sqlite = sqliteDocuments()
    const router = new DocumentRouter(sqlite.boards, sqlite.drafts)
    const [board, draft] = [await sqlite.newBoard(), await sqlite.newDraft()]
    const batch = [
      { boardId: draft, data: noteUpdate('d1') },
      { boardId: board, data: noteUpdate('b1') },
      { boardId: draft, data: noteUpdate('d2') },
      { boardId: board, data: noteUpdate('b2') },
    ]
    const seqs = await router.append(batch)
    expect((await sqlite.drafts.load(draft)).updates.map((update) => update.seq)).toEqual([seqs[0], seqs[2]])
    expect((await sqlite.boards.load(board)).updates.map((update) => update.seq)).toEqual([seqs[1], seqs[3]])
    // Each kind only in its own tables.
    expect((await sqlite.boards.load(draft)).updates).toEqual([])
    expect((await sqlite.drafts.load(board)).updates).toEqual([])
    const doc = new Y.Doc()
    applyStored(await router.load(draft), doc)
    expect(idsOf(doc)).toEqual(['shape:d1', 'shape:d2'])
  })

  it('fails a mixed batch when either part fails, and writes drafts only once the boards are stored', async () => {
    const sqlite = sqliteDocuments()
    const router = new DocumentRouter(sqlite.boards, sqlite.drafts)
    const [board, draft] = [await sqlite.newBoard(), await sqlite.newDraft()]
    await expect(
      router.append([
        { boardId: board, data: noteUpdate('b') },
        { boardId: draftDocumentId(board, 'never-registered'), data: noteUpdate('d') },
      ]),
    ).rejects.toThrow()
    // A reveal takes a card out of a draft in the batch that puts it on the board: when the board
    // part fails, the draft must keep it.
    await expect(
      router.append([
        { boardId: draft, data: noteUpdate('taken-out') },
        { boardId: 'no-such-board', data: noteUpdate('revealed') },
      ]),
    ).rejects.toThrow()
    expect((await sqlite.drafts.load(draft)).updates).toEqual([])
  })
})
