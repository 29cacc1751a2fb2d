/**
 * What it costs a benchmark client to receive one relayed move, three ways:
 *
 *   scan    Buffer.indexOf for the stamp string in the raw message, digits parsed in place
 *           (what light clients do)
 *   decode  lib0-decode the message, Y.decodeUpdate the payload, read meta.bench from the
 *           ContentAny {key, val} entries
 *   apply   Y.applyUpdate into a doc holding the board with y-utility's YKeyValue observing it
 *           (what a full client, and the app, does; the provider's re-encoding not included)
 *
 * The messages are real: 20 clients each move their own note (the benchmark's tldraw note) in
 * their own doc, and every update is framed as the servers relay it (sync / update).
 *
 *   node --import tsx bench/stamp-cost.ts [moves per client, default 250]
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { recordsKeyValue, writeRecords, type RecordEntry } from '../shared/doc-layout.ts'
import { MessageType } from '../shared/protocol.ts'
import { asStored, noteRecord } from './lib/note.ts'
import { parseStamp, scanStamps, type MoveStamp } from './lib/stamp.ts'

const CLIENTS = 20
const MOVES = Number(process.argv[2] ?? 250)

/** Every client's moves, interleaved round-robin, each as the message a server relays. */
function relayedMessages(): Buffer[] {
  const docs = Array.from({ length: CLIENTS }, () => new Y.Doc())
  const messages: Buffer[] = []
  docs.forEach((doc) =>
    doc.on('update', (update: Uint8Array) => {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MessageType.sync)
      syncProtocol.writeUpdate(encoder, update)
      messages.push(Buffer.from(encoding.toUint8Array(encoder)))
    }),
  )
  for (let seq = 0; seq <= MOVES; seq++) {
    docs.forEach((doc, client) => writeRecords(doc, { put: [asStored(noteRecord(0, client * 120, seq % 100, { client, seq, t: performance.now() }))] }))
  }
  return messages
}

function scan(message: Buffer, found: (stamp: MoveStamp) => void): void {
  scanStamps(message, found)
}

function decode(message: Buffer, found: (stamp: MoveStamp) => void): void {
  const decoder = decoding.createDecoder(message)
  decoding.readVarUint(decoder) // sync
  decoding.readVarUint(decoder) // update
  for (const struct of Y.decodeUpdate(decoding.readVarUint8Array(decoder)).structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentAny)) continue
    for (const entry of struct.content.arr as RecordEntry[]) {
      const stamp = parseStamp((entry.val.meta as { bench?: unknown } | undefined)?.bench)
      if (stamp !== null) found(stamp)
    }
  }
}

function applier(): (message: Buffer, found: (stamp: MoveStamp) => void) => void {
  const doc = new Y.Doc()
  const kv = recordsKeyValue(doc)
  let report: (stamp: MoveStamp) => void = () => undefined
  kv.on('change', (changes: Map<string, { newValue?: RecordEntry['val'] }>) => {
    for (const change of changes.values()) {
      const stamp = parseStamp((change.newValue?.meta as { bench?: unknown } | undefined)?.bench)
      if (stamp !== null) report(stamp)
    }
  })
  return (message, found) => {
    report = found
    const decoder = decoding.createDecoder(message)
    decoding.readVarUint(decoder)
    decoding.readVarUint(decoder)
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder))
  }
}

/** µs per message over all messages; checks that every move was found exactly once. */
function measure(name: string, messages: Buffer[], receive: (message: Buffer, found: (stamp: MoveStamp) => void) => void): void {
  let found = 0
  const count = () => found++
  const start = performance.now()
  for (const message of messages) receive(message, count)
  const us = ((performance.now() - start) * 1000) / messages.length
  if (found !== messages.length) throw new Error(`${name}: found ${found} stamps in ${messages.length} messages`)
  console.log(`${name.padEnd(7)} ${us.toFixed(2).padStart(8)} µs per message`)
}

const messages = relayedMessages()
const bytes = messages.reduce((sum, m) => sum + m.length, 0) / messages.length
console.log(`${messages.length} relayed moves of ${CLIENTS} clients, ${bytes.toFixed(0)} bytes each on average`)
for (let round = 0; round < 5; round++) {
  console.log(`round ${round + 1}`)
  measure('scan', messages, scan)
  measure('decode', messages, decode)
  measure('apply', messages, applier()) // a fresh board each round
}
