/**
 * One open board: its in-memory Y.Doc, the awareness of its clients, and the connections.
 * The room decodes y-websocket messages and applies them; persistence and relaying of document
 * updates belong to the RoomManager, which writes before anyone sees an update.
 */
import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CloseCode, MessageType, SyncStep } from '../../shared/protocol.ts'
import { canWrite, type Role } from '../../shared/roles.ts'
import { awarenessMessage, syncStep1Message, syncStep2Message, updateMessage } from './messages.ts'

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
  /** Called before the room answers a sync request, so the answer only holds stored updates. */
  beforeRead(): void
  /** Called when the last peer left. */
  onEmpty(room: Room): void
}

export class Room {
  readonly doc: Y.Doc
  readonly awareness: awarenessProtocol.Awareness
  /** Each peer with the awareness client ids it speaks for (removed when it disconnects). */
  private readonly peers = new Map<Peer, Set<number>>()
  updatesSinceCompaction = 0
  /** Set by the manager when a client changed the document after the last snapshot. */
  editedSinceSnapshot = false
  lastSnapshotAt = Date.now()

  constructor(
    readonly boardId: string,
    doc: Y.Doc,
    private readonly hooks: RoomHooks,
  ) {
    this.doc = doc
    this.awareness = new awarenessProtocol.Awareness(doc)
    this.awareness.setLocalState(null) // the server itself is not a participant
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  get peerCount(): number {
    return this.peers.size
  }

  /** True for updates that came from a connected client (not from the server itself). */
  isPeer(origin: unknown): origin is Peer {
    return this.peers.has(origin as Peer)
  }

  addPeer(peer: Peer): void {
    this.peers.set(peer, new Set())
    this.hooks.beforeRead()
    peer.send(syncStep1Message(this.doc))
    const clients = [...this.awareness.getStates().keys()]
    if (clients.length > 0) peer.send(awarenessMessage(this.awareness, clients))
  }

  removePeer(peer: Peer): void {
    const controlled = this.peers.get(peer)
    if (!controlled) return
    this.peers.delete(peer)
    // Drop the leaver's cursor at once instead of waiting for the awareness timeout.
    if (controlled.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null)
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
          awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), peer)
          break
        case MessageType.queryAwareness:
          peer.send(awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]))
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

  /** Sends a document update to every peer except the one it came from. */
  relay(update: Uint8Array, origin: unknown): void {
    const message = updateMessage(update)
    for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message)
  }

  closeAll(code: number, reason: string): void {
    this.closeWhere(() => true, code, reason)
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
        this.hooks.beforeRead()
        peer.send(syncStep2Message(this.doc, stateVector))
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
    // Decode fully first: a truncated update must be refused before it touches the document.
    try {
      Y.decodeUpdate(update)
    } catch {
      throw new ProtocolError('undecodable update')
    }
    Y.applyUpdate(this.doc, update, peer)
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const controlled = this.peers.get(origin as Peer)
    if (controlled) {
      for (const id of added) controlled.add(id)
      for (const id of removed) controlled.delete(id)
    }
    const changed = [...added, ...updated, ...removed]
    if (changed.length === 0 || this.peers.size === 0) return
    const message = awarenessMessage(this.awareness, changed)
    for (const peer of this.peers.keys()) peer.send(message)
  }
}
