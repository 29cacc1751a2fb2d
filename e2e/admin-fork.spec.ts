/**
 * On a server with ADMIN_TOKEN a follow-up board (a fork) is a new board too, so it needs the
 * admin token next to the facilitator's link; the fork dialog asks for it when the server does.
 */
import { expect, test } from '@playwright/test'
import { createBoard, newPerson, openBoard, serverStartedByEachTest } from './support.ts'

const start = serverStartedByEachTest()
const ADMIN = 'beheer-e2e-geheim'

test('the fork dialog asks for the admin token when the server needs it, then makes the board', async ({ browser }) => {
  const server = await start({ ADMIN_TOKEN: ADMIN })
  const board = await createBoard(server.url, { title: 'Casus Beheer' }, { authorization: `Bearer ${ADMIN}` })
  const captured = await fetch(`${server.url}/api/boards/${board.id}/snapshots`, {
    method: 'POST',
    headers: { authorization: `Bearer ${board.tokens.editor}`, 'content-type': 'application/json' },
    body: JSON.stringify({ label: 'Einde sessie 1' }),
  })
  expect(captured.status).toBe(201)

  const anna = await newPerson(browser)
  await openBoard(anna, board.urls.facilitator, 'Anna')
  await anna.getByTestId('panel-button-history').click()
  await anna.getByTestId('snapshot-item').filter({ hasText: 'Einde sessie 1' }).getByTestId('snapshot-action-fork').click()
  const dialog = anna.getByTestId('fork-dialog')
  await dialog.getByTestId('fork-title').fill('Casus Beheer, sessie 2')
  await dialog.getByTestId('fork-confirm').click()
  await expect(dialog.getByRole('alert')).toContainText('beheerder')

  await dialog.getByTestId('fork-admin-token').fill(ADMIN)
  await dialog.getByTestId('fork-confirm').click()
  await expect(anna.getByTestId('board-title')).toHaveText('Casus Beheer, sessie 2')
  await expect(anna.getByTestId('board-role')).toHaveText('Facilitator')
})
