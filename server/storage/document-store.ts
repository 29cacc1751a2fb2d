/**
 * Where board documents live: a compacted state plus the log of updates since, per board. Two
 * implementations: SQLite (one process, the default) and PostgreSQL (any number of processes).
 * Shaped after tldraw sync-core's TLSyncStorage and Hocuspocus's load/store hooks, but keeping
 * every update (append before relay) rather than whole documents, since that is our durability
 * promise: whatever any client has seen is stored.
 *
 * Every logged update gets a sequence number, increasing per board. A process that relays
 * updates of other processes (from the room bus) tracks the last one it applied, and catches up
 * with `updatesSince` when it missed some: the bus does not guarantee delivery, the store does.
 */

/** An update to log for a board. */
export interface PendingUpdate {
  boardId: string
  data: Uint8Array
}

/** One logged update and its place in the board's log. */
export interface LoggedUpdate {
  seq: number
  data: Uint8Array
}

/** A board's document as stored. */
export interface StoredDocument {
  /** The compacted state (null: never compacted, everything is in the log). */
  state: Uint8Array | null
  /** Updates logged after the state, in order. */
  updates: LoggedUpdate[]
  /** The last update included in `state` or `updates` (0: none). */
  seq: number
}

export interface DocumentStore {
  /** The board's state and the updates logged since. A board never written has neither. */
  load(boardId: string): Promise<StoredDocument>
  /**
   * Stores the updates durably, all or none, in order; resolves with each one's sequence number
   * (in the order given). Nothing may be relayed before this resolves.
   */
  append(batch: readonly PendingUpdate[]): Promise<number[]>
  /** The updates logged after `seq`, in order (a process catching up). */
  updatesSince(boardId: string, seq: number): Promise<LoggedUpdate[]>
  /**
   * Replaces the log up to and including `upToSeq` by `state`, which must hold every one of
   * those updates (it may hold later ones too: applying an update twice changes nothing).
   * Updates logged after `upToSeq` (by another process, meanwhile) stay. PostgreSQL skips it
   * while another process compacts the same board.
   */
  compact(boardId: string, state: Uint8Array, upToSeq: number): Promise<void>
  /**
   * A key that changes whenever the board's stored document does (every append and compaction),
   * for results computed from it (harvest, export) to know when they are stale.
   */
  version(boardId: string): Promise<string>
}
