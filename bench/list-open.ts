/**
 * The first open of a board on a phone: the list view (/b/:id/lijst) against the canvas (/b/:id),
 * side by side on one server and one board, taking turns.
 *
 *   npm run bench:list-open -- [--reps 5] [--cards 300] [--no-build] [--profile DIR]
 *
 * A fresh browser context each time (no HTTP cache, service worker or IndexedDB), a 390 × 844
 * viewport, the line throttled to 4 Mbit/s down, 1.5 up with 80 ms latency ("slow 4G") and the CPU
 * slowed 4× (a mid-range phone). "ready" is the frame after the page shows the board's cards: the
 * list's first card, the canvas's shapes. Figures are medians; the ratio is list / canvas.
 * The client is built (`vite build` → dist/client) first unless `--no-build` or CLIENT_DIR is set.
 * `--profile DIR` writes a CPU profile of one more open of each view (read it with
 * bench/profile-summary.ts; an unminified build names the functions).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { Browser } from '@playwright/test'
import { createBoard } from '../server/testing/api-client.ts'
import { launchChromium } from '../server/testing/chromium.ts'
import { removeDir, startServerProcess, type ServerProcess } from '../server/testing/server-process.ts'
import { SyncClient, testRecord } from '../server/testing/sync-client.ts'
import { inZone } from '../server/testing/template-zones.ts'
import { watchForCanvas } from './lib/canvas-painted.ts'
import { installCleanup } from './lib/cleanup.ts'
import { benchClientDir, printLoad } from './lib/client-build.ts'
import { median } from './lib/stats.ts'

const { values } = parseArgs({
  options: {
    reps: { type: 'string', default: '5' },
    cards: { type: 'string', default: '300' },
    'no-build': { type: 'boolean', default: false },
    profile: { type: 'string' },
  },
})
const REPS = Number(values.reps)
const CARDS = Number(values.cards)
const LINE = { down: 4_000_000 / 8, up: 1_500_000 / 8, latencyMs: 80 }
const CPU_SLOWDOWN = 4

type View = 'list' | 'canvas'
type Sample = Record<string, number>

async function openOnce(browser: Browser, url: string, view: View, profileTo?: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nl-NL', isMobile: true, hasTouch: true })
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: LINE.latencyMs, downloadThroughput: LINE.down, uploadThroughput: LINE.up })
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
    await cdp.send('Performance.enable')
    if (profileTo) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.start')
    }
    await page.addInitScript(view === 'list' ? watchForList : watchForCanvas)
    await page.goto(url, { waitUntil: 'commit' })
    await page.waitForFunction(() => (window as unknown as Record<string, unknown>).__benchPainted !== undefined, undefined, { timeout: 120_000 })
    if (profileTo) writeFileSync(profileTo, JSON.stringify((await cdp.send('Profiler.stop')).profile))
    const { metrics } = await cdp.send('Performance.getMetrics')
    const taskSeconds = metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN
    const sample = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[]
      const result: Record<string, number> = {
        ready: (window as unknown as { __benchPainted: number }).__benchPainted,
        'JS transferred': 0,
        'all transferred': navigation.transferSize,
      }
      for (const entry of resources) {
        result['all transferred']! += entry.transferSize
        if (new URL(entry.name).pathname.endsWith('.js')) result['JS transferred']! += entry.transferSize
      }
      return result
    })
    return { ...sample, 'main thread busy': taskSeconds * 1000 }
  } finally {
    await context.close()
  }
}

/** Runs in the page before its scripts: the frame after the list shows its first card. */
function watchForList(): void {
  const timer = setInterval(() => {
    if (!document.querySelector('[data-testid="list-card"]')) return
    clearInterval(timer)
    requestAnimationFrame(() => requestAnimationFrame(() => ((window as unknown as Record<string, unknown>).__benchPainted = performance.now())))
  }, 5)
}

/** A casusreconstructie board with `count` cards spread over the timeline and the red threads. */
async function seededBoard(server: ServerProcess): Promise<{ canvas: string; list: string }> {
  const board = await createBoard(server.url, { title: 'Casus Noord', template: 'casusreconstructie' })
  const client = await SyncClient.connect(server.url, board.id, board.tokens.editor)
  try {
    client.doc.transact(() => {
      for (let i = 0; i < CARDS; i++) {
        const zone = i % 2 === 0 ? 'tijdlijn' : 'rode-draden'
        const at = inZone(zone, 40 + (i % 20) * 60, 60 + Math.floor(i / 40) * 30)
        client.records.set(`shape:bench${i}`, testRecord(`bench${i}`, { ...at, text: `Kaart ${i}: wat er gebeurde en wie het merkte` }))
      }
    })
    await client.roundTrip()
  } finally {
    await client.close()
  }
  const token = encodeURIComponent(board.tokens.editor)
  return { canvas: `${server.url}/b/${board.id}?token=${token}`, list: `${server.url}/b/${board.id}/lijst?token=${token}` }
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`
const ms = (value: number) => `${value.toFixed(0)} ms`

async function main(): Promise<void> {
  installCleanup(20 * 60_000)
  printLoad()
  const clientDir = benchClientDir(values['no-build'])
  const browser = await launchChromium()
  let server: ServerProcess | null = null
  try {
    server = await startServerProcess({ env: { CLIENT_DIR: clientDir } })
    const urls = await seededBoard(server)
    const results: Record<View, Sample[]> = { list: [], canvas: [] }
    // One uncounted open each warms the server's room; then the two take turns, so drift hits both alike.
    for (const view of ['list', 'canvas'] as const) await openOnce(browser, urls[view], view)
    for (let rep = 0; rep < REPS; rep++) for (const view of ['list', 'canvas'] as const) results[view].push(await openOnce(browser, urls[view], view))

    if (values.profile) {
      mkdirSync(values.profile, { recursive: true })
      for (const view of ['list', 'canvas'] as const) await openOnce(browser, urls[view], view, path.join(values.profile, `${view}-${CARDS}.cpuprofile`))
      console.log(`profiles in ${values.profile}`)
    }
    const med = (view: View, name: string) => median(results[view].map((sample) => sample[name] ?? Number.NaN))
    console.log(`\nFirst open on a phone (390 px, ${LINE.down * 8 / 1e6} Mbit/s + ${LINE.latencyMs} ms, CPU ÷${CPU_SLOWDOWN}), ${CARDS} cards, cold; median of ${REPS}`)
    console.log(`${''.padEnd(20)}${'list view'.padStart(12)}${'canvas'.padStart(12)}${'ratio'.padStart(9)}`)
    for (const [name, format] of [['ready', ms], ['main thread busy', ms], ['JS transferred', kib], ['all transferred', kib]] as const) {
      const list = med('list', name)
      const canvas = med('canvas', name)
      console.log(`${name.padEnd(20)}${format(list).padStart(12)}${format(canvas).padStart(12)}${(list / canvas).toFixed(2).padStart(9)}`)
    }
  } finally {
    await browser.close()
    if (server) {
      await server.stop()
      removeDir(server.dataDir)
    }
  }
}

await main()
