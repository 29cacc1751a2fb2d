/**
 * The first open of a casusreconstructie board by someone who never used Dialoogbord, on a slow
 * line: Chromium throttled to 10 Mbit/s down (and up) with 40 ms latency, a fresh browser context
 * each time (no HTTP cache, no service worker, no IndexedDB) and the HTTP cache disabled.
 *
 *   npm run bench:first-open -- [--reps 5] [--no-build]
 *
 * Two servers side by side, opened in turn: "uncompressed" serves a copy of the build without its
 * .br/.gz files (what every file cost before they were made), "compressed" the build as it is.
 * Figures are medians; targets (issue 10): canvas painted ≤ 1.5 s, JS transferred ≤ 40 % of its size.
 * The client is built (`vite build` → dist/client) first unless `--no-build` or CLIENT_DIR is set.
 */
import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { Browser } from '@playwright/test'
import { OPEN_MARKS } from '../client/board/open-marks.ts'
import { createBoard } from '../server/testing/api-client.ts'
import { launchChromium } from '../server/testing/chromium.ts'
import { removeDir, startServerProcess, type ServerProcess } from '../server/testing/server-process.ts'
import { watchForCanvas } from './lib/canvas-painted.ts'
import { installCleanup } from './lib/cleanup.ts'
import { benchClientDir, printLoad } from './lib/client-build.ts'
import { median } from './lib/stats.ts'

const { values } = parseArgs({
  options: {
    reps: { type: 'string', default: '5' },
    'no-build': { type: 'boolean', default: false },
  },
})
const REPS = Number(values.reps)
/** 10 Mbit/s in bytes per second, and the round trip added to every request. */
const LINE = { bytesPerSecond: 10_000_000 / 8, latencyMs: 40 }
const TARGET = { paintedMs: 1500, jsShare: 0.4 }

type Sample = Record<string, number>

/** One cold open; times in ms since navigation start, sizes in bytes. */
async function openOnce(browser: Browser, url: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'nl-NL' })
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: LINE.latencyMs,
      downloadThroughput: LINE.bytesPerSecond,
      uploadThroughput: LINE.bytesPerSecond,
    })
    // The page's main-thread CPU time: the part of an open no network makes faster (and the part
    // that grows when other work shares the machine).
    await cdp.send('Performance.enable')
    await page.addInitScript(watchForCanvas)
    await page.goto(url, { waitUntil: 'commit' })
    await page.waitForFunction(() => (window as unknown as Record<string, unknown>).__benchPainted !== undefined, undefined, { timeout: 60_000 }).catch(async (error: unknown) => {
      const seen = await page.evaluate(() => `${document.body.innerText.slice(0, 200)} | marks: ${performance.getEntriesByType('mark').map((mark) => mark.name).join(', ')}`)
      throw new Error(`${url} did not open: ${seen}`, { cause: error })
    })
    const { metrics } = await cdp.send('Performance.getMetrics')
    const taskSeconds = metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN
    // No helper functions in here: tsx names them with a __name() the page does not have.
    return await page.evaluate((prefix) => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[]
      const sample: Record<string, number> = {
        'html loaded': navigation.domContentLoadedEventEnd,
        'scripts loaded': 0,
        synced: performance.getEntriesByName(`${prefix}synced`, 'mark')[0]?.startTime ?? Number.NaN,
        'editor mounted': performance.getEntriesByName(`${prefix}editor mounted`, 'mark')[0]?.startTime ?? Number.NaN,
        'canvas painted': (window as unknown as { __benchPainted: number }).__benchPainted,
        'JS transferred': 0,
        'JS size': 0,
        'all transferred': navigation.transferSize,
        'all size': navigation.decodedBodySize,
      }
      for (const entry of resources) {
        sample['all transferred']! += entry.transferSize
        sample['all size']! += entry.decodedBodySize
        if (!new URL(entry.name).pathname.endsWith('.js')) continue
        sample['JS transferred']! += entry.transferSize
        sample['JS size']! += entry.decodedBodySize
        sample['scripts loaded'] = Math.max(sample['scripts loaded']!, entry.responseEnd)
      }
      return sample
    }, OPEN_MARKS.prefix).then((sample) => ({ ...sample, 'main thread busy': taskSeconds * 1000 }))
  } finally {
    await context.close()
  }
}

