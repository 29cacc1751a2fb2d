/** Formats benchmark results as plain-text tables. */
import type { ServerKind } from './options.ts'
import type { RunResult } from './run.ts'
import { median } from './stats.ts'

interface Column {
  title: string
  value: (row: RunResult) => number
  digits: number
}

/** Two tables side by side would not fit a terminal: what reached whom, and what it cost. */
const GROUPS: { title: string; columns: Column[] }[] = [
  {
    title: 'delivery',
    columns: [
      { title: 'edits/s in', value: (r) => r.sentPerSecond, digits: 0 },
      { title: 'deliv/s out', value: (r) => r.deliveredPerSecond, digits: 0 },
      { title: 'deliv %', value: (r) => r.deliveredPercent, digits: 2 },
      { title: 'p50 ms', value: (r) => r.latency.p50, digits: 2 },
      { title: 'p95 ms', value: (r) => r.latency.p95, digits: 2 },
      { title: 'p99 ms', value: (r) => r.latency.p99, digits: 2 },
      { title: 'max ms', value: (r) => r.latency.max, digits: 1 },
    ],
  },
  {
    title: 'resources',
    columns: [
      { title: 'srv CPU %', value: (r) => r.serverCpuPercent, digits: 0 },
      { title: 'srv µs/edit', value: (r) => r.serverCpuUsPerEdit, digits: 0 },
      { title: 'srv RSS MiB', value: (r) => r.peakRssMiB, digits: 0 },
      { title: 'cli CPU %', value: (r) => r.clientCpuPercent, digits: 0 },
      { title: 'cli max %', value: (r) => r.clientCpuMaxPercent, digits: 0 },
      { title: 'cli lag p99 ms', value: (r) => r.sendLagP99Ms, digits: 1 },
      { title: 'other CPU %', value: (r) => r.otherCpuPercent, digits: 0 },
    ],
  },
]

const fmt = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '–')

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)))
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

/** Per group: one row per run, then per server the median over its rounds. */
export function resultsTables(results: RunResult[], kinds: ServerKind[]): string {
  const byKind = kinds.map((kind) => results.filter((r) => r.kind === kind)).filter((runs) => runs.length > 0)
  return GROUPS.map(({ title, columns }) => {
    const runRows = results.map((r) => [`${r.kind} #${r.round}`, ...columns.map((c) => fmt(c.value(r), c.digits))])
    const medianRows = byKind.map((runs) => [
      `${runs[0]!.kind} median of ${runs.length}`,
      ...columns.map((c) => fmt(median(runs.map(c.value)), c.digits)),
    ])
    return table([title, ...columns.map((c) => c.title)], [...runRows, ...medianRows])
  }).join('\n\n')
}

const RATIOS: { title: string; value: (r: RunResult) => number }[] = [
  { title: 'latency p50', value: (r) => r.latency.p50 },
  { title: 'latency p99', value: (r) => r.latency.p99 },
  { title: 'server CPU %', value: (r) => r.serverCpuPercent },
  { title: 'server CPU µs per edit', value: (r) => r.serverCpuUsPerEdit },
  { title: 'server peak RSS', value: (r) => r.peakRssMiB },
  { title: 'deliveries/s', value: (r) => r.deliveredPerSecond },
]

/**
 * Ratios of the medians, for each pair of servers in the run: ours / reference, and with
 * --cluster the two-process cluster / one SQLite process (below 1 means the first is lower).
 * A cluster's CPU and RSS are those of both its processes together.
 */
export function ratiosTable(results: RunResult[]): string | null {
  const pairs: [ServerKind, ServerKind][] = [
    ['ours', 'reference'],
    ['cluster', 'ours'],
  ]
  const tables = pairs.flatMap(([first, second]) => {
    const a = results.filter((r) => r.kind === first)
    const b = results.filter((r) => r.kind === second)
    if (a.length === 0 || b.length === 0) return []
    const rows = RATIOS.map(({ title, value }) => {
      const x = median(a.map(value))
      const y = median(b.map(value))
      return [title, fmt(x, 2), fmt(y, 2), fmt(x / y, 2)]
    })
    return [table([`${first} / ${second} (medians)`, first, second, 'ratio'], rows)]
  })
  return tables.length > 0 ? tables.join('\n\n') : null
}

/**
 * Why a run looks limited by the clients rather than the server, or null. A client's timer lag
 * is also how long received messages wait in it, so it matters once it is a noticeable part of
 * the latency tail (over 10 ms and over a tenth of the latency p99).
 */
export function clientBound(r: RunResult): string | null {
  const reasons: string[] = []
  if (r.sentPerSecond < 0.95 * r.targetPerSecond) reasons.push(`sent ${r.sentPerSecond.toFixed(0)} of ${r.targetPerSecond} edits/s`)
  if (r.sendLagP99Ms > Math.max(10, r.latency.p99 / 10)) reasons.push(`client timers ran ${r.sendLagP99Ms.toFixed(0)} ms late (p99)`)
  if (r.clientCpuMaxPercent > 85) reasons.push(`a client process used ${r.clientCpuMaxPercent.toFixed(0)} % of a core`)
  return reasons.length > 0 ? reasons.join(', ') : null
}

/** Anything that went wrong: lost or late deliveries, closed connections, server warnings. */
export function anomalies(results: RunResult[]): string[] {
  const lines: string[] = []
  for (const r of results) {
    const tag = `${r.kind} #${r.round}`
    if (r.notConverged > 0) lines.push(`${tag}: ${r.notConverged} receiver×sender pairs never saw the sender's last move (after ${(r.drainMs / 1000).toFixed(1)} s drain)`)
    if (r.skipped > 0) lines.push(`${tag}: ${r.skipped} moves never observed by some receiver (a later one arrived instead)`)
    if (r.stale > 0) lines.push(`${tag}: ${r.stale} moves observed out of order (older than one already seen)`)
    if (r.otherCpuPercent > 20) lines.push(`${tag}: other processes used ${r.otherCpuPercent.toFixed(0)} % of a core during the window: figures are disturbed`)
    const bound = clientBound(r)
    if (bound !== null) lines.push(`${tag}: load generator lagging (${bound}): figures include client-side queueing, not only the server`)
    const byWhat = new Map<string, number>()
    for (const event of r.events) byWhat.set(event.what, (byWhat.get(event.what) ?? 0) + 1)
    for (const [what, count] of byWhat) lines.push(`${tag}: ${count}× client ${what}`)
    if (r.problems.length > 0) {
      lines.push(`${tag}: ${r.problems.length} server problem(s) (logged warnings/errors, stderr, unclean exit), first ones:`)
      for (const line of r.problems.slice(0, 5)) lines.push(`    ${line.slice(0, 300)}`)
    }
  }
  return lines
}
