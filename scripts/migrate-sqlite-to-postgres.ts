// npm run migrate:sqlite-to-postgres: moves the SQLite database in DATA_DIR (default ./data) into
// the empty PostgreSQL database at DATABASE_URL (server/storage/sqlite-to-postgres.ts). Stop the
// server first; the SQLite file is only read, so it stays as a backup.
import path from 'node:path'
import { migrateSqliteToPostgres } from '../server/storage/sqlite-to-postgres.ts'

const dataDir = path.resolve(process.env.DATA_DIR?.trim() || './data')
const url = process.env.DATABASE_URL?.trim()
if (!url) {
  console.error('Set DATABASE_URL to the (empty) PostgreSQL database to move into, e.g. postgres://dialoogbord@localhost/dialoogbord')
  process.exit(2)
}
try {
  await migrateSqliteToPostgres(dataDir, url, (line) => console.error(line))
} catch (error) {
  console.error(`Migration failed, nothing of the failing board was written: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
