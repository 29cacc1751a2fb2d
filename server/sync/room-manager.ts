/**
 * Opens rooms on demand, stores their updates and unloads them when idle; with several processes,
 * tells the others what happens on a board (the room bus) and takes in theirs.
 *
 * Write path: a peer's update is applied to the room's doc, which queues it here; once per
 * event-loop turn every queued update (of every room) is appended to the DocumentStore in one
 * batch and only then relayed, to this process's peers and over the bus. So whatever any client
 * has seen is stored, and many small updates cost one commit. An answer made from a document
 * (a sync) goes out once everything it holds is stored (whenStored).
 *
 * Several processes: the store numbers each board's updates without gaps. A room applies the
 * others' updates in that order; when it sees a gap (a lost bus message, or its own append
 * numbered past updates it has not seen yet) or the bus comes back after an outage, it reads
 * what it missed from the store.
 */
import * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol.ts'
import type { Role } from '../../shared/roles.ts'
import { NoOtherProcesses, type ConnectionCensus, type RoleCounts } from '../bus/connection-census.ts'
import { InProcessBus, type BoardControl, type BusMessage, type RoomBus, type Subscription } from '../bus/room-bus.ts'
import { fullState } from '../document-records.ts'
import { errorMessage, type Logger } from '../log.ts'
import type { AutoSnapshotMoment } from '../snapshots/auto-snapshot-policy.ts'
import type { AutoSnapshots } from '../snapshots/auto-snapshots.ts'
import type { DocumentStore } from '../storage/document-store.ts'
import { boardOfDocument, isDraftDocument } from '../storage/draft-ids.ts'
import { DEFAULT_AWARENESS_LIMITS, type AwarenessLimits } from './awareness-guard.ts'
import { ExpiryTimers } from './link-expiry.ts'
import { Room, type Peer } from './room.ts'
import { DEFAULT_GUARD_LIMITS } from './update-guard.ts'
import { applyStored } from './update-log.ts'

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
  /** Most records a participant's draft may hold; the default when absent. */
  maxRecordsPerDraft?: number
}

/** Most cards one participant's draft holds unless MAX_RECORDS_PER_DRAFT says otherwise. */
export const DEFAULT_MAX_RECORDS_PER_DRAFT = 500

/** How long updates past a gap wait for the missing ones on the bus before they are read from the store. */
const GAP_WAIT_MS = 200

/** Longest an update waits in the queue for the turn to end before it is written and relayed. */
const MAX_QUEUE_DELAY_MS = 2

/** Which of a board's connections to close: those of these roles, or all. */
export type ConnectionsToClose = readonly Role[] | 'all'

