/**
 * Big boards: how long the heavy operations on a board of 5k, 20k and 50k cards take and how
 * much memory the server needs for them (issue 9, "Linear everything").
 *
 *   npm run bench:big-board -- [--sizes 5000,20000,50000]
 *
 * Per size, on a fresh server (the bundle `npm start` runs, built from the sources into
 * dist/bench/): a casusreconstructie board with N notes spread over its zones, each note
 * attributed (`textFirstEditedBy`) as a named participant's would be, then in this order:
 *   import      POST /api/boards/import of that board as an export file
 *   cold open   a client connects to the board, not yet in memory, until it is synced
 *   report.md   GET, first (computed) and again (unchanged board)
 *   export.json GET of the board as an export file, first (computed) and again (unchanged board:
 *               its stall is what sending tens of MB costs, the floor for the first one)
 *   snapshot    POST …/snapshots (the state the restore and fork start from)
 *   snapshot GET  GET …/snapshots/:sid, the snapshot opened (first: decoded)
 *   fork        POST …/snapshots/:sid/fork
 *   anonymity   PATCH {"anonymous": true}: scrubs the live document, its log and the snapshot
 *               (the switch rewrites every snapshot that names someone: its cost grows with them)
 *   restore     POST …/snapshots/:sid/restore after the (reconnected) client moved every note,
 *               until the client has every note back in place
 * Time is wall time as the client sees it; server CPU is what the server process (all threads)
 * spent, the steadier figure on a shared machine. Peak RSS is the server's resident set during
 * the step (VmHWM reset when the step starts, and sampled every 20 ms), worker threads included;
 * it holds whatever the earlier steps left in the heap. VmHWM over the whole run is shown too. "stall"
 * is the longest a `GET /healthz` sent during the step waited: how long the step blocked
 * everyone else (for cold open and restore it also holds the bench's own client applying the
 * board, which runs in this process).
 * The server runs with limits raised so the sizes fit (body size, records, request rates);
 * everything else is the default.
 * Targets (issue 9): at 50k each step ≤ 3 s and peak RSS ≤ 600 MiB, 20k → 50k growth ≤ 3×.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { CreatedBoard, SnapshotInfo } from '../shared/api.ts'
import { BoardGeometry } from '../shared/board-geometry.ts'
import type { StoredRecord } from '../shared/doc-layout.ts'
import { buildServer } from '../scripts/build-server.mjs'
import { documentRecords, tldrawSchema } from '../server/initial-document.ts'
import { SyncClient, testRecord } from '../server/testing/sync-client.ts'
import { findTemplate } from '../templates/index.ts'
import { writeRecords } from '../shared/doc-layout.ts'
import { installCleanup } from './lib/cleanup.ts'
import { cpuMs, RssSampler, statusBytes } from './lib/proc.ts'
import { startOurs, type ServerUnderTest } from './lib/servers.ts'

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '5000,20000,50000' } } })
const SIZES = values.sizes.split(',').map(Number)
const BUNDLE = path.join('dist', 'bench', 'big-board-server.mjs')
const MIB = 1024 * 1024
const TARGET_MS = 3_000
const TARGET_RSS = 600 * MIB
const TARGET_GROWTH = 3

/** Limits raised so that a 50k-card board fits at all; nothing else differs from the defaults. */
const SERVER_ENV: Record<string, string> = {
  MAX_BODY_BYTES: String(256 * MIB),
  MAX_RECORDS_PER_BOARD: '200000',
  BOARDS_PER_HOUR_PER_ADDRESS: '100000',
  EXPENSIVE_REQUESTS_PER_MINUTE: '100000',
}

const USER_ID = 'user:bench-deelnemer'

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** A fractional index key for note `i` above the template's (`c` + three digits: 238k of them). */
function noteIndex(i: number): string {
  return `c${BASE62[Math.floor(i / 3_844) % 62]}${BASE62[Math.floor(i / 62) % 62]}${BASE62[i % 62]}`
}

/** The template's records plus `count` attributed notes spread over its zones. */
function boardRecords(count: number): StoredRecord[] {
  const base = documentRecords(findTemplate('casusreconstructie')!) as unknown as StoredRecord[]
  const geometry = new BoardGeometry(base)
  const zones = geometry.zoneFrames().map((frame) => geometry.bounds(frame))
  const notes: StoredRecord[] = []
  for (let i = 0; i < count; i++) {
    const zone = zones[i % zones.length]!
    const slot = Math.floor(i / zones.length)
    const perRow = Math.max(1, Math.floor((zone.maxX - zone.minX) / 40))
    const x = zone.minX + 20 + (slot % perRow) * 40
    const y = zone.minY + 120 + (Math.floor(slot / perRow) % 20) * 40
    const note = testRecord(`kaart-${i}`, { x, y, text: `Kaart ${i}: wat een deelnemer over dit onderdeel opschreef` })
    notes.push({ ...note, index: noteIndex(i), props: { ...(note.props as object), textFirstEditedBy: USER_ID } })
  }
  return [...base, ...notes]
}

