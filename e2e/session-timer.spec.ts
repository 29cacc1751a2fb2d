/**
 * The session timer and the agenda in three browsers: a facilitator, an editor and a viewer whose
 * laptop clock is three minutes fast. All show the same time left (the server's clock), after a
 * reload too; the editor has no controls and the server refuses its call; "Start stap" brings
 * everyone to the step and starts its timer; the Stappen panel shows planned vs. used minutes.
 * Screenshots of the three pages go to test-results/session/ on every run.
 */
import { expect, test, type Browser, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createBoard, newPerson, openBoard, serverPerTest } from './support.ts'

const server = serverPerTest()
// Three browsers on a shared two-core machine.
test.setTimeout(180_000)

const SHOTS = join('test-results', 'session')
mkdirSync(SHOTS, { recursive: true })
const shoot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) })

/** Seconds the page's timer shows ("09:58" → 598). */
async function shownSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('timer-time').textContent()) ?? ''
  const match = /^(?:(\d+):)?(\d\d):(\d\d)$/.exec(text.trim())
  if (!match) throw new Error(`the timer shows "${text}"`)
  return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3])
}

/** What the pages show at (nearly) the same moment. */
const shownTogether = (pages: Page[]) => Promise.all(pages.map(shownSeconds))

/** All pages show within a second of each other, near `expected` seconds. */
async function expectSameTime(pages: Page[], expected: number): Promise<void> {
  await expect
    .poll(async () => {
      const seconds = await shownTogether(pages)
      return Math.max(...seconds) - Math.min(...seconds) <= 1 && seconds.every((s) => Math.abs(s - expected) <= 15)
    }, { timeout: 10_000 })
    .toBe(true)
}

async function threePeople(browser: Browser, urls: { facilitator: string; editor: string; viewer: string }) {
  const anna = await newPerson(browser, { width: 1440, height: 900 })
  const bram = await newPerson(browser, { width: 1280, height: 800 })
  const cor = await newPerson(browser, { width: 1280, height: 800 })
  // Cor's laptop clock is three minutes fast: only the server's clock may count.
  await cor.clock.install({ time: new Date(Date.now() + 3 * 60_000) })
  await openBoard(anna, urls.facilitator, 'Anna')
  await openBoard(bram, urls.editor, 'Bram')
  await openBoard(cor, urls.viewer, 'Cor')
  return { anna, bram, cor }
}

const viewportOf = (page: Page) => page.evaluate(() => window.__dialoogbordEditor!.getViewportPageBounds().toJson())
const frameOf = (page: Page, zone: string) =>
  page.evaluate((zone) => {
    const editor = window.__dialoogbordEditor!
    const frame = editor.getCurrentPageShapes().find((shape) => shape.type === 'frame' && (shape.meta as { zone?: string }).zone === zone)!
    return editor.getShapePageBounds(frame)!.toJson()
  }, zone)
type Box = Awaited<ReturnType<typeof viewportOf>>
const centreIn = (view: Box, frame: Box) => {
  const x = view.x + view.w / 2
  const y = view.y + view.h / 2
  return x >= frame.x && x <= frame.x + frame.w && y >= frame.y && y <= frame.y + frame.h
}

