/**
 * The ways in for people who do not use the canvas (issue 15): the canvas page's skip link and
 * "Lijstweergave" link to the list view, and the accessibility statement with its contact.
 */
import { expect, test, type Page } from '@playwright/test'
import { LAST_CHECK } from '../client/pages/statement-facts.ts'
import { createBoard, newPerson, openBoard, serverStartedByEachTest } from './support.ts'

const startServer = serverStartedByEachTest()

function tokenOf(url: string): string {
  return new URL(url).searchParams.get('token')!
}

/** Where the list view of a board link lives: the same board, the same token. */
function listViewOf(boardId: string, linkUrl: string): RegExp {
  return new RegExp(`/b/${boardId}/lijst\\?token=${encodeURIComponent(tokenOf(linkUrl))}$`)
}

test('on the canvas page the skip link is the first Tab stop, shows when focused, and Enter opens the list view with the same link', async ({ browser }) => {
  const server = await startServer()
  const board = await createBoard(server.url, { title: 'Casus Noord', template: 'casusreconstructie' })
  const page = await newPerson(browser)
  await openBoard(page, board.urls.facilitator, 'Fenna')
  // As a keyboard user arrives: a fresh load (the name is remembered), nothing touched yet.
  await openBoard(page, board.urls.facilitator, null)

  const skip = page.getByTestId('skip-to-list')
  await expect(skip).not.toBeInViewport()
  await page.keyboard.press('Tab')
  await expect(skip).toBeFocused()
  await expect(skip).toHaveText('Naar de lijstweergave')
  await expect(skip).toBeInViewport()
  await page.screenshot({ path: 'test-results/statement/skip-link.png', clip: { x: 0, y: 0, width: 640, height: 120 } })

  await page.keyboard.press('Enter')
  // The facilitator's link stays the facilitator's: the list view opens with the same token.
  await expect(page).toHaveURL(listViewOf(board.id, board.urls.facilitator))
  await expect(page.getByTestId('list-title')).toBeVisible()
  await expect(page.getByTestId('board-role')).toHaveText('Facilitator')
})

test('the header shows a Lijstweergave link to the list view with the link’s own token', async ({ browser }) => {
  const server = await startServer()
  const board = await createBoard(server.url, { title: 'Casus Noord', template: 'casusreconstructie' })
  const page = await newPerson(browser, { width: 390, height: 850 })
  await openBoard(page, board.urls.viewer, 'Vera')
  const link = page.locator('.board-header').getByRole('link', { name: 'Lijstweergave' })
  await expect(link).toBeVisible()
  await expect(link).toHaveAttribute('href', `/b/${board.id}/lijst?token=${encodeURIComponent(tokenOf(board.urls.viewer))}`)
  await link.click()
  await expect(page).toHaveURL(listViewOf(board.id, board.urls.viewer))
  await expect(page.getByTestId('list-title')).toBeVisible()
  await expect(page.getByTestId('board-role')).toHaveText('Kijker')
  // The list view leads to the statement too.
  await page.getByTestId('list-statement-link').click()
  await expect(page).toHaveURL(/\/toegankelijkheid$/)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
})

async function openStatementFromHome(page: Page, baseUrl: string): Promise<void> {
  await page.goto(baseUrl)
  const footerLink = page.locator('footer').getByRole('link', { name: 'Toegankelijkheid' })
  await expect(footerLink).toBeVisible()
  await footerLink.click()
  await expect(page).toHaveURL(`${baseUrl}/toegankelijkheid`)
  // It opens at its top, not at the home page's scroll offset.
  await expect(page.getByRole('heading', { level: 1 })).toBeInViewport()
}

