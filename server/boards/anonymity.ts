/**
 * Switching a board's anonymous (Chatham House) mode. Turning it on scrubs every place a name can
 * sit — the live document, its update log, its snapshots, templates saved from it — and only then
 * commits the flag (in the same SQLite transaction as the snapshots' and templates' scrub). A
 * switch that dies half way therefore leaves the board not anonymous, and asking again re-runs
 * the whole scrub (also on a board that is already flagged), so the request can always be
 * repeated until it succeeds. While it runs, the room already takes edits anonymously.
 * A worker thread re-encodes the snapshots while this thread scrubs the live board: on a board of
 * 50k cards each takes about a second, and the event loop is blocked for the live part only.
 */
import { CloseCode } from '../../shared/protocol.ts'
import type { BoardRepository } from '../boards.ts'
import { forgetRemovedData, type Db } from '../db/database.ts'
import type { ScrubbedStates } from '../report/read-worker.ts'
import type { SnapshotStore } from '../snapshots/snapshot-store.ts'
import type { RoomManager } from '../sync/room-manager.ts'

/** Saved templates that know the board they were made from, and can strip its authors. */
export interface TemplatesFromBoards {
  removeAuthorsOf(boardId: string): void
}

/** Computes snapshot states without authors off the event loop (the read worker). */
export interface SnapshotScrubber {
  read(job: { kind: 'snapshots-without-authors'; boardId: string }): Promise<ScrubbedStates>
}

export class BoardAnonymity {
  constructor(
    private readonly db: Db,
    private readonly boards: BoardRepository,
    private readonly rooms: RoomManager,
    private readonly snapshots: Pick<SnapshotStore, 'removeAuthors'>,
    private readonly templates: TemplatesFromBoards,
    private readonly scrubber: SnapshotScrubber | null = null,
  ) {}

  /** Sets the board's mode; rejects (with the flag unchanged) when the scrub could not be stored. */
  async set(boardId: string, anonymous: boolean): Promise<void> {
    const before = this.boards.get(boardId)?.anonymous ?? false
    if (anonymous) {
      await this.scrubThenFlag(boardId, before)
    } else {
      this.boards.update(boardId, { anonymous: false })
      this.rooms.setAnonymous(boardId, false)
    }
    if (before !== anonymous) {
      // Everyone reconnects and picks up the new mode (names asked or hidden, presence relabelled).
      this.rooms.closeConnections(boardId, 'all', CloseCode.settingsChanged, 'board settings changed')
    }
  }

  private async scrubThenFlag(boardId: string, wasAnonymous: boolean): Promise<void> {
    // Whatever the worker could not do (it failed, or there were too many) is done below instead.
    const computed = this.scrubber?.read({ kind: 'snapshots-without-authors', boardId }).catch(() => new Map()) ?? Promise.resolve(new Map())
    // The live document first: its scrub is an ordinary edit, stored before anyone sees it.
    await this.rooms.removeAuthors(boardId)
    const states = await computed
    // From here the room takes every edit anonymously (on every process), and scrubs what came
    // in meanwhile: nothing stored from now on names anyone. Undone when the switch fails.
    this.rooms.setAnonymous(boardId, true)
    try {
      const room = await this.rooms.removeAuthors(boardId)
      await this.rooms.compactNow(room) // the log's old updates, which still hold the names, go
      this.db.transaction(() => {
        this.snapshots.removeAuthors(boardId, states)
        this.templates.removeAuthorsOf(boardId)
        this.boards.update(boardId, { anonymous: true })
      })()
    } catch (error) {
      if (!wasAnonymous) this.rooms.setAnonymous(boardId, false)
      throw error
    }
    // Removed rows are overwritten (secure_delete); this also empties the WAL that held them.
    await forgetRemovedData(this.db)
  }
}
