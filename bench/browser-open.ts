/**
 * Cold open of a big board in a real browser: from navigation start until every card is in the
 * tldraw editor, and until the frame after that has been painted.
 *
 *   npm run bench:browser-open -- [--sizes 200,2000,5000] [--reps 5] [--throttle] [--no-build] [--profile DIR]
 *
 * For every size: a casusreconstructie board with that many notes spread over its zones (written
 * as raw Yjs updates through an editor's websocket, in batches the server accepts), opened through
 * its viewer link in a fresh browser context each time (no HTTP cache, no IndexedDB: a cold open).
 * Phases come from the client's own performance marks (`dialoogbord:*`, see client/board/open-marks.ts).
 * `--throttle` adds a run with CDP network emulation (10 Mbit/s, 40 ms latency).
 * `--profile DIR` records one extra open per size: a CPU profile of the page (CDP Profiler,
 * `DIR/open-<size>.cpuprofile`) and a Chromium trace with layout and paint
 * (`DIR/open-<size>.trace.json`), both to open in DevTools.
 * The client is built (`vite build` → dist/client) first unless `--no-build` or CLIENT_DIR is set.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { parseArgs } from 'node:util'
import type { Browser, Page } from '@playwright/test'
import * as Y from 'yjs'
import type { CreatedBoard } from '../shared/api.ts'
import type { StoredRecord } from '../shared/doc-layout.ts'
import type {} from '../client/board/test-hooks.ts'
import { OPEN_MARKS } from '../client/board/open-marks.ts'
import { createBoard } from '../server/testing/api-client.ts'
import { launchChromium } from '../server/testing/chromium.ts'
import { removeDir, startServerProcess } from '../server/testing/server-process.ts'
import { SyncClient, testRecord } from '../server/testing/sync-client.ts'
import { installCleanup } from './lib/cleanup.ts'
import { benchClientDir } from './lib/client-build.ts'
import { noteIndex } from './lib/note.ts'
import { percentile, sortedCopy } from './lib/stats.ts'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '200,2000,5000' },
    reps: { type: 'string', default: '5' },
    throttle: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    profile: { type: 'string' },
  },
})
const SIZES = values.sizes.split(',').map(Number)
const REPS = Number(values.reps)
const OPEN_TIMEOUT_MS = 120_000
/** Notes per websocket update: well under the server's message size limit (MAX_MESSAGE_BYTES). */
const BATCH = 500
const ZONES = ['tijdlijn', 'rode-draden', 'lessen', 'afspraken'] as const

interface Frame {
  x: number
  y: number
  w: number
}

function framesOf(client: SyncClient): Map<string, Frame> {
  const frames = new Map<string, Frame>()
  for (const { val } of client.records.yarray.toArray() as { val: StoredRecord }[]) {
    const zone = (val.meta as { zone?: unknown } | undefined)?.zone
    if (val.type === 'frame' && typeof zone === 'string') frames.set(zone, { x: Number(val.x), y: Number(val.y), w: Number((val.props as { w?: number }).w ?? 1000) })
  }
  return frames
}

/** `count` notes dealt round the zones, in rows of cards from each zone's top left corner down. */
function notes(frames: Map<string, Frame>, count: number): StoredRecord[] {
  const out: StoredRecord[] = []
  for (let i = 0; i < count; i++) {
    const zone = ZONES[i % ZONES.length]!
    const frame = frames.get(zone)
    if (!frame) throw new Error(`the template has no zone ${zone}`)
    const n = Math.floor(i / ZONES.length)
    const perRow = Math.max(1, Math.floor((frame.w - 80) / 230))
    const text = `${zone} ${n + 1}: informatie bleef bij één partner liggen en niemand voelde zich eigenaar`
    out.push({ ...testRecord(`bench-${i}`, { x: frame.x + 40 + (n % perRow) * 230, y: frame.y + 200 + Math.floor(n / perRow) * 230, text }), index: noteIndex(i) })
  }
  return out
}

