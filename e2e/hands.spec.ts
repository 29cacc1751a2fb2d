/**
 * Raised hands and reactions in three browsers (all awareness, never stored): participants raise
 * hands, the facilitator's queue lists them oldest first and lowers one, which the participant
 * sees; a reaction floats at its sender's cursor on the others' canvases; on an anonymous board
 * the queue names pseudonyms only.
 */
import { expect, test, type Page } from '@playwright/test'
import { createBoard, everyRole, newPerson, openBoard, serverPerTest } from './support.ts'

const server = serverPerTest()
// Three browsers on a shared two-core machine: more room than the default minute.
test.setTimeout(120_000)

const queueItems = (page: Page) => page.getByTestId('hand-queue-item')
const handToggle = (page: Page) => page.getByTestId('hand-toggle')

/**
 * The next reaction floating on this page: its emoji, text and the screen x of its centre, read
 * at once (it shows for only two seconds, which a loaded machine can spend between two steps).
 */
async function floatSeen(page: Page): Promise<{ emoji: string | null; text: string; x: number; animation: string }> {
  const handle = await page.waitForFunction(() => {
    const float = document.querySelector('[data-testid="reaction-float"]')
    const bubble = float?.querySelector('.reaction-float__bubble')
    if (!float || !bubble) return null
    const box = bubble.getBoundingClientRect()
    return { emoji: float.getAttribute('data-emoji'), text: float.textContent ?? '', x: box.x + box.width / 2, animation: getComputedStyle(bubble).animationName }
  })
  return (await handle.jsonValue())!
}

/** Puts the mouse on the canvas, so this person's presence carries a cursor there. */
async function pointAt(page: Page, x: number, y: number): Promise<void> {
  await page.mouse.move(x - 20, y - 20)
  await page.mouse.move(x, y, { steps: 4 })
}

test('hands go up in order, the facilitator lowers one, and a reaction floats at its sender on every canvas', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus Zuid', template: 'casusreconstructie' })
  const [anna, bram, cas] = await everyRole(browser, board)
  await cas.emulateMedia({ reducedMotion: 'reduce' })

  // Only the facilitator has a queue; everyone (the viewer too) has the toggle.
  await expect(handToggle(cas)).toHaveAttribute('aria-pressed', 'false')
  await expect(handToggle(cas)).toHaveAccessibleName('Hand opsteken')

  await handToggle(bram).click()
  await expect(handToggle(bram)).toHaveAttribute('aria-pressed', 'true')
  await expect(handToggle(bram)).toHaveText(/Hand laten zakken/)
  await bram.screenshot({ path: test.info().outputPath('hands-raised.png') })
  await expect(queueItems(anna)).toHaveCount(1)
  await expect(queueItems(anna).first()).toContainText('Bram')
  await expect(anna.getByTestId('hand-announcement')).toHaveText('Bram steekt een hand op')

  // Cas raises by keyboard, with the focus on the canvas.
  await pointAt(cas, 640, 450)
  await cas.keyboard.press('Alt+Shift+KeyK')
  await expect(handToggle(cas)).toHaveAttribute('aria-pressed', 'true')
  await expect(queueItems(anna)).toHaveText([/^Bram/, /^Cas/])
  await expect(anna.getByTestId('hand-announcement')).toHaveText('Cas steekt een hand op')
  await expect(bram.getByTestId('hand-queue')).toHaveCount(0)

  await anna.getByRole('button', { name: 'Hand van Bram laten zakken' }).click()
  await expect(handToggle(bram)).toHaveAttribute('aria-pressed', 'false')
  await expect(handToggle(bram)).toHaveText(/Hand opsteken/)
  await expect(bram.getByTestId('hand-lowered-notice')).toHaveText('De facilitator heeft je hand laten zakken')
  await expect(queueItems(anna)).toHaveText([/^Cas/])
  await expect(handToggle(cas)).toHaveAttribute('aria-pressed', 'true')

  // Bram raises again: now after Cas.
  await handToggle(bram).click()
  await expect(queueItems(anna)).toHaveText([/^Cas/, /^Bram/])

  // A reaction floats where Bram's cursor is, on Anna's canvas and on his own.
  await pointAt(bram, 700, 420)
  const annaSees = floatSeen(anna)
  const bramSees = floatSeen(bram)
  const casSees = floatSeen(cas)
  await bram.keyboard.press('Alt+Shift+Digit4')
  const float = await annaSees
  await anna.screenshot({ path: test.info().outputPath('hands-queue-and-reaction.png') })
  expect(float).toMatchObject({ emoji: '💡', text: '💡Bram' })
  expect(await bramSees).toMatchObject({ emoji: '💡', text: '💡Jij' })
  // It floats up, except for someone who prefers reduced motion: there it only fades.
  expect(float.animation).toBe('reaction-float')
  expect(await casSees).toMatchObject({ emoji: '💡', text: '💡Bram', animation: 'reaction-fade' })
  // Anna's view of the page differs from Bram's; the float sits where his cursor is on her screen.
  const expected = await anna.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    const bramsPresence = editor.store.query.records('instance_presence').get().find((presence) => presence.userName === 'Bram')!
    return editor.pageToScreen(bramsPresence.cursor!)
  })
  expect(Math.abs(float.x - expected.x)).toBeLessThan(40)
  await expect(anna.getByTestId('reaction-float')).toHaveCount(0, { timeout: 5000 }) // gone after about two seconds

  // The reaction buttons carry their names; a click sends one too.
  const heart = floatSeen(anna)
  await cas.getByRole('button', { name: 'Reageer met een hartje' }).click()
  expect(await heart).toMatchObject({ emoji: '❤️', text: '❤️Cas' })

  // "Alle handen laten zakken".
  await anna.getByTestId('hand-queue-lower-all').click()
  await expect(handToggle(bram)).toHaveAttribute('aria-pressed', 'false')
  await expect(handToggle(cas)).toHaveAttribute('aria-pressed', 'false')
  await expect(anna.getByTestId('hand-queue')).toHaveCount(0)

  // The facilitator lowers the first hand by keyboard.
  await handToggle(bram).click()
  await expect(queueItems(anna)).toHaveText([/^Bram/])
  await pointAt(anna, 640, 450)
  await anna.keyboard.press('Alt+Shift+KeyL')
  await expect(handToggle(bram)).toHaveAttribute('aria-pressed', 'false')
})

test('on an anonymous board the queue and the reactions show pseudonyms only', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Chatham House', template: 'casusreconstructie', anonymous: true })
  const anna = await newPerson(browser)
  const bram = await newPerson(browser)
  const cas = await newPerson(browser)
  await openBoard(anna, board.urls.facilitator, null)
  await openBoard(bram, board.urls.editor, null)
  await openBoard(cas, board.urls.editor, null)

  await handToggle(bram).click()
  await handToggle(cas).click()
  await expect(queueItems(anna)).toHaveText([/^Deelnemer \d+/, /^Deelnemer \d+/])
  const names = await queueItems(anna).locator('.hand-queue__name').allTextContents()
  expect(new Set(names).size).toBe(2)

  await pointAt(bram, 600, 400)
  const thumbs = floatSeen(anna)
  await bram.keyboard.press('Alt+Shift+Digit1')
  const float = await thumbs
  await anna.screenshot({ path: test.info().outputPath('hands-anonymous.png') })
  expect(float.emoji).toBe('👍')
  expect(float.text).toMatch(/^👍Deelnemer \d+$/)
})
