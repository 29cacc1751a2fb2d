/**
 * Opens rooms on demand, persists their updates and unloads them when idle.
 *
 * Write path: a peer's update is applied to the room's doc, which queues it here; once per
 * event-loop turn every queued update (of every room) is written in one SQLite transaction and
 * only then relayed. So whatever any client has seen is on disk, and many small updates cost one
 * commit.
 */
import * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol.ts'
import type { Role } from '../../shared/roles.ts'
import { fullState } from '../document-records.ts'
import { errorMessage, type Logger } from '../log.ts'
import type { AutoSnapshotMoment } from '../snapshots/auto-snapshot-policy.ts'
import type { AutoSnapshots } from '../snapshots/auto-snapshots.ts'
import { DEFAULT_AWARENESS_LIMITS, type AwarenessLimits } from './awareness-guard.ts'
import { ExpiryTimers } from './link-expiry.ts'
import { Room, type Peer } from './room.ts'
import { DEFAULT_GUARD_LIMITS } from './update-guard.ts'
import type { UpdateLog } from './update-log.ts'

interface QueuedUpdate {
  room: Room
  update: Uint8Array
  origin: unknown
  echo: boolean
}

/** What one room stores and relays after a turn: `skip` is the peer that needs no copy. */
interface OutgoingUpdate {
  room: Room
  update: Uint8Array
  skip: unknown
}

/** One update per room: a lone update as it came, several merged (in arrival order). */
function mergePerRoom(batch: readonly QueuedUpdate[]): OutgoingUpdate[] {
  const byRoom = new Map<Room, QueuedUpdate[]>()
  for (const queued of batch) {
    const list = byRoom.get(queued.room)
    if (list) list.push(queued)
    else byRoom.set(queued.room, [queued])
  }
  return [...byRoom].map(([room, list]): OutgoingUpdate => {
    const [only] = list
    if (list.length === 1 && only) return { room, update: only.update, skip: only.echo ? null : only.origin }
    return { room, update: Y.mergeUpdates(list.map((queued) => queued.update)), skip: null }
  })
}

export interface RoomManagerOptions {
  roomIdleMs: number
  compactAfterUpdates: number
  /** Take an automatic snapshot at most this often while a board is being edited. */
  autoSnapshotEveryMs: number
  /** Awareness limits (awareness-guard.ts); the defaults when absent. */
  maxAwarenessStateBytes?: number
  maxAwarenessClientsPerConnection?: number
  /** Most records a board may hold (update-guard.ts); the default when absent. */
  maxRecordsPerBoard?: number
}


/** Longest an update waits in the queue for the turn to end before it is written and relayed. */
const MAX_QUEUE_DELAY_MS = 2


export class RoomManager {
  private readonly rooms = new Map<string, Room>()
  private readonly idleTimers = new Map<Room, NodeJS.Timeout>()
  private queue: QueuedUpdate[] = []
  private flushScheduled = false
  /** When the oldest queued update arrived (performance.now()). */
  private queuedSince = 0
  /** Rooms whose update log is long enough to fold into the state row, oldest first. */
  private readonly dueForCompaction = new Set<Room>()
  /** When each connection's link expires; re-armed when a facilitator changes the expiry. */
  private readonly expiries = new ExpiryTimers<Peer>((peer) => peer.close(CloseCode.revoked, 'link expired'))
  private readonly awarenessLimits: AwarenessLimits

  constructor(
    private readonly log: UpdateLog,
    private readonly options: RoomManagerOptions,
    private readonly logger: Logger,
    private readonly isAnonymous: (boardId: string) => boolean,
    private readonly autoSnapshots: AutoSnapshots | null = null,
  ) {
    this.awarenessLimits = {
      ...DEFAULT_AWARENESS_LIMITS,
      maxStateBytes: options.maxAwarenessStateBytes ?? DEFAULT_AWARENESS_LIMITS.maxStateBytes,
      maxClientsPerConnection: options.maxAwarenessClientsPerConnection ?? DEFAULT_AWARENESS_LIMITS.maxClientsPerConnection,
    }
  }

  get openRooms(): number {
    return this.rooms.size
  }

  /** Open connections of a board, or of one of its role links. */
  connectionCount(boardId: string, role?: Role): number {
    const room = this.rooms.get(boardId)
    if (!room) return 0
    return role === undefined ? room.peerCount : room.peerCountFor(role)
  }

