/**
 * Several processes serving one board: RoomManagers that share a PostgreSQL database (each with
 * its own pool) and talk over Redis, as two server processes do. Peers on different processes
 * co-edit; a lost bus message, an append numbered past unseen updates and a Redis restart are
 * caught up from the store; control messages and presence reach the other process.
 */
import * as awarenessProtocol from 'y-protocols/awareness'
import { randomUUID } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecords, writeRecords } from '../../shared/doc-layout.ts'
import { CloseCode } from '../../shared/protocol.ts'
import { RedisBus } from '../bus/redis-bus.ts'
import type { BusMessage, RoomBus } from '../bus/room-bus.ts'
import { createLogger } from '../log.ts'
import { openPostgres, type PgPool } from '../storage/postgres/database.ts'
import { PgDocumentStore } from '../storage/postgres/document-store.ts'
import { FakePeer } from '../testing/fake-peer.ts'
import { startPostgres, type PostgresCluster } from '../testing/postgres-cluster.ts'
import { startRedis, type RedisProcess } from '../testing/redis-process.ts'
import { testRecord } from '../testing/sync-client.ts'
import { awarenessMessage, syncStep1Message, updateMessage } from './messages.ts'
import { RoomManager } from './room-manager.ts'

let cluster: PostgresCluster
let redis: RedisProcess
let url: string
const cleanups: (() => Promise<unknown>)[] = []

beforeAll(async () => {
  ;[cluster, redis] = await Promise.all([startPostgres(), startRedis()])
  url = await cluster.createDatabase('cross_process')
}, 60_000)
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})
afterAll(async () => {
  await Promise.all([cluster?.stop(), redis?.stop()])
})

/** A bus that can be told to drop the next update it would publish (a message Redis lost). */
class LossyBus implements RoomBus {
  dropNextUpdate = false
  /** Publishes the next update only after the one following it (Redis delivering out of order). */
  swapNextUpdates = false
  private held: (() => void) | null = null
  constructor(private readonly inner: RedisBus) {}
  get multiProcess(): boolean {
    return this.inner.multiProcess
  }
  publish(boardId: string, message: BusMessage): void {
    if (message.kind === 'update' && this.dropNextUpdate) {
      this.dropNextUpdate = false
      return
    }
    if (message.kind === 'update' && this.swapNextUpdates) {
      this.swapNextUpdates = false
      this.held = () => this.inner.publish(boardId, message)
      return
    }
    this.inner.publish(boardId, message)
    const held = this.held
    this.held = null
    held?.()
  }
  subscribe(...args: Parameters<RoomBus['subscribe']>) {
    return this.inner.subscribe(...args)
  }
  onReconnect(handler: () => void) {
    return this.inner.onReconnect(handler)
  }
  close() {
    return this.inner.close()
  }
  ready() {
    return this.inner.ready()
  }
}

interface Process {
  rooms: RoomManager
  bus: LossyBus
  pool: PgPool
  store: CountingStore
}

/** A store that counts how often a room read what it missed. */
class CountingStore extends PgDocumentStore {
  catchUps = 0
  override updatesSince(boardId: string, seq: number) {
    this.catchUps++
    return super.updatesSince(boardId, seq)
  }
}

async function startProcess(): Promise<Process> {
  const pool = await openPostgres(url, { max: 4 })
  const store = new CountingStore(pool)
  const redisBus = new RedisBus(redis.url, createLogger(() => {}))
  await redisBus.ready()
  const bus = new LossyBus(redisBus)
  const rooms = new RoomManager(
    store,
    { roomIdleMs: 60_000, compactAfterUpdates: 10, autoSnapshotEveryMs: 600_000 },
    createLogger(() => {}),
    () => false,
    null,
    bus,
  )
  cleanups.push(async () => {
    await rooms.closeAll()
    await bus.close()
    await pool.end()
  })
  return { rooms, bus, pool, store }
}

async function newBoard(pool: PgPool): Promise<string> {
  const id = randomUUID()
  await pool.query(`INSERT INTO boards (id, title, template, created_at, updated_at) VALUES ($1, 't', 'leeg', now(), now())`, [id])
  return id
}

const ids = (doc: Y.Doc) => readRecords(doc).map((record) => record.id).sort()

/** Resolves once `check` holds for `doc`, tested after each update it receives. */
function until(doc: Y.Doc, check: (doc: Y.Doc) => boolean): Promise<void> {
  if (check(doc)) return Promise.resolve()
  return new Promise((resolve) => {
    const listener = () => {
      if (!check(doc)) return
      doc.off('update', listener)
      resolve()
    }
    doc.on('update', listener)
  })
}

const has = (...wanted: string[]) => (doc: Y.Doc) => wanted.every((id) => ids(doc).includes(`shape:${id}`))

async function join(process: Process, boardId: string, peer: FakePeer) {
  const room = await process.rooms.connect(boardId, peer)
  room.receive(peer, syncStep1Message(peer.doc))
  return room
}

function edit(room: Awaited<ReturnType<typeof join>>, peer: FakePeer, id: string): void {
  room.receive(peer, updateMessage(peer.edit((doc) => writeRecords(doc, { put: [testRecord(id)] }))))
}