export class RoomManager {
  private readonly rooms = new Map<string, Room>()
  /** Rooms being loaded, so that concurrent opens of one board share the load. */
  private readonly loading = new Map<string, Promise<Room>>()
  /** Connections waiting for their room to load, per board and role (they count as connected). */
  private readonly joining = new Map<string, Map<Role, number>>()
  private readonly subscriptions = new Map<Room, Subscription[]>()
  /**
   * The open drafts of each board (rooms keyed by draft document id): what happens to a board
   * (links revoked, deleted, made anonymous) happens to its drafts.
   */
  private readonly draftRooms = new Map<string, Set<Room>>()
  /** Told after a draft's update is stored by this process (the draft's card count may have changed). */
  private draftStored: ((room: Room) => void) | null = null
  private readonly idleTimers = new Map<Room, NodeJS.Timeout>()
  private queue: QueuedUpdate[] = []
  private flushScheduled = false
  /** When the oldest queued update arrived (performance.now()). */
  private queuedSince = 0
  /** Appends run one after another, so relays keep the order updates were applied in. */
  private writing: Promise<void> = Promise.resolve()
  private writesInFlight = 0
  /** Updates queued so far, and how many of them are stored (or gone with their room). */
  private enqueued = 0
  private stored = 0
  /** Answers waiting until the updates queued before them (`target`) are stored. */
  private readonly waiting: { target: number; send: () => void }[] = []
  /** Other processes' updates applied this turn, to relay merged at its end. */
  private readonly relayQueue = new Map<Room, Uint8Array[]>()
  private relayScheduled = false
  /** Per room, logged updates that came past a gap, by sequence number (null: this process's own). */
  private readonly outOfOrder = new Map<Room, { updates: Map<number, Uint8Array | null>; timer: NodeJS.Timeout | null }>()
  /** Rooms reading what they missed from the store; `again`: more was missed meanwhile. */
  private readonly catchingUp = new Map<Room, { again: boolean }>()
  /** Compactions and other store work still running (awaited on shutdown). */
  private readonly background = new Set<Promise<void>>()
  /** Rooms whose update log is long enough to fold into the state row, oldest first. */
  private readonly dueForCompaction = new Set<Room>()
  /** Rooms whose automatic snapshot is being considered (the store answers asynchronously). */
  private readonly snapshotting = new Map<Room, Promise<void>>()
  /** When each connection's link expires; re-armed when a facilitator changes the expiry. */
  private readonly expiries = new ExpiryTimers<Peer>((peer) => peer.close(CloseCode.revoked, 'link expired'))
  private readonly awarenessLimits: AwarenessLimits
  private readonly stopReconnects: () => void

  constructor(
    private readonly store: DocumentStore,
    private readonly options: RoomManagerOptions,
    private readonly logger: Logger,
    private readonly isAnonymous: (boardId: string) => boolean | Promise<boolean>,
    private readonly autoSnapshots: AutoSnapshots | null = null,
    private readonly bus: RoomBus = new InProcessBus(),
    private readonly census: ConnectionCensus = new NoOtherProcesses(),
  ) {
    this.awarenessLimits = {
      ...DEFAULT_AWARENESS_LIMITS,
      maxStateBytes: options.maxAwarenessStateBytes ?? DEFAULT_AWARENESS_LIMITS.maxStateBytes,
      maxClientsPerConnection: options.maxAwarenessClientsPerConnection ?? DEFAULT_AWARENESS_LIMITS.maxClientsPerConnection,
    }
    // Whatever was published while the bus was away is in the store.
    this.stopReconnects = bus.onReconnect(() => {
      for (const room of this.rooms.values()) void this.catchUp(room)
    })
  }

  get openRooms(): number {
    return this.rooms.size
  }

  /** Open connections of a board, or of one of its role links (those still joining included). */
  connectionCount(boardId: string, role?: Role): number {
    const joining = this.joining.get(boardId)
    const waiting = role === undefined ? [...(joining?.values() ?? [])].reduce((sum, n) => sum + n, 0) : (joining?.get(role) ?? 0)
    const room = this.rooms.get(boardId)
    if (!room) return waiting
    return waiting + (role === undefined ? room.peerCount : room.peerCountFor(role))
  }

  /** The board's connections on the other processes of a cluster, by role (for the caps). */
  connectionsElsewhere(boardId: string): Promise<RoleCounts> {
    return this.census.elsewhere(boardId)
  }

  /** A role link's expiry changed: re-arm (or clear) the timers of its open connections, on every process. */
  setLinkExpiry(boardId: string, role: Role, expiresAt: string | null): void {
    this.control(boardId, { type: 'expiry', role, expiresAt })
  }

  /** Closes the board's connections of these roles (revoked links, changed settings), on every process. */
  closeConnections(boardId: string, which: ConnectionsToClose, code: number, reason: string): void {
    this.control(boardId, { type: 'close', ...(which === 'all' ? {} : { roles: [...which] }), code, reason })
  }

