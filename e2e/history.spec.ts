import { expect, test, type Page } from '@playwright/test'
import { addNoteByHand, createBoard, newPerson, onCanvas, openBoard, retypeNote, serverPerTest, shapesOnPage, twoPeople } from './support.ts'

const server = serverPerTest()

/** The read-only view that replaces the live canvas. */
const snapshotView = (page: Page) => page.getByTestId('snapshot-view')
const inSnapshot = (page: Page, text: string) => snapshotView(page).getByTestId('canvas').getByText(text, { exact: true })
const liveCanvas = (page: Page) => page.locator('.board__live')
const snapshotItem = (page: Page, label: string | RegExp) => page.getByTestId('snapshot-item').filter({ has: page.getByTestId('snapshot-item-label').getByText(label) })

function snapshotTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const editor = window.__dialoogbordSnapshotEditor!
    return editor
      .getCurrentPageShapes()
      .map((shape) => editor.getShapeUtil(shape).getText(shape) ?? '')
      .sort()
  })
}

async function captureByHand(page: Page, label: string): Promise<void> {
  await page.getByTestId('snapshot-label').fill(label)
  await page.getByTestId('snapshot-capture').click()
  await expect(page.getByTestId('history-notice')).toContainText(label)
  await expect(snapshotItem(page, label)).toBeVisible()
}

/** Replaces a note's text the way a person does: double-click into it, select all, type. */
test('capture a snapshot, view it read-only, compare it with now, and restore it for everyone', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus Zuid' })
  const [anna, bram] = await twoPeople(browser, board)

  // Anna writes a note and captures the board from the history panel.
  await addNoteByHand(anna, { x: 400, y: 300 }, 'Voor de stand')
  await expect(onCanvas(bram, 'Voor de stand')).toBeVisible()
  await anna.getByTestId('panel-button-history').click()
  await captureByHand(anna, 'Na ronde 1')
  await expect(snapshotItem(anna, 'Na ronde 1')).toContainText('Handmatig')

  // Bram (a participant) may capture too, but not restore or fork.
  await bram.getByTestId('panel-button-history').click()
  await expect(snapshotItem(bram, 'Na ronde 1')).toBeVisible()
  await expect(bram.getByTestId('snapshot-capture')).toBeVisible()
  await expect(bram.getByTestId('snapshot-action-restore')).toHaveCount(0)
  await expect(bram.getByTestId('snapshot-action-fork')).toHaveCount(0)

  // Bram changes the note and adds another.
  await retypeNote(bram, 'Voor de stand', 'Na de stand')
  await addNoteByHand(bram, { x: 700, y: 450 }, 'Nieuw idee')
  await expect(onCanvas(anna, 'Na de stand')).toBeVisible()
  await expect(onCanvas(anna, 'Nieuw idee')).toBeVisible()

  // Anna looks at the snapshot: the old content, not the new, under a banner, in place of the live canvas.
  await snapshotItem(anna, 'Na ronde 1').getByTestId('snapshot-action-view').click()
  await expect(snapshotView(anna)).toHaveAttribute('data-mode', 'view')
  await expect(anna.getByTestId('snapshot-banner')).toContainText(/Je bekijkt de stand van .+ \(Na ronde 1\)/)
  await expect(anna.getByTestId('snapshot-back')).toHaveText('Terug naar nu')
  await expect(inSnapshot(anna, 'Voor de stand')).toBeVisible()
  await expect(inSnapshot(anna, 'Na de stand')).toHaveCount(0)
  await expect(liveCanvas(anna)).toBeHidden()
  expect(await snapshotTexts(anna)).toEqual(['Voor de stand'])

  // Nothing can be changed there: the editor is read-only, and keys don't reach the live board.
  expect(await anna.evaluate(() => window.__dialoogbordSnapshotEditor!.getIsReadonly())).toBe(true)
  const viewCanvas = snapshotView(anna).locator('.tl-canvas')
  await viewCanvas.click({ position: { x: 5, y: 300 } })
  await anna.keyboard.press('n')
  await viewCanvas.click({ position: { x: 500, y: 400 } })
  await anna.keyboard.type('Mag niet')
  await anna.keyboard.press('Escape')
  await anna.keyboard.press('Control+a')
  await anna.keyboard.press('Delete')
  expect(await snapshotTexts(anna)).toEqual(['Voor de stand'])
  expect((await shapesOnPage(anna)).map((shape) => shape.text).sort()).toEqual(['Na de stand', 'Nieuw idee'])
  expect((await shapesOnPage(bram)).map((shape) => shape.text).sort()).toEqual(['Na de stand', 'Nieuw idee'])

  // Back to now: the live board, as it is.
  await anna.getByTestId('snapshot-back').click()
  await expect(snapshotView(anna)).toHaveCount(0)
  await expect(onCanvas(anna, 'Na de stand')).toBeVisible()

  // Compare with now: marked on the canvas, summarised and listed with texts side by side.
  await snapshotItem(anna, 'Na ronde 1').getByTestId('snapshot-action-compare').click()
  await expect(snapshotView(anna)).toHaveAttribute('data-mode', 'compare')
  await expect(anna.getByTestId('snapshot-banner')).toContainText(/Je vergelijkt de stand van .+ \(Na ronde 1\) met nu/)
  await expect(anna.getByTestId('change-legend')).toContainText('Toegevoegd')
  await expect(anna.getByTestId('compare-summary')).toHaveText('1 kaart toegevoegd, 1 kaart gewijzigd')
  await expect(inSnapshot(anna, 'Na de stand')).toBeVisible()
  await expect(anna.locator('[data-testid="change-mark"][data-change="changed"]')).toBeVisible()
  await expect(anna.locator('[data-testid="change-mark"][data-change="added"]')).toBeVisible()
  const changed = anna.locator('[data-testid="compare-item"][data-change="changed"]')
  await expect(changed.getByTestId('compare-before')).toContainText('Voor de stand')
  await expect(changed.getByTestId('compare-after')).toContainText('Na de stand')
  await expect(changed).toContainText('Gewijzigd: tekst')

  // Choosing a change brings it into view and marks it.
  const cameraBefore = await anna.evaluate(() => window.__dialoogbordSnapshotEditor!.getCamera())
  await changed.click()
  await expect(changed).toHaveAttribute('aria-pressed', 'true')
  await expect(anna.locator('.history-mark--focused')).toHaveAttribute('data-change', 'changed')
  await expect.poll(() => anna.evaluate(() => window.__dialoogbordSnapshotEditor!.getCamera())).not.toEqual(cameraBefore)

  // "Now" follows the live board while others keep working.
  await bram.getByTestId('panel-button-history').click() // closes Bram's panel, back to his canvas
  await addNoteByHand(bram, { x: 500, y: 600 }, 'Nog een idee')
  await expect(anna.getByTestId('compare-summary')).toHaveText('2 kaarten toegevoegd, 1 kaart gewijzigd')

  // Restore: confirmed, the state before is kept, and Bram's board converges without a reload.
  await snapshotItem(anna, 'Na ronde 1').getByTestId('snapshot-action-restore').click()
  const dialog = anna.getByTestId('restore-dialog')
  await expect(dialog).toContainText('Eerst wordt de huidige stand bewaard')
  await dialog.getByTestId('restore-confirm').click()
  await expect(dialog).toBeHidden()
  await expect(onCanvas(bram, 'Voor de stand')).toBeVisible()
  await expect(onCanvas(bram, 'Na de stand')).toHaveCount(0)
  await expect(onCanvas(bram, 'Nieuw idee')).toHaveCount(0)
  await expect.poll(async () => (await shapesOnPage(bram)).map((shape) => shape.text)).toEqual(['Voor de stand'])
  await expect(snapshotView(anna)).toHaveCount(0)
  await expect(onCanvas(anna, 'Voor de stand')).toBeVisible()
  await expect(anna.getByTestId('history-notice')).toContainText('hersteld')
  const keptBefore = snapshotItem(anna, /^Voor herstel naar “Na ronde 1”$/)
  await expect(keptBefore).toBeVisible()

  // The kept state holds what the restore replaced.
  await keptBefore.getByTestId('snapshot-action-view').click()
  await expect(inSnapshot(anna, 'Na de stand')).toBeVisible()
  expect(await snapshotTexts(anna)).toEqual(['Na de stand', 'Nieuw idee', 'Nog een idee'])
})

