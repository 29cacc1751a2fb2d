import { expect, test, type Page } from '@playwright/test'
import type { SnapshotInfo } from '../shared/api.ts'
import { addNoteByHand, createBoard, newPerson, openBoard, serverPerTest } from './support.ts'

const server = serverPerTest()

const snapshotItem = (page: Page, label: string) => page.getByTestId('snapshot-item').filter({ has: page.getByTestId('snapshot-item-label').getByText(label, { exact: true }) })

async function captureByHand(page: Page, label: string): Promise<void> {
  await page.getByTestId('snapshot-label').fill(label)
  await page.getByTestId('snapshot-capture').click()
  await expect(snapshotItem(page, label)).toBeVisible()
}

/** Gives the note with `from` the text `to` through the editor (typing is not what this test is about). */
async function setNoteText(page: Page, from: string, to: string): Promise<void> {
  await page.evaluate(
    ({ from, to }) => {
      const editor = window.__dialoogbordEditor!
      const note = editor.getCurrentPageShapes().find((shape) => editor.getShapeUtil(shape).getText(shape) === from)!
      const richText = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: to }] }] }
      editor.updateShape({ id: note.id, type: 'note', props: { richText } })
    },
    { from, to },
  )
}

test('comparing a snapshot with an older one reads from older to newer, with times that tell them apart (issue 10 bug 3)', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Vergelijken' })
  const anna = await newPerson(browser)
  await openBoard(anna, board.urls.facilitator, 'Anna')
  await addNoteByHand(anna, { x: 400, y: 300 }, 'Eerste versie')
  await anna.getByTestId('panel-button-history').click()
  await captureByHand(anna, 'Oud')
  await setNoteText(anna, 'Eerste versie', 'Tweede versie')
  await captureByHand(anna, 'Nieuw')

  // Start from the newer snapshot and compare it with the older one.
  await snapshotItem(anna, 'Nieuw').getByTestId('snapshot-action-compare').click()
  const older = await anna.getByTestId('compare-with').locator('option', { hasText: 'Oud' }).getAttribute('value')
  await anna.getByTestId('compare-with').selectOption(older!)

  const changed = anna.locator('[data-testid="compare-item"][data-change="changed"]')
  await expect(changed.getByTestId('compare-before')).toContainText('Eerste versie')
  await expect(changed.getByTestId('compare-after')).toContainText('Tweede versie')
  // The picked snapshot stays the one compared from, and the choice stays selected.
  await expect(anna.getByTestId('compare-with')).toHaveValue(older!)

  const title = anna.getByTestId('snapshot-banner-title')
  await expect(title).toHaveText(/\(Oud\).*\(Nieuw\)/)
  await expect(anna.getByTestId('snapshot-banner')).not.toContainText('—')
  const response = await fetch(`${server.url}/api/boards/${board.id}/snapshots`, { headers: { authorization: `Bearer ${board.tokens.facilitator}` } })
  const [a, b] = ((await response.json()) as SnapshotInfo[]).filter((s) => s.label === 'Oud' || s.label === 'Nieuw')
  const sameMinute = Math.floor(Date.parse(a!.createdAt) / 60_000) === Math.floor(Date.parse(b!.createdAt) / 60_000)
  // Two snapshots of the same minute show seconds; otherwise their minutes already differ.
  const times = ((await title.textContent()) ?? '').match(/\d{1,2}:\d{2}(:\d{2})?/g) ?? []
  expect(times).toHaveLength(2)
  if (sameMinute) expect(times.every((time) => /:\d{2}:\d{2}$/.test(time))).toBe(true)
  if (Math.floor(Date.parse(a!.createdAt) / 1000) !== Math.floor(Date.parse(b!.createdAt) / 1000)) expect(new Set(times).size).toBe(2)
})