  /**
   * The mode an open room applies to what clients send (a closed room reads it when it opens).
   * Turning it on scrubs the live document here; other processes only switch, since the scrub
   * reaches them as an update.
   */
  setAnonymous(boardId: string, anonymous: boolean): void {
    for (const room of this.roomsOfBoard(boardId)) room.setAnonymous(anonymous)
    this.bus.publish(boardId, { kind: 'control', control: { type: 'anonymous', anonymous } })
  }

  /** Closes a deleted board's connections and forgets its room without writing anything, on every process. */
  async discard(boardId: string): Promise<void> {
    await this.flush()
    this.control(boardId, { type: 'deleted' })
  }

  /**
   * Adds a peer to the board's room, loading the room if needed; `expiresAt` is when the link it
   * joined with expires. Rejects (with the peer not added) when loading or greeting it failed.
   */
  async connect(boardId: string, peer: Peer, expiresAt: string | null = null): Promise<Room> {
    const counts = this.joining.get(boardId) ?? new Map<Role, number>()
    this.joining.set(boardId, counts)
    counts.set(peer.role, (counts.get(peer.role) ?? 0) + 1)
    let room: Room
    try {
      room = await this.open(boardId)
    } finally {
      const left = (counts.get(peer.role) ?? 1) - 1
      if (left > 0) counts.set(peer.role, left)
      else counts.delete(peer.role)
      if (counts.size === 0 && this.joining.get(boardId) === counts) this.joining.delete(boardId)
    }
    this.cancelIdle(room)
    room.addPeer(peer)
    this.expiries.arm(peer, expiresAt)
    this.reportConnections(room)
    return room
  }

  disconnect(room: Room, peer: Peer): void {
    this.expiries.clear(peer)
    room.removePeer(peer)
    this.reportConnections(room)
  }

  /** Tells the other processes how many connections this one holds on the board now. */
  private reportConnections(room: Room): void {
    this.census.report(room.boardId, { facilitator: room.peerCountFor('facilitator'), editor: room.peerCountFor('editor'), viewer: room.peerCountFor('viewer') })
  }

  /** The room of a board, loaded from the store when it is not open. */
  open(boardId: string): Promise<Room> {
    const existing = this.rooms.get(boardId)
    if (existing) return Promise.resolve(existing)
    let loading = this.loading.get(boardId)
    if (!loading) {
      loading = this.load(boardId).finally(() => this.loading.delete(boardId))
      this.loading.set(boardId, loading)
    }
    return loading
  }

  /**
   * Stores every queued update, then relays it; resolves once that is done. A room with several
   * updates in one turn gets them merged into one update, stored as one row and sent as one
   * message to every peer (its authors included: applying known changes is a no-op for them).
   * Under load that turns updates × peers websocket frames per turn into one per peer.
   */
  flush(): Promise<void> {
    if (this.queue.length > 0) {
      const batch = this.queue
      this.queue = []
      // With nothing in flight the append starts now (SQLite writes before this returns).
      this.writing = this.writesInFlight === 0 ? this.write(batch) : this.writing.then(() => this.write(batch))
    }
    return this.writing
  }

  /** Stops every room: flushes, closes connections, compacts. Used on shutdown. */
  async closeAll(): Promise<void> {
    await this.flush()
    await Promise.allSettled([...this.loading.values()])
    for (const room of [...this.rooms.values()]) {
      room.closeAll(CloseCode.shuttingDown, 'server shutting down')
      this.snapshotAuto(room, 'session-ended')
      this.unload(room)
    }
    this.stopReconnects()
    await Promise.allSettled([...this.background])
    await this.census.close()
  }

  /**
   * Strips author fields from a board's live document and stores the change (relayed like any
   * edit). Rejects when storing failed, so the caller does not go on as if the board were clean.
   */
  async removeAuthors(boardId: string): Promise<Room> {
    const room = await this.open(boardId)
    room.removeAuthors()
    await this.flush()
    if (this.rooms.get(boardId) !== room) throw new Error('storing the scrubbed document failed')
    return room
  }

