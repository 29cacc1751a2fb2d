import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { carriesAuthor } from '../../shared/authorship.ts'
import { readRecords, writeRecords, type StoredRecord } from '../../shared/doc-layout.ts'
import type { SqliteStorage } from '../storage/sqlite/storage.ts'
import { RoomManager } from '../sync/room-manager.ts'
import { testRecord } from '../testing/sync-client.ts'
import { emptyBoard, tempStorages, testRoomManager } from '../testing/temp-database.ts'
import { BoardAnonymity, type AnonymityStorage } from './anonymity.ts'

const authored = () => {
  const note = testRecord('n')
  return { ...note, props: { ...(note.props as object), textFirstEditedBy: 'user-7' } }
}

const openStorage = tempStorages('anonymity')

describe('BoardAnonymity', () => {
  let storage: SqliteStorage
  let rooms: RoomManager
  let boardId: string

  beforeEach(async () => {
    storage = openStorage()
    boardId = await emptyBoard(storage)
    rooms = testRoomManager(storage, async (id) => (await storage.boards.get(id))?.anonymous ?? false)
    writeRecords((await rooms.open(boardId)).doc, { put: [authored()] })
    await rooms.flush()
    await storage.snapshots.capture(boardId, { label: 'met naam', auto: false, state: Y.encodeStateAsUpdate((await rooms.open(boardId)).doc), schema: { schemaVersion: 2, sequences: {} } })
  })
  afterEach(() => rooms.closeAll()) // before the database closes (tempStorages' own afterEach)

  const storedDocCarriesAuthor = () => {
    const doc = new Y.Doc()
    storage.documents.loadInto(boardId, doc)
    return readRecords(doc).some(carriesAuthor)
  }

  const snapshotsCarryAuthor = async () => {
    const carry: boolean[] = []
    for (const info of await storage.snapshots.listFor(boardId)) {
      const snapshot = new Y.Doc()
      Y.applyUpdate(snapshot, (await storage.snapshots.get(boardId, info.id))!.state)
      carry.push(readRecords(snapshot).some(carriesAuthor))
    }
    return carry
  }
  /** The storage with its atomic last step failing, as a full disk would. */
  const failingCommit: () => AnonymityStorage = () => ({
    boards: storage.boards,
    forgetRemoved: () => storage.forgetRemoved(),
    commitAnonymous: () => Promise.reject(new Error('disk full')),
  })

  it('does not commit the flag when a part of the scrub fails, and a retry finishes it', async () => {
    await expect(new BoardAnonymity(failingCommit(), rooms).set(boardId, true)).rejects.toThrow('disk full')
    expect((await storage.boards.get(boardId))?.anonymous).toBe(false)
    expect((await rooms.open(boardId)).isAnonymous).toBe(false)

    const committed: string[] = []
    const watched: AnonymityStorage = { ...failingCommit(), commitAnonymous: (id, states) => (committed.push(id), storage.commitAnonymous(id, states)) }
    await new BoardAnonymity(watched, rooms).set(boardId, true)
    expect((await storage.boards.get(boardId))?.anonymous).toBe(true)
    expect((await rooms.open(boardId)).isAnonymous).toBe(true)
    expect(committed).toEqual([boardId])
    expect(storedDocCarriesAuthor()).toBe(false)
    expect(await snapshotsCarryAuthor()).toEqual([false])
  })

  it('re-runs the scrub on a board that is already flagged anonymous', async () => {
    await storage.boards.update(boardId, { anonymous: true }) // as a switch that died after committing the flag left it
    await new BoardAnonymity(storage, rooms).set(boardId, true)
    expect(storedDocCarriesAuthor()).toBe(false)
  })

  it('writes the snapshot states the worker computed, and scrubs what named someone while it ran', async () => {
    let computeNow = () => {}
    const scrubber = {
      read: () => new Promise<Map<string, Uint8Array | null>>((resolve) => (computeNow = () => resolve(storage.snapshots.statesWithoutAuthors(boardId, Infinity)))),
    }
    const switching = new BoardAnonymity(storage, rooms, scrubber).set(boardId, true)
    // While the worker runs: a participant's edit and a snapshot that both carry a name.
    writeRecords((await rooms.open(boardId)).doc, { put: [{ ...authored(), id: 'shape:laat' } as StoredRecord] })
    await rooms.flush()
    await storage.snapshots.capture(boardId, { label: 'tussendoor', auto: false, state: Y.encodeStateAsUpdate((await rooms.open(boardId)).doc), schema: { schemaVersion: 2, sequences: {} } })
    computeNow()
    await switching
    expect((await storage.boards.get(boardId))?.anonymous).toBe(true)
    expect(storedDocCarriesAuthor()).toBe(false)
    expect(await snapshotsCarryAuthor()).toEqual([false, false])
  })

  it('scrubs the snapshots itself when the worker fails', async () => {
    const scrubber = { read: () => Promise.reject(new Error('worker gone')) }
    await new BoardAnonymity(storage, rooms, scrubber).set(boardId, true)
    expect(await snapshotsCarryAuthor()).toEqual([false])
  })
})
