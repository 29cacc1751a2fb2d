import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { carriesAuthor } from '../../shared/authorship.ts'
import { readRecords, writeRecords, type StoredRecord } from '../../shared/doc-layout.ts'
import { BoardRepository } from '../boards.ts'
import type { Db } from '../db/database.ts'
import { SnapshotStore } from '../snapshots/snapshot-store.ts'
import { RoomManager } from '../sync/room-manager.ts'
import { UpdateLog } from '../sync/update-log.ts'
import { testRecord } from '../testing/sync-client.ts'
import { emptyBoard, tempDatabases, testRoomManager } from '../testing/temp-database.ts'
import { BoardAnonymity } from './anonymity.ts'

const authored = () => {
  const note = testRecord('n')
  return { ...note, props: { ...(note.props as object), textFirstEditedBy: 'user-7' } }
}

const openDb = tempDatabases('anonymity')

describe('BoardAnonymity', () => {
  let db: Db
  let boards: BoardRepository
  let rooms: RoomManager
  let snapshots: SnapshotStore
  let boardId: string

  beforeEach(async () => {
    db = openDb()
    boards = new BoardRepository(db)
    boardId = emptyBoard(db)
    rooms = testRoomManager(db, (id) => boards.get(id)?.anonymous ?? false)
    snapshots = new SnapshotStore(db, { keepAllHours: 24, dailyForDays: 30 })
    writeRecords((await rooms.open(boardId)).doc, { put: [authored()] })
    await rooms.flush()
    snapshots.capture(boardId, { label: 'met naam', auto: false, state: Y.encodeStateAsUpdate((await rooms.open(boardId)).doc), schema: { schemaVersion: 2, sequences: {} } })
  })
  afterEach(() => rooms.closeAll()) // before the database closes (tempDatabases' own afterEach)

  const storedDocCarriesAuthor = () => {
    const doc = new Y.Doc()
    new UpdateLog(db).loadInto(boardId, doc)
    return readRecords(doc).some(carriesAuthor)
  }

  const snapshotsCarryAuthor = () =>
    snapshots.listFor(boardId).map((info) => {
      const snapshot = new Y.Doc()
      Y.applyUpdate(snapshot, snapshots.get(boardId, info.id)!.state)
      return readRecords(snapshot).some(carriesAuthor)
    })

  it('does not commit the flag when a part of the scrub fails, and a retry finishes it', async () => {
    const failing = { removeAuthors: () => { throw new Error('disk full') } }
    await expect(new BoardAnonymity(db, boards, rooms, failing, { removeAuthorsOf: () => {} }).set(boardId, true)).rejects.toThrow('disk full')
    expect(boards.get(boardId)?.anonymous).toBe(false)
    expect((await rooms.open(boardId)).isAnonymous).toBe(false)

    const removed: string[] = []
    await new BoardAnonymity(db, boards, rooms, snapshots, { removeAuthorsOf: (id: string) => removed.push(id) }).set(boardId, true)
    expect(boards.get(boardId)?.anonymous).toBe(true)
    expect((await rooms.open(boardId)).isAnonymous).toBe(true)
    expect(removed).toEqual([boardId])
    expect(storedDocCarriesAuthor()).toBe(false)
    expect(snapshotsCarryAuthor()).toEqual([false])
  })

  it('re-runs the scrub on a board that is already flagged anonymous', async () => {
    boards.update(boardId, { anonymous: true }) // as a switch that died after committing the flag left it
    await new BoardAnonymity(db, boards, rooms, snapshots, { removeAuthorsOf: () => {} }).set(boardId, true)
    expect(storedDocCarriesAuthor()).toBe(false)
  })

  it('writes the snapshot states the worker computed, and scrubs what named someone while it ran', async () => {
    let computeNow = () => {}
    const scrubber = {
      read: () => new Promise<Map<string, Uint8Array | null>>((resolve) => (computeNow = () => resolve(snapshots.statesWithoutAuthors(boardId, Infinity)))),
    }
    const switching = new BoardAnonymity(db, boards, rooms, snapshots, { removeAuthorsOf: () => {} }, scrubber).set(boardId, true)
    // While the worker runs: a participant's edit and a snapshot that both carry a name.
    writeRecords((await rooms.open(boardId)).doc, { put: [{ ...authored(), id: 'shape:laat' } as StoredRecord] })
    await rooms.flush()
    snapshots.capture(boardId, { label: 'tussendoor', auto: false, state: Y.encodeStateAsUpdate((await rooms.open(boardId)).doc), schema: { schemaVersion: 2, sequences: {} } })
    computeNow()
    await switching
    expect(boards.get(boardId)?.anonymous).toBe(true)
    expect(storedDocCarriesAuthor()).toBe(false)
    expect(snapshotsCarryAuthor()).toEqual([false, false])
  })

  it('scrubs the snapshots itself when the worker fails', async () => {
    const scrubber = { read: () => Promise.reject(new Error('worker gone')) }
    await new BoardAnonymity(db, boards, rooms, snapshots, { removeAuthorsOf: () => {} }, scrubber).set(boardId, true)
    expect(snapshotsCarryAuthor()).toEqual([false])
  })
})
