/**
 * Board documents in PostgreSQL, shared by every process: the DocumentStore of a cluster.
 * An append numbers each board's updates 1, 2, 3… under the board row's lock, so the log of a
 * board is gap-free in commit order and a process that sees seq n+2 after n knows it missed one.
 * Participants' drafts are kept the same way in tables of their own (PG_DRAFT_TABLES), numbered
 * under the draft row's lock.
 */
import type { DocumentStore, LoggedUpdate, PendingUpdate, StoredDocument } from '../document-store.ts'
import { transaction, type PgPool } from './database.ts'

/** Where a kind of document is kept: the row that numbers its log, its state table, its log and the column naming it. */
export interface PgDocumentTables {
  owner: string
  state: string
  log: string
  key: string
  /** Whether an append brings the owner row's `last_activity` up to date (boards). */
  touches: boolean
}

export const PG_BOARD_TABLES: PgDocumentTables = { owner: 'boards', state: 'board_state', log: 'updates', key: 'board_id', touches: true }
/** Drafts (ids `<boardId>:<keyHash>`): a draft row (drafts) must exist before its first append. */
export const PG_DRAFT_TABLES: PgDocumentTables = { owner: 'drafts', state: 'draft_state', log: 'draft_updates', key: 'draft_id', touches: false }

export class PgDocumentStore implements DocumentStore {
  /** Takes the document's next sequence number and logs the update under it, in one round trip. */
  private readonly appendSql: string
  private readonly selectState: string
  private readonly selectUpdates: string
  private readonly upsertState: string
  private readonly deleteUpTo: string
  private readonly selectVersion: string

  constructor(
    private readonly pool: PgPool,
    tables: PgDocumentTables = PG_BOARD_TABLES,
  ) {
    const { owner, state, log, key } = tables
    this.appendSql = `
      WITH next AS (UPDATE ${owner} SET update_seq = update_seq + 1${tables.touches ? ', last_activity = now()' : ''} WHERE id = $1 RETURNING update_seq)
      INSERT INTO ${log} (${key}, seq, data) SELECT $1, update_seq, $2 FROM next RETURNING seq`
    this.selectState = `SELECT state, state_seq FROM ${state} WHERE ${key} = $1`
    this.selectUpdates = `SELECT seq, data FROM ${log} WHERE ${key} = $1 AND seq > $2 ORDER BY seq`
    // A compaction never goes back: one covering less than the stored state (another process's,
    // finishing late) leaves the newer state as it is.
    this.upsertState = `INSERT INTO ${state} (${key}, state, state_seq, updated_at) VALUES ($1, $2, $3, now())
      ON CONFLICT (${key}) DO UPDATE SET state = excluded.state, state_seq = excluded.state_seq, updated_at = excluded.updated_at
      WHERE excluded.state_seq >= ${state}.state_seq`
    this.deleteUpTo = `DELETE FROM ${log} WHERE ${key} = $1 AND seq <= $2`
    this.selectVersion = `SELECT o.update_seq || ':' || coalesce(s.state_seq || ':' || s.updated_at, '') AS version
      FROM ${owner} o LEFT JOIN ${state} s ON s.${key} = o.id WHERE o.id = $1`
  }

  load(boardId: string): Promise<StoredDocument> {
    // One snapshot of both tables: a compaction by another process between two plain reads could
    // delete updates after the state was read.
    return transaction(
      this.pool,
      async (client) => {
        const stateRow = (await client.query<{ state: Buffer; state_seq: string }>(this.selectState, [boardId])).rows[0]
        const stateSeq = stateRow ? Number(stateRow.state_seq) : 0
        const updates = await this.readUpdates(client, boardId, stateSeq)
        return { state: stateRow?.state ?? null, updates, seq: updates.at(-1)?.seq ?? stateSeq }
      },
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    )
  }

  async append(batch: readonly PendingUpdate[]): Promise<number[]> {
    if (batch.length === 0) return []
    if (batch.length === 1) {
      // One statement is a transaction of its own: one round trip instead of three (BEGIN, the
      // append, COMMIT); it locks one board row, so it cannot take part in a deadlock.
      const { boardId, data } = batch[0]!
      const { rows } = await this.pool.query<{ seq: string }>(this.appendSql, [boardId, data])
      if (!rows[0]) throw new Error(`document ${boardId} does not exist`)
      return [Number(rows[0].seq)]
    }
    // Boards are locked in id order (a stable sort keeps each board's own order), so two
    // processes appending to the same boards never wait on each other in a circle.
    const order = batch.map((_, index) => index).sort((a, b) => compare(batch[a]!.boardId, batch[b]!.boardId) || a - b)
    return transaction(this.pool, async (client) => {
      const seqs = new Array<number>(batch.length)
      for (const index of order) {
        const { boardId, data } = batch[index]!
        const { rows } = await client.query<{ seq: string }>(this.appendSql, [boardId, data])
        if (!rows[0]) throw new Error(`document ${boardId} does not exist`)
        seqs[index] = Number(rows[0].seq)
      }
      return seqs
    })
  }

  async updatesSince(boardId: string, seq: number): Promise<LoggedUpdate[]> {
    return this.readUpdates(this.pool, boardId, seq)
  }

  async compact(boardId: string, state: Uint8Array, upToSeq: number): Promise<void> {
    await transaction(this.pool, async (client) => {
      // Processes count the same updates, so they come due together: one compacts, the others
      // skip (their state is no newer than a moment ago).
      const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_xact_lock(hashtext('compact:' || $1)) AS locked", [boardId])
      if (!rows[0]?.locked) return
      await client.query(this.upsertState, [boardId, state, upToSeq])
      await client.query(this.deleteUpTo, [boardId, upToSeq])
    })
  }

  async version(boardId: string): Promise<string> {
    const { rows } = await this.pool.query<{ version: string }>(this.selectVersion, [boardId])
    return rows[0]?.version ?? ''
  }

  private async readUpdates(client: Pick<PgPool, 'query'>, boardId: string, after: number): Promise<LoggedUpdate[]> {
    const { rows } = await client.query<{ seq: string; data: Buffer }>(this.selectUpdates, [boardId, after])
    return rows.map((row) => ({ seq: Number(row.seq), data: row.data }))
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
