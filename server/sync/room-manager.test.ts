import * as awarenessProtocol from 'y-protocols/awareness'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { readRecords, writeRecords } from '../../shared/doc-layout.ts'
import { CloseCode, MessageType } from '../../shared/protocol.ts'
import { createLogger } from '../log.ts'
import { testRecord } from '../testing/sync-client.ts'
import type { SqliteStorage } from '../storage/sqlite/storage.ts'
import { emptyBoard, tempStorages, testRoomManager } from '../testing/temp-database.ts'
import type { AutoSnapshotMoment } from '../snapshots/auto-snapshot-policy.ts'
import type { AutoSnapshots } from '../snapshots/auto-snapshots.ts'
import { awarenessMessage, syncStep1Message, updateMessage } from './messages.ts'
import { RoomManager } from './room-manager.ts'
import type { BusHandler, RoomBus, Subscription } from '../bus/room-bus.ts'
import { FakePeer } from '../testing/fake-peer.ts'
import { DocumentRouter } from '../storage/document-router.ts'

const openStorage = tempStorages('rooms')

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))
const ids = (doc: Y.Doc) => readRecords(doc).map((record) => record.id).sort()

describe('RoomManager write path', () => {
  let storage: SqliteStorage
  let boardId: string

  beforeEach(async () => {
    storage = openStorage()
    boardId = await emptyBoard(storage)
  })

  const manager = () => testRoomManager(storage)
  const storedUpdates = () => storage.documents.read(boardId).updates.length
  const join = async (rooms: RoomManager, peer: FakePeer) => {
    const room = await rooms.connect(boardId, peer)
    room.receive(peer, syncStep1Message(peer.doc))
    return room
  }

  it('stores updates of one turn as one row and relays them merged, and every peer converges', async () => {
    const rooms = manager()
    const [a, b, c] = [new FakePeer(), new FakePeer(), new FakePeer()]
    const room = await join(rooms, a)
    await join(rooms, b)
    await join(rooms, c)
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
    const room = await join(rooms, a)
    await join(rooms, b)
    room.receive(a, updateMessage(a.edit((doc) => writeRecords(doc, { put: [testRecord('a')] }))))
    await nextTurn()
    expect(a.received).toHaveLength(0)
    expect(b.received).toHaveLength(1)
    expect(ids(b.doc)).toContain('shape:a')
  })

  it('reloads the merged rows from disk after the room is gone', async () => {
    const rooms = manager()
    const [a, b] = [new FakePeer(), new FakePeer()]
    const room = await join(rooms, a)
    await join(rooms, b)
    room.receive(a, updateMessage(a.edit((doc) => writeRecords(doc, { put: [testRecord('a')] }))))
    room.receive(b, updateMessage(b.edit((doc) => writeRecords(doc, { put: [testRecord('b')] }))))
    await nextTurn()
    const reloaded = new Y.Doc()
    storage.documents.loadInto(boardId, reloaded)
    expect(ids(reloaded)).toEqual(ids(room.doc))
    expect(ids(reloaded)).toEqual(expect.arrayContaining(['shape:a', 'shape:b']))
  })

  it('refuses an update that depends on unknown changes, and stores and relays only the part that fits', async () => {
    const rooms = manager()
    const [a, b, c] = [new FakePeer(), new FakePeer(), new FakePeer()]
    const room = await join(rooms, a)
    await join(rooms, b)
    await join(rooms, c)
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
    storage.documents.loadInto(boardId, reloaded)
    expect(ids(reloaded)).toEqual(ids(room.doc))
    expect(reloaded.store.pendingStructs).toBeNull()
  })

  it('writes and relays at once when the oldest queued update has waited too long', async () => {
    const rooms = manager()
    const [a, b, c] = [new FakePeer(), new FakePeer(), new FakePeer()]
    const room = await join(rooms, a)
    await join(rooms, b)
    await join(rooms, c)
    const before = storedUpdates()
    let now = 1_000
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now)
    try {
      room.receive(a, updateMessage(a.edit((doc) => writeRecords(doc, { put: [testRecord('a')] }))))
      expect(storedUpdates()).toBe(before)
      now += 5 // a long, busy turn
      room.receive(b, updateMessage(b.edit((doc) => writeRecords(doc, { put: [testRecord('b')] }))))
      // Stored within this turn, both in one row, and relayed as soon as that is done.
      expect(storedUpdates() - before).toBe(1)
    } finally {
      clock.mockRestore()
    }
    await Promise.resolve() // not a turn: a microtask
    await Promise.resolve()
    expect(c.received).toHaveLength(1)
    expect(ids(c.doc)).toEqual(expect.arrayContaining(['shape:a', 'shape:b']))
    await nextTurn()
    expect(c.received).toHaveLength(1)
  })

  it('compacts at most one board per turn, so boards at the same pace do not all stall one turn', async () => {
    const otherId = await emptyBoard(storage)
    const rooms = new RoomManager(storage.documents, { roomIdleMs: 60_000, compactAfterUpdates: 2, autoSnapshotEveryMs: 600_000 }, createLogger(() => {}), () => false)
    const rowsOf = (id: string) => storage.documents.read(id).updates.length
    const [a, b] = [new FakePeer(), new FakePeer()]
    const roomA = await rooms.connect(boardId, a)
    roomA.receive(a, syncStep1Message(a.doc))
    const roomB = await rooms.connect(otherId, b)
    roomB.receive(b, syncStep1Message(b.doc))
    for (let i = 0; i < 2; i++) {
      roomA.receive(a, updateMessage(a.edit((doc) => writeRecords(doc, { put: [testRecord(`a${i}`)] }))))
      roomB.receive(b, updateMessage(b.edit((doc) => writeRecords(doc, { put: [testRecord(`b${i}`)] }))))
      await nextTurn()
    }
    await rooms.flush()
    // Both reached the threshold in the same turn: one was compacted then, the other waits.
    expect([rowsOf(boardId), rowsOf(otherId)].sort()).toEqual([0, 2])
    roomA.receive(a, updateMessage(a.edit((doc) => writeRecords(doc, { put: [testRecord('a2')] }))))
    await nextTurn()
    await rooms.flush()
    expect(rowsOf(boardId) + rowsOf(otherId)).toBeLessThanOrEqual(1)
    for (const [id, room] of [[boardId, roomA], [otherId, roomB]] as const) {
      const reloaded = new Y.Doc()
      storage.documents.loadInto(id, reloaded)
      expect(ids(reloaded)).toEqual(ids(room.doc))
    }
  })
})

