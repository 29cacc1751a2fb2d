/**
 * Durable Yjs state per board: one compacted state row plus an append-only log of the updates
 * since. Appends for many boards are written in one transaction per flush.
 */
import * as Y from 'yjs'
import type { Db } from '../db/database.ts'
import { knowFullState } from '../document-records.ts'

export interface PendingUpdate {
  boardId: string
  data: Uint8Array
}

/** How often a board's `last_activity` is brought up to date while it is being edited. */
const TOUCH_EVERY_MS = 60_000

export class UpdateLog {
  private readonly touchedAt = new Map<string, number>()
  private readonly insertUpdate
  private readonly selectState
  private readonly selectUpdates
  private readonly upsertState
  private readonly deleteUpdatesUpTo
  private readonly maxUpdateId
  private readonly appendAll

  constructor(db: Db) {
    this.insertUpdate = db.prepare('INSERT INTO updates (board_id, data) VALUES (?, ?)')
    this.selectState = db.prepare<[string], { state: Buffer }>('SELECT state FROM board_state WHERE board_id = ?')
    this.selectUpdates = db.prepare<[string], { id: number; data: Buffer }>(
      'SELECT id, data FROM updates WHERE board_id = ? ORDER BY id',
    )
    this.upsertState = db.prepare(
      `INSERT INTO board_state (board_id, state, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(board_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
    )
    this.deleteUpdatesUpTo = db.prepare('DELETE FROM updates WHERE board_id = ? AND id <= ?')
    this.maxUpdateId = db.prepare<[string], { id: number | null }>('SELECT max(id) AS id FROM updates WHERE board_id = ?')
    const touch = db.prepare('UPDATE boards SET last_activity = ? WHERE id = ?')
    this.appendAll = db.transaction((batch: readonly PendingUpdate[]) => {
      for (const update of batch) this.insertUpdate.run(update.boardId, update.data)
      const now = Date.now()
      for (const { boardId } of batch) {
        // Minute precision is plenty for "last activity", and saves a row write per board per turn.
        if (now - (this.touchedAt.get(boardId) ?? 0) < TOUCH_EVERY_MS) continue
        this.touchedAt.set(boardId, now)
        touch.run(new Date(now).toISOString(), boardId)
      }
    })
    this.compactTx = db.transaction((boardId: string, state: Uint8Array) => {
      const upTo = this.maxUpdateId.get(boardId)?.id
      this.upsertState.run(boardId, state, new Date().toISOString())
      if (upTo != null) this.deleteUpdatesUpTo.run(boardId, upTo)
    })
  }

  private readonly compactTx: (boardId: string, state: Uint8Array) => void

  /** Writes every pending update durably, in one transaction. */
  append(batch: readonly PendingUpdate[]): void {
    if (batch.length > 0) this.appendAll(batch)
  }

  /** Loads a board's state into `doc`; returns how many logged updates were replayed. */
  loadInto(boardId: string, doc: Y.Doc): number {
    const state = this.selectState.get(boardId)?.state
    const updates = this.selectUpdates.all(boardId).map((row) => row.data)
    // The state row apart from the log: merging them would decode and re-encode the whole board.
    if (state) Y.applyUpdate(doc, state)
    if (updates.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(updates))
    // A board loaded from its state row alone: those bytes are its full state, no need to encode it.
    else if (state) knowFullState(doc, state)
    return updates.length
  }

  /**
   * Replaces the log with one state row. `state` must include every update logged so far, which
   * holds when the caller's document has applied all of them (rooms flush before compacting).
   */
  compact(boardId: string, state: Uint8Array): void {
    this.compactTx(boardId, state)
  }
}