  /** Folds a room's update log into its state now. Unlike routine compaction it rejects on failure. */
  async compactNow(room: Room): Promise<void> {
    await this.flush()
    await this.store.compact(room.boardId, fullState(room.doc), room.storedSeq)
    room.updatesSinceCompaction = 0
    this.dueForCompaction.delete(room)
  }

  /** Calls `listener` after each of this process's stored updates of a draft. */
  onDraftStored(listener: (room: Room) => void): void {
    this.draftStored = listener
  }

  /** The board's room and its drafts' rooms open in this process. */
  roomsOfBoard(boardId: string): Room[] {
    const board = this.rooms.get(boardId)
    return [...(board ? [board] : []), ...(this.draftRooms.get(boardId) ?? [])]
  }

  /** Records that a snapshot was just taken, so automatic ones count from here. */
  markSnapshot(room: Room): void {
    room.session = null
    room.lastSnapshotAt = Date.now()
    // It holds the other processes' edits too: their rooms count from here as well, so a board
    // gets one automatic snapshot per interval, not one per process.
    this.bus.publish(room.boardId, { kind: 'control', control: { type: 'snapshot-taken' } })
  }

  private async load(boardId: string): Promise<Room> {
    // Subscribed before reading: whatever is published meanwhile is either in what we read or
    // comes after it (and is applied once the room exists).
    let room: Room | null = null
    const early: BusMessage[] = []
    const isDraft = isDraftDocument(boardId)
    const board = boardOfDocument(boardId)
    const subscriptions = [this.bus.subscribe(boardId, (message) => (room ? this.fromElsewhere(room, message) : early.push(message)))]
    // A draft hears its board's control messages too (revoked links, deletion, anonymity).
    if (isDraft) subscriptions.push(this.bus.subscribe(board, (message) => (message.kind !== 'control' ? undefined : room ? this.fromElsewhere(room, message) : early.push(message))))
    try {
      // The bus being away does not stop the board: the room catches up when it is back.
      await Promise.all(subscriptions.map((subscription) => subscription.ready.catch(() => undefined)))
      const [stored, anonymous, lastSnapshotAt] = await Promise.all([
        this.store.load(boardId),
        this.isAnonymous(board),
        isDraft ? null : (this.autoSnapshots?.latestAt(boardId) ?? null),
      ])
      const doc = new Y.Doc()
      const replayed = applyStored(stored, doc)
      room = new Room(
        boardId,
        doc,
        {
          onUpdate: (changed, update, origin, echo) => this.enqueue(changed, update, origin, echo),
          whenStored: (send) => this.whenStored(send),
          onAwareness: (changed, update) => this.bus.publish(changed.boardId, { kind: 'awareness', data: update }),
          onEmpty: (emptied) => this.roomEmptied(emptied),
        },
        anonymous,
        this.awarenessLimits,
        {
          ...DEFAULT_GUARD_LIMITS,
          maxRecords: isDraft ? (this.options.maxRecordsPerDraft ?? DEFAULT_MAX_RECORDS_PER_DRAFT) : (this.options.maxRecordsPerBoard ?? DEFAULT_GUARD_LIMITS.maxRecords),
        },
        isDraft,
      )
      room.storedSeq = stored.seq
      room.lastSnapshotAt = lastSnapshotAt ?? 0
      this.rooms.set(boardId, room)
      this.subscriptions.set(room, subscriptions)
      if (isDraft) {
        const drafts = this.draftRooms.get(board) ?? new Set<Room>()
        drafts.add(room)
        this.draftRooms.set(board, drafts)
      }
      for (const message of early) this.fromElsewhere(room, message)
      if (replayed >= this.options.compactAfterUpdates) this.compact(room)
      // Rooms opened without a client (an HTTP read) unload like any other idle room.
      this.scheduleIdle(room)
      return room
    } catch (error) {
      for (const subscription of subscriptions) subscription.close()
      throw error
    }
  }

