/**
 * The two servers under test, each started as its own child process on a free loopback port:
 * ours (the built `dist/server/main.mjs`, as `npm start` runs it, with a fresh DATA_DIR) and the
 * y-websocket reference server (`@y/websocket-server`, in memory, no persistence).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import path from 'node:path'
import { SERVER_BUNDLE } from '../../scripts/build-server.mjs'
import { startPostgres } from '../../server/testing/postgres-cluster.ts'
import { startRedis } from '../../server/testing/redis-process.ts'
import { MALLOC_ENV } from '../../scripts/server-env.mjs'
import { exitStatus, makeTempDir, removeTempDir, stopChild, track } from './cleanup.ts'
import type { ServerKind } from './options.ts'

const HOST = '127.0.0.1'
const READY_TIMEOUT_MS = 60_000

/** A room the clients of one board join, with the URL parameters they must pass. */
export interface RoomTicket {
  room: string
  params: Record<string, string>
}

export interface ServerUnderTest {
  readonly kind: ServerKind
  readonly pid: number
  /** The `serverUrl` argument for y-websocket's WebsocketProvider. */
  readonly syncUrl: string
  /** Every process clients may connect to (a cluster has several; clients are dealt over them). */
  readonly syncUrls: readonly string[]
  /** The processes whose CPU and memory count as the server's. */
  readonly pids: readonly number[]
  /** http://host:port of the server. */
  readonly origin: string
  createRooms(count: number): Promise<RoomTicket[]>
  /** Warning and error lines the server logged so far (and anything on stderr). */
  problems(): string[]
  /** Whether the process exited on its own before stop(). */
  crashed(): boolean
  /** SIGTERM (SIGKILL after 5 s); an unclean exit of ours is added to problems(). */
  stop(): Promise<void>
}

export async function freePort(): Promise<number> {
  const probe = createServer()
  probe.listen(0, HOST)
  await once(probe, 'listening')
  const address = probe.address()
  probe.close()
  await once(probe, 'close')
  if (typeof address !== 'object' || address === null) throw new Error('could not pick a free port')
  return address.port
}

/** The environment for a server: ours without anything that would change its behaviour. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const name of ['ADMIN_TOKEN', 'PUBLIC_URL', 'YPERSISTENCE', 'CALLBACK_URL', 'GC', 'NODE_OPTIONS']) delete env[name]
  return { ...env, ...extra }
}

/** Collects a child's output line by line, keeping the lines `keep` accepts (bounded). */
function collectLines(child: ChildProcess, keep: (line: string, stream: 'stdout' | 'stderr') => boolean): string[] {
  const kept: string[] = []
  const MAX_KEPT = 200
  for (const stream of ['stdout', 'stderr'] as const) {
    let buffered = ''
    child[stream]?.setEncoding('utf8')
    child[stream]?.on('data', (chunk: string) => {
      buffered += chunk
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) if (line.trim() !== '' && kept.length < MAX_KEPT && keep(line, stream)) kept.push(line)
    })
  }
  return kept
}

/** Our server logs JSON lines: anything above info is a problem, and so is all of stderr. */
function isOurProblem(line: string, stream: 'stdout' | 'stderr'): boolean {
  if (stream === 'stderr') return true
  try {
    const level = (JSON.parse(line) as { level?: unknown }).level
    return level !== 'info' && level !== 'debug'
  } catch {
    return true // not one of our JSON log lines: worth showing
  }
}

/** The reference server prints one banner line on stdout; anything else is worth showing. */
function isReferenceProblem(line: string, stream: 'stdout' | 'stderr'): boolean {
  return stream === 'stderr' || !line.startsWith('running at ')
}

async function waitUntilReady(url: string, child: ChildProcess, problems: string[]): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${problems.join('\n')}`)
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      if (response.status === 200) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`server did not answer ${url} within ${READY_TIMEOUT_MS / 1000} s`)
}

/** Makes the reference server exit normally on SIGTERM (it would die of it), so V8 writes its profile. */
const EXIT_ON_SIGTERM = "data:text/javascript,process.once('SIGTERM',()=>process.exit(0))"

/**
 * BENCH_PROFILE_DIR=<dir> also profiles the servers (written when they exit on SIGTERM: ours
 * does by itself; the reference server gets a SIGTERM handler that exits).
 */
function profileArgs(kind: ServerKind): string[] {
  const dir = process.env.BENCH_PROFILE_DIR
  if (!dir) return []
  return ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...(kind === 'reference' ? ['--import', EXIT_ON_SIGTERM] : [])]
}

interface Launch {
  kind: ServerKind
  args: string[]
  env: Record<string, string>
  readyPath: string
  syncPath: string
  createRooms: (origin: string, count: number) => Promise<RoomTicket[]>
  isProblem: (line: string, stream: 'stdout' | 'stderr') => boolean
  dataDir: string | null
}

async function launch(spec: Launch, port: number): Promise<ServerUnderTest> {
  const child = track(
    spawn(process.execPath, [...profileArgs(spec.kind), ...spec.args], {
      cwd: process.cwd(),
      env: childEnv({ ...spec.env, PORT: String(port), HOST }),
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  )
  const problems = collectLines(child, spec.isProblem)
  child.on('error', (error) => problems.push(`could not run the server: ${error.message}`))
  let stopping = false
  const origin = `http://${HOST}:${port}`
  try {
    await waitUntilReady(origin + spec.readyPath, child, problems)
  } catch (error) {
    await stopChild(child)
    if (spec.dataDir !== null) removeTempDir(spec.dataDir)
    throw error
  }
  return {
    kind: spec.kind,
    pid: child.pid ?? -1,
    syncUrl: `ws://${HOST}:${port}${spec.syncPath}`,
    syncUrls: [`ws://${HOST}:${port}${spec.syncPath}`],
    pids: [child.pid ?? -1],
    origin,
    createRooms: (count) => spec.createRooms(origin, count),
    problems: () => [...problems],
    crashed: () => !stopping && (child.exitCode !== null || child.signalCode !== null),
    async stop() {
      stopping = true
      const started = Date.now()
      await stopChild(child)
      if (spec.dataDir !== null) removeTempDir(spec.dataDir)
      const took = Date.now() - started
      // The contract: SIGTERM → exit 0 within 5 s. The reference server simply dies of the signal.
      if (spec.kind === 'ours' && (child.exitCode !== 0 || took > 5_000)) {
        problems.push(`did not shut down cleanly on SIGTERM: ${exitStatus(child)} after ${(took / 1000).toFixed(1)} s`)
      }
    },
  }
}