interface Step {
  ms: number
  /** CPU time the server process (all its threads) spent in the step. */
  cpuMs: number
  peakRss: number
  stallMs: number
}

/** Runs `run` while sampling the server's RSS and timing /healthz round trips. */
async function measure(server: ServerUnderTest, name: string, run: () => Promise<unknown>): Promise<Step> {
  console.error(`  ${name}`)
  const sampler = new RssSampler(server.pid, 20, true)
  const cpuBefore = cpuMs(server.pid) ?? Number.NaN
  let running = true
  let stallMs = 0
  const probe = (async () => {
    while (running) {
      const started = performance.now()
      try {
        await fetch(`${server.origin}/healthz`).then((response) => response.arrayBuffer())
      } catch {
        running = false // the server went down: the step itself reports why
      }
      stallMs = Math.max(stallMs, performance.now() - started)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  })()
  const started = performance.now()
  try {
    await run()
  } finally {
    running = false
  }
  const ms = performance.now() - started
  await probe
  return { ms, cpuMs: (cpuMs(server.pid) ?? Number.NaN) - cpuBefore, peakRss: sampler.stop(), stallMs }
}

async function call<T>(server: ServerUnderTest, method: string, route: string, token: string | null, body?: unknown): Promise<T> {
  const response = await fetch(`${server.origin}/api${route}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text.slice(0, 300)}`)
  return (response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T
}

/**
 * GETs a big answer chunk by chunk, neither kept, decoded nor parsed: the bench's own event loop
 * times /healthz, so it must not stall on tens of MB itself.
 */
async function download(server: ServerUnderTest, route: string, token: string): Promise<number> {
  const response = await fetch(`${server.origin}/api${route}`, { headers: { authorization: `Bearer ${token}` } })
  if (!response.ok) throw new Error(`GET ${route}: ${response.status} ${(await response.text()).slice(0, 300)}`)
  const reader = response.body!.getReader()
  let bytes = 0
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.byteLength
  return bytes
}

type StepName = 'import' | 'cold open' | 'report.md' | 'report.md again' | 'export.json' | 'export.json again' | 'snapshot' | 'snapshot GET' | 'fork' | 'anonymity' | 'restore'
const STEPS: StepName[] = ['import', 'cold open', 'report.md', 'report.md again', 'export.json', 'export.json again', 'snapshot', 'snapshot GET', 'fork', 'anonymity', 'restore']
/** The steps the targets are about. */
const TARGETED: ReadonlySet<StepName> = new Set(['import', 'cold open', 'report.md', 'fork', 'restore', 'anonymity'])

async function runSize(count: number): Promise<{ steps: Map<StepName, Step>; hwm: number }> {
  const server = await startOurs({ bundle: BUNDLE, env: SERVER_ENV })
  const steps = new Map<StepName, Step>()
  let client: SyncClient | null = null
  try {
    const file = JSON.stringify({ format: 'dialoogbord', version: 1, title: `Groot bord ${count}`, template: 'casusreconstructie', schema: tldrawSchema.serialize(), records: boardRecords(count) })
    let board: CreatedBoard | null = null
    steps.set('import', await measure(server, 'import', async () => (board = await call<CreatedBoard>(server, 'POST', '/boards/import', null, file))))
    const created = board as unknown as CreatedBoard
    const facilitator = created.tokens.facilitator
    const route = `/boards/${created.id}`

    steps.set('cold open', await measure(server, 'cold open', async () => (client = await SyncClient.connect(server.origin, created.id, created.tokens.editor))))
    const connected = client as unknown as SyncClient
    if (connected.doc.getArray('tl_records').length < count) throw new Error('the client did not receive every card')
    steps.set('report.md', await measure(server, 'report.md', () => call(server, 'GET', `${route}/report.md`, facilitator)))
    steps.set('report.md again', await measure(server, 'report.md again', () => call(server, 'GET', `${route}/report.md`, facilitator)))
    steps.set('export.json', await measure(server, 'export.json', () => download(server, `${route}/export.json`, facilitator)))
    steps.set('export.json again', await measure(server, 'export.json again', () => download(server, `${route}/export.json`, facilitator)))
    let snapshot: SnapshotInfo | null = null
    steps.set('snapshot', await measure(server, 'snapshot', async () => (snapshot = await call<SnapshotInfo>(server, 'POST', `${route}/snapshots`, facilitator, { label: 'bench' }))))
    const sid = (snapshot as unknown as SnapshotInfo).id
    steps.set('snapshot GET', await measure(server, 'snapshot GET', () => download(server, `${route}/snapshots/${sid}`, facilitator)))
    steps.set('fork', await measure(server, 'fork', () => call(server, 'POST', `${route}/snapshots/${sid}/fork`, facilitator, { title: 'Vervolg' })))

    // The switch closes every connection (the mode changed): the client comes back for the restore.
    steps.set('anonymity', await measure(server, 'anonymity', () => call(server, 'PATCH', route, facilitator, { anonymous: true })))
    await connected.closed
    await connected.close()
    client = await SyncClient.connect(server.origin, created.id, created.tokens.editor)
    const again = client as unknown as SyncClient

    // Move every note (in messages under the size limit), then restore: every note changes back.
    const notes = (again.doc.getArray('tl_records').toArray() as { val: StoredRecord }[]).map(({ val }) => val).filter((val) => val.type === 'note')
    for (let from = 0; from < notes.length; from += 2_000) {
      writeRecords(again.doc, { put: notes.slice(from, from + 2_000).map((note) => ({ ...note, x: Number(note.x) + 1 })) })
    }
    await again.roundTrip()
    const probe = notes[0]!
    steps.set(
      'restore',
      await measure(server, 'restore', async () => {
        await call(server, 'POST', `${route}/snapshots/${sid}/restore`, facilitator)
        await again.waitFor((c) => c.records.get(probe.id)?.x === probe.x)
      }),
    )
    return { steps, hwm: statusBytes(server.pid, 'VmHWM') ?? Number.NaN }
  } finally {
    for (const problem of server.problems()) console.error(`  server: ${problem.slice(0, 500)}`)
    await (client as SyncClient | null)?.close()
    await server.stop()
  }
}

const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`)
const fmtMiB = (bytes: number) => `${Math.round(bytes / MIB)} MiB`

async function main(): Promise<void> {
  installCleanup(20 * 60_000)
  await buildServer(BUNDLE)
  const results = new Map<number, { steps: Map<StepName, Step>; hwm: number }>()
  for (const size of SIZES) {
    console.error(`${size} cards…`)
    results.set(size, await runSize(size))
  }
  console.log(`node ${process.version}; casusreconstructie board with N attributed notes; one run per size (noisy: rerun before quoting)`)
  console.log('')
  const header = ['step', ...SIZES.flatMap((size) => [`${size / 1000}k time`, `${size / 1000}k server CPU`, `${size / 1000}k peak RSS`, `${size / 1000}k stall`])]
  const rows = STEPS.map((name) => [
    name,
    ...SIZES.flatMap((size) => {
      const step = results.get(size)!.steps.get(name)!
      return [fmtMs(step.ms), fmtMs(step.cpuMs), fmtMiB(step.peakRss), fmtMs(step.stallMs)]
    }),
  ])
  rows.push(['VmHWM (whole run)', ...SIZES.flatMap((size) => ['', '', fmtMiB(results.get(size)!.hwm), ''])])
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i]!.length)))
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')
  console.log(line(header))
  console.log(widths.map((width) => '-'.repeat(width)).join('  '))
  for (const row of rows) console.log(line(row))

  const [small, large] = [SIZES.find((size) => size === 20_000), SIZES.find((size) => size === 50_000)]
  if (small && large) {
    console.log('')
    console.log(`20k → 50k growth (target ≤ ${TARGET_GROWTH}×) and 50k targets (≤ ${fmtMs(TARGET_MS)}, ≤ ${fmtMiB(TARGET_RSS)}):`)
    for (const name of STEPS) {
      const a = results.get(small)!.steps.get(name)!
      const b = results.get(large)!.steps.get(name)!
      const growth = b.ms / a.ms
      const ok = !TARGETED.has(name) || (growth <= TARGET_GROWTH && b.ms <= TARGET_MS && b.peakRss <= TARGET_RSS)
      console.log(`  ${name.padEnd(16)} ${growth.toFixed(2)}× time  ${(b.peakRss / a.peakRss).toFixed(2)}× RSS  ${TARGETED.has(name) ? (ok ? 'meets target' : 'MISSES target') : '(not a target)'}`)
    }
  }
}

await main()
