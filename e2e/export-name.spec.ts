/** An export is named after the board, not "Zonder titel" (issue 10 bug 8). */
import { expect, test } from '@playwright/test'
import { createBoard, newPerson, openBoard, serverPerTest } from './support.ts'

const server = serverPerTest()

test("tldraw's PNG export is named after the board title", async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus Zuid: wijk 3/4', template: 'casusreconstructie' })
  const anna = await newPerson(browser)
  await openBoard(anna, board.urls.facilitator, 'Anna')
  await anna.getByTestId('main-menu.button').click()
  await anna.getByTestId('main-menu-sub.export-all-as-button').click()
  const download = anna.waitForEvent('download')
  await anna.getByTestId('main-menu.export-all-as-png').click()
  expect((await download).suggestedFilename()).toBe('Casus Zuid wijk 3 4.png')
})
