import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { readRecords, writeRecords } from '../../shared/doc-layout.ts'
import { CloseCode, MessageType, SyncStep } from '../../shared/protocol.ts'
import type { Role } from '../../shared/roles.ts'
import type { Db } from '../db/database.ts'
import { createLogger } from '../log.ts'
import { testRecord } from '../testing/sync-client.ts'
import { emptyBoard, tempDatabases, testRoomManager } from '../testing/temp-database.ts'
import { awarenessMessage, syncStep1Message, updateMessage } from './messages.ts'
import type { Peer } from './room.ts'
import { RoomManager } from './room-manager.ts'
import { UpdateLog } from './update-log.ts'

/** A peer that keeps a doc of its own, fed by what the room sends it. */
class FakePeer implements Peer {
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

const openDb = tempDatabases('rooms')

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))
const ids = (doc: Y.Doc) => readRecords(doc).map((record) => record.id).sort()

describe('RoomManager write path', () => {
  let db: Db
  let boardId: string

  beforeEach(() => {
    db = openDb()
    boardId = emptyBoard(db)
  })

  const manager = () => testRoomManager(db)
  const storedUpdates = () => (db.prepare('SELECT count(*) AS n FROM updates WHERE board_id = ?').get(boardId) as { n: number }).n
  const join = (rooms: RoomManager, peer: FakePeer) => {
    const room = rooms.connect(boardId, peer)
    room.receive(peer, syncStep1Message(peer.doc))
    return room
  }

  it('stores updates of one turn as one row and relays them merged, and every peer converges', async () => {
    const rooms = manager()
    const [a, b, c] = [new FakePeer(), new FakePeer(), new FakePeer()]
    const room = join(rooms, a)
    join(rooms, b)
    join(rooms, c)
    const fromA = a.edit((doc) => writeRecords(doc, { put: [testRecord('a')] }))
    const fromB = b.edit((doc) => writeRecords(doc, { put: [testRecord('b')] }))
    const before = storedUpdates()

    // A frozen clock: on a loaded machine validating the first update can take longer than the
    // queue's longest wait, which would flush it early (tested below).
    const clock = vi.spyOn(performance, 'now').mockReturnValue(1_000)
    try {
      room.receive(a, updateMessage(fromA))
      room.receive(b, updateMessage(fromB))
      // Written before relayed: nothing went out yet, and nothing is stored until the turn ends.
      expect(c.received).toHaveLength(0)
    } finally {
      clock.mockRestore()
    }
    await nextTurn()

    expect(storedUpdates() - before).toBe(1)
    for (const peer of [a, b, c]) {
      expect(peer.received).toHaveLength(1)
      expect(ids(peer.doc)).toEqual(expect.arrayContaining(['shape:a', 'shape:b']))
    }
    expect(ids(room.doc)).toEqual(ids(c.doc))
  })

  it('relays a lone update to everyone but its author', async () => {
    const rooms = manager()
    const [a, b] = [new FakePeer(), new FakePeer()]
    const room = join(rooms, a)
    join(rooms, b)
    room.receive(a, updateMessage(a.edit((doc) => writeRecords(doc, { put: [testRecord('a')] }))))
    await nextTurn()
    expect(a.received).toHaveLength(0)
    expect(b.received).toHaveLength(1)
    expect(ids(b.doc)).toContain('shape:a')
  })

  it('reloads the merged rows from disk after the room is gone', async () => {
    const rooms = manager()
    const [a, b] = [new FakePeer(), new FakePeer()]
    const room = join(rooms, a)
    join(rooms, b)
    room.receive(a, updateMessage(a.edit((doc) => writeRecords(doc, { put: [testRecord('a')] }))))
    room.receive(b, updateMessage(b.edit((doc) => writeRecords(doc, { put: [testRecord('b')] }))))
    await nextTurn()
    const reloaded = new Y.Doc()
    new UpdateLog(db).loadInto(boardId, reloaded)
    expect(ids(reloaded)).toEqual(ids(room.doc))
    expect(ids(reloaded)).toEqual(expect.arrayContaining(['shape:a', 'shape:b']))
  })

  it('refuses an update that depends on unknown changes, and stores and relays only the part that fits', async () => {
    const rooms = manager()
    const [a, b, c] = [new FakePeer(), new FakePeer(), new FakePeer()]
    const room = join(rooms, a)
    join(rooms, b)
    join(rooms, c)
    a.edit((doc) => writeRecords(doc, { put: [testRecord('first')] })) // never sent
    const dependent = a.edit((doc) => writeRecords(doc, { put: [testRecord('second')] }))
    const before = storedUpdates()

    expect(() => room.receive(a, updateMessage(dependent))).toThrow(/unknown changes/)
    await nextTurn()
    expect(storedUpdates()).toBe(before)
    expect(c.received).toHaveLength(0)

    const own = b.edit((doc) => writeRecords(doc, { put: [testRecord('b')] }))
    expect(() => room.receive(b, updateMessage(Y.mergeUpdates([own, dependent])))).toThrow(/unknown changes/)
    await nextTurn()
    expect(storedUpdates() - before).toBe(1)
    expect(ids(c.doc)).toContain('shape:b')
    expect(ids(c.doc)).not.toContain('shape:second')
    expect(room.doc.store.pendingStructs).toBeNull()
    const reloaded = new Y.Doc()
    new UpdateLog(db).loadInto(boardId, reloaded)
    expect(ids(reloaded)).toEqual(ids(room.doc))
    expect(reloaded.store.pendingStructs).toBeNull()
  })

  it('writes and relays at once when the oldest queued update has waited too long', async () => {
    const rooms = manager()
    const [a, b, c] = [new FakePeer(), new FakePeer(), new FakePeer()]
    const room = join(rooms, a)
    join(rooms, b)
    join(rooms, c)
    let now = 1_000
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now)
    try {
      room.receive(a, updateMessage(a.edit((doc) => writeRecords(doc, { put: [testRecord('a')] }))))
      expect(c.received).toHaveLength(0)
      now += 5 // a long, busy turn
      room.receive(b, updateMessage(b.edit((doc) => writeRecords(doc, { put: [testRecord('b')] }))))
      expect(c.received).toHaveLength(1)
      expect(ids(c.doc)).toEqual(expect.arrayContaining(['shape:a', 'shape:b']))
    } finally {
      clock.mockRestore()
    }
    await nextTurn()
    expect(c.received).toHaveLength(1)
  })

  it('compacts at most one board per turn, so boards at the same pace do not all stall one turn', async () => {
    const otherId = emptyBoard(db)
    const rooms = new RoomManager(new UpdateLog(db), { roomIdleMs: 60_000, compactAfterUpdates: 2, autoSnapshotEveryMs: 600_000 }, createLogger(() => {}), () => false)
    const rowsOf = (id: string) => (db.prepare('SELECT count(*) AS n FROM updates WHERE board_id = ?').get(id) as { n: number }).n
    const [a, b] = [new FakePeer(), new FakePeer()]
    const roomA = rooms.connect(boardId, a)
    roomA.receive(a, syncStep1Message(a.doc))
    const roomB = rooms.connect(otherId, b)
    roomB.receive(b, syncStep1Message(b.doc))
    for (let i = 0; i < 2; i++) {
      roomA.receive(a, updateMessage(a.edit((doc) => writeRecords(doc, { put: [testRecord(`a${i}`)] }))))
      roomB.receive(b, updateMessage(b.edit((doc) => writeRecords(doc, { put: [testRecord(`b${i}`)] }))))
      await nextTurn()
    }
    // Both reached the threshold in the same turn: one was compacted then, the other waits.
    expect([rowsOf(boardId), rowsOf(otherId)].sort()).toEqual([0, 2])
    roomA.receive(a, updateMessage(a.edit((doc) => writeRecords(doc, { put: [testRecord('a2')] }))))
    await nextTurn()
    expect(rowsOf(boardId) + rowsOf(otherId)).toBeLessThanOrEqual(1)
    for (const [id, room] of [[boardId, roomA], [otherId, roomB]] as const) {
      const reloaded = new Y.Doc()
      new UpdateLog(db).loadInto(id, reloaded)
      expect(ids(reloaded)).toEqual(ids(room.doc))
    }
  })
})

