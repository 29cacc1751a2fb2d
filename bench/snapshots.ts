/**
 * Snapshots of a full case-reconstruction board: how big they are and how long capturing,
 * opening, restoring (until two connected clients converged) and forking take, each next to a
 * plain `GET /api/boards/:id` on the same server as the yardstick (ratios, because machines are
 * noisy).
 *
 *   npm run bench:snapshots -- [--reps N] [--edits N]
 *
 * The board: the casusreconstructie template with 30 moments (dated), 30 interpretations,
 * 4 red threads, 12 lessons and 8 agreements (who/when), every card retyped `edits` times
 * (default 10) so the document carries the history a real session leaves.
 */
import Database from 'better-sqlite3'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { CreatedBoard, SnapshotInfo } from '../shared/api.ts'
import type { StoredRecord } from '../shared/doc-layout.ts'
import { DB_FILE } from '../server/db/database.ts'
import { createBoard } from '../server/testing/api-client.ts'
import { removeDir, startServerProcess } from '../server/testing/server-process.ts'
import { SyncClient, testRecord } from '../server/testing/sync-client.ts'
import { median } from './lib/stats.ts'

const { values } = parseArgs({ options: { reps: { type: 'string', default: '15' }, edits: { type: 'string', default: '10' } } })
const REPS = Number(values.reps)
const EDITS = Number(values.edits)

interface Frame {
  zone: string
  x: number
  y: number
  w: number
  h: number
}

function framesOf(client: SyncClient): Map<string, Frame> {
  const frames = new Map<string, Frame>()
  for (const { val } of client.records.yarray.toArray() as { val: StoredRecord }[]) {
    const meta = val.meta as Record<string, unknown> | undefined
    const props = val.props as { w?: number; h?: number } | undefined
    if (val.type !== 'frame' || typeof meta?.zone !== 'string') continue
    frames.set(meta.zone, { zone: meta.zone, x: Number(val.x), y: Number(val.y), w: props?.w ?? 0, h: props?.h ?? 0 })
  }
  return frames
}

/** The cards a finished session leaves, placed in their zones. */
function cards(frames: Map<string, Frame>): StoredRecord[] {
  const out: StoredRecord[] = []
  const place = (zone: string, count: number, row: number, make: (i: number) => { text: string; meta?: Record<string, unknown> }) => {
    const frame = frames.get(zone)
    if (!frame) throw new Error(`template has no zone ${zone}`)
    for (let i = 0; i < count; i++) {
      const perRow = Math.max(1, Math.floor((frame.w - 80) / 230))
      const { text, meta = {} } = make(i)
      const x = frame.x + 40 + (i % perRow) * 230
      const y = frame.y + 200 + (row + Math.floor(i / perRow)) * 230
      out.push({ ...testRecord(`${zone}-${i}`, { x, y, text }), meta })
    }
  }
  place('tijdlijn', 30, 0, (i) => ({ text: `Moment ${i + 1}: overleg tussen gemeente en uitvoeringsorganisatie over de casus`, meta: { date: `2026-0${1 + (i % 9)}-1${i % 10}` } }))
  place('tijdlijn', 30, 2, (i) => ({ text: `Duiding ${i + 1}: informatie bleef bij één partner liggen en niemand voelde zich eigenaar` }))
  place('rode-draden', 4, 0, (i) => ({ text: `Rode draad ${i + 1}: eigenaarschap en informatiedeling over de grenzen van organisaties heen` }))
  place('lessen', 12, 0, (i) => ({ text: `Les ${i + 1}: eerder aan tafel, met mandaat, en de burger centraal` }))
  place('afspraken', 8, 0, (i) => ({ text: `Afspraak ${i + 1}: casusoverleg elke maand`, meta: { who: `Team ${i + 1}`, when: `2027-0${1 + (i % 9)}-01`, how: 'Overleg' } }))
  return out
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await run()
  return { ms: performance.now() - start, value }
}

