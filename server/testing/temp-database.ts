/** Unit tests: fresh SQLite storages in temporary folders (closed and removed after each test), a board and a room manager in them. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'
import { leeg } from '../../templates/leeg.ts'
import { createInitialDocument } from '../initial-document.ts'
import { createLogger } from '../log.ts'
import { DEFAULT_RETENTION } from '../snapshots/retention.ts'
import { SqliteStorage } from '../storage/sqlite/storage.ts'
import type { Storage } from '../storage/stores.ts'
import { RoomManager } from '../sync/room-manager.ts'
import { DocumentRouter } from '../storage/document-router.ts'

/** Call at the top of a test file (or describe); each call of the returned function opens one. */
export function tempStorages(prefix: string): () => SqliteStorage {
  const opened: { dir: string; storage: SqliteStorage }[] = []
  afterEach(async () => {
    for (const { dir, storage } of opened.splice(0)) {
      await storage.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
  return () => {
    const dir = mkdtempSync(path.join(tmpdir(), `dialoogbord-${prefix}-`))
    const storage = SqliteStorage.open(dir, DEFAULT_RETENTION)
    opened.push({ dir, storage })
    return storage
  }
}

/** A blank board (template `leeg`); its id. */
export async function emptyBoard(storage: Pick<Storage, 'boards'>): Promise<string> {
  return (await storage.boards.create({ title: 't', template: 'leeg', anonymous: false, initialState: createInitialDocument(leeg) })).board.id
}

/** A RoomManager over the storage's documents that neither unloads, compacts nor snapshots during a test. */
export function testRoomManager(
  storage: Pick<Storage, 'documents' | 'draftDocuments'>,
  isAnonymous: (boardId: string) => boolean | Promise<boolean> = () => false,
): RoomManager {
  return new RoomManager(new DocumentRouter(storage.documents, storage.draftDocuments), { roomIdleMs: 60_000, compactAfterUpdates: 1000, autoSnapshotEveryMs: 600_000 }, createLogger(() => {}), isAnonymous)
}
