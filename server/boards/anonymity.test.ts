import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { carriesAuthor } from '../../shared/authorship.ts'
import { readRecords, writeRecords } from '../../shared/doc-layout.ts'
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

  beforeEach(() => {
    db = openDb()
    boards = new BoardRepository(db)
    boardId = emptyBoard(db)
    rooms = testRoomManager(db, (id) => boards.get(id)?.anonymous ?? false)
    snapshots = new SnapshotStore(db, { keepAllHours: 24, dailyForDays: 30 })
    writeRecords(rooms.open(boardId).doc, { put: [authored()] })
    rooms.flush()
    snapshots.capture(boardId, { label: 'met naam', auto: false, state: Y.encodeStateAsUpdate(rooms.open(boardId).doc), schema: { schemaVersion: 2, sequences: {} } })
  })
  afterEach(() => rooms.closeAll()) // before the database closes (tempDatabases' own afterEach)

  const storedDocCarriesAuthor = () => {
    const doc = new Y.Doc()
    new UpdateLog(db).loadInto(boardId, doc)
    return readRecords(doc).some(carriesAuthor)
  }

  it('does not commit the flag when a part of the scrub fails, and a retry finishes it', () => {
    const failing = { removeAuthors: () => { throw new Error('disk full') } }
    expect(() => new BoardAnonymity(db, boards, rooms, failing, { removeAuthorsOf: () => {} }).set(boardId, true)).toThrow('disk full')
    expect(boards.get(boardId)?.anonymous).toBe(false)
    expect(rooms.open(boardId).isAnonymous).toBe(false)

    const removed: string[] = []
    new BoardAnonymity(db, boards, rooms, snapshots, { removeAuthorsOf: (id: string) => removed.push(id) }).set(boardId, true)
    expect(boards.get(boardId)?.anonymous).toBe(true)
    expect(rooms.open(boardId).isAnonymous).toBe(true)
    expect(removed).toEqual([boardId])
    expect(storedDocCarriesAuthor()).toBe(false)
    const [info] = snapshots.listFor(boardId)
    const snapshot = new Y.Doc()
    Y.applyUpdate(snapshot, snapshots.get(boardId, info!.id)!.state)
    expect(readRecords(snapshot).some(carriesAuthor)).toBe(false)
  })

  it('re-runs the scrub on a board that is already flagged anonymous', () => {
    boards.update(boardId, { anonymous: true }) // as a switch that died after committing the flag left it
    new BoardAnonymity(db, boards, rooms, snapshots, { removeAuthorsOf: () => {} }).set(boardId, true)
    expect(storedDocCarriesAuthor()).toBe(false)
  })
})
