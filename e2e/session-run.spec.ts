/**
 * "A facilitator runs a two-hour casusreconstructie with the agenda, timer, summon/spotlight and
 * hand raises, seen from three browsers" (issue 13, done when): a facilitator, an editor and a
 * viewer, each on a screen of its own size. Screenshots of all three pages at every step go to
 * test-results/session-run/ on each run.
 */
import { expect, test, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createBoard, newPerson, openBoard, serverPerTest } from './support.ts'
import { centre, frameOf, viewportOf, type Box } from './view-bounds.ts'

const server = serverPerTest()
// Three browsers on a shared two-core machine.
test.setTimeout(240_000)

const SHOTS = join('test-results', 'session-run')
mkdirSync(SHOTS, { recursive: true })

const centreIn = (view: Box, frame: Box) => {
  const c = centre(view)
  return c.x >= frame.x && c.x <= frame.x + frame.w && c.y >= frame.y && c.y <= frame.y + frame.h
}
const sameCentre = (view: Box, leader: Box) => Math.hypot(centre(view).x - centre(leader).x, centre(view).y - centre(leader).y) < 0.1 * leader.w

async function expectFollowing(page: Page, leader: Page): Promise<void> {
  await expect.poll(async () => sameCentre(await viewportOf(page), await viewportOf(leader)), { timeout: 10_000 }).toBe(true)
}

const pan = (page: Page, dx: number, dy: number) =>
  page.evaluate(
    ({ dx, dy }) => {
      const editor = window.__dialoogbordEditor!
      const camera = editor.getCamera()
      const { w, h } = editor.getViewportPageBounds()
      editor.setCamera({ x: camera.x - dx * w, y: camera.y - dy * h, z: camera.z }, { animation: { duration: 200 } })
    },
    { dx, dy },
  )

/** The time the page's timer shows, in seconds ("49:58" → 2998). */
async function shownSeconds(page: Page): Promise<number> {
  const text = ((await page.getByTestId('timer-time').textContent()) ?? '').trim()
  const match = /^(?:(\d+):)?(\d\d):(\d\d)$/.exec(text)
  if (!match) throw new Error(`the timer shows "${text}"`)
  return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3])
}

async function expectSameTime(pages: Page[], expected: number): Promise<void> {
  await expect
    .poll(async () => {
      const seconds = await Promise.all(pages.map(shownSeconds))
      return Math.max(...seconds) - Math.min(...seconds) <= 1 && seconds.every((s) => Math.abs(s - expected) <= 15)
    }, { timeout: 10_000 })
    .toBe(true)
}

test('a two-hour casusreconstructie run from three browsers: agenda, timer, summon, spotlight and a raised hand', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casusreconstructie Jeugdzorg Oost', template: 'casusreconstructie' })
  const anna = await newPerson(browser, { width: 1440, height: 900 })
  const bram = await newPerson(browser, { width: 1024, height: 720 })
  const cor = await newPerson(browser, { width: 1680, height: 1050 })
  await openBoard(anna, board.urls.facilitator, 'Anna (facilitator)')
  await openBoard(bram, board.urls.editor, 'Bram')
  await openBoard(cor, board.urls.viewer, 'Cor')
  const people = { facilitator: anna, editor: bram, viewer: cor }
  const shoot = async (step: string) => {
    // A settled frame: camera animations and following take a few hundred milliseconds.
    await anna.waitForTimeout(400)
    for (const [who, page] of Object.entries(people)) await page.screenshot({ path: join(SHOTS, `${step}-${who}.png`) })
  }
  await shoot('01-opened')

  // The agenda: the template's timeboxes make two hours.
  await anna.getByTestId('panel-button-steps').click()
  await expect(anna.getByTestId('agenda-summary')).toContainText('Samen 120 min gepland')

  // Step 1: Start stap brings everyone there and starts its timer, the same on every screen.
  await anna.getByTestId('step-start-spelregels').click()
  const spelregels = await frameOf(anna, 'spelregels')
  for (const page of [bram, cor]) await expect.poll(async () => centreIn(await viewportOf(page), spelregels), { timeout: 10_000 }).toBe(true)
  for (const page of [anna, bram, cor]) await expect(page.getByTestId('session-timer')).toHaveAttribute('data-status', 'running')
  await expectSameTime([anna, bram, cor], 10 * 60)
  await shoot('02-step-spelregels')

  // Step 2: the timeline, then "Volg mij" while the facilitator walks along it.
  await anna.getByTestId('step-start-tijdlijn').click()
  const tijdlijn = await frameOf(anna, 'tijdlijn')
  for (const page of [bram, cor]) await expect.poll(async () => centreIn(await viewportOf(page), tijdlijn), { timeout: 10_000 }).toBe(true)
  await expectSameTime([anna, bram, cor], 45 * 60)
  await anna.getByRole('button', { name: 'Volg mij' }).click()
  await expect(anna.getByRole('button', { name: 'Volg mij' })).toHaveAttribute('aria-pressed', 'true')
  // Anna walks along the timeline: its first third, then the next.
  const third = { x: tijdlijn.x, y: tijdlijn.y, w: tijdlijn.w / 3, h: tijdlijn.h }
  await anna.evaluate((box) => {
    window.__dialoogbordEditor!.zoomToBounds(box, { animation: { duration: 300 } })
  }, third)
  for (const page of [bram, cor]) await expectFollowing(page, anna)
  await pan(anna, 0.8, 0)
  for (const page of [bram, cor]) {
    await expect(page.getByRole('button', { name: 'Zelf rondkijken' })).toBeVisible()
    await expectFollowing(page, anna)
  }
  await shoot('03-volg-mij')

  // Bram raises his hand; it is in the facilitator's queue.
  await bram.getByTestId('hand-toggle').click()
  await expect(anna.getByTestId('hand-queue-item')).toHaveCount(1)
  await expect(anna.getByTestId('hand-queue-item').first()).toContainText('Bram')
  await shoot('04-hand')

  // Cor looks around himself; the facilitator sees who follows and who is connected.
  await cor.getByRole('button', { name: 'Zelf rondkijken' }).click()
  await expect(cor.getByRole('button', { name: 'Weer volgen' })).toBeVisible()
  await anna.getByTestId('panel-button-participants').click()
  await expect(anna.getByTestId('participants-following')).toHaveText('1 van 2 volgen jou')
  await expect(anna.getByTestId('participant')).toHaveCount(3)
  await shoot('05-deelnemers')

  // "Breng iedereen hierheen" gathers everyone again, Cor included, after the spotlight stops.
  await anna.getByRole('button', { name: 'Volg mij' }).click()
  await expect(bram.getByTestId('follow-state')).toHaveCount(0)
  const lessen = await frameOf(anna, 'lessen')
  await anna.evaluate((box) => {
    window.__dialoogbordEditor!.zoomToBounds(box, { immediate: true })
  }, lessen)
  await anna.getByRole('button', { name: 'Breng iedereen hierheen' }).click()
  for (const page of [bram, cor]) await expect.poll(async () => centreIn(await viewportOf(page), lessen), { timeout: 10_000 }).toBe(true)
  await shoot('06-breng-iedereen-hierheen')
})
