/**
 * Switching a board's anonymous (Chatham House) mode. Turning it on scrubs every place a name can
 * sit — the live document, its update log, its snapshots, templates saved from it — and only then
 * commits the flag (in the same transaction as the snapshots' and templates' scrub: Storage.commitAnonymous). A
 * switch that dies half way therefore leaves the board not anonymous, and asking again re-runs
 * the whole scrub (also on a board that is already flagged), so the request can always be
 * repeated until it succeeds. While it runs, the room already takes edits anonymously.
 * A worker thread re-encodes the snapshots while this thread scrubs the live board: on a board of
 * 50k cards each takes about a second, and the event loop is blocked for the live part only.
 */
import { CloseCode } from '../../shared/protocol.ts'
import type { ScrubbedStates } from '../report/read-worker.ts'
import type { Storage } from '../storage/stores.ts'
import type { RoomManager } from '../sync/room-manager.ts'

/** Computes snapshot states without authors off the event loop (the read worker). */
export interface SnapshotScrubber {
  read(job: { kind: 'snapshots-without-authors'; boardId: string }): Promise<ScrubbedStates>
}

/** What the switch needs of the storage: the flag, its atomic last step, and forgetting what was removed. */
export type AnonymityStorage = Pick<Storage, 'boards' | 'commitAnonymous' | 'forgetRemoved'>

export class BoardAnonymity {
  constructor(
    private readonly storage: AnonymityStorage,
    private readonly rooms: RoomManager,
    private readonly scrubber: SnapshotScrubber | null = null,
  ) {}

  /** Sets the board's mode; rejects (with the flag unchanged) when the scrub could not be stored. */
  async set(boardId: string, anonymous: boolean): Promise<void> {
    const before = (await this.storage.boards.get(boardId))?.anonymous ?? false
    if (anonymous) {
      await this.scrubThenFlag(boardId, before)
    } else {
      await this.storage.boards.update(boardId, { anonymous: false })
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
      // Snapshots and saved templates scrubbed, then the flag: one transaction.
      await this.storage.commitAnonymous(boardId, states)
    } catch (error) {
      if (!wasAnonymous) this.rooms.setAnonymous(boardId, false)
      throw error
    }
    // Removed rows are overwritten (secure_delete); this also empties the WAL that held them.
    await this.storage.forgetRemoved()
  }
}