describe('RoomManager connections', () => {
  let storage: SqliteStorage
  let boardId: string

  beforeEach(async () => {
    storage = openStorage()
    boardId = await emptyBoard(storage)
  })

  const manager = () => testRoomManager(storage)
  /** An awareness message from `from` for its own client id. */
  const presence = (from: Y.Doc, state: Record<string, unknown>) => {
    const awareness = new awarenessProtocol.Awareness(from)
    awareness.setLocalState(state)
    const message = awarenessMessage(awareness, [from.clientID])
    awareness.destroy()
    return message
  }

  it('leaves no peer behind when greeting a newcomer fails, and closes it', async () => {
    const rooms = manager()
    const failing = new FakePeer('viewer')
    failing.send = () => {
      throw new RangeError('Maximum call stack size exceeded')
    }
    await rooms.connect(boardId, failing)
    expect(failing.closes).toEqual([1011])
    expect(rooms.connectionCount(boardId)).toBe(0)
    const fine = new FakePeer('viewer')
    await rooms.connect(boardId, fine)
    expect(rooms.connectionCount(boardId)).toBe(1)
    expect(rooms.connectionCount(boardId, 'viewer')).toBe(1)
    expect(rooms.connectionCount(boardId, 'editor')).toBe(0)
  })

  it('answers "send me everything" once per document version, once what it holds is stored', async () => {
    const rooms = manager()
    const [viewer, editor] = [new FakePeer('viewer'), new FakePeer('editor')]
    const room = await rooms.connect(boardId, viewer)
    await rooms.connect(boardId, editor)
    for (let i = 0; i < 5; i++) room.receive(viewer, syncStep1Message(new Y.Doc()))
    expect(viewer.step2s).toBe(1)
    room.receive(editor, updateMessage(editor.edit((doc) => writeRecords(doc, { put: [testRecord('a')] }))))
    room.receive(viewer, syncStep1Message(new Y.Doc()))
    room.receive(viewer, syncStep1Message(new Y.Doc()))
    // The answer holds the editor's update, which is not stored yet: it waits for that.
    expect(viewer.step2s).toBe(1)
    await rooms.flush()
    expect(viewer.step2s).toBe(2)
    expect(ids(viewer.doc)).toContain('shape:a')
  })

  it('encodes the whole board once per version for every newcomer that asks for all of it', async () => {
    const rooms = manager()
    const newcomers = [new FakePeer('viewer'), new FakePeer('viewer'), new FakePeer('editor')]
    const room = await rooms.connect(boardId, newcomers[0]!)
    for (const peer of newcomers) {
      if (peer !== newcomers[0]) await rooms.connect(boardId, peer)
      room.receive(peer, syncStep1Message(peer.doc))
    }
    // One encoded copy, sent to all three.
    const [first] = newcomers[0]!.answers
    for (const peer of newcomers) expect(peer.answers).toEqual([first])
    for (const peer of newcomers) expect(peer.answers[0]).toBe(first)

    room.receive(newcomers[2]!, updateMessage(newcomers[2]!.edit((doc) => writeRecords(doc, { put: [testRecord('b')] }))))
    const late = new FakePeer('viewer')
    await rooms.connect(boardId, late)
    room.receive(late, syncStep1Message(late.doc))
    await rooms.flush()
    expect(late.answers[0]).not.toBe(first)
    expect(ids(late.doc)).toContain('shape:b')
  })

  it('answers a repeated query for every awareness state with an empty update until something changed', async () => {
    const rooms = manager()
    const [a, b] = [new FakePeer(), new FakePeer()]
    const room = await rooms.connect(boardId, a)
    await rooms.connect(boardId, b)
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

  it('lets a peer write only the awareness entries it introduced, and frees them when it leaves', async () => {
    const rooms = manager()
    const [a, b] = [new FakePeer(), new FakePeer()]
    const room = await rooms.connect(boardId, a)
    await rooms.connect(boardId, b)
    room.receive(a, presence(a.doc, { user: { name: 'A', color: '#000000' } }))
    // b speaks for a's client id with a newer clock: refused.
    const forged = new Y.Doc({ gc: true })
    forged.clientID = a.doc.clientID
    const forgedAwareness = new awarenessProtocol.Awareness(forged)
    for (let i = 0; i < 5; i++) forgedAwareness.setLocalState({ user: { name: 'B', color: '#ffffff' } })
    room.receive(b, awarenessMessage(forgedAwareness, [forged.clientID]))
    forgedAwareness.destroy()
    expect(room.awareness.getStates().get(a.doc.clientID)).toEqual({ user: { name: 'A', color: '#000000' }, role: 'editor' })

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
      await rooms.connect(boardId, viewer, new Date(Date.now() + 3_600_000).toISOString())
      await rooms.connect(boardId, editor)
      rooms.setLinkExpiry(boardId, 'viewer', new Date(Date.now() + 1_000).toISOString())
      vi.advanceTimersByTime(999)
      expect(viewer.closes).toEqual([])
      vi.advanceTimersByTime(1)
      expect(viewer.closes).toEqual([CloseCode.revoked])
      expect(editor.closes).toEqual([])

      const again = new FakePeer('viewer')
      await rooms.connect(boardId, again, new Date(Date.now() + 1_000).toISOString())
      rooms.setLinkExpiry(boardId, 'viewer', null)
      vi.advanceTimersByTime(10_000)
      expect(again.closes).toEqual([])
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('RoomManager drafts', () => {
  let storage: SqliteStorage
  let boardId: string

  beforeEach(async () => {
    storage = openStorage()
    boardId = await emptyBoard(storage)
  })

  const draftOf = async (key: string) => (await storage.drafts.register(boardId, key, 10))!

  it("applies the board's revocations, anonymity and deletion to its drafts' rooms, and never snapshots a draft", async () => {
    const consider = vi.fn(async () => false)
    const rooms = new RoomManager(
      new DocumentRouter(storage.documents, storage.draftDocuments),
      { roomIdleMs: 60_000, compactAfterUpdates: 1000, autoSnapshotEveryMs: 0 },
      createLogger(() => {}),
      () => false,
      { latestAt: async () => null, consider },
    )
    const [editorDraft, facilitatorDraft] = [await draftOf('a'), await draftOf('b')]
    const editor = new FakePeer('editor')
    const facilitator = new FakePeer('facilitator')
    const draftRoom = await rooms.connect(editorDraft, editor)
    await rooms.connect(facilitatorDraft, facilitator)
    expect(draftRoom.isDraft).toBe(true)
    draftRoom.receive(editor, updateMessage(editor.edit((doc) => writeRecords(doc, { put: [testRecord('concept')] }))))
    await rooms.flush()
    rooms.disconnect(draftRoom, editor)
    expect(consider).not.toHaveBeenCalled()

    const again = new FakePeer('editor')
    await rooms.connect(editorDraft, again)
    rooms.setAnonymous(boardId, true)
    expect(draftRoom.isAnonymous).toBe(true)
    rooms.closeConnections(boardId, ['editor'], CloseCode.revoked, 'link revoked')
    expect(again.closes).toEqual([CloseCode.revoked])
    expect(facilitator.closes).toEqual([])
    await rooms.discard(boardId)
    expect(facilitator.closes).toEqual([CloseCode.revoked])
    expect(rooms.openRooms).toBe(0)
  })

  it('keeps a draft to unlocked cards and ignores awareness on it', async () => {
    const rooms = testRoomManager(storage)
    const peer = new FakePeer('facilitator')
    const room = await rooms.connect(await draftOf('c'), peer)
    const awareness = new awarenessProtocol.Awareness(peer.doc)
    awareness.setLocalState({ user: { name: 'Ann', color: '#000' } })
    room.receive(peer, awarenessMessage(awareness, [peer.doc.clientID]))
    awareness.destroy()
    expect(room.awareness.getStates().size).toBe(0)
    const frame = { ...testRecord('kader'), type: 'frame', props: { w: 10, h: 10, name: 'k', color: 'black' } }
    expect(() => room.receive(peer, updateMessage(peer.edit((doc) => writeRecords(doc, { put: [frame] }))))).toThrow('a draft holds cards only')
  })
})

describe('RoomManager automatic snapshots', () => {
  let storage: SqliteStorage
  let boardId: string

  beforeEach(async () => {
    storage = openStorage()
    boardId = await emptyBoard(storage)
  })

  /** Automatic snapshots whose store answers only when the test says so. */
  function slowSnapshots() {
    const asked: { moment: AutoSnapshotMoment; answer: (taken: boolean) => void }[] = []
    const snapshots: AutoSnapshots = {
      latestAt: async () => null,
      consider: (_room, moment) => new Promise<boolean>((resolve) => asked.push({ moment, answer: resolve })),
    }
    return { asked, snapshots }
  }

  it('considers one at a time per room: edits meanwhile ask for nothing, and the session’s end waits its turn', async () => {
    const { asked, snapshots } = slowSnapshots()
    // Every stored edit is past the interval (0), so each would ask for a snapshot.
    const rooms = new RoomManager(storage.documents, { roomIdleMs: 60_000, compactAfterUpdates: 1000, autoSnapshotEveryMs: 0 }, createLogger(() => {}), () => false, snapshots)
    const peer = new FakePeer()
    const room = await rooms.connect(boardId, peer)
    room.receive(peer, syncStep1Message(peer.doc))
    for (const id of ['a', 'b', 'c']) {
      room.receive(peer, updateMessage(peer.edit((doc) => writeRecords(doc, { put: [testRecord(id)] }))))
      await rooms.flush()
    }
    expect(asked.map((ask) => ask.moment)).toEqual(['during-session'])

    rooms.disconnect(room, peer) // the session ends while the first is still being considered
    await nextTurn()
    expect(asked).toHaveLength(1)
    asked[0]!.answer(false)
    await vi.waitFor(() => expect(asked.map((ask) => ask.moment)).toEqual(['during-session', 'session-ended']))
    asked[1]!.answer(true)
    await rooms.closeAll() // waits for what is still being considered
    expect(room.session).toBeNull() // a stored snapshot starts the count again
  })
})

describe('RoomManager with other processes', () => {
  let storage: SqliteStorage
  let boardId: string

  beforeEach(async () => {
    storage = openStorage()
    boardId = await emptyBoard(storage)
  })

  /** A bus on which the test plays the other processes. */
  class TestBus implements RoomBus {
    readonly multiProcess = true
    readonly handlers = new Map<string, BusHandler>()
    publish(): void {}
    subscribe(board: string, handler: BusHandler): Subscription {
      this.handlers.set(board, handler)
      return { ready: Promise.resolve(), close: () => this.handlers.delete(board) }
    }
    onReconnect(): () => void {
      return () => {}
    }
    async close(): Promise<void> {}
  }

  /** What another process stored as update `seq`: one new note. */
  const storedElsewhere = (seq: number, id: string) => {
    const doc = new Y.Doc()
    writeRecords(doc, { put: [testRecord(id)] })
    return { kind: 'update' as const, seq, data: Y.encodeStateAsUpdate(doc) }
  }

  it('relays the other processes’ updates of one turn to each peer as one message, in order of their numbers', async () => {
    const bus = new TestBus()
    const rooms = new RoomManager(storage.documents, { roomIdleMs: 60_000, compactAfterUpdates: 1000, autoSnapshotEveryMs: 600_000 }, createLogger(() => {}), () => false, null, bus)
    const peer = new FakePeer()
    const room = await rooms.connect(boardId, peer)
    const next = room.storedSeq + 1
    const deliver = bus.handlers.get(boardId)!
    // Out of order within the turn: the later one waits for the earlier.
    deliver(storedElsewhere(next + 1, 'b'))
    deliver(storedElsewhere(next, 'a'))
    deliver(storedElsewhere(next + 2, 'c'))
    expect(room.storedSeq).toBe(next + 2)
    expect(peer.received).toHaveLength(0)
    await nextTurn()
    expect(peer.received).toHaveLength(1)
    expect(ids(peer.doc)).toEqual(expect.arrayContaining(['shape:a', 'shape:b', 'shape:c']))
    await rooms.closeAll()
  })
})
