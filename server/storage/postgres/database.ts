/**
 * The PostgreSQL connection pool of a process (DATABASE_URL), with its schema brought up to date
 * first. Several processes may start at once: the migrations run under an advisory lock, so one
 * applies them and the others find them applied.
 */
import pg from 'pg'
import { PG_MIGRATIONS } from './migrations.ts'

export type PgPool = pg.Pool
export type PgClient = pg.PoolClient

/** Any constant agreed by every process: the advisory lock held while migrating. */
const MIGRATION_LOCK = 0x4469616c // "Dial"

/** A pool on a database whose schema is already current (e.g. the read worker's, started later). */
export function connectPostgres(url: string, options: { max?: number } = {}): PgPool {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 })
  // An idle client whose connection dies must not take the process down; the next query reconnects.
  pool.on('error', () => {})
  return pool
}

/** A pool, with the schema brought up to date first (start-up). */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<PgPool> {
  const pool = connectPostgres(url, options)
  try {
    await migrate(pool)
  } catch (error) {
    await pool.end()
    throw error
  }
  return pool
}

async function migrate(pool: PgPool): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())')
    const { rows } = await client.query<{ version: number }>('SELECT coalesce(max(version), 0)::integer AS version FROM schema_migrations')
    const current = rows[0]?.version ?? 0
    if (current > PG_MIGRATIONS.length) throw new Error(`database schema version ${current} is newer than this server (${PG_MIGRATIONS.length})`)
    for (let version = current; version < PG_MIGRATIONS.length; version++) {
      await inTransaction(client, async () => {
        await client.query(PG_MIGRATIONS[version]!)
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version + 1])
      })
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined)
    client.release()
  }
}

/** Runs `work` in a transaction on `client` (BEGIN by default), rolled back when it throws. */
export async function inTransaction<T>(client: PgClient, work: () => Promise<T>, begin = 'BEGIN'): Promise<T> {
  await client.query(begin)
  try {
    const result = await work()
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  }
}

/** Runs `work` in a transaction on a client of the pool. */
export async function transaction<T>(pool: PgPool, work: (client: PgClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  const client = await pool.connect()
  let failed = false
  try {
    return await inTransaction(client, () => work(client), begin).catch((error: unknown) => {
      // Not an answer of the server (a broken connection, or our own error mid-way): the client
      // is dropped rather than reused in an unknown state.
      failed = !(error instanceof pg.DatabaseError)
      throw error
    })
  } finally {
    client.release(failed)
  }
}
