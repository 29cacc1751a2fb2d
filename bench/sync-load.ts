/**
 * Live-sync load benchmark: our server against the y-websocket reference server, in turns.
 *
 * B boards × C clients per board; every client moves its own tldraw note F times a second for
 * S seconds. Latency is the time from a client's move to each other client of its board
 * receiving it (light clients: the relayed update carrying the move's stamp arrives; full
 * clients, --full-clients: YKeyValue 'change'). Servers run as child processes on loopback ports;
 * the clients run in separate client-driver processes. Prints per-run figures, medians over
 * rounds and the ours/reference ratios.
 *
 *   npm run bench                       # 20 boards × 20 clients × 5 edits/s, 20 s, 2 rounds
 *   npm run bench -- --quick            # 4 × 5, 5 s
 *   npm run bench -- --only reference --boards 10 --rounds 1
 */
import { createRequire } from 'node:module'
import { availableParallelism, cpus } from 'node:os'
import { buildServer } from '../scripts/build-server.mjs'
import { installCleanup } from './lib/cleanup.ts'
import { assertNoteIsValid } from './lib/note.ts'
import { parseOptions, USAGE, type BenchOptions } from './lib/options.ts'
import { anomalies, ratiosTable, resultsTables } from './lib/report.ts'
import { runBudgetMs, runOnce, type RunResult } from './lib/run.ts'

function packageVersion(name: string): string {
  try {
    const require = createRequire(import.meta.url)
    return (require(`${name}/package.json`) as { version: string }).version
  } catch {
    return '?'
  }
}

function describe(options: BenchOptions): string {
  const { boards, clients, rate, seconds, rounds, procs, warmup, drain, clientKind } = options
  const total = boards * clients
  return [
    `node ${process.version} on ${cpus()[0]?.model ?? 'unknown CPU'} (${availableParallelism()} cores)`,
    `yjs ${packageVersion('yjs')}, y-websocket ${packageVersion('y-websocket')}, @y/websocket-server ${packageVersion('@y/websocket-server')}`,
    `load: ${boards} boards × ${clients} clients × ${rate} edits/s for ${seconds} s after ${warmup} s warm-up ` +
      `(${total} clients, ${total * rate} edits/s in, ${total * rate * (clients - 1)} deliveries/s expected)`,
    `rounds: ${rounds} (${options.servers.join(', ')} in turns); ${clientKind} clients in ${procs} process(es); drain: ${drain} s`,
  ].join('\n')
}

async function main(): Promise<number> {
  let options: BenchOptions | 'help'
  try {
    options = parseOptions(process.argv.slice(2))
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`)
    return 64
  }
  if (options === 'help') {
    console.log(USAGE)
    return 0
  }
  assertNoteIsValid()
  // Ours runs the way `npm start` runs it: the built bundle, fresh from the sources.
  if (options.servers.includes('ours') || options.servers.includes('cluster')) await buildServer()
  installCleanup(options.rounds * options.servers.length * runBudgetMs(options) + 30_000)
  console.log(describe(options))

  const results: RunResult[] = []
  const failures: string[] = []
  for (let round = 1; round <= options.rounds; round++) {
    for (const kind of options.servers) {
      process.stdout.write(`\nround ${round}, ${kind}: `)
      try {
        const result = await runOnce(kind, round, options)
        results.push(result)
        const { p50, p99 } = result.latency
        console.log(`setup ${(result.setupMs / 1000).toFixed(1)} s, p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms`)
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        failures.push(`${kind} #${round}: ${message}`)
        console.log(`FAILED: ${message}`)
      }
    }
  }

  console.log('\nlatency = move sent → observed by another client of the board; CPU = % of one core over the window')
  if (results.length > 0) {
    console.log(`\n${resultsTables(results, options.servers)}`)
    const ratios = ratiosTable(results)
    if (ratios !== null) console.log(`\n${ratios}`)
  }
  const notes = [...anomalies(results), ...failures.map((f) => `FAILED ${f}`)]
  console.log(notes.length > 0 ? `\nanomalies:\n${notes.map((n) => `  ${n}`).join('\n')}` : '\nno anomalies: every move reached every other client')
  return failures.length > 0 ? 1 : 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
