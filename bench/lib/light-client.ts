/**
 * A light client (the default): a raw `ws` socket speaking the y-websocket protocol, with a small
 * Y.Doc that holds only its own note. What it sends is exactly what a real client sends for a
 * move (a Yjs update deleting the old `{key, val}` entry of `tl_records` and appending the new
 * one), so the servers integrate, validate, store and relay real updates. What it receives it
 * does not apply: it only looks for move stamps in the raw bytes (see stamp.ts). Its own updates
 * depend only on its own items, so it never needs the rest of the board.
 *
 * Protocol: on open it sends sync step 1 and counts as synced once the server's step 2 arrived
 * (not applied); it answers the server's step 1 with a step 2 from its own doc, like
 * y-websocket's provider; awareness and other messages are ignored.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { writeRecords, type StoredRecord } from '../../shared/doc-layout.ts'
import { MessageType, SyncStep } from '../../shared/protocol.ts'
import { BenchClient } from './bench-client.ts'
import type { BoardAssignment } from './driver-protocol.ts'
import type { Recorder } from './recorder.ts'
import { scanStamps, type MoveStamp } from './stamp.ts'

/** The URL y-websocket's WebsocketProvider would open for this room. */
export function roomUrl(syncUrl: string, ticket: BoardAssignment): string {
  const query = new URLSearchParams(ticket.params).toString()
  return `${syncUrl}/${ticket.room}${query === '' ? '' : `?${query}`}`
}

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/**
 * Client frames must be masked, with any mask; an all-zero one lets ws skip the XOR and a random
 * source on our side. The servers unmask every frame the same way whatever the mask is.
 */
function zeroMask(mask: Buffer): void {
  mask.fill(0)
}

function asBuffer(data: WebSocket.RawData): Buffer {
  if (Buffer.isBuffer(data)) return data
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)
}

export class LightClient extends BenchClient {
  private readonly doc = new Y.Doc()
  private readonly socket: WebSocket
  private hasSynced = false
  private readonly syncWaiters: (() => void)[] = []
  /** Bound once: called for every stamp found in a relayed update. */
  private readonly onStamp = (stamp: MoveStamp) => this.observed(stamp, this.receivedAt)
  private receivedAt = 0

  constructor(syncUrl: string, ticket: BoardAssignment, client: number, clientsPerBoard: number, recorder: Recorder) {
    super(ticket, client, clientsPerBoard, recorder)
    this.doc.on('update', (update: Uint8Array) => this.send(syncMessage((e) => syncProtocol.writeUpdate(e, update))))
    this.socket = new WebSocket(roomUrl(syncUrl, ticket), { perMessageDeflate: false, generateMask: zeroMask })
    this.socket.binaryType = 'nodebuffer'
    this.socket.on('open', () => this.send(syncMessage((e) => syncProtocol.writeSyncStep1(e, this.doc))))
    this.socket.on('message', (data) => this.receive(asBuffer(data)))
    this.socket.on('close', (code, reason) => this.connectionEvent(`connection closed (${code}${reason.length > 0 ? ` ${reason.toString()}` : ''})`))
    this.socket.on('error', (error) => this.connectionEvent(`connection error (${error.message})`))
  }

  isSynced(): boolean {
    return this.hasSynced
  }

  synced(): Promise<void> {
    return this.hasSynced ? Promise.resolve() : new Promise((resolve) => this.syncWaiters.push(resolve))
  }

  /** The doc holds only this note, so "replace the entry" is YKeyValue.set's transaction. */
  protected put(record: StoredRecord): void {
    writeRecords(this.doc, { put: [record] })
  }

  destroy(): void {
    this.stopMoving()
    this.socket.terminate()
    this.doc.destroy()
  }

  private send(message: Uint8Array): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(message)
  }

  private receive(message: Buffer): void {
    // Both tags are single-byte varuints: no decoder needed for the common case, an update.
    if (message[0] !== MessageType.sync) return
    switch (message[1]) {
      case SyncStep.update:
        this.receivedAt = performance.now()
        scanStamps(message, this.onStamp)
        break
      case SyncStep.step1:
        this.answerStep1(message)
        break
      case SyncStep.step2:
        this.markSynced()
        break
    }
  }

  private answerStep1(message: Buffer): void {
    const decoder = decoding.createDecoder(message)
    decoding.readVarUint(decoder) // message type
    decoding.readVarUint(decoder) // sync step
    const stateVector = decoding.readVarUint8Array(decoder)
    this.send(syncMessage((e) => syncProtocol.writeSyncStep2(e, this.doc, stateVector)))
  }

  private markSynced(): void {
    if (this.hasSynced) return
    this.hasSynced = true
    for (const resolve of this.syncWaiters.splice(0)) resolve()
  }
}
