/**
 * The accessibility statement says the facilitator runs a session from the canvas page's header
 * and panels, with only the keyboard. This is its proof: Anna (facilitator) on a casusreconstructie
 * board uses nothing but keys (Tab, Shift+Tab, Enter, Escape and the Alt+Shift shortcuts of the
 * README) to start the timer, run a silent round, open and close a dot vote, bring everyone to her
 * view and lower a raised hand, while Bram (editor) in another browser sees each effect. After each
 * step the focus is checked: visible, and back where the step began.
 */
import { expect, test, type Locator, type Page } from '@playwright/test'
import { createBoard, serverPerTest, tabTo, twoPeople } from './support.ts'
import { frameOf, viewportOf, type Box } from './view-bounds.ts'

const server = serverPerTest()
// Two browsers on a shared two-core machine, and many small steps.
test.setTimeout(180_000)

/** `target` has the focus, and the browser shows it (our :focus-visible outline, not `none`). */
async function expectVisibleFocus(target: Locator): Promise<void> {
  await expect(target).toBeFocused()
  const shown = await target.evaluate((element) => element.matches(':focus-visible') && getComputedStyle(element).outlineStyle !== 'none')
  expect(shown, 'focus is visible').toBe(true)
}

/** Nearly all of `frame` is in `view`, and it fills a good part of it (not a far-off overview). */
function shows(view: Box, frame: Box): boolean {
  const overlap = Math.max(0, Math.min(view.x + view.w, frame.x + frame.w) - Math.max(view.x, frame.x)) * Math.max(0, Math.min(view.y + view.h, frame.y + frame.h) - Math.max(view.y, frame.y))
  return overlap >= 0.9 * frame.w * frame.h && frame.w * frame.h >= 0.25 * view.w * view.h
}

/** Tabs to a panel's button in the header and opens it: the focus lands on the panel's heading. */
async function openPanel(page: Page, name: string): Promise<Locator> {
  await tabTo(page, page.getByRole('button', { name, exact: true }))
  await page.keyboard.press('Enter')
  const panel = page.getByRole('complementary', { name })
  await expect(panel.getByRole('heading', { level: 2, name })).toBeFocused()
  return panel
}

/** Escape closes the panel and gives the focus back to its button in the header. */
async function closePanel(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Escape')
  await expect(page.getByRole('complementary', { name })).toHaveCount(0)
  await expectVisibleFocus(page.getByRole('button', { name, exact: true }))
}

