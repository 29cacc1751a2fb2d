/** Helpers for the browser tests: a real server per spec, and access to the page's editor. */
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test'
import type { CreatedBoard } from '../shared/api.ts'
import { createBoard } from '../server/testing/api-client.ts'
import { removeDir, startServerProcess, type ServerProcess } from '../server/testing/server-process.ts'

export { createBoard }
export type { CreatedBoard }

/** The spec's server: a fresh one, with its own temporary DATA_DIR, for every test. */
export interface TestServer {
  readonly url: string
  /** Stops it (SIGTERM) and keeps its data, for a restart. */
  stop(): Promise<void>
  /** Starts it again on the same port and data. */
  restart(): Promise<void>
}

/**
 * A person at their own laptop: a page in a browser context of its own (no shared storage). Playwright
 * closes only its built-in context, so every test ends with `closeEveryone`.
 */
export async function newPerson(browser: Browser, viewport?: { width: number; height: number }): Promise<Page> {
  return (await browser.newContext(viewport ? { viewport } : {})).newPage()
}

/**
 * Closes every browser context of the test. Left open, the pages of earlier tests keep rendering
 * and reconnecting to their stopped servers, and slow down every test after them.
 */
async function closeEveryone(browser: Browser): Promise<void> {
  await Promise.all(browser.contexts().map((context) => context.close()))
}

/**
 * The server of the current test: after the test, its browsers are closed and the server and its
 * data removed. `startEach` starts one before every test; otherwise the test calls `start`.
 */
function serverOfEachTest(startEach: boolean) {
  let current: ServerProcess | null = null
  if (startEach) {
    test.beforeEach(async () => {
      current = await startServerProcess()
    })
  }
  test.afterEach(async ({ browser }) => {
    await closeEveryone(browser)
    if (!current) return
    await current.stop()
    removeDir(current.dataDir)
    current = null
  })
  return {
    running(): ServerProcess {
      if (!current) throw new Error('no server for this test yet')
      return current
    },
    async start(options: Parameters<typeof startServerProcess>[0] = {}): Promise<ServerProcess> {
      current = await startServerProcess(options)
      return current
    },
  }
}

/** Call at the top of a spec: a fresh server for every test, started before it. */
export function serverPerTest(): TestServer {
  const server = serverOfEachTest(true)
  return {
    get url() {
      return server.running().url
    },
    async stop() {
      await server.running().stop()
    },
    async restart() {
      const { dataDir, port } = server.running()
      await server.start({ dataDir, port })
    },
  }
}

/** Call at the top of a spec whose tests need their own settings: each test calls `start(env)`. */
export function serverStartedByEachTest(): (env?: Record<string, string>) => Promise<ServerProcess> {
  const server = serverOfEachTest(false)
  return (env = {}) => server.start({ env })
}

/** Anna (facilitator) and Bram (editor) on one board, each in a browser context of their own. */
export async function twoPeople(browser: Browser, board: CreatedBoard): Promise<[Page, Page]> {
  const anna = await newPerson(browser)
  const bram = await newPerson(browser)
  await openBoard(anna, board.urls.facilitator, 'Anna')
  await openBoard(bram, board.urls.editor, 'Bram')
  return [anna, bram]
}

/** Anna (facilitator), Bram (editor) and Cas (viewer): every role on one board. */
export async function everyRole(browser: Browser, board: CreatedBoard): Promise<[Page, Page, Page]> {
  const [anna, bram] = await twoPeople(browser, board)
  const cas = await newPerson(browser)
  await openBoard(cas, board.urls.viewer, 'Cas')
  return [anna, bram, cas]
}

// The page exposes its editors as window.__dialoogbordEditor and __dialoogbordSnapshotEditor (client/board/test-hooks.ts).
import type {} from '../client/board/test-hooks.ts'

/**
 * Opens a board link, answers the name question and waits until the board is live. With `name`
 * null no question is expected: anonymous boards never ask, and a browser that answered before
 * is not asked again.
 */
export async function openBoard(page: Page, url: string, name: string | null): Promise<void> {
  await page.goto(url)
  if (name !== null) {
    await page.getByTestId('name-input').fill(name)
    await page.getByTestId('name-submit').click()
  }
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  await page.waitForFunction(() => window.__dialoogbordEditor !== undefined)
}

export interface ShapeSummary {
  id: string
  type: string
  x: number
  y: number
  text: string
}

/** The shapes on the current page, with their plain text. */
export function shapesOnPage(page: Page): Promise<ShapeSummary[]> {
  return page.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    return editor.getCurrentPageShapes().map((shape) => ({
      id: shape.id,
      type: shape.type,
      x: shape.x,
      y: shape.y,
      text: editor.getShapeUtil(shape).getText(shape) ?? '',
    }))
  })
}

/**
 * Creates a sticky note the way a person does: note tool, click, type, leave editing. Returns once
 * the page's own board holds the note with that text, so a later failure on another page is about
 * sync, not about typing.
 */
export async function addNoteByHand(page: Page, at: { x: number; y: number }, text: string): Promise<void> {
  // Focus the canvas on an empty spot clear of tldraw's menus, so its shortcuts reach it.
  await page.locator('.tl-canvas').click({ position: { x: 5, y: 300 } })
  // Nothing selected (the click may land on a card): a key typed with a card selected writes into it.
  await page.keyboard.press('Escape')
  await page.keyboard.press('n')
  await page.mouse.click(at.x, at.y)
  await whenEditingText(page)
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
  await expect.poll(async () => (await shapesOnPage(page)).some((shape) => shape.type === 'note' && shape.text === text)).toBe(true)
}

/** Opens a note's text by double-clicking it and types a new one over it. */
export async function retypeNote(page: Page, oldText: string, newText: string): Promise<void> {
  await onCanvas(page, oldText).dblclick()
  await whenEditingText(page)
  await page.keyboard.press('Control+a')
  await page.keyboard.type(newText)
  await page.keyboard.press('Escape')
}

/**
 * Keys typed before the note's text editor is ready would be lost, taken as shortcuts, or selected
 * and overwritten: tldraw registers its text editor (and applies select-all or the caret) one task
 * after the editable element appears, so wait for both the registration and the focus.
 */
export function whenEditingText(page: Page): Promise<unknown> {
  return page.waitForFunction(() => {
    const editor = window.__dialoogbordEditor
    if (!editor || editor.getEditingShapeId() == null) return false
    const textEditor = editor.getRichTextEditor()
    return textEditor !== null && textEditor.isFocused && (document.activeElement as HTMLElement | null)?.isContentEditable === true
  })
}

/** Text on the canvas itself (tldraw keeps a hidden copy of note text for measuring). */
export function onCanvas(page: Page, text: string) {
  return page.getByTestId('canvas').getByText(text, { exact: true })
}

/** Presses Tab (Shift+Tab when it lies before the focus) until `target` has the focus: how a keyboard user gets there. */
export async function tabTo(page: Page, target: Locator, max = 300): Promise<void> {
  const where = () =>
    target.evaluate((element) => {
      const active = document.activeElement
      if (element === active) return 'here'
      if (!active || active === document.body) return 'after'
      return active.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING ? 'before' : 'after'
    })
  const key = (await where()) === 'before' ? 'Shift+Tab' : 'Tab'
  for (let i = 0; i < max; i++) {
    if ((await where()) === 'here') return
    await page.keyboard.press(key)
  }
  throw new Error(`${key} never reached ${target}`)
}