  /** What another process published about an open board. */
  private fromElsewhere(room: Room, message: BusMessage): void {
    if (this.rooms.get(room.boardId) !== room) return
    switch (message.kind) {
      case 'update':
        this.inOrder(room, message.seq, message.data)
        return
      case 'awareness':
        room.applyAwarenessFromElsewhere(message.data)
        return
      case 'control':
        this.applyControl(room, message.control)
        return
    }
  }

  /** Applies a control message to the board and its drafts here, and tells the other processes. */
  private control(boardId: string, control: BoardControl): void {
    for (const room of this.roomsOfBoard(boardId)) this.applyControl(room, control)
    this.bus.publish(boardId, { kind: 'control', control })
  }

  private applyControl(room: Room, control: BoardControl): void {
    if (this.rooms.get(room.boardId) !== room) return
    switch (control.type) {
      case 'close': {
        const roles = control.roles
        room.closeWhere((peer) => roles === undefined || roles.includes(peer.role), control.code, control.reason)
        return
      }
      case 'expiry':
        for (const peer of room.peersWhere((peer) => peer.role === control.role)) this.expiries.arm(peer, control.expiresAt)
        return
      case 'anonymous':
        room.setAnonymous(control.anonymous, { scrub: false })
        return
      case 'deleted':
        room.closeAll(CloseCode.revoked, 'board deleted')
        this.forget(room)
        return
      case 'snapshot-taken':
        room.session = null
        room.lastSnapshotAt = Date.now()
        return
    }
  }

  /**
   * Takes a logged update into the room in sequence order: `data` null is one of this process's
   * own (applied and relayed already). Updates past a gap wait for the missing ones, which are
   * usually a moment behind on the bus (processes publish independently); a gap still open after
   * GAP_WAIT_MS is read from the store.
   */
  private inOrder(room: Room, seq: number, data: Uint8Array | null): void {
    if (seq <= room.storedSeq) return // in what this room read or applied already
    let waiting = this.outOfOrder.get(room)
    if (!waiting) {
      waiting = { updates: new Map(), timer: null }
      this.outOfOrder.set(room, waiting)
    }
    waiting.updates.set(seq, data)
    this.applyInOrder(room)
  }

  private applyInOrder(room: Room): void {
    const waiting = this.outOfOrder.get(room)
    if (!waiting) return
    for (let next = room.storedSeq + 1; waiting.updates.has(next); next++) {
      const data = waiting.updates.get(next)!
      waiting.updates.delete(next)
      if (data) this.applyElsewhere(room, data)
      room.storedSeq = next
      this.counted(room)
    }
    for (const seq of waiting.updates.keys()) if (seq <= room.storedSeq) waiting.updates.delete(seq)
    if (waiting.updates.size === 0) {
      if (waiting.timer) clearTimeout(waiting.timer)
      this.outOfOrder.delete(room)
    } else {
      waiting.timer ??= setTimeout(() => {
        waiting.timer = null
        void this.catchUp(room)
      }, GAP_WAIT_MS)
      waiting.timer.unref()
    }
  }