interface CreatedBoard {
  id: string
  tokens: { editor: string }
}

async function createBoard(origin: string, title: string): Promise<RoomTicket> {
  const response = await fetch(`${origin}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
    signal: AbortSignal.timeout(10_000),
  })
  const body = (await response.json()) as Partial<CreatedBoard> & { error?: string }
  if (response.status !== 201 || typeof body.id !== 'string' || typeof body.tokens?.editor !== 'string') {
    throw new Error(`POST /api/boards answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`)
  }
  return { room: body.id, params: { token: body.tokens.editor } }
}

async function createOurBoards(origin: string, count: number): Promise<RoomTicket[]> {
  const rooms: RoomTicket[] = []
  for (let i = 0; i < count; i++) rooms.push(await createBoard(origin, `bench ${i + 1}`))
  return rooms
}

let referenceRunId = 0

async function referenceRooms(_origin: string, count: number): Promise<RoomTicket[]> {
  const run = ++referenceRunId
  return Array.from({ length: count }, (_, i) => ({ room: `bench-${run}-${i + 1}`, params: {} }))
}

/** The malloc settings `npm start` gives the server, unless this process's environment sets its own. */
const ourMallocSettings = (): Record<string, string> =>
  Object.fromEntries(Object.entries(MALLOC_ENV).map(([name, value]) => [name, process.env[name] ?? value]))

/**
 * `bundle`: another build of ours (default: the one `npm start` runs); `env`: settings on top of
 * DATA_DIR. It runs as `npm start` runs it, with its malloc settings.
 */
export function startOurs(options: { bundle?: string; env?: Record<string, string> } = {}): Promise<ServerUnderTest> {
  const dataDir = makeTempDir('dialoogbord-bench-')
  return freePort().then((port) =>
    launch(
      {
        kind: 'ours',
        args: [options.bundle ?? SERVER_BUNDLE],
        env: { ...ourMallocSettings(), ...options.env, DATA_DIR: dataDir },
        readyPath: '/healthz',
        syncPath: '/sync',
        createRooms: createOurBoards,
        isProblem: isOurProblem,
        dataDir,
      },
      port,
    ),
  )
}

export function referenceServerScript(): string {
  const require = createRequire(import.meta.url)
  return path.join(path.dirname(require.resolve('@y/websocket-server/package.json')), 'src', 'server.js')
}

export async function startReference(): Promise<ServerUnderTest> {
  const port = await freePort()
  return launch(
    {
      kind: 'reference',
      args: [referenceServerScript()],
      env: {},
      readyPath: '/',
      syncPath: '',
      createRooms: referenceRooms,
      isProblem: isReferenceProblem,
      dataDir: null,
    },
    port,
  )
}

export function startServer(kind: ServerKind): Promise<ServerUnderTest> {
  if (kind === 'cluster') return startCluster()
  return kind === 'ours' ? startOurs() : startReference()
}

/**
 * Two of ours on a private PostgreSQL and Redis (started from the machine's binaries), as
 * `npm start` runs each of them. Their CPU and memory are the server's; PostgreSQL's and Redis's
 * show up as other processes' CPU.
 */
export async function startCluster(): Promise<ServerUnderTest> {
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()])
  const processes: ServerUnderTest[] = []
  try {
    const env = { DATABASE_URL: postgres.url, REDIS_URL: redis.url }
    processes.push(await startOurs({ env }), await startOurs({ env }))
  } catch (error) {
    await Promise.all(processes.map((server) => server.stop()))
    await Promise.all([postgres.stop(), redis.stop()])
    throw error
  }
  const [first, second] = processes as [ServerUnderTest, ServerUnderTest]
  return {
    kind: 'cluster',
    pid: first.pid,
    pids: [first.pid, second.pid],
    syncUrl: first.syncUrl,
    syncUrls: [first.syncUrl, second.syncUrl],
    origin: first.origin,
    createRooms: (count) => first.createRooms(count),
    problems: () => [...first.problems(), ...second.problems()],
    crashed: () => first.crashed() || second.crashed(),
    async stop() {
      await Promise.all([first.stop(), second.stop()])
      await Promise.all([postgres.stop(), redis.stop()])
    },
  }
}