test('the statement: linked from the home page, in Dutch and in English, with the configured contact', async ({ browser }) => {
  const server = await startServer({ ACCESSIBILITY_CONTACT: 'toegankelijkheid@gemeente.example' })
  const page = await newPerson(browser, { width: 320, height: 800 })
  await openStatementFromHome(page, server.url)

  await expect(page.getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' })).toBeVisible()
  await expect(page).toHaveTitle(/^Toegankelijkheidsverklaring/)
  for (const heading of ['Status per onderdeel', 'Wat nog niet werkt, en het alternatief', 'Hoe we toetsen', 'Datum van de laatste controle', 'Een probleem melden']) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible()
  }
  await expect(page.getByTestId('statement-status-list')).toHaveText('Voldoet aan WCAG 2.1 AA.')
  await expect(page.getByTestId('statement-status-canvas')).toHaveText('Voldoet gedeeltelijk aan WCAG 2.1 AA.')
  // Only a check by hand is called one (client/pages/statement-facts.ts).
  await expect(page.getByTestId('statement-last-check')).toHaveText(
    LAST_CHECK.byHand
      ? /^De laatste controle met de hand was op \d{1,2} [a-z]+ \d{4}\.$/
      : /^De laatste controle was op \d{1,2} [a-z]+ \d{4}: de automatische toetsen hierboven\. Een controle met de hand .* is nog niet gedaan\.$/,
  )
  // The list view is for everyone's part in a session; running it stays on the canvas page.
  await expect(page.getByTestId('statement-list-facilitator')).toContainText('De sessie leiden kan niet vanuit de lijstweergave')
  const contact = page.getByTestId('statement-contact').getByRole('link', { name: 'toegankelijkheid@gemeente.example' })
  await expect(contact).toHaveAttribute('href', 'mailto:toegankelijkheid@gemeente.example')
  // 320 px wide (WCAG 1.4.10 Reflow): no sideways scrolling.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
  await page.screenshot({ path: 'test-results/statement/statement-nl-320.png', fullPage: true })
  await page.screenshot({ path: 'test-results/statement/statement-nl-320-top.png' })
  await page.getByTestId('statement-contact').scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/statement/statement-nl-320-contact.png' })

  await page.getByTestId('lang-en').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accessibility statement')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByTestId('statement-status-canvas')).toHaveText('Partially conforms to WCAG 2.1 AA.')
  await expect(page.getByTestId('statement-last-check')).toContainText(LAST_CHECK.byHand ? 'The last check by hand was on' : 'A check by hand (keyboard only, a screen reader, 320 pixels wide) has not been done yet.')
  await expect(page.getByTestId('statement-contact')).toContainText('Report it to the people who run this installation:')
  await expect(page.getByTestId('statement-contact').getByRole('link')).toHaveAttribute('href', 'mailto:toegankelijkheid@gemeente.example')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
  await page.screenshot({ path: 'test-results/statement/statement-en-320.png', fullPage: true })
})

test('the statement without ACCESSIBILITY_CONTACT says whom to ask instead', async ({ browser }) => {
  const unset = await startServer()
  const page = await newPerson(browser)
  await page.goto(`${unset.url}/toegankelijkheid`)
  await expect(page.getByTestId('statement-contact')).toHaveText(
    'Meld het bij de beheerder van deze installatie; dat is meestal de organisatie die je de link naar het bord heeft gegeven.',
  )
  await expect(page.getByTestId('statement-contact').getByRole('link')).toHaveCount(0)
})

test('an https ACCESSIBILITY_CONTACT is linked as a web page', async ({ browser }) => {
  const server = await startServer({ ACCESSIBILITY_CONTACT: 'https://gemeente.example/toegankelijkheid/melden' })
  const page = await newPerson(browser)
  await page.goto(`${server.url}/toegankelijkheid`)
  await expect(page.getByTestId('statement-contact').getByRole('link', { name: 'https://gemeente.example/toegankelijkheid/melden' })).toHaveAttribute(
    'href',
    'https://gemeente.example/toegankelijkheid/melden',
  )
})

test('tldraw’s help menu on the board opens the statement in a new tab', async ({ browser }) => {
  const server = await startServer()
  const board = await createBoard(server.url, { title: 'Casus Noord', template: 'casusreconstructie' })
  const page = await newPerson(browser)
  await openBoard(page, board.urls.editor, 'Bram')
  await page.getByTestId('help-menu.button').click()
  const opened = page.context().waitForEvent('page')
  await page.getByRole('menuitem', { name: 'Toegankelijkheidsverklaring (nieuw tabblad)' }).click()
  const statement = await opened
  await expect(statement).toHaveURL(`${server.url}/toegankelijkheid`)
  await expect(statement.getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' })).toBeVisible()
  // The session goes on in the first tab.
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
})