describe('RoomManagers on one PostgreSQL and one Redis', () => {
  it('lets peers on different processes co-edit, and a third process loads what both stored', async () => {
    const [one, two] = [await startProcess(), await startProcess()]
    const boardId = await newBoard(one.pool)
    const [a, b] = [new FakePeer(), new FakePeer()]
    const [roomA, roomB] = [await join(one, boardId, a), await join(two, boardId, b)]

    // Bursts from both sides at once, past the compaction threshold.
    for (let i = 0; i < 15; i++) {
      edit(roomA, a, `a${i}`)
      edit(roomB, b, `b${i}`)
    }
    const all = [...Array.from({ length: 15 }, (_, i) => `a${i}`), ...Array.from({ length: 15 }, (_, i) => `b${i}`)]
    await Promise.all([until(a.doc, has(...all)), until(b.doc, has(...all))])
    await Promise.all([one.rooms.flush(), two.rooms.flush()])

    const three = await startProcess()
    const late = new FakePeer('viewer')
    await join(three, boardId, late)
    await until(late.doc, has(...all))
    expect(ids(late.doc)).toEqual(ids(a.doc))
  })

  it('catches up from the store when a bus message was lost', async () => {
    const [one, two] = [await startProcess(), await startProcess()]
    const boardId = await newBoard(one.pool)
    const [a, b] = [new FakePeer(), new FakePeer()]
    const [roomA] = [await join(one, boardId, a), await join(two, boardId, b)]

    one.bus.dropNextUpdate = true
    edit(roomA, a, 'lost')
    await one.rooms.flush()
    edit(roomA, a, 'next') // its sequence number shows the other process the gap
    await until(b.doc, has('lost', 'next'))
  })

  it('waits for an update that arrives out of order instead of reading the store', async () => {
    const [one, two] = [await startProcess(), await startProcess()]
    const boardId = await newBoard(one.pool)
    const [a, b] = [new FakePeer(), new FakePeer()]
    const [roomA] = [await join(one, boardId, a), await join(two, boardId, b)]

    one.bus.swapNextUpdates = true
    edit(roomA, a, 'eerst')
    await one.rooms.flush()
    edit(roomA, a, 'later')
    await until(b.doc, has('eerst', 'later'))
    expect(two.store.catchUps).toBe(0)
  })

  it('catches up after Redis restarted, and goes on relaying', async () => {
    const [one, two] = [await startProcess(), await startProcess()]
    const boardId = await newBoard(one.pool)
    const [a, b] = [new FakePeer(), new FakePeer()]
    const [roomA, roomB] = [await join(one, boardId, a), await join(two, boardId, b)]

    const twoReconnected = new Promise<void>((resolve) => two.bus.onReconnect(resolve))
    const restarting = redis.restart()
    edit(roomA, a, 'tijdens-storing') // stored; its publication is lost if Redis is already gone
    await one.rooms.flush()
    await restarting
    await twoReconnected
    await until(b.doc, has('tijdens-storing'))

    await Promise.all([one.bus.ready(), two.bus.ready()])
    edit(roomB, b, 'daarna')
    await until(a.doc, has('tijdens-storing', 'daarna'))
  })

  it('counts automatic snapshots from a snapshot any process took', async () => {
    const [one, two] = [await startProcess(), await startProcess()]
    const boardId = await newBoard(one.pool)
    const [a, b] = [new FakePeer(), new FakePeer()]
    const [roomOne, roomTwo] = [await join(one, boardId, a), await join(two, boardId, b)]
    edit(roomTwo, b, 'bewerkt')
    expect(roomTwo.session).not.toBeNull()
    const before = Date.now()

    one.rooms.markSnapshot(roomOne)
    edit(roomOne, a, 'daarna') // published after the snapshot's notice, on the same connection
    await until(b.doc, has('daarna'))
    expect(roomTwo.session).toBeNull()
    expect(roomTwo.lastSnapshotAt).toBeGreaterThanOrEqual(before)
  })

  it('closes a revoked link’s connections on every process, and relays presence', async () => {
    const [one, two] = [await startProcess(), await startProcess()]
    const boardId = await newBoard(one.pool)
    const [viewer, editor, watcher] = [new FakePeer('viewer'), new FakePeer('editor'), new FakePeer('viewer')]
    const roomTwo = await join(two, boardId, viewer)
    await join(two, boardId, editor)
    const roomOne = await join(one, boardId, watcher)

    // Presence of a peer on process two reaches a peer on process one, with the role process two stamped.
    const presence = new awarenessProtocol.Awareness(viewer.doc)
    presence.setLocalState({ user: { name: 'Kim', color: '#000000' }, role: 'facilitator', hand: { raisedAt: 5 } })
    const heard = new Promise<void>((resolve) => {
      const original = watcher.send.bind(watcher)
      watcher.send = (message) => {
        original(message)
        if (watcher.awarenessUpdates.length > 0) resolve()
      }
    })
    roomTwo.receive(viewer, awarenessMessage(presence, [viewer.doc.clientID]))
    presence.destroy()
    await heard
    expect(roomOne.awareness.getStates().get(viewer.doc.clientID)).toEqual({ user: { name: 'Kim', color: '#000000' }, hand: { raisedAt: 5 }, role: 'viewer' })

    const closed = new Promise<void>((resolve) => {
      viewer.close = (code: number) => {
        viewer.closes.push(code)
        resolve()
      }
    })
    one.rooms.closeConnections(boardId, ['viewer'], CloseCode.revoked, 'link revoked')
    await closed
    expect(viewer.closes).toEqual([CloseCode.revoked])
    expect(editor.closes).toEqual([])
    expect(watcher.closes).toEqual([CloseCode.revoked]) // the viewer on process one too
  })
})