/** A copy of the build without the compressed copies: the server then sends every file as it is. */
function uncompressedCopy(clientDir: string): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'dialoogbord-uncompressed-'))
  cpSync(clientDir, copy, { recursive: true, filter: (source) => !/\.(br|gz)$/.test(source) })
  return copy
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`
const ms = (value: number) => `${value.toFixed(0)} ms`
const percent = (value: number) => `${(value * 100).toFixed(0)} %`

function printTable(results: Record<'uncompressed' | 'compressed', Sample[]>): void {
  const med = (samples: Sample[], name: string) => median(samples.map((sample) => sample[name] ?? Number.NaN))
  const share = (samples: Sample[]) => median(samples.map((sample) => sample['JS transferred']! / sample['JS size']!))
  const rows: [string, (samples: Sample[]) => number, (value: number) => string][] = [
    ...['html loaded', 'scripts loaded', 'synced', 'editor mounted', 'canvas painted', 'main thread busy'].map((name) => [name, (s: Sample[]) => med(s, name), ms] as [string, (samples: Sample[]) => number, (value: number) => string]),
    ...['JS transferred', 'JS size', 'all transferred', 'all size'].map((name) => [name, (s: Sample[]) => med(s, name), kib] as [string, (samples: Sample[]) => number, (value: number) => string]),
    ['JS transferred / size', share, percent],
  ]
  console.log(`\nFirst open of a casusreconstructie board, ${LINE.bytesPerSecond * 8 / 1e6} Mbit/s + ${LINE.latencyMs} ms, cold; median of ${REPS}`)
  console.log(`${''.padEnd(24)}${'uncompressed'.padStart(14)}${'compressed'.padStart(14)}${'ratio'.padStart(9)}`)
  for (const [name, value, format] of rows) {
    const before = value(results.uncompressed)
    const after = value(results.compressed)
    console.log(`${name.padEnd(24)}${format(before).padStart(14)}${format(after).padStart(14)}${(after / before).toFixed(2).padStart(9)}`)
  }
  const painted = med(results.compressed, 'canvas painted')
  const jsShare = share(results.compressed)
  console.log(`\ntarget canvas painted ≤ ${TARGET.paintedMs} ms: ${painted <= TARGET.paintedMs ? 'met' : 'NOT met'} (${ms(painted)})`)
  console.log(`target JS transferred ≤ ${percent(TARGET.jsShare)} of its size: ${jsShare <= TARGET.jsShare ? 'met' : 'NOT met'} (${percent(jsShare)})`)
}

async function main(): Promise<void> {
  installCleanup(20 * 60_000)
  printLoad()
  const clientDir = benchClientDir(values['no-build'])
  const plainDir = uncompressedCopy(clientDir)
  const servers: Record<'uncompressed' | 'compressed', ServerProcess | null> = { uncompressed: null, compressed: null }
  const browser = await launchChromium()
  try {
    servers.uncompressed = await startServerProcess({ env: { CLIENT_DIR: plainDir } })
    servers.compressed = await startServerProcess({ env: { CLIENT_DIR: clientDir } })
    const urls = {
      uncompressed: (await createBoard(servers.uncompressed.url, { title: 'Casus Noord', template: 'casusreconstructie' })).urls.editor,
      compressed: (await createBoard(servers.compressed.url, { title: 'Casus Noord', template: 'casusreconstructie' })).urls.editor,
    }
    const results: Record<'uncompressed' | 'compressed', Sample[]> = { uncompressed: [], compressed: [] }
    // One uncounted open each warms the servers' rooms; then the two take turns, so drift hits both alike.
    for (const kind of ['uncompressed', 'compressed'] as const) await openOnce(browser, urls[kind])
    for (let rep = 0; rep < REPS; rep++) for (const kind of ['uncompressed', 'compressed'] as const) results[kind].push(await openOnce(browser, urls[kind]))
    printTable(results)
  } finally {
    await browser.close()
    for (const server of Object.values(servers)) {
      if (!server) continue
      await server.stop()
      removeDir(server.dataDir)
    }
    removeDir(plainDir)
  }
}

await main()