describe('RoomManager connections', () => {
  let db: Db
  let boardId: string

  beforeEach(() => {
    db = openDb()
    boardId = emptyBoard(db)
  })

  const manager = () => testRoomManager(db)
  /** An awareness message from `from` for its own client id. */
  const presence = (from: Y.Doc, state: Record<string, unknown>) => {
    const awareness = new awarenessProtocol.Awareness(from)
    awareness.setLocalState(state)
    const message = awarenessMessage(awareness, [from.clientID])
    awareness.destroy()
    return message
  }

  it('leaves no peer behind when greeting a newcomer fails', () => {
    const rooms = manager()
    const failing = new FakePeer('viewer')
    failing.send = () => {
      throw new RangeError('Maximum call stack size exceeded')
    }
    expect(() => rooms.connect(boardId, failing)).toThrow(RangeError)
    expect(rooms.connectionCount(boardId)).toBe(0)
    const fine = new FakePeer('viewer')
    rooms.connect(boardId, fine)
    expect(rooms.connectionCount(boardId)).toBe(1)
    expect(rooms.connectionCount(boardId, 'viewer')).toBe(1)
    expect(rooms.connectionCount(boardId, 'editor')).toBe(0)
  })

  it('answers "send me everything" once per document version', () => {
    const rooms = manager()
    const [viewer, editor] = [new FakePeer('viewer'), new FakePeer('editor')]
    const room = rooms.connect(boardId, viewer)
    rooms.connect(boardId, editor)
    for (let i = 0; i < 5; i++) room.receive(viewer, syncStep1Message(new Y.Doc()))
    expect(viewer.step2s).toBe(1)
    room.receive(editor, updateMessage(editor.edit((doc) => writeRecords(doc, { put: [testRecord('a')] }))))
    room.receive(viewer, syncStep1Message(new Y.Doc()))
    room.receive(viewer, syncStep1Message(new Y.Doc()))
    expect(viewer.step2s).toBe(2)
    expect(ids(viewer.doc)).toContain('shape:a')
  })

  it('encodes the whole board once per version for every newcomer that asks for all of it', () => {
    const rooms = manager()
    const newcomers = [new FakePeer('viewer'), new FakePeer('viewer'), new FakePeer('editor')]
    const room = rooms.connect(boardId, newcomers[0]!)
    for (const peer of newcomers) {
      if (peer !== newcomers[0]) rooms.connect(boardId, peer)
      room.receive(peer, syncStep1Message(peer.doc))
    }
    // One encoded copy, sent to all three.
    const [first] = newcomers[0]!.answers
    for (const peer of newcomers) expect(peer.answers).toEqual([first])
    for (const peer of newcomers) expect(peer.answers[0]).toBe(first)

    room.receive(newcomers[2]!, updateMessage(newcomers[2]!.edit((doc) => writeRecords(doc, { put: [testRecord('b')] }))))
    const late = new FakePeer('viewer')
    rooms.connect(boardId, late)
    room.receive(late, syncStep1Message(late.doc))
    expect(late.answers[0]).not.toBe(first)
    expect(ids(late.doc)).toContain('shape:b')
  })

  it('answers a repeated query for every awareness state with an empty update until something changed', () => {
    const rooms = manager()
    const [a, b] = [new FakePeer(), new FakePeer()]
    const room = rooms.connect(boardId, a)
    rooms.connect(boardId, b)
    const own = new awarenessProtocol.Awareness(a.doc)
    own.setLocalState({ user: { name: 'A', color: '#000000' }, blob: 'x'.repeat(10_000) })
    room.receive(a, awarenessMessage(own, [a.doc.clientID]))
    const query = Uint8Array.of(MessageType.queryAwareness)
    const sizes = () => b.awarenessUpdates.map((update) => update.length)
    b.awarenessUpdates.length = 0
    for (let i = 0; i < 5; i++) room.receive(b, query)
    expect(sizes()[0]).toBeGreaterThan(10_000)
    expect(sizes().slice(1)).toEqual([1, 1, 1, 1]) // count 0
    own.setLocalState({ user: { name: 'A', color: '#ffffff' } })
    room.receive(a, awarenessMessage(own, [a.doc.clientID]))
    own.destroy()
    b.awarenessUpdates.length = 0
    room.receive(b, query)
    expect(sizes()[0]).toBeGreaterThan(1)
  })

  it('lets a peer write only the awareness entries it introduced, and frees them when it leaves', () => {
    const rooms = manager()
    const [a, b] = [new FakePeer(), new FakePeer()]
    const room = rooms.connect(boardId, a)
    rooms.connect(boardId, b)
    room.receive(a, presence(a.doc, { user: { name: 'A', color: '#000000' } }))
    // b speaks for a's client id with a newer clock: refused.
    const forged = new Y.Doc({ gc: true })
    forged.clientID = a.doc.clientID
    const forgedAwareness = new awarenessProtocol.Awareness(forged)
    for (let i = 0; i < 5; i++) forgedAwareness.setLocalState({ user: { name: 'B', color: '#ffffff' } })
    room.receive(b, awarenessMessage(forgedAwareness, [forged.clientID]))
    forgedAwareness.destroy()
    expect(room.awareness.getStates().get(a.doc.clientID)).toEqual({ user: { name: 'A', color: '#000000' } })

    rooms.disconnect(room, a)
    expect(room.awareness.getStates().has(a.doc.clientID)).toBe(false)
    expect(room.awareness.meta.has(a.doc.clientID)).toBe(false)
  })

  it('closes a connection when its link expires, re-armed by setLinkExpiry', async () => {
    vi.useFakeTimers()
    try {
      const rooms = manager()
      const viewer = new FakePeer('viewer')
      const editor = new FakePeer('editor')
      rooms.connect(boardId, viewer, new Date(Date.now() + 3_600_000).toISOString())
      rooms.connect(boardId, editor)
      rooms.setLinkExpiry(boardId, 'viewer', new Date(Date.now() + 1_000).toISOString())
      vi.advanceTimersByTime(999)
      expect(viewer.closes).toEqual([])
      vi.advanceTimersByTime(1)
      expect(viewer.closes).toEqual([CloseCode.revoked])
      expect(editor.closes).toEqual([])

      const again = new FakePeer('viewer')
      rooms.connect(boardId, again, new Date(Date.now() + 1_000).toISOString())
      rooms.setLinkExpiry(boardId, 'viewer', null)
      vi.advanceTimersByTime(10_000)
      expect(again.closes).toEqual([])
    } finally {
      vi.useRealTimers()
    }
  })
})
