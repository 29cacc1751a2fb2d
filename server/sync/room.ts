/**
 * One open board: its in-memory Y.Doc, the awareness of its clients, and the connections.
 * The room decodes y-websocket messages, guards and applies them; persistence and relaying of
 * document updates belong to the RoomManager, which writes before anyone sees an update.
 */
import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import { deepEqual } from 'fast-equals'
import * as Y from 'yjs'
import { CloseCode, MessageType, SyncStep } from '../../shared/protocol.ts'
import { canWrite, type Role } from '../../shared/roles.ts'
import { readRecords, recordsArray, writeRecords, type StoredRecord } from '../../shared/doc-layout.ts'
import { carriesAuthor, withoutAuthor } from '../../shared/authorship.ts'
import { anonymizeState, pseudonymNumberOf } from './anonymize.ts'
import { DEFAULT_AWARENESS_LIMITS, filterAwarenessUpdate, type AwarenessLimits } from './awareness-guard.ts'
import { withSessionFields } from './awareness-fields.ts'
import { readRole } from '../../shared/awareness.ts'
import { fullState } from '../document-records.ts'
import { awarenessEntry, awarenessMessage, EMPTY_AWARENESS_MESSAGE, syncStep1Message, syncStep2Message, syncStep2MessageOf, updateMessage } from './messages.ts'
import { EditSession } from '../snapshots/edit-session.ts'
import { DEFAULT_GUARD_LIMITS, inspectUpdate, type GuardLimits } from './update-guard.ts'
import { DRAFT_SHAPE_TYPES } from '../../shared/session.ts'

/** An encoded update with no structs and an empty delete set is two zero bytes. */
const hasChanges = (update: Uint8Array): boolean => !(update.length === 2 && update[0] === 0 && update[1] === 0)

/** Whether a transaction added or deleted anything. */
function changedIn(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true
  for (const [client, clock] of transaction.afterState) if (transaction.beforeState.get(client) !== clock) return true
  return false
}

/** The changes made since `before` (a transaction's beforeState), as one update. */
const changesSince = (doc: Y.Doc, before: Map<number, number>): Uint8Array => Y.encodeStateAsUpdate(doc, Y.encodeStateVector(before))

/** A connected client as the room sees it. */
export interface Peer {
  readonly role: Role
  send(message: Uint8Array): void
  close(code: number, reason: string): void
}

/** A message the room could not accept; the connection that sent it is closed with `closeCode`. */
export class ProtocolError extends Error {
  constructor(
    message: string,
    readonly closeCode: number = CloseCode.badMessage,
  ) {
    super(message)
  }
}

export interface RoomHooks {
  /**
   * A document change to store and relay. `echo` sends it back to the peer it came from too
   * (when the server rewrote what that peer sent).
   */
  onUpdate(room: Room, update: Uint8Array, origin: unknown, echo: boolean): void
  /**
   * Runs `send` once every update applied to the document so far is stored (at once when it is):
   * an answer made from the document now goes out only when all it holds is on disk.
   */
  whenStored(send: () => void): void
  /** An awareness change of this process's peers, for the other processes (already filtered). */
  onAwareness?(room: Room, update: Uint8Array): void
  /** Called when the last peer left. */
  onEmpty(room: Room): void
}

/** What the room keeps per connection. */
interface PeerState {
  /** The awareness client ids this peer introduced; only it may write their entries. */
  readonly clients: Set<number>
  /** The document version its last "send me everything" was answered at (-1: never). */
  answeredVersion: number
  /** The awareness version its last query for every awareness state was answered at (-1: never). */
  awarenessAnsweredVersion: number
}

/** The origin of what other processes stored or announced (the room bus): applied, not passed on again. */
const FROM_ELSEWHERE = Symbol('from another process')

