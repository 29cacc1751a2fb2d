/**
 * Test helper: a private PostgreSQL cluster from the machine's own binaries (`initdb` + `pg_ctl`)
 * in a temp dir on a free port, so integration tests and the cluster demo run against the real
 * engine without Docker. PostgreSQL refuses to run as root, so as root it runs as `postgres`.
 */
import { execFile } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { freePort } from './server-process.ts'

const run = promisify(execFile)

export interface PostgresCluster {
  /** `postgres://…` of the cluster's `dialoogbord` database. */
  url: string
  port: number
  /** A new empty database on the cluster, for one test file or process group. */
  createDatabase(name: string): Promise<string>
  stop(): Promise<void>
}

/** Where the server binaries are: PG_BIN, else the newest /usr/lib/postgresql/<version>/bin. */
export function postgresBinDir(): string | null {
  if (process.env.PG_BIN) return process.env.PG_BIN
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const versions = readdirSync(root).filter((name) => existsSync(path.join(root, name, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a))
  return versions[0] ? path.join(root, versions[0], 'bin') : null
}

const isRoot = () => process.getuid?.() === 0

/** Runs a PostgreSQL binary, as `postgres` when we are root. */
async function pg(bin: string, tool: string, args: string[]): Promise<string> {
  const command = path.join(bin, tool)
  const { stdout } = isRoot() ? await run('runuser', ['-u', 'postgres', '--', command, ...args]) : await run(command, args)
  return stdout
}

export async function startPostgres(): Promise<PostgresCluster> {
  const bin = postgresBinDir()
  if (!bin) throw new Error('PostgreSQL server binaries not found (install the Debian package postgresql, or set PG_BIN)')
  const dir = mkdtempSync(path.join(tmpdir(), 'dialoogbord-pg-'))
  if (isRoot()) {
    const { uid, gid } = await postgresIds()
    chownSync(dir, uid, gid)
  }
  const data = path.join(dir, 'data')
  const port = await freePort()
  const user = 'dialoogbord'
  try {
    await pg(bin, 'initdb', ['-D', data, '-U', user, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'])
    // Durability settings off: a test cluster needs speed, not crash safety of its own.
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`
    await pg(bin, 'pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start'])
    await pg(bin, 'createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', user, 'dialoogbord'])
  } catch (error) {
    const log = existsSync(path.join(dir, 'log')) ? readFileSync(path.join(dir, 'log'), 'utf8').slice(-2000) : ''
    rmSync(dir, { recursive: true, force: true })
    throw new Error(`starting PostgreSQL failed: ${error instanceof Error ? error.message : String(error)}\n${log}`)
  }
  const urlOf = (database: string) => `postgres://${user}@127.0.0.1:${port}/${database}`
  return {
    url: urlOf('dialoogbord'),
    port,
    async createDatabase(name) {
      await pg(bin, 'createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', user, name])
      return urlOf(name)
    },
    async stop() {
      await pg(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])])
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) }
}
