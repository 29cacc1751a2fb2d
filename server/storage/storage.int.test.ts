/**
 * The Storage contract (stores.ts), held by both engines: SQLite in a temp dir and PostgreSQL on a
 * private cluster. Whatever a route or the room manager relies on is checked here once for both.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { carriesAuthor } from '../../shared/authorship.ts'
import { readRecords, type StoredRecord } from '../../shared/doc-layout.ts'
import { DB_FILE } from '../db/database.ts'
import { encodeDocument } from '../initial-document.ts'
import { applyStored } from '../sync/update-log.ts'
import { startPostgres, type PostgresCluster } from '../testing/postgres-cluster.ts'
import { testRecord } from '../testing/sync-client.ts'
import { draftKeyHash } from './draft-ids.ts'
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

interface Engine {
  storage: Storage
  cleanup: () => void
  /** Another server's storage on the same data (PostgreSQL: another process's pool; SQLite: another connection). */
  another: () => Promise<Storage>
  /** Every row of every table, as text: what someone reading the database would find. */
  dump: () => Promise<string>
}

const engines: Record<'sqlite' | 'postgres', () => Promise<Engine>> = {
  sqlite: async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dialoogbord-storage-'))
    return {
      storage: SqliteStorage.open(dir, RETENTION),
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
      another: async () => SqliteStorage.open(dir, RETENTION),
      dump: async () => {
        const db = new Database(path.join(dir, DB_FILE), { readonly: true })
        try {
          const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all()
          return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]))
        } finally {
          db.close()
        }
      },
    }
  },
  postgres: async () => {
    const url = await cluster.createDatabase(`s_${randomUUID().replaceAll('-', '')}`)
    return {
      storage: await openPostgresStorage(url, RETENTION),
      cleanup: () => {},
      another: () => openPostgresStorage(url, RETENTION),
      dump: async () => {
        const client = new pg.Client({ connectionString: url })
        await client.connect()
        try {
          const { rows: tables } = await client.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'")
          const dumped: unknown[] = []
          for (const { name } of tables) dumped.push([name, (await client.query(`SELECT * FROM "${name}"`)).rows])
          return JSON.stringify(dumped)
        } finally {
          await client.end()
        }
      },
    }
  },
}