export class Room {
  readonly doc: Y.Doc
  readonly awareness: awarenessProtocol.Awareness
  private readonly peers = new Map<Peer, PeerState>()
  /** Who introduced each awareness client id still in use. */
  private readonly awarenessOwners = new Map<number, Peer | typeof FROM_ELSEWHERE>()
  /** Counts document changes, so a repeated sync request at the same version gets no new copy. */
  private version = 0
  /** Counts awareness changes, likewise for repeated queries of every awareness state. */
  private awarenessVersion = 0
  /** The answer to "send me everything" at the current version, one copy shared by all who ask. */
  private fullCopy: Uint8Array | null = null
  updatesSinceCompaction = 0
  /** The last logged update (storage/document-store.ts) the document holds, with every one before it. */
  storedSeq = 0
  /** What participants changed since the board's last snapshot (null: nothing). */
  session: EditSession | null = null
  /** When the board's last snapshot was taken (ms); set by the manager. */
  lastSnapshotAt = 0
  /** While set, doc updates are held back: the anonymous path stores a rewritten diff instead. */
  private holdUpdates = false
  /** The client update being applied; `before` is set once it changed the document. */
  private applying: { peer: Peer; before: Map<number, number> | null } | null = null
  /** The last version of each record that passed the guard, so the next one validates faster. */
  private readonly validated = new Map<string, StoredRecord>()
  /** Pseudonym numbers of awareness clients on an anonymous board, released when they leave. */
  private readonly pseudonyms = new Map<number, number>()
  /** The numbers other processes gave their clients on this board (read from their states). */
  private readonly pseudonymsElsewhere = new Map<number, number>()
  /**
   * The current value of every locked record (a template's frames, headings, prompts): only a
   * facilitator's connection may change, unlock or delete them. Kept up to date from the records
   * each client update writes, and rebuilt after the server's own changes (restore, scrubs).
   */
  private locked = new Map<string, StoredRecord>()

