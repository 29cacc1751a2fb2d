/**
 * Benchmark parameters: defaults, then `BENCH_*` environment variables, then command-line flags.
 *
 *   --boards N   --clients N   --rate N (edits/s per client)   --seconds N   --rounds N
 *   --procs N (client processes; default cores − 1, at most 4)   --warmup N (seconds of uncounted moves before the window)
 *   --drain N (seconds to wait for late deliveries)
 *   --only ours|reference|cluster   --quick (boards 4, clients 5, seconds 5)
 *   --cluster (one SQLite process against two processes on PostgreSQL and Redis, clients spread over both)
 *   --full-clients (real y-websocket clients that apply every update, instead of light ones)
 */
import { availableParallelism } from 'node:os'
import { parseArgs } from 'node:util'
import type { ClientKind } from './bench-client.ts'

/** ours: one process on SQLite; reference: y-websocket's server; cluster: two of ours on PostgreSQL + Redis. */
export type ServerKind = 'ours' | 'reference' | 'cluster'

export interface BenchOptions {
  boards: number
  clients: number
  /** Edits per second, per client. */
  rate: number
  /** Length of the measured window, in seconds. */
  seconds: number
  rounds: number
  /** Client processes the boards are spread over. */
  procs: number
  /** Seconds of moves before the measured window, not counted (JIT, buffers, room warm-up). */
  warmup: number
  /** How long to wait after the window for deliveries still in flight, in seconds. */
  drain: number
  servers: ServerKind[]
  /** 'light' (default): raw-protocol clients that do not apply what they receive; 'full': y-websocket providers. */
  clientKind: ClientKind
}

/** Client processes: one core is left to the server under test; more than 4 rarely helps. */
const DEFAULT_PROCS = Math.max(1, Math.min(4, availableParallelism() - 1))

const DEFAULTS = { boards: 20, clients: 20, rate: 5, seconds: 20, rounds: 2, procs: DEFAULT_PROCS, warmup: 2, drain: 10 }
const QUICK = { boards: 4, clients: 5, seconds: 5 }

type NumericOption = keyof typeof DEFAULTS

export const USAGE = `usage: npm run bench -- [--quick] [--boards N] [--clients N] [--rate N] [--seconds N]
                        [--rounds N] [--procs N] [--warmup N] [--drain N] [--only ours|reference|cluster]
                        [--full-clients] [--cluster]
environment: BENCH_BOARDS, BENCH_CLIENTS, BENCH_RATE, BENCH_SECONDS, BENCH_ROUNDS, BENCH_PROCS,
             BENCH_WARMUP, BENCH_DRAIN, BENCH_ONLY, BENCH_QUICK=1, BENCH_FULL_CLIENTS=1 (flags win)`

function positive(name: string, raw: string): number {
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got "${raw}"`)
  return value
}

function nonNegative(name: string, raw: string): number {
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number ≥ 0, got "${raw}"`)
  return value
}

function integer(name: string, raw: string): number {
  const value = positive(name, raw)
  if (!Number.isInteger(value)) throw new Error(`--${name} must be a whole number, got "${raw}"`)
  return value
}

function serversFrom(raw: string | undefined, cluster: boolean): ServerKind[] {
  if (raw === undefined || raw === '' || raw === 'both') return cluster ? ['ours', 'cluster'] : ['ours', 'reference']
  if (raw === 'ours' || raw === 'reference' || raw === 'cluster') return [raw]
  throw new Error(`--only must be "ours", "reference" or "cluster", got "${raw}"`)
}

const PARSERS: Record<NumericOption, (name: string, raw: string) => number> = {
  boards: integer,
  clients: integer,
  rounds: integer,
  procs: integer,
  rate: positive,
  seconds: positive,
  warmup: nonNegative,
  drain: nonNegative,
}

/** Parses argv (without node and script) and the environment; throws on bad input. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      boards: { type: 'string' },
      clients: { type: 'string' },
      rate: { type: 'string' },
      seconds: { type: 'string' },
      rounds: { type: 'string' },
      procs: { type: 'string' },
      warmup: { type: 'string' },
      drain: { type: 'string' },
      only: { type: 'string' },
      quick: { type: 'boolean' },
      'full-clients': { type: 'boolean' },
      cluster: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help === true) return 'help'
  const quick = values.quick === true || env.BENCH_QUICK === '1'
  const base: Record<NumericOption, number> = { ...DEFAULTS, ...(quick ? QUICK : {}) }
  for (const name of Object.keys(PARSERS) as NumericOption[]) {
    const raw = values[name] ?? env[`BENCH_${name.toUpperCase()}`]
    if (raw === undefined || raw === '') continue
    base[name] = PARSERS[name](name, raw)
  }
  if (base.clients < 2) throw new Error('--clients must be at least 2: latency is measured between clients')
  return {
    ...base,
    procs: Math.min(base.procs, base.boards),
    servers: serversFrom(values.only ?? env.BENCH_ONLY, values.cluster === true || env.BENCH_CLUSTER === '1'),
    clientKind: values['full-clients'] === true || env.BENCH_FULL_CLIENTS === '1' ? 'full' : 'light',
  }
}
