/**
 * What checking updates costs on the server's write path, measured in one process.
 *
 * Feeds the same realistic note-move updates through the real pipeline (Room → guard → apply →
 * SQLite append → relay to 20 peers) and, separately, through the guard alone, in alternating
 * rounds. Prints µs per update for each and the guard's share of the pipeline.
 *
 *   npm run bench:validation -- [--updates N] [--rounds N]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { recordsKeyValue, type StoredRecord } from '../shared/doc-layout.ts'
import { MessageType } from '../shared/protocol.ts'
import { TEMPLATES } from '../templates/index.ts'
import { createInitialDocument } from '../server/initial-document.ts'
import { createLogger } from '../server/log.ts'
import { DEFAULT_RETENTION } from '../server/snapshots/retention.ts'
import { SqliteStorage } from '../server/storage/sqlite/storage.ts'
import type { Peer } from '../server/sync/room.ts'
import { RoomManager } from '../server/sync/room-manager.ts'
import { DEFAULT_GUARD_LIMITS, inspectUpdate } from '../server/sync/update-guard.ts'
import { testRecord } from '../server/testing/sync-client.ts'
import { median } from './lib/stats.ts'

const { values } = parseArgs({ options: { updates: { type: 'string', default: '5000' }, rounds: { type: 'string', default: '5' } } })
const UPDATES = Number(values.updates)
const ROUNDS = Number(values.rounds)
const PEERS = 20

/** Updates a client makes while dragging 20 notes around, captured as sent. */
function makeUpdates(count: number): Uint8Array[] {
  const doc = new Y.Doc()
  const kv = recordsKeyValue(doc)
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (let i = 0; i < count; i++) kv.set(`shape:n${i % 20}`, testRecord(`n${i % 20}`, { x: i, y: i % 300, text: `Moment ${i % 20}` }))
  return updates
}

function message(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

async function pipelineRun(updates: Uint8Array[]): Promise<number> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dialoogbord-bench-'))
  const storage = SqliteStorage.open(dataDir, DEFAULT_RETENTION)
  const { board } = await storage.boards.create({ title: 'bench', template: 'leeg', anonymous: false, initialState: createInitialDocument(TEMPLATES[0]!) })
  const rooms = new RoomManager(
    storage.documents,
    { roomIdleMs: 60_000, compactAfterUpdates: 2000, autoSnapshotEveryMs: Number.MAX_SAFE_INTEGER },
    createLogger(() => undefined),
    () => false,
  )
  let delivered = 0
  const peer = (): Peer => ({ role: 'editor', send: () => void delivered++, close: () => undefined })
  const sender = peer()
  const room = await rooms.connect(board.id, sender)
  for (let i = 1; i < PEERS; i++) await rooms.connect(board.id, peer())
  const messages = updates.map(message)
  const started = performance.now()
  for (const m of messages) {
    room.receive(sender, m)
    await rooms.flush() // one transaction per update: the worst case for the write path
  }
  const elapsed = performance.now() - started
  await rooms.closeAll()
  await storage.close()
  rmSync(dataDir, { recursive: true, force: true })
  if (delivered < updates.length * (PEERS - 1)) throw new Error('not every update was relayed')
  return (elapsed * 1000) / updates.length
}

function guardRun(updates: Uint8Array[]): number {
  // As a room does: each accepted record becomes the known-good version for the next one.
  const knownGood = new Map<string, StoredRecord>()
  // The guard reads the room's document (where items land); it is kept up to date untimed.
  const doc = new Y.Doc()
  let elapsed = 0
  for (const update of updates) {
    const started = performance.now()
    const verdict = inspectUpdate(update, doc, DEFAULT_GUARD_LIMITS, knownGood)
    elapsed += performance.now() - started
    if (!verdict.ok || verdict.records.length === 0) throw new Error('a valid update was refused or not checked')
    for (const record of verdict.records) knownGood.set(record.id, record)
    Y.applyUpdate(doc, update)
  }
  return (elapsed * 1000) / updates.length
}

const updates = makeUpdates(UPDATES)
const pipeline: number[] = []
const guard: number[] = []
await pipelineRun(updates.slice(0, 500)) // warm-up
guardRun(updates.slice(0, 500))
for (let round = 0; round < ROUNDS; round++) {
  pipeline.push(await pipelineRun(updates))
  guard.push(guardRun(updates))
}
const p = median(pipeline)
const g = median(guard)
console.log(`node ${process.version}, ${UPDATES} note-move updates × ${ROUNDS} rounds, ${PEERS} peers per room`)
console.log(`pipeline (guard + apply + SQLite append + relay): median ${p.toFixed(1)} µs/update  [${pipeline.map((x) => x.toFixed(1)).join(', ')}]`)
console.log(`guard alone (decode + tldraw validation):        median ${g.toFixed(1)} µs/update  [${guard.map((x) => x.toFixed(1)).join(', ')}]`)
console.log(`guard share of the write path: ${((g / p) * 100).toFixed(1)} % (target: at most 20 %)`)