  constructor(
    readonly boardId: string,
    doc: Y.Doc,
    private readonly hooks: RoomHooks,
    private anonymous: boolean,
    private readonly awarenessLimits: AwarenessLimits = DEFAULT_AWARENESS_LIMITS,
    private readonly guardLimits: GuardLimits = DEFAULT_GUARD_LIMITS,
    /**
     * A participant's draft (drafts/): it holds only their own unlocked cards, and its awareness
     * goes nowhere (its peers are one person's tabs; presence belongs to the board).
     */
    readonly isDraft = false,
  ) {
    this.doc = doc
    // Not doc.on('update'): with an update listener Yjs re-encodes every transaction, while a
    // client's update can be stored and relayed as it came (see applyClientUpdate).
    this.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (!changedIn(transaction)) return
      this.version++
      this.fullCopy = null
      if (this.holdUpdates) return
      if (this.applying !== null && transaction.origin === this.applying.peer) {
        this.applying.before = transaction.beforeState
        return
      }
      // The server's own change (restore, scrub, session state): a pass over the records when it touched them.
      if (transaction.changed.has(recordsArray(this.doc))) this.indexLocked()
      this.hooks.onUpdate(this, changesSince(this.doc, transaction.beforeState), transaction.origin, false)
    })
    this.indexLocked()
    this.awareness = new awarenessProtocol.Awareness(doc)
    this.awareness.setLocalState(null) // the server itself is not a participant
    this.awareness.on('update', this.onAwarenessUpdate)
    if (anonymous) this.removeAuthors()
  }

  get isAnonymous(): boolean {
    return this.anonymous
  }

  /**
   * Switches anonymous mode; turning it on removes every author field from the live document
   * (unless `scrub` is off: another process scrubbed, and its change arrives as an update).
   */
  setAnonymous(anonymous: boolean, { scrub = true }: { scrub?: boolean } = {}): void {
    this.anonymous = anonymous
    if (anonymous && scrub) this.removeAuthors()
  }

  get peerCount(): number {
    return this.peers.size
  }

  /** True for updates that came from a connected client (not from the server itself). */
  isPeer(origin: unknown): origin is Peer {
    return this.peers.has(origin as Peer)
  }

  /** How many peers joined with this role (the per-link connection cap). */
  peerCountFor(role: Role): number {
    let count = 0
    for (const peer of this.peers.keys()) if (peer.role === role) count++
    return count
  }

  /** Adds and greets a peer. When the greeting fails, the peer is removed again and closed. */
  addPeer(peer: Peer): void {
    this.peers.set(peer, { clients: new Set(), answeredVersion: -1, awarenessAnsweredVersion: -1 })
    let greeting: Uint8Array[]
    try {
      const clients = [...this.awareness.getStates().keys()]
      greeting = [syncStep1Message(this.doc), ...(clients.length > 0 ? [awarenessMessage(this.awareness, clients)] : [])]
    } catch (error) {
      this.removePeer(peer)
      throw error
    }
    this.sendWhenStored(peer, greeting)
  }

  removePeer(peer: Peer): void {
    const state = this.peers.get(peer)
    if (!state) return
    this.peers.delete(peer)
    // Drop the leaver's cursor at once instead of waiting for the awareness timeout.
    const clients = [...state.clients]
    if (clients.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, clients, null)
    for (const clientId of clients) {
      this.awarenessOwners.delete(clientId)
      this.pseudonyms.delete(clientId)
      // Nobody speaks for the id any more; its clock entry would otherwise stay forever.
      this.awareness.meta.delete(clientId)
    }
    if (this.peers.size === 0) this.hooks.onEmpty(this)
  }

  /** Handles one websocket message; throws ProtocolError when it is malformed. */
  receive(peer: Peer, message: Uint8Array): void {
    try {
      const decoder = decoding.createDecoder(message)
      const type = decoding.readVarUint(decoder)
      switch (type) {
        case MessageType.sync:
          this.receiveSync(peer, decoder)
          break
        case MessageType.awareness:
          if (!this.isDraft) this.receiveAwareness(peer, decoding.readVarUint8Array(decoder))
          break
        case MessageType.queryAwareness:
          this.answerAwarenessQuery(peer)
          break
        case MessageType.auth:
          break // clients have nothing to say here; tokens travel on the upgrade request
        default:
          throw new ProtocolError(`unknown message type ${type}`)
      }
    } catch (error) {
      throw error instanceof ProtocolError ? error : new ProtocolError(`malformed message: ${String(error)}`)
    }
  }

  /**
   * An update another process stored and published (or this one read back from the store when it
   * missed some): applied here, neither stored nor published again. Relaying it to this process's
   * peers is the caller's (RoomManager merges a turn's worth into one frame per peer).
   */
  applyFromElsewhere(update: Uint8Array): void {
    // The records it writes keep the locked index current; it passed this guard where it came in.
    const verdict = inspectUpdate(update, this.doc, this.guardLimits, this.validated)
    this.holdUpdates = true
    try {
      Y.applyUpdate(this.doc, update, FROM_ELSEWHERE)
    } finally {
      this.holdUpdates = false
    }
    if (verdict.ok) this.trackLocked(verdict.records, verdict.removedKeys)
    else this.indexLocked()
  }

  /** Awareness changes of another process's peers: relayed here, owned by nobody here. */
  applyAwarenessFromElsewhere(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, FROM_ELSEWHERE)
  }

  /** Sends a document update to every peer except the one it came from. */
  relay(update: Uint8Array, origin: unknown): void {
    const message = updateMessage(update)
    for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message)
  }

  closeAll(code: number, reason: string): void {
    this.closeWhere(() => true, code, reason)
  }

  /** The connected peers that match. */
  peersWhere(matches: (peer: Peer) => boolean): Peer[] {
    return [...this.peers.keys()].filter(matches)
  }

  /** Closes the connections whose role matches, e.g. after that role's link was revoked. */
  closeWhere(matches: (peer: Peer) => boolean, code: number, reason: string): void {
    for (const peer of [...this.peers.keys()]) if (matches(peer)) peer.close(code, reason)
  }

  destroy(): void {
    this.peers.clear() // late close events of its sockets must not act on a dead room
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.doc.destroy()
  }

  private receiveSync(peer: Peer, decoder: decoding.Decoder): void {
    const step = decoding.readVarUint(decoder)
    switch (step) {
      case SyncStep.step1: {
        const stateVector = decoding.readVarUint8Array(decoder)
        // Four bytes ask for a copy of the whole board. The peer has had everything up to the
        // version it was last answered at and gets every later change relayed, so a repeated
        // request at the same version needs no answer (and must not queue another copy).
        const state = this.peers.get(peer)
        if (!state || state.answeredVersion === this.version) break
        state.answeredVersion = this.version
        this.sendWhenStored(peer, [this.syncAnswer(stateVector)])
        break
      }
      case SyncStep.step2:
      case SyncStep.update: {
        const update = decoding.readVarUint8Array(decoder)
        if (!canWrite(peer.role)) return // viewers may not write: drop, never apply or relay
        this.applyClientUpdate(update, peer)
        break
      }
      default:
        throw new ProtocolError(`unknown sync step ${step}`)
    }
  }

  private applyClientUpdate(update: Uint8Array, peer: Peer): void {
    // Inspect first: an invalid update is refused whole, before it touches the document.
    const verdict = inspectUpdate(update, this.doc, this.guardLimits, this.validated)
    if (!verdict.ok) throw new ProtocolError(verdict.reason, verdict.malformed ? CloseCode.badMessage : CloseCode.invalidContent)
    // Y.Array keeps its length: the check costs nothing. A board already past a lowered limit may still shrink.
    if (verdict.addedRecords > 0 && recordsArray(this.doc).length + verdict.addedRecords > this.guardLimits.maxRecords) {
      throw new ProtocolError(`the board would hold more than ${this.guardLimits.maxRecords} records`, CloseCode.tooManyRecords)
    }
    if (this.isDraft) {
      const problem = notADraftCard(verdict.records)
      if (problem !== null) throw new ProtocolError(problem, CloseCode.invalidContent)
    }
    if (peer.role !== 'facilitator') {
      const touched = this.lockedRecordTouched(verdict.records, verdict.removedKeys)
      if (touched !== null) throw new ProtocolError(`record ${touched.slice(0, 80)} is locked: only the facilitator may change it`, CloseCode.invalidContent)
    }
    this.trackLocked(verdict.records, verdict.removedKeys)
    this.session ??= new EditSession(Date.now())
    this.session.note(verdict.records.map((record) => record.id))
    this.session.note(verdict.removedKeys)
    // Only a shortcut for validation: forget it before records made and deleted again pile up in it.
    if (this.validated.size + verdict.records.length > this.guardLimits.maxRecords) this.validated.clear()
    for (const record of verdict.records) this.validated.set(record.id, record)
    if (this.anonymous) {
      this.applyAnonymously(update, peer, verdict.records)
      return
    }
    const applying = { peer, before: null as Map<number, number> | null }
    this.applying = applying
    try {
      Y.applyUpdate(this.doc, update, peer)
    } finally {
      this.applying = null
    }
    if (!this.hasPending()) {
      if (applying.before !== null) this.hooks.onUpdate(this, update, peer, false)
      return
    }
    // Drop the parts that do not fit first: Yjs would include them in any update encoded now.
    let refused: unknown = null
    try {
      this.refusePending()
    } catch (error) {
      refused = error
    }
    // Whatever did integrate is stored and relayed, so memory and disk never disagree.
    if (applying.before !== null) this.hooks.onUpdate(this, changesSince(this.doc, applying.before), peer, false)
    throw refused
  }

  /** The id of a locked record that `put` changes or `removed` deletes, if any. */
  private lockedRecordTouched(put: readonly StoredRecord[], removed: readonly string[]): string | null {
    if (this.locked.size === 0) return null
    const written = new Map(put.map((record) => [record.id, record]))
    for (const id of [...removed, ...written.keys()]) {
      const current = this.locked.get(id)
      // Writing a locked record back unchanged (a client re-sending what it has) is no change.
      if (current !== undefined && !deepEqual(current, this.asStored(written.get(id)))) return id
    }
    return null
  }

  /** Follows a client update's effect on the locked records: deletions first, then what it writes. */
  private trackLocked(put: readonly StoredRecord[], removed: readonly string[]): void {
    for (const id of removed) this.locked.delete(id)
    for (const record of put) {
      if (record.isLocked === true) this.locked.set(record.id, this.asStored(record)!)
      else this.locked.delete(record.id)
    }
  }

  /** A record as the room keeps it: on an anonymous board without its author fields. */
  private asStored(record: StoredRecord | undefined): StoredRecord | undefined {
    if (record === undefined || !this.anonymous) return record
    return withoutAuthor(record) ?? undefined
  }

  private indexLocked(): void {
    this.locked = new Map(readRecords(this.doc).filter((record) => record.isLocked === true).map((record) => [record.id, record]))
  }

  private hasPending(): boolean {
    return this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null
  }

  /**
   * A well-behaved client never sends changes that depend on ones the server lacks. Yjs would
   * keep such content aside and hand it to every new client, so drop it and the sender.
   */
  private refusePending(): void {
    if (!this.hasPending()) return
    this.doc.store.pendingStructs = null
    this.doc.store.pendingDs = null
    throw new ProtocolError('update depends on unknown changes')
  }

  /**
   * On an anonymous board an update is applied with its author fields, those are removed at once,
   * and only the difference to the state before is stored and relayed. Yjs garbage-collects the
   * removed entries, so no author ever reaches the log, a snapshot or another client.
   */
  private applyAnonymously(update: Uint8Array, peer: Peer, records: StoredRecord[]): void {
    const before = Y.encodeStateVector(this.doc)
    this.holdUpdates = true
    let refused: unknown = null
    try {
      Y.applyUpdate(this.doc, update, peer)
      this.refusePending() // pending content could integrate later, unseen by the scrubbing below
    } catch (error) {
      refused = error
    } finally {
      // Whatever did integrate is scrubbed and stored, so memory and disk never disagree.
      this.removeAuthors(records.filter(carriesAuthor).map((record) => record.id))
      this.holdUpdates = false
    }
    const diff = Y.encodeStateAsUpdate(this.doc, before)
    if (hasChanges(diff)) this.hooks.onUpdate(this, diff, peer, true)
    if (refused) throw refused
  }

  /**
   * Removes author fields from the given records (default: all) in one server transaction; the
   * change is stored and relayed like any edit. A no-op when nothing carries an author.
   */
  removeAuthors(ids?: readonly string[]): void {
    const wanted = ids ? new Set(ids) : null
    if (wanted?.size === 0) return
    const put: StoredRecord[] = []
    const remove: string[] = []
    for (const record of readRecords(this.doc)) {
      if (wanted && !wanted.has(record.id)) continue
      const clean = withoutAuthor(record)
      if (clean === null) remove.push(record.id)
      else if (clean !== record) put.push(clean)
    }
    writeRecords(this.doc, { put, remove })
  }

  /**
   * Every awareness state, again only when something changed since this peer last asked: a
   * one-byte query would otherwise encode and queue all states (up to 16 KiB each) every time.
   * Unchanged, the answer is an empty update, so the asker still knows its query was handled.
   */
  private answerAwarenessQuery(peer: Peer): void {
    const state = this.peers.get(peer)
    if (!state) return
    if (state.awarenessAnsweredVersion === this.awarenessVersion) {
      peer.send(EMPTY_AWARENESS_MESSAGE)
      return
    }
    state.awarenessAnsweredVersion = this.awarenessVersion
    peer.send(awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]))
  }

  /** Sends what was made from the document now once all of it is stored; a peer that fails to take it goes. */
  private sendWhenStored(peer: Peer, messages: readonly Uint8Array[]): void {
    this.hooks.whenStored(() => {
      if (!this.peers.has(peer)) return
      try {
        for (const message of messages) peer.send(message)
      } catch {
        this.removePeer(peer)
        peer.close(1011, 'could not send, reconnect') // 1011: internal error; clients retry
      }
    })
  }

  /**
   * Sync step 2 for a peer's state vector. Newcomers without an offline copy all ask for the
   * whole board: encode that once per version, not once per newcomer.
   */
  private syncAnswer(stateVector: Uint8Array): Uint8Array {
    const everything = stateVector.length === 1 && stateVector[0] === 0 // a state vector of no clients
    if (!everything) return syncStep2Message(this.doc, stateVector)
    // fullState: the bytes snapshots and compaction of this version share (or the loaded state row).
    this.fullCopy ??= syncStep2MessageOf(fullState(this.doc))
    return this.fullCopy
  }

  /**
   * Applies the entries of a peer's awareness update that pass the guard: sane size and depth,
   * only client ids it introduced (a few per connection), and on anonymous boards only the
   * whitelisted fields under a pseudonym.
   */
  private receiveAwareness(peer: Peer, update: Uint8Array): void {
    const state = this.peers.get(peer)
    if (!state) return
    const accepted = filterAwarenessUpdate(update, {
      limits: this.awarenessLimits,
      mayWrite: (clientId, value) => this.mayWriteAwareness(peer, state, clientId, value),
      rewrite: (clientId, value) => this.acceptedAwareness(clientId, value, peer.role),
    })
    if (accepted) awarenessProtocol.applyAwarenessUpdate(this.awareness, accepted, peer)
  }

  /**
   * A state as it is kept and relayed: on anonymous boards under a pseudonym with only the
   * whitelisted fields; always with checked session fields and the connection's `role`.
   */
  private acceptedAwareness(clientId: number, sent: unknown, role: Role): unknown {
    const base = this.anonymous ? anonymizeState(sent, this.pseudonymFor(clientId)) : sent
    return withSessionFields(base, sent, role)
  }

  private mayWriteAwareness(peer: Peer, state: PeerState, clientId: number, value: unknown): boolean {
    if (clientId === this.awareness.clientID) return false // the server's own entry
    const owner = this.awarenessOwners.get(clientId)
    if (owner !== undefined) return owner === peer
    // A new id: a removal needs no claim, and a peer speaks for only a few.
    if (value === null || state.clients.size >= this.awarenessLimits.maxClientsPerConnection) return false
    state.clients.add(clientId)
    this.awarenessOwners.set(clientId, peer)
    return true
  }

  /**
   * The lowest number free on this board, on every process: a leaver's number goes to the next
   * newcomer, whoever stays keeps theirs.
   */
  private pseudonymFor(clientId: number): number {
    const known = this.pseudonyms.get(clientId)
    if (known !== undefined) return known
    const taken = new Set([...this.pseudonyms.values(), ...this.pseudonymsElsewhere.values()])
    let n = 1
    while (taken.has(n)) n++
    this.pseudonyms.set(clientId, n)
    return n
  }

  /**
   * Two processes that gave a newcomer the same number at the same moment learn it from each
   * other's states: the client with the higher id takes the next free number, on its own process.
   */
  private settlePseudonymClash(elsewhereId: number, n: number): void {
    for (const [clientId, local] of this.pseudonyms) {
      if (local !== n || clientId < elsewhereId) continue
      this.pseudonyms.delete(clientId)
      const state = this.awareness.getStates().get(clientId)
      const clock = this.awareness.meta.get(clientId)?.clock
      if (state === undefined || clock === undefined) continue
      // As if the client sent its state again, one tick later, under its new number.
      // Its role was stamped here when it was accepted: renumbering keeps it and the session fields.
      const role = readRole((state as { role?: unknown }).role) ?? 'viewer'
      awarenessProtocol.applyAwarenessUpdate(this.awareness, awarenessEntry(clientId, clock + 1, this.acceptedAwareness(clientId, state, role)), null)
    }
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    this.awarenessVersion++
    // A removed entry (the client left, or timed out) frees its pseudonym.
    for (const id of removed) {
      this.pseudonyms.delete(id)
      if (this.awarenessOwners.get(id) === FROM_ELSEWHERE) this.awarenessOwners.delete(id)
    }
    for (const id of removed) this.pseudonymsElsewhere.delete(id)
    if (origin === FROM_ELSEWHERE) {
      // Another process's clients speak for themselves there; nobody here may write their entries.
      for (const id of added) this.awarenessOwners.set(id, FROM_ELSEWHERE)
      if (this.anonymous) {
        for (const id of [...added, ...updated]) {
          const n = pseudonymNumberOf(this.awareness.getStates().get(id))
          // Cursor moves repeat the number: only a new one can clash.
          if (n === null || this.pseudonymsElsewhere.get(id) === n) continue
          this.pseudonymsElsewhere.set(id, n)
          this.settlePseudonymClash(id, n)
        }
      }
    }
    const changed = [...added, ...updated, ...removed]
    if (changed.length === 0) return
    // Every process times out stale entries itself: only changes made here are passed on.
    if (origin !== FROM_ELSEWHERE && origin !== 'timeout' && this.hooks.onAwareness) {
      this.hooks.onAwareness(this, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed))
    }
    if (this.peers.size === 0) return
    const message = awarenessMessage(this.awareness, changed)
    for (const peer of this.peers.keys()) peer.send(message)
  }
}

/** Why a draft may not hold one of these records (null: all are unlocked cards). */
function notADraftCard(records: readonly StoredRecord[]): string | null {
  for (const record of records) {
    if (record.typeName !== 'shape' || !DRAFT_SHAPE_TYPES.has(String(record.type))) return `a draft holds cards only, not ${String(record.typeName).slice(0, 20)} ${String(record.type ?? '').slice(0, 20)}`
    if (record.isLocked === true) return 'a draft card cannot be locked'
  }
  return null
}
