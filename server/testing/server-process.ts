/**
 * Test helper: runs the real server as a child process on a free port with its own DATA_DIR,
 * the way an operator would, and collects its log lines.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { once } from 'node:events'
import { createTestDatabase, onPostgres } from './test-engine.ts'

export interface ServerProcess {
  url: string
  port: number
  dataDir: string
  /** Its PostgreSQL database (`postgres://…`), or null when it keeps everything in SQLite in `dataDir`. */
  databaseUrl: string | null
  logs: string[]
  child: ChildProcess
  /** SIGTERM, resolves with the exit code. */
  stop(): Promise<number | null>
  /** SIGKILL: no chance to flush or close anything. */
  kill(): Promise<void>
}

export async function freePort(): Promise<number> {
  const probe = createServer()
  probe.listen(0, '127.0.0.1')
  await once(probe, 'listening')
  const address = probe.address()
  const port = typeof address === 'object' && address ? address.port : 0
  probe.close()
  await once(probe, 'close')
  return port
}

export function tempDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'dialoogbord-test-'))
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

/** The sources through tsx (what tests change), or a built bundle such as `dist/server/main.mjs`. */
export type ServerEntry = { source: true } | { bundle: string }

const nodeArgs = (entry: ServerEntry): string[] => ('bundle' in entry ? [entry.bundle] : ['--import', 'tsx', 'server/main.ts'])

/**
 * On the PostgreSQL test engine each DATA_DIR gets a database of its own: a server started again
 * on the same DATA_DIR (a restart) finds the same data, as it would in its SQLite file.
 */
const databaseOfDataDir = new Map<string, string>()

async function databaseFor(dataDir: string, env: Record<string, string> | undefined): Promise<string | null> {
  if (env?.DATABASE_URL !== undefined) return env.DATABASE_URL || null
  if (!onPostgres()) return null
  let url = databaseOfDataDir.get(dataDir)
  if (url === undefined) {
    url = await createTestDatabase()
    databaseOfDataDir.set(dataDir, url)
  }
  return url
}

/** `port` reuses a port (a restart that clients reconnect to); by default a free one is picked. */
export async function startServerProcess(
  options: { dataDir?: string; port?: number; env?: Record<string, string>; entry?: ServerEntry } = {},
): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? tempDataDir()
  const port = options.port ?? (await freePort())
  const databaseUrl = await databaseFor(dataDir, options.env)
  const engine = databaseUrl === null ? {} : { DATABASE_URL: databaseUrl }
  const child = spawn(process.execPath, nodeArgs(options.entry ?? { source: true }), {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...engine, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const logs: string[] = []
  let buffered = ''
  const listening = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8')
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        logs.push(line)
        if (line.includes('"msg":"listening"')) resolve()
      }
    })
    child.stderr!.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')))
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${logs.join('\n')}`)))
  })
  await listening
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    databaseUrl,
    logs,
    child,
    async stop() {
      child.kill('SIGTERM')
      return exited
    },
    async kill() {
      child.kill('SIGKILL')
      await exited
    },
  }
}