interface BenchBoard {
  viewerUrl: string
  /** Shapes on its page: the template's and the notes. */
  shapes: number
  /** What the first sync sends: the board's Yjs state, raw and as gzip would make it. */
  stateBytes: number
  gzippedBytes: number
}

/** A board with `count` notes. */
async function boardWith(url: string, count: number): Promise<BenchBoard> {
  const board: CreatedBoard = await createBoard(url, { title: `Groot bord ${count}`, template: 'casusreconstructie' })
  const writer = await SyncClient.connect(url, board.id, board.tokens.editor)
  try {
    const all = notes(framesOf(writer), count)
    for (let start = 0; start < all.length; start += BATCH) {
      writer.doc.transact(() => {
        for (const note of all.slice(start, start + BATCH)) writer.records.set(note.id, note)
      })
      await writer.roundTrip()
    }
    const shapes = [...writer.records.map.values()].filter((entry) => entry.val.typeName === 'shape').length
    // A second connection sees everything: the server stored all batches.
    const reader = await SyncClient.connect(url, board.id, board.tokens.viewer)
    const stored = [...reader.records.map.values()].filter((entry) => entry.val.typeName === 'shape').length
    const state = Y.encodeStateAsUpdate(reader.doc)
    await reader.close()
    if (stored !== shapes) throw new Error(`the server kept ${stored} of ${shapes} shapes`)
    return { viewerUrl: board.urls.viewer, shapes, stateBytes: state.length, gzippedBytes: gzipSync(state).length }
  } finally {
    await writer.close()
  }
}

type Sample = Record<string, number>

/** One cold open: navigation start = 0; every figure is ms since then. */
async function openOnce(browser: Browser, viewerUrl: string, shapes: number, throttle: boolean, profileTo?: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL' })
  try {
    const page = await context.newPage()
    const profiler = profileTo ? await context.newCDPSession(page) : null
    if (profileTo) await browser.startTracing(page, { screenshots: false, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading'] })
    if (profiler) {
      await profiler.send('Profiler.enable')
      await profiler.send('Profiler.setSamplingInterval', { interval: 200 })
      await profiler.send('Profiler.start')
    }
    if (throttle) {
      const cdp = await context.newCDPSession(page)
      await cdp.send('Network.enable')
      const bytesPerSecond = (10 * 1024 * 1024) / 8
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond })
    }
    // The page's own CPU time: unlike wall time, it hardly changes with what else the machine runs.
    const metrics = await context.newCDPSession(page)
    await metrics.send('Performance.enable')
    await page.addInitScript(watchForCards, shapes)
    await page.goto(viewerUrl, { waitUntil: 'commit' })
    const sample = await whenAllCardsShown(page)
    const { metrics: values } = await metrics.send('Performance.getMetrics')
    const metric = (name: string) => (values.find((entry) => entry.name === name)?.value ?? Number.NaN) * 1000
    sample['CPU: main thread'] = metric('ThreadTime')
    sample['CPU: renderer'] = metric('ProcessTime')
    if (profiler && profileTo) {
      writeFileSync(`${profileTo}.cpuprofile`, JSON.stringify((await profiler.send('Profiler.stop')).profile))
      writeFileSync(`${profileTo}.trace.json`, await browser.stopTracing())
    }
    return sample
  } finally {
    await context.close()
  }
}

/**
 * The page itself watches for the moment every card is in the editor (a 10 ms interval started
 * before any of the page's scripts), so the figure does not depend on how Playwright polls.
 */
function watchForCards(expected: number): void {
  const started = setInterval(() => {
    const editor = window.__dialoogbordEditor
    if (!editor || editor.getCurrentPageShapeIds().size < expected) return
    clearInterval(started)
    const inEditor = performance.now()
    // The frame after the cards arrived: what a person sees.
    requestAnimationFrame(() => requestAnimationFrame(() => ((window as unknown as Record<string, unknown>).__benchOpened = { inEditor, painted: performance.now() })))
  }, 10)
}