test('a facilitator runs the session with only the keyboard; an editor sees every step', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus Toetsenbord', template: 'casusreconstructie' })
  const [anna, bram] = await twoPeople(browser, board)

  // 1. The timer: its button in the header opens the popover on the minutes; Enter starts it.
  const timerButton = anna.getByRole('button', { name: /Timer bedienen/ })
  await tabTo(anna, timerButton)
  await expectVisibleFocus(timerButton)
  await anna.keyboard.press('Enter')
  const minutes = anna.getByRole('dialog', { name: 'Timer bedienen' }).getByRole('textbox', { name: 'Minuten' })
  await expectVisibleFocus(minutes)
  await anna.keyboard.press('ControlOrMeta+a')
  await anna.keyboard.type('10')
  await anna.keyboard.press('Enter')
  await expect(bram.getByTestId('session-timer')).toHaveAttribute('data-status', 'running')
  await expect(bram.getByRole('timer')).toHaveAccessibleName(/^Timer: nog (10:00|9:\d\d)/)
  await anna.keyboard.press('Escape')
  await expect(anna.getByRole('dialog', { name: 'Timer bedienen' })).toHaveCount(0)
  await expectVisibleFocus(timerButton)

  // 2. A silent round from the Stappen panel: start it, Bram gets the banner; reveal ends it.
  let panel = await openPanel(anna, 'Stappen')
  await tabTo(anna, panel.getByRole('button', { name: 'Stille ronde starten' }))
  await anna.keyboard.press('Enter')
  await expect(bram.getByTestId('silent-round')).toContainText('Stille ronde: wat je nu schrijft ziet alleen jij')
  // The start button is gone: the focus moved on to "Onthullen", it did not fall out of the panel.
  const reveal = panel.getByRole('button', { name: 'Onthullen', exact: true })
  await expectVisibleFocus(reveal)
  await anna.keyboard.press('Enter')
  await expect(bram.getByTestId('silent-round')).toHaveCount(0)
  await expect(anna.getByTestId('silent-round')).toHaveCount(0)
  // And back to the start form, still in the panel, so Escape still closes it.
  const roundMinutes = panel.getByRole('textbox', { name: 'Duur in minuten (optioneel)' })
  await expectVisibleFocus(roundMinutes)
  // Another round, ended from the banner under the header this time: stopped without revealing.
  await anna.keyboard.press('Enter')
  await expect(bram.getByTestId('silent-round')).toBeVisible()
  await expectVisibleFocus(reveal)
  await closePanel(anna, 'Stappen')
  const stopInBanner = anna.getByTestId('silent-round').getByRole('button', { name: 'Stille ronde stoppen zonder onthullen' })
  await tabTo(anna, stopInBanner)
  await expectVisibleFocus(stopInBanner)
  await anna.keyboard.press('Enter')
  await expect(bram.getByTestId('silent-round')).toHaveCount(0)
  // The banner went with its button: the focus goes to the canvas, not to <body>.
  await expect(anna.locator('.tl-container')).toBeFocused()

  // 3. A dot vote from the Stemmen panel: Bram (his panel open) sees it running, then its result.
  await bram.getByTestId('panel-button-vote').click()
  await expect(bram.getByTestId('vote-results')).toContainText('Nog geen gesloten stemmingen.')
  panel = await openPanel(anna, 'Stemmen')
  await tabTo(anna, panel.getByRole('button', { name: 'Stemming openen' }))
  await anna.keyboard.press('Enter')
  await expect(bram.getByTestId('vote-bar')).toContainText('3 stippen per deelnemer')
  await expect(bram.getByTestId('vote-status')).toContainText('Er loopt een stemming.')
  // The open button is gone: the focus moved on to "Stemming sluiten".
  const closeVote = panel.getByRole('button', { name: 'Stemming sluiten' })
  await expectVisibleFocus(closeVote)
  await anna.keyboard.press('Enter')
  await expect(bram.getByTestId('vote-bar')).toHaveCount(0)
  await expect(bram.getByTestId('vote-status')).toHaveCount(0)
  await expect(bram.getByTestId('vote-result-list')).toHaveCount(1)
  await expect(panel.getByTestId('vote-open-form')).toBeVisible()
  await expect(panel.locator(':focus')).toHaveCount(1)
  await closePanel(anna, 'Stemmen')

  // 4. "Breng iedereen hierheen": Anna looks at the lessons, Bram's view goes there too.
  const lessen = await frameOf(anna, 'lessen')
  expect(shows(await viewportOf(bram), lessen)).toBe(false)
  await anna.evaluate((box) => {
    window.__dialoogbordEditor!.zoomToBounds(box, { immediate: true, inset: 0 })
  }, lessen)
  const summon = anna.getByRole('button', { name: 'Breng iedereen hierheen' })
  await tabTo(anna, summon)
  await expectVisibleFocus(summon)
  await anna.keyboard.press('Enter')
  await expect(anna.getByTestId('follow-notice')).toHaveText('Iedereen is hierheen gebracht.')
  await expect.poll(async () => shows(await viewportOf(bram), lessen), { timeout: 10_000 }).toBe(true)
  await expectVisibleFocus(summon)

  // 5. Bram raises his hand (Alt+Shift+K); Anna lowers the first hand (Alt+Shift+L), her focus stays put.
  await bram.keyboard.press('Alt+Shift+KeyK')
  await expect(bram.getByTestId('hand-toggle')).toHaveAttribute('aria-pressed', 'true')
  await expect(anna.getByTestId('hand-queue-item')).toHaveCount(1)
  await expect(anna.getByTestId('hand-queue-item')).toContainText('Bram')
  await anna.keyboard.press('Alt+Shift+KeyL')
  await expect(anna.getByTestId('hand-queue')).toHaveCount(0)
  await expect(bram.getByTestId('hand-toggle')).toHaveAttribute('aria-pressed', 'false')
  await expect(bram.getByTestId('hand-lowered-notice')).toHaveText('De facilitator heeft je hand laten zakken')
  await expectVisibleFocus(summon)

  // Two hands; Anna lowers Bram's with its button: the focus moves to the next hand's button,
  // and with the last hand gone to the canvas (not to <body>, where Tab starts over).
  await bram.keyboard.press('Alt+Shift+KeyK')
  await anna.keyboard.press('Alt+Shift+KeyK')
  await expect(anna.getByTestId('hand-queue-item')).toHaveCount(2)
  const lowerBram = anna.getByRole('button', { name: /Bram/ })
  await tabTo(anna, lowerBram)
  await anna.keyboard.press('Enter')
  await expect(anna.getByTestId('hand-queue-item')).toHaveCount(1)
  await expectVisibleFocus(anna.getByTestId('hand-queue').getByRole('button').first())
  await anna.keyboard.press('Enter')
  await expect(anna.getByTestId('hand-queue')).toHaveCount(0)
  await expect(anna.locator('.tl-container')).toBeFocused()
})