test('a follow-up board made from a snapshot opens with its content and its own links', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus West' })
  const anna = await newPerson(browser)
  await openBoard(anna, board.urls.facilitator, 'Anna')
  await addNoteByHand(anna, { x: 400, y: 300 }, 'Uit de eerste sessie')
  await anna.getByTestId('panel-button-history').click()
  await captureByHand(anna, 'Einde sessie 1')
  await addNoteByHand(anna, { x: 700, y: 450 }, 'Na de stand')

  await snapshotItem(anna, 'Einde sessie 1').getByTestId('snapshot-action-fork').click()
  const dialog = anna.getByTestId('fork-dialog')
  await expect(dialog).toContainText('Einde sessie 1')
  await dialog.getByTestId('fork-title').fill('Casus West, sessie 2')
  await dialog.getByTestId('fork-confirm').click()

  // The new board, as its facilitator, holding the snapshot's content (not what came after).
  await expect(anna.getByTestId('board-title')).toHaveText('Casus West, sessie 2')
  const url = new URL(anna.url())
  const forkId = url.pathname.split('/')[2]!
  expect(forkId).not.toBe(board.id)
  expect(url.searchParams.get('token')).toBeTruthy()
  expect(url.searchParams.get('token')).not.toBe(board.tokens.facilitator)
  await expect(anna.getByTestId('board-role')).toHaveText('Facilitator')
  await expect(anna.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  await expect(onCanvas(anna, 'Uit de eerste sessie')).toBeVisible()
  await expect(onCanvas(anna, 'Na de stand')).toHaveCount(0)

  // This device kept all three of its links, like a board created on the home page.
  await anna.getByTestId('share-button').click()
  for (const role of ['editor', 'viewer'] as const) {
    const link = anna.getByTestId(`share-${role}-url`)
    await expect(link).toHaveValue(new RegExp(`/b/${forkId}\\?token=`))
    expect(await link.inputValue()).not.toContain(board.tokens[role])
  }
  const editorLink = await anna.getByTestId('share-editor-url').inputValue()
  await anna.getByTestId('share-close').click()

  // The links work for someone else, and the original board is untouched.
  const bram = await newPerson(browser)
  await openBoard(bram, editorLink, 'Bram')
  await expect(onCanvas(bram, 'Uit de eerste sessie')).toBeVisible()
  const original = await newPerson(browser)
  await openBoard(original, board.urls.viewer, 'Carla')
  await expect(onCanvas(original, 'Na de stand')).toBeVisible()
})
