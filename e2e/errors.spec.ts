/**
 * The server's refusals reach a Dutch reader in Dutch (issue 10 bug 6): the client shows its own
 * text for each refusal's code, never the server's English.
 */
import { expect, test } from '@playwright/test'
import { createBoard, newPerson, openBoard, serverStartedByEachTest } from './support.ts'

const start = serverStartedByEachTest()

test('creating a board without the admin token is refused in Dutch', async ({ browser }) => {
  const server = await start({ ADMIN_TOKEN: 'beheer-e2e-geheim' })
  const page = await newPerson(browser)
  await page.goto(server.url)
  await page.getByTestId('create-board-title').fill('Casus zonder token')
  await page.getByTestId('create-board-submit').click()
  const alert = page.locator('.create-board [role="alert"]')
  await expect(alert).toContainText('Op deze server mag alleen een beheerder borden maken')
  await expect(alert).not.toContainText('admin token')
})

test('saving a template from a board without frames is refused in Dutch', async ({ browser }) => {
  const server = await start()
  const board = await createBoard(server.url, { title: 'Leeg bord' })
  const anna = await newPerson(browser)
  await openBoard(anna, board.urls.facilitator, 'Anna')
  await anna.getByTestId('panel-button-steps').click()
  await anna.getByTestId('save-template-open').click()
  await anna.getByTestId('save-template-title').fill('Mijn sjabloon')
  await anna.getByTestId('save-template-submit').click()
  const message = anna.getByTestId('save-template-message')
  await expect(message).toContainText('Dit bord heeft geen kaders of vaste onderdelen om als sjabloon te bewaren')
  await expect(message).not.toContainText('scaffolding')
})
