/**
 * Everything one server keeps, in one SQLite file in DATA_DIR (the embedded default): board
 * documents (UpdateLog), boards, snapshots, images, saved templates, participants' drafts and
 * their documents, and dot votes, on one connection.
 */
import path from 'node:path'
import { DB_FILE, forgetRemovedData, openDatabase, type Db } from '../../db/database.ts'
import type { RetentionPolicy } from '../../snapshots/retention.ts'
import { DRAFT_TABLES, UpdateLog } from './update-log.ts'
import type { Storage } from '../stores.ts'
import { SqliteAssetStore } from './asset-store.ts'
import { SqliteBoardStore } from './board-store.ts'
import { SqliteDraftStore } from './draft-store.ts'
import { SqliteSnapshotStore } from './snapshot-store.ts'
import { SqliteTemplateStore } from './template-store.ts'
import { SqliteVoteStore } from './vote-store.ts'

export class SqliteStorage implements Storage {
  readonly engine = 'sqlite'
  /** The database file: the background checkpointer and the read worker open their own connections to it. */
  readonly file: string
  readonly documents: UpdateLog
  readonly boards: SqliteBoardStore
  readonly snapshots: SqliteSnapshotStore
  readonly assets: SqliteAssetStore
  readonly templates: SqliteTemplateStore
  readonly drafts: SqliteDraftStore
  readonly draftDocuments: UpdateLog
  readonly votes: SqliteVoteStore

  /** Opens (and migrates) the database in `dataDir`. */
  static open(dataDir: string, retention: RetentionPolicy): SqliteStorage {
    return new SqliteStorage(openDatabase(dataDir), path.join(dataDir, DB_FILE), retention)
  }

  constructor(
    /** The connection itself, for what stays SQLite-specific (the read worker's version keys). */
    readonly db: Db,
    file: string,
    retention: RetentionPolicy,
  ) {
    this.file = file
    this.documents = new UpdateLog(db)
    this.templates = new SqliteTemplateStore(db)
    this.boards = new SqliteBoardStore(db, this.templates)
    this.snapshots = new SqliteSnapshotStore(db, retention)
    this.assets = new SqliteAssetStore(db)
    this.drafts = new SqliteDraftStore(db)
    this.draftDocuments = new UpdateLog(db, DRAFT_TABLES)
    this.votes = new SqliteVoteStore(db)
  }

  async commitAnonymous(boardId: string, computed: ReadonlyMap<string, Uint8Array | null>): Promise<void> {
    this.db.transaction(() => {
      this.snapshots.removeAuthorsNow(boardId, computed)
      this.templates.removeAuthorsOfNow(boardId)
      this.boards.updateNow(boardId, { anonymous: true })
    })()
  }

  async forgetRemoved(): Promise<void> {
    await forgetRemovedData(this.db)
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close()
  }
}
