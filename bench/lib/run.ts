/** One measured run: start a server, load it with the clients, read its CPU and memory, stop it. */
import type { ConnectionEvent, DriverResult } from './driver-protocol.ts'
import { DriverPool } from './drivers.ts'
import type { BenchOptions, ServerKind } from './options.ts'
import { cpuMs, cpuPercent, RssSampler, systemBusyMs } from './proc.ts'
import { startServer, type ServerUnderTest } from './servers.ts'
import { summarizeLatency, type LatencySummary } from './stats.ts'

export const SETUP_TIMEOUT_MS = 60_000

export interface RunResult {
  kind: ServerKind
  round: number
  setupMs: number
  /** Moves sent per second during the window (all clients). */
  sentPerSecond: number
  /** Moves observed by other clients, per second of the window. */
  deliveredPerSecond: number
  /** Observed moves / moves that should have been observed, in %. */
  deliveredPercent: number
  latency: LatencySummary
  serverCpuPercent: number
  peakRssMiB: number
  /** Server CPU per edit received (relaying it to the others included), µs: its cost per unit of load. */
  serverCpuUsPerEdit: number
  /** CPU of all client-driver processes during the window, % of one core. */
  clientCpuPercent: number
  /** CPU of the busiest client-driver process, % of one core (near 100 = client-bound). */
  clientCpuMaxPercent: number
  /** CPU used by everything else on the machine during the window, % of one core. */
  otherCpuPercent: number
  /** How late the clients' move timers ran (p99, ms): the load generator's own queueing. */
  sendLagP99Ms: number
  /** Target moves per second over all clients. */
  targetPerSecond: number
  notConverged: number
  stale: number
  skipped: number
  drainMs: number
  events: ConnectionEvent[]
  problems: string[]
}

function concatSamples(parts: Float64Array[]): Float64Array {
  const all = new Float64Array(parts.reduce((total, part) => total + part.length, 0))
  let at = 0
  for (const part of parts) {
    all.set(part, at)
    at += part.length
  }
  return all
}

const sum = (results: DriverResult[], pick: (result: DriverResult) => number) => results.reduce((total, result) => total + pick(result), 0)
const max = (results: DriverResult[], pick: (result: DriverResult) => number) => Math.max(...results.map(pick))

type ClientFigures = Omit<RunResult, 'serverCpuPercent' | 'serverCpuUsPerEdit' | 'otherCpuPercent' | 'peakRssMiB' | 'problems'>

function summarize(kind: ServerKind, round: number, setupMs: number, options: BenchOptions, results: DriverResult[]): ClientFigures {
  const windowMs = max(results, (r) => r.windowMs)
  const delivered = sum(results, (r) => r.delivered)
  const expected = sum(results, (r) => r.expected)
  return {
    kind,
    round,
    setupMs,
    sentPerSecond: (sum(results, (r) => r.sent) * 1000) / windowMs,
    deliveredPerSecond: (delivered * 1000) / windowMs,
    deliveredPercent: expected > 0 ? (delivered / expected) * 100 : Number.NaN,
    latency: summarizeLatency(concatSamples(results.map((r) => r.latencies))),
    clientCpuPercent: (sum(results, (r) => r.cpuMs) / windowMs) * 100,
    clientCpuMaxPercent: (max(results, (r) => r.cpuMs / r.windowMs) * 100),
    sendLagP99Ms: summarizeLatency(concatSamples(results.map((r) => r.sendLags))).p99,
    targetPerSecond: options.boards * options.clients * options.rate,
    notConverged: sum(results, (r) => r.notConverged),
    stale: sum(results, (r) => r.stale),
    skipped: sum(results, (r) => r.skipped),
    drainMs: max(results, (r) => r.drainMs),
    events: results.flatMap((r) => r.events),
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

interface WindowCpu {
  serverCpuPercent: number
  /** Every core's busy time, % of one core (steal included). */
  systemCpuPercent: number
  /** This orchestrating process, % of one core. */
  benchCpuPercent: number
}

/** CPU over the same window the clients count their moves in (after the warm-up). */
async function cpuOverWindow(pids: readonly number[], options: BenchOptions): Promise<WindowCpu> {
  const serverCpu = () => pids.reduce((sum, pid) => sum + (cpuMs(pid) ?? Number.NaN), 0)
  await sleep(options.warmup * 1000)
  const server = serverCpu()
  const system = systemBusyMs() ?? Number.NaN
  const bench = process.cpuUsage()
  const wallStart = performance.now()
  await sleep(options.seconds * 1000)
  const wall = performance.now() - wallStart
  const benchUsed = process.cpuUsage(bench)
  return {
    serverCpuPercent: cpuPercent(server, serverCpu(), wall),
    systemCpuPercent: cpuPercent(system, systemBusyMs() ?? Number.NaN, wall),
    benchCpuPercent: cpuPercent(0, (benchUsed.user + benchUsed.system) / 1000, wall),
  }
}

/** Loads a running server; returns the client-side figures and the server's CPU over the window. */
async function load(server: ServerUnderTest, options: BenchOptions, round: number) {
  const rooms = await server.createRooms(options.boards)
  const { pool, setupMs } = await DriverPool.prepare({
    syncUrls: [...server.syncUrls],
    clientKind: options.clientKind,
    boards: rooms.map((room, board) => ({ ...room, board })),
    procs: options.procs,
    clients: options.clients,
    rate: options.rate,
    warmupSeconds: options.warmup,
    seconds: options.seconds,
    drainSeconds: options.drain,
    setupTimeoutMs: SETUP_TIMEOUT_MS,
  })
  try {
    const [results, cpu] = await Promise.all([
      pool.run((options.warmup + options.seconds + options.drain) * 1000 + 30_000),
      cpuOverWindow(server.pids, options),
    ])
    const figures = summarize(server.kind, round, setupMs, options, results)
    return {
      ...figures,
      serverCpuPercent: cpu.serverCpuPercent,
      // % of a core × 10 = CPU ms per second; per incoming edit (fan-out included), in µs.
      serverCpuUsPerEdit: (cpu.serverCpuPercent * 10 * 1000) / figures.sentPerSecond,
      otherCpuPercent: Math.max(0, cpu.systemCpuPercent - cpu.serverCpuPercent - figures.clientCpuPercent - cpu.benchCpuPercent),
    }
  } finally {
    await pool.close()
  }
}

export async function runOnce(kind: ServerKind, round: number, options: BenchOptions): Promise<RunResult> {
  const server = await startServer(kind)
  // A cluster's peak is the sum of its processes' peaks (an upper bound of their sum at any moment).
  const samplers = server.pids.map((pid) => new RssSampler(pid))
  const stopSampling = () => samplers.reduce((sum, sampler) => sum + sampler.stop(), 0)
  let figures: Awaited<ReturnType<typeof load>>
  let peakRssMiB: number
  try {
    figures = await load(server, options, round)
    peakRssMiB = stopSampling() / 2 ** 20
    if (server.crashed()) throw new Error(`${kind} server exited during the run:\n${server.problems().join('\n')}`)
  } finally {
    stopSampling()
    await server.stop()
  }
  return { ...figures, peakRssMiB, problems: server.problems() }
}

/** Upper bound for one run, for the overall deadline. */
export function runBudgetMs(options: BenchOptions): number {
  return 60_000 + SETUP_TIMEOUT_MS + 30_000 + (options.warmup + options.seconds + options.drain) * 1000 + 30_000 + 15_000
}