test('the facilitator’s timer shows the same time in three browsers, after a reload too; an editor cannot control it', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus Timer', template: 'casusreconstructie' })
  const { anna, bram, cor } = await threePeople(browser, board.urls)
  // Before a timer: the facilitator has its button, the others nothing.
  await expect(anna.getByTestId('timer-open')).toHaveAccessibleName('Timer bedienen')
  await expect(anna.getByTestId('timer-open')).toHaveAttribute('aria-keyshortcuts', 'Alt+Shift+T')
  for (const page of [bram, cor]) await expect(page.getByRole('timer')).toHaveCount(0)

  await anna.getByTestId('timer-open').click()
  await anna.getByTestId('timer-minutes').fill('10')
  await anna.getByTestId('timer-start').click()
  for (const page of [anna, bram, cor]) await expect(page.getByTestId('session-timer')).toHaveAttribute('data-status', 'running')
  await expectSameTime([anna, bram, cor], 600)
  await expect(cor.getByRole('timer')).toHaveAccessibleName(/^Timer: nog (09:5\d|10:00)$/)
  await expect(bram.getByTestId('timer-announcement')).toHaveText('De timer loopt: 10 minuten.')
  // In the open controls the keyboard's focus stays put while the timer ticks (several times a second).
  await anna.getByTestId('timer-pause').focus()
  await anna.waitForTimeout(800)
  await expect(anna.getByTestId('timer-pause')).toBeFocused()
  await expect(anna.getByTestId('timer-pause')).toHaveAttribute('aria-keyshortcuts', 'Alt+Shift+P')

  // Bram turns the sound on and reloads: the timer is there at once, within a second of the
  // others, and his browser remembers the sound.
  await expect(bram.getByRole('button', { name: 'Geluid aan het eind' })).toHaveAttribute('aria-pressed', 'false')
  await bram.getByRole('button', { name: 'Geluid aan het eind' }).click()
  await bram.reload()
  await expect(bram.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  await expectSameTime([anna, bram, cor], 600)
  await expect(bram.getByRole('button', { name: 'Geluid aan het eind' })).toHaveAttribute('aria-pressed', 'true')
  await expect(cor.getByRole('button', { name: 'Geluid aan het eind' })).toHaveAttribute('aria-pressed', 'false')

  // The editor has no controls, and the server refuses it the call.
  await expect(bram.getByTestId('timer-open')).toHaveCount(0)
  await expect(bram.getByTestId('timer-controls')).toHaveCount(0)
  await bram.keyboard.press('Alt+Shift+P')
  const refused = await bram.request.post(`${server.url}/api/boards/${board.id}/timer`, {
    headers: { authorization: `Bearer ${board.tokens.editor}` },
    data: { action: 'stop' },
  })
  expect(refused.status()).toBe(403)
  expect((await refused.json()).code).toBe('role_required')
  await expect(bram.getByTestId('session-timer')).toHaveAttribute('data-status', 'running')

  await shoot(anna, 'timer-facilitator')
  await shoot(bram, 'timer-editor')
  await shoot(cor, 'timer-viewer')

  // The facilitator pauses by keyboard (the popover closed first), adds five minutes, resumes.
  await anna.keyboard.press('Escape')
  await expect(anna.getByTestId('timer-controls')).toHaveCount(0)
  await anna.keyboard.press('Alt+Shift+P')
  for (const page of [anna, bram, cor]) await expect(page.getByTestId('timer-paused')).toHaveText('gepauzeerd')
  const paused = await shownTogether([anna, bram, cor])
  expect(new Set(paused).size).toBe(1)
  await anna.keyboard.press('Alt+Shift+5')
  await expect.poll(() => shownSeconds(cor)).toBe(paused[0]! + 300)
  await anna.keyboard.press('Alt+Shift+P')
  for (const page of [anna, bram, cor]) await expect(page.getByTestId('session-timer')).toHaveAttribute('data-status', 'running')
  await expectSameTime([anna, bram, cor], paused[0]! + 300)

  // Time runs out, on Cor's clock moved on twenty minutes: the timer says so, to the eye and the ear.
  // (Its server clock is not asked again meanwhile: that would put it right, as on a real reconnect.)
  await cor.route('**/api/time', (route) => route.abort())
  await cor.clock.fastForward('20:00')
  await expect(cor.getByTestId('session-timer')).toHaveAttribute('data-status', 'ended')
  await expect(cor.getByTestId('timer-time')).toHaveText('Tijd is om')
  await expect(cor.getByTestId('timer-announcement')).toHaveText('De tijd is om.')
  await shoot(cor, 'timer-viewer-ended')

  // Stopped: gone for everyone.
  await anna.keyboard.press('Alt+Shift+X')
  for (const page of [bram, cor]) await expect(page.getByRole('timer')).toHaveCount(0)
})

test('Start stap brings everyone to the step and starts its timer; the Stappen panel shows planned and used minutes', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus Agenda', template: 'casusreconstructie' })
  const { anna, bram, cor } = await threePeople(browser, board.urls)
  for (const page of [anna, bram, cor]) await page.getByTestId('panel-button-steps').click()
  // The template's timeboxes: a two-hour session.
  await expect(anna.getByTestId('agenda-summary')).toContainText('Samen 120 min gepland, 0 min gebruikt.')
  await expect(bram.getByTestId('step-planned-tijdlijn')).toHaveText('45 min gepland')
  await expect(bram.getByTestId('step-start-tijdlijn')).toHaveCount(0)
  await expect(bram.getByTestId('step-minutes-tijdlijn')).toHaveCount(0)

  // The facilitator plans 50 minutes for the timeline; everyone sees it.
  await anna.getByTestId('step-minutes-tijdlijn').fill('50')
  await anna.getByTestId('step-minutes-tijdlijn').press('Enter')
  await expect(cor.getByTestId('step-planned-tijdlijn')).toHaveText('50 min gepland')

  await anna.getByRole('button', { name: 'Start stap “1 Introductie en spelregels”: iedereen erheen en de timer aan' }).click()
  await expectSameTime([anna, bram, cor], 600)
  await anna.getByTestId('step-start-tijdlijn').click()
  await expectSameTime([anna, bram, cor], 3000)
  for (const page of [anna, bram, cor]) {
    await expect(page.getByTestId('step-running-tijdlijn')).toBeVisible()
    await expect(page.getByTestId('step-used-spelregels')).toHaveText('0 min gebruikt')
  }
  // Everyone is brought to the timeline.
  const tijdlijn = await frameOf(anna, 'tijdlijn')
  for (const page of [bram, cor]) await expect.poll(async () => centreIn(await viewportOf(page), tijdlijn), { timeout: 10_000 }).toBe(true)
  await shoot(anna, 'agenda-facilitator')
  await shoot(bram, 'agenda-editor')
  await shoot(cor, 'agenda-viewer')

  // The next step by keyboard: 30 minutes for the reflection.
  await anna.keyboard.press('Alt+Shift+N')
  await expect(cor.getByTestId('step-running-rode-draden')).toBeVisible()
  await expectSameTime([anna, bram, cor], 1800)

  // The editor's own call is refused.
  const refused = await bram.request.post(`${server.url}/api/boards/${board.id}/agenda/lessen/start`, { headers: { authorization: `Bearer ${board.tokens.editor}` } })
  expect(refused.status()).toBe(403)

  // Stap afronden: the timer stops; the harvest has the run.
  await anna.getByTestId('agenda-end').click()
  for (const page of [bram, cor]) await expect(page.getByRole('timer')).toHaveCount(0)
  const harvest = await (await anna.request.get(`${server.url}/api/boards/${board.id}/report.md`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })).text()
  expect(harvest).toContain('## Verloop')
  expect(harvest).toMatch(/\| 3 Reflectie en rode draden \| \d\d:\d\d \| 0 min \| 30 min \|/)
})