  /** A role link's expiry changed: re-arm (or clear) the timers of its open connections. */
  setLinkExpiry(boardId: string, role: Role, expiresAt: string | null): void {
    for (const peer of this.rooms.get(boardId)?.peersWhere((peer) => peer.role === role) ?? []) this.expiries.arm(peer, expiresAt)
  }

  /** Closes the board's connections that match (revoked links, a deleted board). */
  closeConnections(boardId: string, matches: (peer: Peer) => boolean, code: number, reason: string): void {
    this.rooms.get(boardId)?.closeWhere(matches, code, reason)
  }

  /** Closes a deleted board's connections and forgets its room without writing anything. */
  discard(boardId: string): void {
    this.flush()
    const room = this.rooms.get(boardId)
    if (!room) return
    room.closeAll(CloseCode.revoked, 'board deleted')
    this.cancelIdle(room)
    this.rooms.delete(boardId)
    this.dueForCompaction.delete(room)
    room.destroy()
  }

  /**
   * Adds a peer to the board's room, loading the room from disk if needed; `expiresAt` is when
   * the link it joined with expires. Throws (with the peer not added) when greeting it failed.
   */
  connect(boardId: string, peer: Peer, expiresAt: string | null = null): Room {
    const room = this.open(boardId)
    this.cancelIdle(room)
    room.addPeer(peer)
    this.expiries.arm(peer, expiresAt)
    return room
  }

  disconnect(room: Room, peer: Peer): void {
    this.expiries.clear(peer)
    room.removePeer(peer)
  }

  /** The room of a board, loaded from disk when it is not open. */
  open(boardId: string): Room {
    const existing = this.rooms.get(boardId)
    if (existing) return existing
    const doc = new Y.Doc()
    const replayed = this.log.loadInto(boardId, doc)
    const room = new Room(
      boardId,
      doc,
      {
        onUpdate: (changed, update, origin, echo) => this.enqueue(changed, update, origin, echo),
        beforeRead: () => this.flush(),
        onEmpty: (emptied) => this.roomEmptied(emptied),
      },
      this.isAnonymous(boardId),
      this.awarenessLimits,
      { ...DEFAULT_GUARD_LIMITS, maxRecords: this.options.maxRecordsPerBoard ?? DEFAULT_GUARD_LIMITS.maxRecords },
    )
    room.lastSnapshotAt = this.autoSnapshots?.latestAt(boardId) ?? 0
    this.rooms.set(boardId, room)
    if (replayed >= this.options.compactAfterUpdates) this.compact(room)
    // Rooms opened without a client (an HTTP read) unload like any other idle room.
    this.scheduleIdle(room)
    return room
  }

  /**
   * Writes every queued update, then relays them. A room with several updates in one turn gets
   * them merged into one update, stored as one row and sent as one message to every peer (its
   * authors included: applying known changes is a no-op for them). Under load that turns
   * updates × peers websocket frames per turn into one per peer, which is where the time goes.
   */
  flush(): void {
    if (this.queue.length === 0) return
    const batch = this.queue
    this.queue = []
    const outgoing = mergePerRoom(batch)
    try {
      this.log.appendNow(outgoing.map(({ room, update }) => ({ boardId: room.boardId, data: update })))
    } catch (error) {
      // Nothing unstored may be relayed. Drop the rooms: they reload from disk and their clients,
      // which still hold the edits, send them again when they resync.
      this.logger.error('writing updates failed', { error: errorMessage(error) })
      for (const { room } of outgoing) this.evict(room)
      return
    }
    const now = Date.now()
    for (const { room, update, skip } of outgoing) {
      room.relay(update, skip)
      room.updatesSinceCompaction++
      if (room.updatesSinceCompaction >= this.options.compactAfterUpdates) this.dueForCompaction.add(room)
      const session = room.session
      if (session && now - Math.max(room.lastSnapshotAt, session.startedAt) >= this.options.autoSnapshotEveryMs) {
        this.snapshotAuto(room, 'during-session')
      }
    }
    // One compaction per turn: boards edited at the same pace would otherwise all compact in the
    // same turn and stall every connection at once.
    const [due] = this.dueForCompaction
    if (due) {
      this.dueForCompaction.delete(due)
      if (this.rooms.get(due.boardId) === due) this.compact(due)
    }
  }

