/**
 * Durable Yjs state per board in SQLite: one compacted state row plus an append-only log of the
 * updates since (the DocumentStore of a single process). A logged update's sequence number is its
 * row id: increasing per board, not contiguous, which one process never needs. Appends for many
 * boards are written in one transaction per flush. Participants' drafts are kept the same way in
 * tables of their own (DRAFT_TABLES).
 */
import type * as Y from 'yjs'
import type { Db } from '../../db/database.ts'
import { applyStored } from '../../sync/update-log.ts'
import type { DocumentStore, LoggedUpdate, PendingUpdate, StoredDocument } from '../document-store.ts'

/** How often a board's `last_activity` is brought up to date while it is being edited. */
const TOUCH_EVERY_MS = 60_000

/** Where a kind of document is kept: its state table, its log, and the column naming the document in both. */
export interface DocumentTables {
  state: string
  log: string
  key: string
  /** Whether an append brings the board's `last_activity` up to date. */
  touchesBoard: boolean
}

export const BOARD_TABLES: DocumentTables = { state: 'board_state', log: 'updates', key: 'board_id', touchesBoard: true }
/** Drafts (ids `<boardId>:<keyHash>`): a draft row (drafts) must exist before its first append. */
export const DRAFT_TABLES: DocumentTables = { state: 'draft_state', log: 'draft_updates', key: 'draft_id', touchesBoard: false }

export class UpdateLog implements DocumentStore {
  private readonly touchedAt = new Map<string, number>()
  private readonly insertUpdate
  private readonly selectState
  private readonly selectUpdates
  private readonly upsertState
  private readonly deleteUpdatesUpTo
  private readonly appendAll
  private readonly compactTx

  private readonly storedVersion

  constructor(db: Db, tables: DocumentTables = BOARD_TABLES) {
    const { state: stateTable, log, key } = tables
    this.insertUpdate = db.prepare<[string, Uint8Array]>(`INSERT INTO ${log} (${key}, data) VALUES (?, ?)`)
    this.selectState = db.prepare<[string], { state: Buffer; state_seq: number }>(`SELECT state, state_seq FROM ${stateTable} WHERE ${key} = ?`)
    this.selectUpdates = db.prepare<[string, number], { id: number; data: Buffer }>(`SELECT id, data FROM ${log} WHERE ${key} = ? AND id > ? ORDER BY id`)
    // A compaction never goes back: one covering less than the stored state (an older one
    // finishing late) leaves the state as it is.
    this.upsertState = db.prepare<[string, Uint8Array, number, string]>(
      `INSERT INTO ${stateTable} (${key}, state, state_seq, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(${key}) DO UPDATE SET state = excluded.state, state_seq = excluded.state_seq, updated_at = excluded.updated_at
       WHERE excluded.state_seq >= ${stateTable}.state_seq`,
    )
    this.deleteUpdatesUpTo = db.prepare<[string, number]>(`DELETE FROM ${log} WHERE ${key} = ? AND id <= ?`)
    // Every change is a new log row, and a compaction rewrites the state row.
    this.storedVersion = db.prepare<[string, string], { version: string }>(
      `SELECT coalesce((SELECT updated_at || ':' || length(state) FROM ${stateTable} WHERE ${key} = ?), '') || ':' ||
              coalesce((SELECT max(id) FROM ${log} WHERE ${key} = ?), 0) AS version`,
    )
    const touch = db.prepare<[string, string]>('UPDATE boards SET last_activity = ? WHERE id = ?')
    this.appendAll = db.transaction((batch: readonly PendingUpdate[]): number[] => {
      const seqs = batch.map((update) => Number(this.insertUpdate.run(update.boardId, update.data).lastInsertRowid))
      if (!tables.touchesBoard) return seqs
      const now = Date.now()
      for (const { boardId } of batch) {
        // Minute precision is plenty for "last activity", and saves a row write per board per turn.
        if (now - (this.touchedAt.get(boardId) ?? 0) < TOUCH_EVERY_MS) continue
        this.touchedAt.set(boardId, now)
        touch.run(new Date(now).toISOString(), boardId)
      }
      return seqs
    })
    this.compactTx = db.transaction((boardId: string, state: Uint8Array, upToSeq: number) => {
      this.upsertState.run(boardId, state, upToSeq, new Date().toISOString())
      this.deleteUpdatesUpTo.run(boardId, upToSeq)
    })
  }

  async load(boardId: string): Promise<StoredDocument> {
    return this.read(boardId)
  }

  async append(batch: readonly PendingUpdate[]): Promise<number[]> {
    return this.appendNow(batch)
  }

  async updatesSince(boardId: string, seq: number): Promise<LoggedUpdate[]> {
    return this.selectUpdates.all(boardId, seq).map((row) => ({ seq: row.id, data: row.data }))
  }

  async compact(boardId: string, state: Uint8Array, upToSeq: number): Promise<void> {
    this.compactNow(boardId, state, upToSeq)
  }

  async version(boardId: string): Promise<string> {
    return this.storedVersion.get(boardId, boardId)?.version ?? ''
  }

  /** Writes every pending update durably, in one transaction; their sequence numbers, in order. */
  appendNow(batch: readonly PendingUpdate[]): number[] {
    return batch.length > 0 ? this.appendAll(batch) : []
  }

  /** compact(), synchronously. */
  compactNow(boardId: string, state: Uint8Array, upToSeq: number): void {
    this.compactTx(boardId, state, upToSeq)
  }

  /** The stored document, read synchronously (SQLite only: the read worker's own connection). */
  read(boardId: string): StoredDocument {
    const row = this.selectState.get(boardId)
    const updates = this.selectUpdates.all(boardId, row?.state_seq ?? 0).map((update): LoggedUpdate => ({ seq: update.id, data: update.data }))
    return { state: row?.state ?? null, updates, seq: updates.at(-1)?.seq ?? row?.state_seq ?? 0 }
  }

  /** Loads a board's state into `doc`; returns how many logged updates were replayed. */
  loadInto(boardId: string, doc: Y.Doc): number {
    return applyStored(this.read(boardId), doc)
  }
}
