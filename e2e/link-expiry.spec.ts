/**
 * An earlier end date for a link people are using is confirmed first, and a past date is refused
 * in the facilitator's language (issue 10 bug 7).
 */
import { expect, test } from '@playwright/test'
import { toDayString } from '../client/settings/link-expiry.ts'
import { SyncClient } from '../server/testing/sync-client.ts'
import { createBoard, newPerson, openBoard, serverPerTest } from './support.ts'

const server = serverPerTest()
const DAY_MS = 24 * 3600_000

test('shortening a link people use asks first; a past date is refused in Dutch', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Linkbeheer' })
  const viewer = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
  const anna = await newPerson(browser)
  await openBoard(anna, board.urls.facilitator, 'Anna')
  await anna.getByTestId('panel-button-settings').click()

  const input = anna.getByTestId('link-viewer-expiry')
  const status = anna.getByTestId('link-viewer-expiry-status')
  const confirm = anna.getByTestId('link-viewer-expiry-confirm')
  await expect(input).toHaveAttribute('min', toDayString(new Date()))
  const before = await status.textContent()

  // Asked first; saying no changes nothing.
  await input.fill(toDayString(new Date(Date.now() + 2 * DAY_MS)))
  await anna.getByTestId('link-viewer-expiry-save').click()
  await expect(confirm).toContainText('Eén persoon gebruikt deze link nu en wordt op')
  await confirm.getByRole('button', { name: 'Annuleren' }).click()
  await expect(confirm).toBeHidden()
  await expect(status).toHaveText(before!)

  // Saying yes saves it; the viewer stays connected until then.
  await anna.getByTestId('link-viewer-expiry-save').click()
  await anna.getByTestId('link-viewer-expiry-confirm-yes').click()
  await expect(anna.getByTestId('link-viewer').getByText('Einddatum opgeslagen.')).toBeVisible()
  await expect(status).not.toHaveText(before!)

  // A day in the past (typed, past the picker's minimum) is refused by the server, in Dutch.
  await input.fill(toDayString(new Date(Date.now() - 2 * DAY_MS)))
  await anna.getByTestId('link-viewer-expiry-save').click()
  await anna.getByTestId('link-viewer-expiry-confirm-yes').click()
  await expect(anna.getByTestId('link-viewer')).toContainText('Kies een einddatum in de toekomst')
  await viewer.close()
})