  /**
   * Applies another process's update and relays it to this process's peers at the end of the
   * turn, merged with the turn's others of the same room: one frame per peer per turn, as for
   * this process's own updates, instead of one per update.
   */
  private applyElsewhere(room: Room, update: Uint8Array): void {
    room.applyFromElsewhere(update)
    const queued = this.relayQueue.get(room)
    if (queued) queued.push(update)
    else this.relayQueue.set(room, [update])
    if (this.relayScheduled) return
    this.relayScheduled = true
    setImmediate(() => {
      this.relayScheduled = false
      const due = [...this.relayQueue]
      this.relayQueue.clear()
      for (const [queuedRoom, updates] of due) {
        if (this.rooms.get(queuedRoom.boardId) !== queuedRoom) continue
        queuedRoom.relay(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates), null)
      }
    })
  }

  /** Reads what a room missed from the store and applies it (one reader per room at a time). */
  private async catchUp(room: Room): Promise<void> {
    const running = this.catchingUp.get(room)
    if (running) {
      running.again = true
      return
    }
    const state = { again: true }
    this.catchingUp.set(room, state)
    try {
      while (state.again) {
        state.again = false
        const missed = await this.store.updatesSince(room.boardId, room.storedSeq)
        if (this.rooms.get(room.boardId) !== room) return
        const waiting = this.outOfOrder.get(room)?.updates
        const fresh = missed.filter((update) => update.seq > room.storedSeq)
        if (fresh.length === 0) continue
        // This process's own updates are in the room and were relayed: only the others' go out.
        const own = (seq: number) => waiting?.has(seq) === true && waiting.get(seq) === null
        const others = fresh.filter((update) => !own(update.seq))
        if (others.length > 0) this.applyElsewhere(room, others.length === 1 ? others[0]!.data : Y.mergeUpdates(others.map((update) => update.data)))
        room.storedSeq = fresh.at(-1)!.seq
        this.counted(room, fresh.length)
        this.applyInOrder(room)
      }
    } catch (error) {
      this.logger.error('catching up with the store failed', { board: room.boardId, error: errorMessage(error) })
    } finally {
      this.catchingUp.delete(room)
    }
  }

  private whenStored(send: () => void): void {
    if (this.stored >= this.enqueued) return send()
    this.waiting.push({ target: this.enqueued, send })
    void this.flush()
  }

  private async write(batch: readonly QueuedUpdate[]): Promise<void> {
    const outgoing = mergePerRoom(batch)
    let seqs: number[] | null = null
    this.writesInFlight++
    try {
      seqs = await this.store.append(outgoing.map(({ room, update }) => ({ boardId: room.boardId, data: update })))
    } catch (error) {
      // Nothing unstored may be relayed. Drop the rooms: they reload from the store and their
      // clients, which still hold the edits, send them again when they resync.
      this.logger.error('writing updates failed', { error: errorMessage(error) })
      for (const { room } of outgoing) this.evict(room)
    } finally {
      this.writesInFlight--
    }
    this.stored += batch.length
    if (seqs) this.relayStored(outgoing, seqs)
    while (this.waiting.length > 0 && this.waiting[0]!.target <= this.stored) {
      const { send } = this.waiting.shift()!
      try {
        send()
      } catch (error) {
        this.logger.error('sending an answer failed', { error: errorMessage(error) })
      }
    }
  }

  private relayStored(outgoing: readonly OutgoingUpdate[], seqs: readonly number[]): void {
    const now = Date.now()
    outgoing.forEach(({ room, update, skip }, index) => {
      const seq = seqs[index]!
      room.relay(update, skip)
      if (room.isDraft) this.draftStored?.(room)
      this.bus.publish(room.boardId, { kind: 'update', seq, data: update })
      // One process: the log's ids increase but are shared by all boards. Several: in order.
      if (!this.bus.multiProcess) room.storedSeq = Math.max(room.storedSeq, seq)
      else this.inOrder(room, seq, null)
      this.counted(room)
      const session = room.session
      if (session && now - Math.max(room.lastSnapshotAt, session.startedAt) >= this.options.autoSnapshotEveryMs) {
        this.snapshotAuto(room, 'during-session')
      }
    })
    // One compaction per turn: boards edited at the same pace would otherwise all compact in the
    // same turn and stall every connection at once.
    const [due] = this.dueForCompaction
    if (due) {
      this.dueForCompaction.delete(due)
      if (this.rooms.get(due.boardId) === due) this.compact(due)
    }
  }

  /** Counts logged updates towards the next compaction. */
  private counted(room: Room, updates = 1): void {
    room.updatesSinceCompaction += updates
    if (room.updatesSinceCompaction >= this.options.compactAfterUpdates) this.dueForCompaction.add(room)
  }

  private enqueue(room: Room, update: Uint8Array, origin: unknown, echo: boolean): void {
    if (this.queue.length === 0) this.queuedSince = performance.now()
    this.queue.push({ room, update, origin, echo })
    this.enqueued++
    // After a stall many messages wait in one turn; don't let the first ones wait for all of them.
    if (performance.now() - this.queuedSince >= MAX_QUEUE_DELAY_MS) {
      void this.flush()
      return
    }
    if (this.flushScheduled) return
    this.flushScheduled = true
    setImmediate(() => {
      this.flushScheduled = false
      void this.flush()
    })
  }

  /** Folds the log into the state in the background; a failure leaves the log as it is, to retry later. */
  private compact(room: Room): void {
    const state = fullState(room.doc)
    const upToSeq = room.storedSeq
    room.updatesSinceCompaction = 0
    this.dueForCompaction.delete(room)
    this.track(
      this.store.compact(room.boardId, state, upToSeq).catch((error: unknown) => {
        this.logger.error('compaction failed', { board: room.boardId, error: errorMessage(error) })
      }),
    )
  }

  private track(work: Promise<void>): void {
    this.background.add(work)
    void work.finally(() => this.background.delete(work))
  }

  /**
   * Considers an automatic snapshot in the background, one at a time per room: while one is being
   * considered, further edits ask for nothing, and a session's end waits its turn. A failure is logged.
   */
  private snapshotAuto(room: Room, moment: AutoSnapshotMoment): void {
    const autoSnapshots = this.autoSnapshots
    if (!autoSnapshots || room.session === null || room.isDraft) return
    const pending = this.snapshotting.get(room)
    if (pending && moment === 'during-session') return
    const work: Promise<void> = (pending ?? Promise.resolve())
      .then(() => autoSnapshots.consider(room, moment, Date.now()))
      .then((taken) => {
        if (taken) this.markSnapshot(room)
      })
      .catch((error: unknown) => {
        this.logger.error('automatic snapshot failed', { board: room.boardId, error: errorMessage(error) })
      })
      .finally(() => {
        if (this.snapshotting.get(room) === work) this.snapshotting.delete(room)
      })
    this.snapshotting.set(room, work)
    this.track(work)
  }

  private roomEmptied(room: Room): void {
    void this.flush()
    this.snapshotAuto(room, 'session-ended')
    this.scheduleIdle(room)
  }

  private scheduleIdle(room: Room): void {
    this.cancelIdle(room)
    const timer = setTimeout(() => {
      this.idleTimers.delete(room)
      if (room.peerCount > 0) return
      // Unloaded once its last updates are stored (a peer may have come back meanwhile).
      void this.flush().then(() => {
        if (room.peerCount === 0) this.unload(room)
      })
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
    if (room.updatesSinceCompaction > 0) this.compact(room)
    this.forget(room)
  }

  private evict(room: Room): void {
    if (this.rooms.get(room.boardId) !== room) return
    room.closeAll(CloseCode.shuttingDown, 'storage error, reconnect')
    this.forget(room)
  }

  /** Drops a room without writing anything more. */
  private forget(room: Room): void {
    if (this.rooms.get(room.boardId) !== room) return
    this.cancelIdle(room)
    this.rooms.delete(room.boardId)
    this.dueForCompaction.delete(room)
    for (const subscription of this.subscriptions.get(room) ?? []) subscription.close()
    this.subscriptions.delete(room)
    if (room.isDraft) {
      const board = boardOfDocument(room.boardId)
      const drafts = this.draftRooms.get(board)
      drafts?.delete(room)
      if (drafts?.size === 0) this.draftRooms.delete(board)
    }
    const waiting = this.outOfOrder.get(room)
    if (waiting?.timer) clearTimeout(waiting.timer)
    this.outOfOrder.delete(room)
    this.census.report(room.boardId, {})
    room.destroy()
  }
}
