/** Tests: a room peer that keeps a doc of its own, fed by what the room sends it. */
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { MessageType, SyncStep } from '../../shared/protocol.ts'
import type { Role } from '../../shared/roles.ts'
import type { Peer } from '../sync/room.ts'

export class FakePeer implements Peer {
  readonly doc = new Y.Doc()
  readonly received: Uint8Array[] = []
  constructor(readonly role: Role = 'editor') {}
  send(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message)
    const type = decoding.readVarUint(decoder)
    if (type === MessageType.awareness) this.awarenessUpdates.push(decoding.readVarUint8Array(decoder))
    if (type !== MessageType.sync) return
    const step = decoding.readVarUint(decoder)
    if (step === SyncStep.step1) return
    const update = decoding.readVarUint8Array(decoder)
    if (step === SyncStep.step2) this.answers.push(message)
    if (step === SyncStep.update) this.received.push(update)
    Y.applyUpdate(this.doc, update)
  }
  /** The close codes the room (or the manager) closed it with. */
  readonly closes: number[] = []
  close(code: number): void {
    this.closes.push(code)
  }
  /** The awareness updates it got. */
  readonly awarenessUpdates: Uint8Array[] = []
  /** The sync step 2 messages (answers to its sync requests) it got. */
  readonly answers: Uint8Array[] = []
  get step2s(): number {
    return this.answers.length
  }
  /** Makes a change in its own doc and returns the update that describes it. */
  edit(change: (doc: Y.Doc) => void): Uint8Array {
    let update: Uint8Array | null = null
    const listen = (u: Uint8Array) => (update = u)
    this.doc.on('update', listen)
    change(this.doc)
    this.doc.off('update', listen)
    return update!
  }
}
