/**
 * Which engine the servers of the integration tests run on. The `integration` project keeps the
 * embedded default (SQLite in each server's DATA_DIR); the `integration-pg` project runs the same
 * files on PostgreSQL: its global setup starts one private cluster and every server a test starts
 * gets a fresh database on it (server-process.ts), unless the test sets DATABASE_URL itself.
 */
import pg from 'pg'

/** The cluster's maintenance database (`postgres://…`), set in the test processes of `integration-pg` only. */
export const TEST_POSTGRES_ENV = 'DIALOOGBORD_TEST_POSTGRES_URL'

export type TestEngine = 'sqlite' | 'postgres'

export function testEngine(): TestEngine {
  return process.env[TEST_POSTGRES_ENV] ? 'postgres' : 'sqlite'
}

export const onPostgres = (): boolean => testEngine() === 'postgres'

let created = 0

/** A new empty database on the test cluster; its `postgres://…` URL. */
export async function createTestDatabase(): Promise<string> {
  const admin = process.env[TEST_POSTGRES_ENV]
  if (!admin) throw new Error(`${TEST_POSTGRES_ENV} is not set: only the integration-pg project has a PostgreSQL cluster`)
  const name = `t_${process.pid}_${++created}_${Date.now().toString(36)}`
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE ${name}`)
  } finally {
    await client.end()
  }
  const url = new URL(admin)
  url.pathname = `/${name}`
  return url.toString()
}