  /** Stops every room: flushes, closes connections, compacts. Used on shutdown. */
  closeAll(): void {
    this.flush()
    for (const room of [...this.rooms.values()]) {
      room.closeAll(CloseCode.shuttingDown, 'server shutting down')
      this.snapshotAuto(room, 'session-ended')
      this.unload(room)
    }
  }

  /**
   * Strips author fields from a board's live document and stores the change (relayed like any
   * edit). Throws when storing failed, so the caller does not go on as if the board were clean.
   */
  removeAuthors(boardId: string): Room {
    const room = this.open(boardId)
    room.removeAuthors()
    this.flush()
    if (this.rooms.get(boardId) !== room) throw new Error('storing the scrubbed document failed')
    return room
  }

  /**
   * Folds a room's update log into one state row now. Unlike routine compaction it throws, so it
   * can run inside a caller's transaction that must roll back as a whole.
   */
  compactNow(room: Room): void {
    this.flush()
    this.log.compactNow(room.boardId, fullState(room.doc))
    room.updatesSinceCompaction = 0
    this.dueForCompaction.delete(room)
  }

  /** The mode an open room applies to what clients send (a closed room reads it when it opens). */
  setAnonymous(boardId: string, anonymous: boolean): void {
    this.rooms.get(boardId)?.setAnonymous(anonymous)
  }

  private enqueue(room: Room, update: Uint8Array, origin: unknown, echo: boolean): void {
    if (this.queue.length === 0) this.queuedSince = performance.now()
    this.queue.push({ room, update, origin, echo })
    // After a stall many messages wait in one turn; don't let the first ones wait for all of them.
    if (performance.now() - this.queuedSince >= MAX_QUEUE_DELAY_MS) return this.flush()
    if (this.flushScheduled) return
    this.flushScheduled = true
    setImmediate(() => {
      this.flushScheduled = false
      this.flush()
    })
  }

  private compact(room: Room): void {
    try {
      this.log.compactNow(room.boardId, fullState(room.doc))
      room.updatesSinceCompaction = 0
      this.dueForCompaction.delete(room)
    } catch (error) {
      // The log still holds every update; compaction can wait for the next chance.
      this.logger.error('compaction failed', { error: errorMessage(error) })
    }
  }

  /** Records that a snapshot was just taken, so automatic ones count from here. */
  markSnapshot(room: Room): void {
    room.session = null
    room.lastSnapshotAt = Date.now()
  }

  private snapshotAuto(room: Room, moment: AutoSnapshotMoment): void {
    if (!this.autoSnapshots || room.session === null) return
    try {
      if (this.autoSnapshots.consider(room, moment, Date.now())) this.markSnapshot(room)
    } catch (error) {
      this.logger.error('automatic snapshot failed', { board: room.boardId, error: errorMessage(error) })
    }
  }

  private roomEmptied(room: Room): void {
    this.flush()
    this.snapshotAuto(room, 'session-ended')
    this.scheduleIdle(room)
  }

  private scheduleIdle(room: Room): void {
    this.cancelIdle(room)
    const timer = setTimeout(() => {
      this.idleTimers.delete(room)
      if (room.peerCount === 0) {
        this.flush()
        this.unload(room)
      }
    }, this.options.roomIdleMs)
    timer.unref()
    this.idleTimers.set(room, timer)
  }

  private cancelIdle(room: Room): void {
    const timer = this.idleTimers.get(room)
    if (timer) clearTimeout(timer)
    this.idleTimers.delete(room)
  }

  private unload(room: Room): void {
    if (this.rooms.get(room.boardId) !== room) return
    this.cancelIdle(room)
    if (room.updatesSinceCompaction > 0) this.compact(room)
    this.rooms.delete(room.boardId)
    this.dueForCompaction.delete(room)
    room.destroy()
  }

  private evict(room: Room): void {
    if (this.rooms.get(room.boardId) !== room) return
    room.closeAll(CloseCode.shuttingDown, 'storage error, reconnect')
    this.cancelIdle(room)
    this.rooms.delete(room.boardId)
    this.dueForCompaction.delete(room)
    room.destroy()
  }
}
