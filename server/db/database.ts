/** Opens the SQLite database in DATA_DIR and brings its schema up to date. */
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { BACKSTOP_CHECKPOINT_PAGES } from './checkpointer.ts'
import { MIGRATIONS } from './migrations.ts'

export type Db = Database.Database

export const DB_FILE = 'dialoogbord.sqlite'

export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true })
  const db = new Database(path.join(dataDir, DB_FILE))
  // WAL + NORMAL: a committed transaction survives a process crash (kill -9); only an OS crash
  // or power loss can drop the last few, which is the usual trade for write speed.
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  // Deleted rows are overwritten, so a deleted board leaves no readable trace in the file.
  db.pragma('secure_delete = ON')
  db.pragma('busy_timeout = 5000')
  // Routine checkpoints run off the event loop (checkpointer.ts); this is only the backstop.
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`)
  migrate(db)
  return db
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > MIGRATIONS.length) {
    throw new Error(`database schema version ${current} is newer than this server (${MIGRATIONS.length})`)
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!)
      db.pragma(`user_version = ${version + 1}`)
    })()
  }
}

/** How long forgetRemovedData keeps trying while other connections hold the WAL. */
const FORGET_TRIES = 50
const FORGET_RETRY_MS = 20

/**
 * Moves every committed page into the main file and empties the WAL. Together with secure_delete
 * this leaves no copy of removed data on disk (used after deleting or anonymising a board).
 * The background checkpointer or a read worker may hold the WAL at that moment (the checkpoint
 * then reports busy and leaves the WAL as it was): it is tried again shortly, a few times.
 */
export async function forgetRemovedData(db: Db): Promise<boolean> {
  for (let attempt = 0; attempt < FORGET_TRIES; attempt++) {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[]
    if (result && result.busy === 0 && result.log === result.checkpointed) return true
    await new Promise((resolve) => setTimeout(resolve, FORGET_RETRY_MS))
  }
  return false
}