describe.each(Object.keys(engines) as (keyof typeof engines)[])('Storage on %s', (name) => {
  let storage: Storage
  let engine: Engine
  const others: Storage[] = []
  beforeEach(async () => {
    engine = await engines[name]()
    storage = engine.storage
  })
  afterEach(async () => {
    await Promise.all(others.splice(0).map((other) => other.close()))
    await storage.close()
    engine.cleanup()
  })
  const another = async () => {
    const other = await engine.another()
    others.push(other)
    return other
  }

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

  describe('drafts (issue 12)', () => {
    it('registers a draft once per key, refuses one past the cap, and lists them oldest first with their cards', async () => {
      const { board } = await newBoard()
      const first = await storage.drafts.register(board.id, 'hash-a', 2)
      expect(first).toBe(`${board.id}:hash-a`)
      expect(await storage.drafts.register(board.id, 'hash-a', 2)).toBe(first)
      const second = await storage.drafts.register(board.id, 'hash-b', 2)
      expect(await storage.drafts.register(board.id, 'hash-c', 2)).toBeNull()
      // A known draft still resolves at the cap.
      expect(await storage.drafts.register(board.id, 'hash-b', 2)).toBe(second)
      expect(await storage.drafts.exists(first!)).toBe(true)
      expect(await storage.drafts.exists(`${board.id}:hash-c`)).toBe(false)

      await storage.drafts.setCards(second!, 4)
      const listed = await storage.drafts.list(board.id)
      expect(listed.map(({ id, cards }) => ({ id, cards }))).toEqual([
        { id: first, cards: 0 },
        { id: second, cards: 4 },
      ])
      expect(Date.parse(listed[0]!.createdAt)).not.toBeNaN()
      // The cap is per board.
      const { board: other } = await newBoard()
      expect(await storage.drafts.register(other.id, 'hash-c', 2)).toBe(`${other.id}:hash-c`)
      expect(await storage.drafts.list(other.id)).toHaveLength(1)
    })

    it('never passes the cap when registrations come at once through two servers', async () => {
      const { board } = await newBoard()
      const stores = [storage, await another()]
      // Every connection of both pools open first, so the registrations really overlap.
      const { board: warm } = await newBoard()
      await Promise.all(Array.from({ length: 20 }, (_, i) => stores[i % 2]!.drafts.register(warm.id, `hash-${i}`, 20)))
      const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => stores[i % 2]!.drafts.register(board.id, `hash-${i}`, 5)))
      expect(outcomes.filter((id) => id !== null)).toHaveLength(5)
      expect(await storage.drafts.list(board.id)).toHaveLength(5)
      // The same key at once: one draft.
      const { board: other } = await newBoard()
      const same = await Promise.all(Array.from({ length: 6 }, (_, i) => stores[i % 2]!.drafts.register(other.id, 'one-key', 5)))
      expect(new Set(same)).toEqual(new Set([`${other.id}:one-key`]))
      expect(await storage.drafts.list(other.id)).toHaveLength(1)
    })

    it("keeps a draft's document like a board's: logged, loaded, caught up with, compacted, versioned", async () => {
      const { board } = await newBoard()
      const draft = (await storage.drafts.register(board.id, 'hash-a', 10))!
      expect(await storage.draftDocuments.load(draft)).toEqual({ state: null, updates: [], seq: 0 })
      const versionBefore = await storage.draftDocuments.version(draft)
      const [one, two] = await storage.draftDocuments.append([
        { boardId: draft, data: stateOf(testRecord('concept-1') as StoredRecord) },
        { boardId: draft, data: stateOf(testRecord('concept-2') as StoredRecord) },
      ])
      expect(two!).toBeGreaterThan(one!)
      expect(await storage.draftDocuments.version(draft)).not.toBe(versionBefore)
      expect((await storage.draftDocuments.updatesSince(draft, one!)).map((update) => update.seq)).toEqual([two])
      const doc = new Y.Doc()
      applyStored(await storage.draftDocuments.load(draft), doc)
      expect(readRecords(doc).map((record) => record.id).sort()).toEqual(['shape:concept-1', 'shape:concept-2'])

      const versionLogged = await storage.draftDocuments.version(draft)
      await storage.draftDocuments.compact(draft, Y.encodeStateAsUpdate(doc), two!)
      expect(await storage.draftDocuments.version(draft)).not.toBe(versionLogged)
      const compacted = await storage.draftDocuments.load(draft)
      expect(compacted.updates).toEqual([])
      expect(compacted.seq).toBe(two)
      expect(recordsIn(compacted.state!).map((record) => record.id).sort()).toEqual(['shape:concept-1', 'shape:concept-2'])
      // The board's own document never sees it, but the board's size counts it.
      expect((await storage.documents.load(board.id)).updates).toEqual([])
      const bytesWith = (await storage.boards.list()).find((entry) => entry.id === board.id)!.bytes
      const { board: bare } = await newBoard()
      expect(bytesWith).toBeGreaterThan((await storage.boards.list()).find((entry) => entry.id === bare.id)!.bytes)
      // Only a registered draft can be written.
      await expect(storage.draftDocuments.append([{ boardId: `${board.id}:unregistered`, data: stateOf() }])).rejects.toThrow()
    })

    it('deletes drafts, their documents, votes and ballots with the board', async () => {
      const { board } = await newBoard()
      const { board: kept } = await newBoard('Blijft')
      const draft = (await storage.drafts.register(board.id, 'hash-a', 10))!
      const keptDraft = (await storage.drafts.register(kept.id, 'hash-a', 10))!
      for (const id of [draft, keptDraft]) await storage.draftDocuments.append([{ boardId: id, data: stateOf(testRecord('geheim') as StoredRecord) }])
      await storage.draftDocuments.compact(draft, stateOf(testRecord('geheim') as StoredRecord), 0)
      const vote = (await storage.votes.open(board.id, { perParticipant: 3, zone: null }))!
      await storage.votes.cast(vote.id, 'hash-a', 'shape:x')
      const keptVote = (await storage.votes.open(kept.id, { perParticipant: 3, zone: null }))!
      await storage.votes.cast(keptVote.id, 'hash-a', 'shape:x')

      expect(await storage.boards.delete(board.id)).toBe(true)
      expect(await storage.drafts.exists(draft)).toBe(false)
      expect(await storage.drafts.list(board.id)).toEqual([])
      expect(await storage.draftDocuments.load(draft)).toEqual({ state: null, updates: [], seq: 0 })
      expect(await storage.votes.list(board.id)).toEqual([])
      expect(await storage.votes.mine(vote.id, 'hash-a')).toEqual([])
      expect(await storage.votes.tally(vote.id)).toEqual([])
      // Nothing of it anywhere in the database; the other board's are untouched.
      const dump = await engine.dump()
      expect(dump).not.toContain(board.id)
      expect(dump).not.toContain(vote.id)
      expect(await storage.drafts.exists(keptDraft)).toBe(true)
      expect((await storage.draftDocuments.load(keptDraft)).updates).toHaveLength(1)
      expect(await storage.votes.mine(keptVote.id, 'hash-a')).toEqual(['shape:x'])
    })
  })

  describe('votes (issue 12)', () => {
    it('opens one vote per board at a time, closes it once, and lists them oldest first', async () => {
      const { board } = await newBoard()
      const first = await storage.votes.open(board.id, { perParticipant: 3, zone: 'shape:voorkeuren' })
      expect(first).toMatchObject({ boardId: board.id, perParticipant: 3, zone: 'shape:voorkeuren', open: true, closedAt: null })
      expect(await storage.votes.open(board.id, { perParticipant: 5, zone: null })).toBeNull()
      expect(await storage.votes.current(board.id)).toEqual(first)
      expect(await storage.votes.get(board.id, first!.id)).toEqual(first)
      const { board: other } = await newBoard()
      expect(await storage.votes.get(other.id, first!.id)).toBeNull()
      expect(await storage.votes.open(other.id, { perParticipant: 1, zone: null })).not.toBeNull()

      expect(await storage.votes.close(first!.id)).toBe(true)
      expect(await storage.votes.close(first!.id)).toBe(false)
      expect(await storage.votes.current(board.id)).toBeNull()
      const closed = await storage.votes.get(board.id, first!.id)
      expect(closed).toMatchObject({ open: false })
      expect(Date.parse(closed!.closedAt!)).not.toBeNaN()

      const second = await storage.votes.open(board.id, { perParticipant: 2, zone: null })
      expect(second).not.toBeNull()
      expect((await storage.votes.list(board.id)).map((vote) => vote.id)).toEqual([first!.id, second!.id])
    })

    it('opens one vote when two servers open at once', async () => {
      const { board } = await newBoard()
      const stores = [storage, await another()]
      const opened = await Promise.all(Array.from({ length: 6 }, (_, i) => stores[i % 2]!.votes.open(board.id, { perParticipant: 3, zone: null })))
      expect(opened.filter((vote) => vote !== null)).toHaveLength(1)
    })

    it("never lets a voter exceed the budget, even with the voter's casts coming at once through two servers", async () => {
      const { board } = await newBoard()
      const vote = (await storage.votes.open(board.id, { perParticipant: 3, zone: null }))!
      const stores = [storage, await another()]
      const outcomes = await Promise.all(Array.from({ length: 3 + 3 }, (_, i) => stores[i % 2]!.votes.cast(vote.id, 'hash-a', `shape:${i % 2}`)))
      expect(outcomes.filter((outcome) => outcome === 'done')).toHaveLength(3)
      expect(outcomes.filter((outcome) => outcome === 'spent')).toHaveLength(3)
      expect(await storage.votes.mine(vote.id, 'hash-a')).toHaveLength(3)
      // Another voter has a budget of their own.
      expect(await storage.votes.cast(vote.id, 'hash-b', 'shape:0')).toBe('done')
      // Taking one back makes room for one more.
      expect(await storage.votes.withdraw(vote.id, 'hash-a', (await storage.votes.mine(vote.id, 'hash-a'))[0]!)).toBe('done')
      expect(await storage.votes.cast(vote.id, 'hash-a', 'shape:9')).toBe('done')
      expect(await storage.votes.cast(vote.id, 'hash-a', 'shape:9')).toBe('spent')
    })

    it("takes back one ballot (the voter's latest on that card), and nothing once the vote is closed", async () => {
      const { board } = await newBoard()
      const vote = (await storage.votes.open(board.id, { perParticipant: 5, zone: null }))!
      for (const card of ['shape:a', 'shape:b', 'shape:a', 'shape:c']) expect(await storage.votes.cast(vote.id, 'hash-a', card)).toBe('done')
      await storage.votes.cast(vote.id, 'hash-b', 'shape:b')
      expect(await storage.votes.mine(vote.id, 'hash-a')).toEqual(['shape:a', 'shape:b', 'shape:a', 'shape:c'])
      expect(await storage.votes.withdraw(vote.id, 'hash-a', 'shape:a')).toBe('done')
      expect(await storage.votes.mine(vote.id, 'hash-a')).toEqual(['shape:a', 'shape:b', 'shape:c'])
      expect(await storage.votes.withdraw(vote.id, 'hash-a', 'shape:d')).toBe('none')
      // Someone else's ballot is not the voter's to take back.
      expect(await storage.votes.withdraw(vote.id, 'hash-c', 'shape:b')).toBe('none')
      expect(await storage.votes.mine(vote.id, 'hash-b')).toEqual(['shape:b'])

      await storage.votes.close(vote.id)
      expect(await storage.votes.cast(vote.id, 'hash-a', 'shape:a')).toBe('closed')
      expect(await storage.votes.withdraw(vote.id, 'hash-a', 'shape:a')).toBe('closed')
      expect(await storage.votes.cast('no-such-vote', 'hash-a', 'shape:a')).toBe('closed')
      expect(await storage.votes.mine(vote.id, 'hash-a')).toEqual(['shape:a', 'shape:b', 'shape:c'])
    })

    it('counts the voters with a ballot, and tallies most first with ties by shape id', async () => {
      const { board } = await newBoard()
      const vote = (await storage.votes.open(board.id, { perParticipant: 3, zone: null }))!
      expect(await storage.votes.voters(vote.id)).toBe(0)
      const cast = async (voter: string, ...cards: string[]) => {
        for (const card of cards) expect(await storage.votes.cast(vote.id, voter, card)).toBe('done')
      }
      await cast('hash-a', 'shape:b', 'shape:b', 'shape:c')
      await cast('hash-b', 'shape:c', 'shape:a')
      await cast('hash-c', 'shape:d', 'shape:B')
      await cast('hash-d', 'shape:d')
      await storage.votes.withdraw(vote.id, 'hash-d', 'shape:d')
      // hash-d took their only ballot back.
      expect(await storage.votes.voters(vote.id)).toBe(3)
      await storage.votes.close(vote.id)
      expect(await storage.votes.tally(vote.id)).toEqual([
        { shapeId: 'shape:b', votes: 2 },
        { shapeId: 'shape:c', votes: 2 },
        // Ties in byte order on both engines: capitals first.
        { shapeId: 'shape:B', votes: 1 },
        { shapeId: 'shape:a', votes: 1 },
        { shapeId: 'shape:d', votes: 1 },
      ])
    })

    it('keeps neither a draft key nor anything but its hash: drafts and ballots name a browser by hash only', async () => {
      const { board } = await newBoard()
      const draftKey = 'k'.repeat(20) + 'GeheimeConceptSleutel'
      const hash = draftKeyHash(board.id, draftKey)
      const draft = (await storage.drafts.register(board.id, hash, 10))!
      await storage.draftDocuments.append([{ boardId: draft, data: stateOf(testRecord('concept') as StoredRecord) }])
      const vote = (await storage.votes.open(board.id, { perParticipant: 3, zone: null }))!
      await storage.votes.cast(vote.id, hash, 'shape:eerste')
      const dump = await engine.dump()
      expect(dump).toContain(hash)
      expect(dump).not.toContain('GeheimeConceptSleutel')
    })
  })
})
