/**
 * A board opened before reloads without a network (service worker app shell + IndexedDB copy),
 * takes changes there, and merges them into the server's board when the network is back.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { removeDir, startServerProcess } from '../server/testing/server-process.ts'
import { addNoteByHand, createBoard, newPerson, onCanvas, openBoard, serverPerTest } from './support.ts'

const server = serverPerTest()

/** Every URL the page's service worker caches keep. */
function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = []
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(request.url)
    return urls
  })
}

test('a board reloads offline with its cards, takes a new card, and the server has both once online', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus zonder netwerk', template: 'casusreconstructie' })
  const context = await browser.newContext()
  const page = await context.newPage()
  await openBoard(page, board.urls.editor, 'Olga')
  await addNoteByHand(page, { x: 640, y: 420 }, 'Voor het uitvallen')
  // The app shell is kept once the board is up: wait until the service worker controls the page.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 })

  const token = board.tokens.editor
  const cached = await cachedUrls(page)
  expect(cached.some((url) => url.endsWith('/index.html'))).toBe(true)
  expect(cached.some((url) => /\/assets\/BoardPage-[\w-]+\.js$/.test(url))).toBe(true)
  // Never a board link, a token, the API or the sync socket.
  expect(cached.filter((url) => url.includes(token) || /\/(api|sync|b)\//.test(new URL(url).pathname))).toEqual([])

  await context.setOffline(true)
  await page.reload()
  await expect(onCanvas(page, 'Voor het uitvallen')).toBeVisible()
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline')
  await page.waitForFunction(() => window.__dialoogbordEditor !== undefined && !window.__dialoogbordEditor.getIsReadonly())
  await addNoteByHand(page, { x: 640, y: 600 }, 'Zonder netwerk bedacht')

  await context.setOffline(false)
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected', { timeout: 30_000 })

  // Someone who was never offline sees both cards: the server has them.
  const other = await newPerson(browser)
  await openBoard(other, board.urls.viewer, 'Victor')
  await expect(onCanvas(other, 'Voor het uitvallen')).toBeVisible()
  await expect(onCanvas(other, 'Zonder netwerk bedacht')).toBeVisible()
})

/** The names of the page's service worker caches. */
function cacheNames(page: Page): Promise<string[]> {
  return page.evaluate(() => caches.keys())
}

test('a new deploy takes over open tabs: its worker activates at once and the old cache is dropped', async ({ browser }) => {
  // Two builds that differ only in their worker's cache version, served in turn on one port.
  const builds = mkdtempSync(path.join(tmpdir(), 'dialoogbord-deploys-'))
  const first = path.join(builds, 'first')
  const second = path.join(builds, 'second')
  cpSync(process.env.CLIENT_DIR ?? 'dist/client', first, { recursive: true })
  let running = await startServerProcess({ env: { CLIENT_DIR: first } })
  try {
    const board = await createBoard(running.url, { title: 'Nieuwe versie' })
    const page = await (await browser.newContext()).newPage()
    await openBoard(page, board.urls.editor, 'Olga')
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 })
    const [oldCache] = await cacheNames(page)
    const oldVersion = oldCache!.replace('dialoogbord-shell-', '')

    cpSync(first, second, { recursive: true, filter: (source) => !/sw\.js\.(br|gz)$/.test(source) })
    const worker = readFileSync(path.join(first, 'sw.js'), 'utf8')
    expect(worker).toContain(oldVersion)
    writeFileSync(path.join(second, 'sw.js'), worker.replace(oldVersion, 'deploy-2'))
    const { dataDir, port } = running
    await running.stop()
    running = await startServerProcess({ dataDir, port, env: { CLIENT_DIR: second } })

    // The browser checks for a new worker on navigations; ask now instead of waiting for one.
    const takenOver = page.evaluate(() => new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true })))
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update())
    await takenOver
    await expect.poll(() => cacheNames(page)).toEqual(['dialoogbord-shell-deploy-2'])
    await page.reload()
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  } finally {
    await running.stop()
    removeDir(running.dataDir)
    removeDir(builds)
  }
})