async function main(): Promise<void> {
  // Every rep opens, restores and forks from one address: the HTTP rate limits are not what is measured.
  const server = await startServerProcess({ env: { BOARDS_PER_HOUR_PER_ADDRESS: '100000', EXPENSIVE_REQUESTS_PER_MINUTE: '100000' } })
  const clients: SyncClient[] = []
  try {
    const board: CreatedBoard = await createBoard(server.url, { title: 'Casus bench', template: 'casusreconstructie' })
    const auth = { authorization: `Bearer ${board.tokens.facilitator}` }
    const api = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${server.url}/api/boards/${board.id}${route}`, {
        method,
        headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`)
      return (await response.json()) as T
    }

    const writer = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    const reader = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    clients.push(writer, reader)
    const all = cards(framesOf(writer))
    for (let edit = 0; edit < EDITS; edit++) {
      // One transaction per pass: a burst of single updates would trip the per-connection rate limit.
      writer.doc.transact(() => {
        for (const card of all) writer.records.set(card.id, edit === EDITS - 1 ? card : { ...card, x: Number(card.x) + edit })
      })
      await writer.roundTrip()
    }
    const lastId = all.at(-1)!.id
    await reader.waitFor((client) => client.records.get(lastId) !== undefined)

    const samples: Record<'baseline' | 'capture' | 'open' | 'restore' | 'fork', number[]> = { baseline: [], capture: [], open: [], restore: [], fork: [] }
    let openBytes = 0
    const first = all[0]!
    for (let rep = 0; rep < REPS; rep++) {
      samples.baseline.push((await timed(() => api('GET', ''))).ms)
      const captured = await timed(() => api<SnapshotInfo>('POST', '/snapshots', { label: `Bench ${rep}` }))
      samples.capture.push(captured.ms)
      const opened = await timed(async () => {
        const response = await fetch(`${server.url}/api/boards/${board.id}/snapshots/${captured.value.id}`, { headers: auth })
        return response.text()
      })
      samples.open.push(opened.ms)
      openBytes = opened.value.length

      // Change one card, then restore: both clients must see the old text again.
      writer.records.set(first.id, { ...first, x: 99_999 })
      await reader.waitFor((client) => client.records.get(first.id)?.x === 99_999)
      const restored = await timed(async () => {
        await api('POST', `/snapshots/${captured.value.id}/restore`)
        await Promise.all(clients.map((client) => client.waitFor((c) => c.records.get(first.id)?.x === first.x)))
      })
      samples.restore.push(restored.ms)
      samples.fork.push((await timed(() => api('POST', `/snapshots/${captured.value.id}/fork`, { title: `Vervolg ${rep}` }))).ms)
    }

    const db = new Database(path.join(server.dataDir, DB_FILE), { readonly: true })
    const sizes = db.prepare('SELECT length(state) AS bytes FROM snapshots WHERE board_id = ? AND auto = 0').all(board.id) as { bytes: number }[]
    db.close()

    const base = median(samples.baseline)
    console.log(`board: casusreconstructie + ${all.length} cards, each written ${EDITS}×; ${REPS} repetitions; medians`)
    console.log(`snapshot size: ${(median(sizes.map((row) => row.bytes)) / 1024).toFixed(1)} KiB Yjs state; opened as JSON: ${(openBytes / 1024).toFixed(1)} KiB`)
    console.log('')
    console.log('step                                   ms   × GET board')
    console.log('-----------------------------------  -----  -----------')
    const row = (name: string, ms: number) => console.log(`${name.padEnd(35)}  ${ms.toFixed(1).padStart(5)}  ${(ms / base).toFixed(1).padStart(11)}`)
    row('GET /api/boards/:id (yardstick)', base)
    row('capture (POST …/snapshots)', median(samples.capture))
    row('open (GET …/snapshots/:sid)', median(samples.open))
    row('restore, until 2 clients converged', median(samples.restore))
    row('fork (POST …/fork)', median(samples.fork))
  } finally {
    await Promise.all(clients.map((client) => client.close()))
    await server.stop()
    removeDir(server.dataDir)
  }
}

await main()
