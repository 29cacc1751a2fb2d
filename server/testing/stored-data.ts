/**
 * What a test server has stored, read by the test itself on either engine (test-engine.ts): SQLite
 * in the server's DATA_DIR, or its PostgreSQL database. Tests look behind the API with these, so
 * each check holds on both engines with the same strength.
 */
import Database from 'better-sqlite3'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { DB_FILE } from '../db/database.ts'

/** A running (or stopped) test server: a ServerProcess or serverForFile's FileServer. */
export interface StoredDataOf {
  readonly dataDir: string
  readonly databaseUrl: string | null
}

/** Tables that hold a board's data, each with the column naming the board. */
export const BOARD_TABLES = { boards: 'id', board_tokens: 'board_id', board_state: 'board_id', updates: 'board_id', snapshots: 'board_id', assets: 'board_id', drafts: 'board_id', votes: 'board_id' } as const
export type BoardTable = keyof typeof BOARD_TABLES

function withSqlite<T>(server: StoredDataOf, readonly: boolean, work: (db: Database.Database) => T): T {
  const db = new Database(path.join(server.dataDir, DB_FILE), { readonly })
  try {
    return work(db)
  } finally {
    db.close()
  }
}

async function withPostgres<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** How many rows `table` holds for the board, or in all when no board is given. */
export async function storedRowCount(server: StoredDataOf, table: BoardTable, boardId?: string): Promise<number> {
  const where = boardId === undefined ? '' : ` WHERE ${BOARD_TABLES[table]} = `
  const params = boardId === undefined ? [] : [boardId]
  if (server.databaseUrl === null) {
    return withSqlite(server, true, (db) => (db.prepare(`SELECT count(*) AS n FROM ${table}${where && `${where}?`}`).get(...params) as { n: number }).n)
  }
  return withPostgres(server.databaseUrl, async (client) => {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::integer AS n FROM ${table}${where && `${where}$1`}`, params)
    return rows[0]!.n
  })
}

export interface StoredSnapshotRow {
  label: string
  /** ISO 8601, as the API answers it. */
  createdAt: string
  auto: boolean
  state: Buffer
  /** The tldraw schema as stored (JSON). */
  schema: string
}

/** A snapshot's row as stored, or undefined. */
export async function storedSnapshotRow(server: StoredDataOf, id: string): Promise<StoredSnapshotRow | undefined> {
  if (server.databaseUrl === null) {
    const row = withSqlite(server, true, (db) => db.prepare('SELECT label, created_at, auto, state, schema FROM snapshots WHERE id = ?').get(id)) as
      | { label: string; created_at: string; auto: number; state: Buffer; schema: string }
      | undefined
    return row && { label: row.label, createdAt: row.created_at, auto: row.auto === 1, state: row.state, schema: row.schema }
  }
  const { rows } = await withPostgres(server.databaseUrl, (client) =>
    client.query<{ label: string; created_at: Date; auto: boolean; state: Buffer; schema: string }>('SELECT label, created_at, auto, state, schema FROM snapshots WHERE id = $1', [id]),
  )
  const row = rows[0]
  return row && { label: row.label, createdAt: row.created_at.toISOString(), auto: row.auto, state: row.state, schema: row.schema }
}

/** Writes a named snapshot row directly, as an older server version would have stored it. */
export async function insertStoredSnapshot(server: StoredDataOf, row: { id: string; boardId: string; label: string; createdAt: string; state: Uint8Array; schema: string }): Promise<void> {
  const values = [row.id, row.boardId, row.label, row.createdAt, row.state, row.schema]
  if (server.databaseUrl === null) {
    withSqlite(server, false, (db) => db.prepare('INSERT INTO snapshots (id, board_id, label, created_at, auto, state, schema) VALUES (?, ?, ?, ?, 0, ?, ?)').run(...values))
    return
  }
  await withPostgres(server.databaseUrl, (client) =>
    client.query('INSERT INTO snapshots (id, board_id, label, created_at, auto, state, schema) VALUES ($1, $2, $3, $4, false, $5, $6)', values),
  )
}

/** Sets only the board's anonymity flag, as a switch that died half way would leave it. */
export async function setStoredAnonymousFlag(server: StoredDataOf, boardId: string): Promise<void> {
  if (server.databaseUrl === null) {
    withSqlite(server, false, (db) => db.prepare('UPDATE boards SET anonymous = 1 WHERE id = ?').run(boardId))
    return
  }
  await withPostgres(server.databaseUrl, (client) => client.query('UPDATE boards SET anonymous = true WHERE id = $1', [boardId]))
}

/**
 * Every byte the server keeps, by where it is: on SQLite each file in DATA_DIR as it lies on disk
 * (the database, its WAL: deleted rows are overwritten there, secure_delete); on PostgreSQL every
 * value of every row of every table of its database (bytea as its bytes, text as UTF-8). What
 * PostgreSQL keeps of deleted row versions until it vacuums, and its WAL, are not looked at.
 */
export async function storedBytes(server: StoredDataOf): Promise<{ source: string; bytes: Buffer }[]> {
  if (server.databaseUrl === null) {
    return readdirSync(server.dataDir).map((file) => ({ source: file, bytes: readFileSync(path.join(server.dataDir, file)) }))
  }
  return withPostgres(server.databaseUrl, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
    )
    const found: { source: string; bytes: Buffer }[] = []
    for (const { name } of tables) {
      const { rows } = await client.query<Record<string, unknown>>(`SELECT * FROM "${name}"`)
      const parts = rows.flatMap((row) => Object.values(row).map(valueBytes))
      found.push({ source: `table ${name}`, bytes: Buffer.concat(parts.flatMap((part) => [part, Buffer.from([0])])) })
    }
    return found
  })
}

function valueBytes(value: unknown): Buffer {
  if (value === null || value === undefined) return Buffer.alloc(0)
  if (Buffer.isBuffer(value)) return value
  if (value instanceof Date) return Buffer.from(value.toISOString())
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value))
}

/** Where in what the server keeps `needle` occurs (file or table names); empty when nowhere. */
export async function storedPlacesMentioning(server: StoredDataOf, needle: string | Uint8Array): Promise<string[]> {
  const wanted = Buffer.from(needle)
  return (await storedBytes(server)).filter(({ bytes }) => bytes.includes(wanted)).map(({ source }) => source)
}
