/** Unit tests: fresh SQLite databases in temporary folders (closed and removed after each test), a board and a room manager in them. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'
import { leeg } from '../../templates/leeg.ts'
import { BoardRepository } from '../boards.ts'
import { openDatabase, type Db } from '../db/database.ts'
import { createInitialDocument } from '../initial-document.ts'
import { createLogger } from '../log.ts'
import { RoomManager } from '../sync/room-manager.ts'
import { UpdateLog } from '../sync/update-log.ts'

/** Call at the top of a test file (or describe); each call of the returned function opens one. */
export function tempDatabases(prefix: string): () => Db {
  const opened: { dir: string; db: Db }[] = []
  afterEach(() => {
    for (const { dir, db } of opened.splice(0)) {
      if (db.open) db.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
  return () => {
    const dir = mkdtempSync(path.join(tmpdir(), `dialoogbord-${prefix}-`))
    const db = openDatabase(dir)
    opened.push({ dir, db })
    return db
  }
}

/** A blank board (template `leeg`) in `db`; its id. */
export function emptyBoard(db: Db): string {
  return new BoardRepository(db).create({ title: 't', template: 'leeg', anonymous: false, initialState: createInitialDocument(leeg) }).board.id
}

/** A RoomManager over `db` that neither unloads, compacts nor snapshots during a test. */
export function testRoomManager(db: Db, isAnonymous: (boardId: string) => boolean = () => false): RoomManager {
  return new RoomManager(new UpdateLog(db), { roomIdleMs: 60_000, compactAfterUpdates: 1000, autoSnapshotEveryMs: 600_000 }, createLogger(() => {}), isAnonymous)
}