async function whenAllCardsShown(page: Page): Promise<Sample> {
  await page.waitForFunction(() => (window as unknown as Record<string, unknown>).__benchOpened !== undefined, undefined, { timeout: OPEN_TIMEOUT_MS })
  return page.evaluate((prefix) => {
    const { inEditor, painted } = (window as unknown as { __benchOpened: { inEditor: number; painted: number } }).__benchOpened
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
    const sample: Record<string, number> = { 'html loaded': navigation?.domContentLoadedEventEnd ?? Number.NaN }
    for (const mark of performance.getEntriesByType('mark')) if (mark.name.startsWith(prefix) && !(mark.name in sample)) sample[mark.name.slice(prefix.length)] = mark.startTime
    sample['cards in editor'] = inEditor
    sample['painted'] = painted
    return sample
  }, OPEN_MARKS.prefix)
}

function summary(samples: Sample[]): Map<string, { median: number; p90: number }> {
  const names = [...new Set(samples.flatMap((sample) => Object.keys(sample)))]
  const out = new Map<string, { median: number; p90: number }>()
  for (const name of names) {
    const sorted = sortedCopy(samples.map((sample) => sample[name] ?? Number.NaN).filter((value) => !Number.isNaN(value)))
    out.set(name, { median: percentile(sorted, 50), p90: percentile(sorted, 90) })
  }
  return out
}

function printTable(title: string, results: Map<number, Sample[]>): void {
  console.log(`\n${title}: ms since navigation start (CPU: ms used until painted), median / p90 of ${REPS} cold opens`)
  const columns = [...results.keys()]
  const rows = new Map<string, string[]>()
  columns.forEach((size, column) => {
    for (const [name, { median, p90 }] of summary(results.get(size)!)) {
      const cells = rows.get(name) ?? columns.map(() => '-')
      cells[column] = `${median.toFixed(0)} / ${p90.toFixed(0)}`
      rows.set(name, cells)
    }
  })
  const ordered = [...rows.entries()].sort(([a], [b]) => (summaryOrder(a) ?? 0) - (summaryOrder(b) ?? 0))
  console.log(`${'phase'.padEnd(22)}${columns.map((size) => `${size} cards`.padStart(16)).join('')}`)
  for (const [name, cells] of ordered) console.log(`${name.padEnd(22)}${cells.map((cell) => cell.padStart(16)).join('')}`)
}

const ORDER = ['html loaded', ...OPEN_MARKS.names, 'cards in editor', 'painted', 'CPU: main thread', 'CPU: renderer']
function summaryOrder(name: string): number {
  const index = ORDER.indexOf(name)
  return index === -1 ? ORDER.length : index
}

async function main(): Promise<void> {
  installCleanup(30 * 60_000)
  const server = await startServerProcess({ env: { CLIENT_DIR: benchClientDir(values['no-build']) } })
  const browser = await launchChromium()
  try {
    const boards = new Map<number, BenchBoard>()
    for (const size of SIZES) boards.set(size, await boardWith(server.url, size))
    const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(2)
    for (const [size, board] of boards) console.log(`${size} cards: ${board.shapes} shapes; first sync ${mib(board.stateBytes)} MiB (${mib(board.gzippedBytes)} MiB gzipped)`)
    for (const throttle of values.throttle ? [false, true] : [false]) {
      const results = new Map<number, Sample[]>()
      for (const size of SIZES) {
        const { viewerUrl, shapes } = boards.get(size)!
        // One uncounted open warms the server's room (a cold room is the server's part, not the browser's).
        await openOnce(browser, viewerUrl, shapes, throttle)
        const samples: Sample[] = []
        for (let rep = 0; rep < REPS; rep++) samples.push(await openOnce(browser, viewerUrl, shapes, throttle))
        results.set(size, samples)
        if (values.profile && !throttle) {
          mkdirSync(values.profile, { recursive: true })
          await openOnce(browser, viewerUrl, shapes, false, path.join(values.profile, `open-${size}`))
        }
      }
      printTable(throttle ? 'Cold open, throttled to 10 Mbit/s + 40 ms' : 'Cold open, localhost', results)
    }
  } finally {
    await browser.close()
    await server.stop()
    removeDir(server.dataDir)
  }
}

await main()
