import { expect, test, type Page } from '@playwright/test'
import { addNoteByHand, createBoard, newPerson, onCanvas, openBoard, serverPerTest, shapesOnPage, twoPeople } from './support.ts'

const server = serverPerTest()

async function noteWithText(page: Page, text: string) {
  await expect.poll(async () => (await shapesOnPage(page)).find((shape) => shape.text === text)).toBeTruthy()
  return (await shapesOnPage(page)).find((shape) => shape.text === text)!
}

test('two people edit one board live, and it survives reload and a server restart', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus Noord' })
  const [anna, bram] = await twoPeople(browser, board)

  // Anna adds a sticky note with text; Bram sees it, text included.
  await addNoteByHand(anna, { x: 400, y: 300 }, 'Eerste melding bij de gemeente')
  await expect(onCanvas(bram, 'Eerste melding bij de gemeente')).toBeVisible()
  const seen = await noteWithText(bram, 'Eerste melding bij de gemeente')

  // Bram drags it; Anna sees the move.
  const box = (await onCanvas(bram, 'Eerste melding bij de gemeente').boundingBox())!
  await bram.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await bram.mouse.down()
  await bram.mouse.move(box.x + box.width / 2 + 150, box.y + box.height / 2 + 80, { steps: 8 })
  await bram.mouse.up()
  await expect.poll(async () => (await noteWithText(anna, 'Eerste melding bij de gemeente')).x).toBeGreaterThan(seen.x + 100)

  // Each sees the other's cursor, with the name.
  await anna.mouse.move(600, 500)
  await expect
    .poll(() => bram.evaluate(() => window.__dialoogbordEditor!.getCollaboratorsOnCurrentPage().map((p) => p.userName)))
    .toContain('Anna')
  await bram.mouse.move(500, 400)
  await expect
    .poll(() => anna.evaluate(() => window.__dialoogbordEditor!.getCollaboratorsOnCurrentPage().map((p) => p.userName)))
    .toContain('Bram')

  // A reload keeps everything.
  const moved = await noteWithText(anna, 'Eerste melding bij de gemeente')
  await anna.reload()
  await expect(anna.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  await expect(onCanvas(anna, 'Eerste melding bij de gemeente')).toBeVisible()
  expect((await noteWithText(anna, 'Eerste melding bij de gemeente')).x).toBe(moved.x)

  // A server restart keeps everything; both reconnect by themselves.
  await server.stop()
  await expect(bram.getByTestId('connection-status')).not.toHaveAttribute('data-status', 'connected')
  await server.restart()
  await expect(bram.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected', { timeout: 30_000 })
  await addNoteByHand(bram, { x: 300, y: 550 }, 'Na de herstart')
  await expect(onCanvas(anna, 'Na de herstart')).toBeVisible({ timeout: 30_000 })
  const fresh = await newPerson(browser)
  await openBoard(fresh, board.urls.viewer, 'Carla')
  await expect(onCanvas(fresh, 'Eerste melding bij de gemeente')).toBeVisible()
  await expect(onCanvas(fresh, 'Na de herstart')).toBeVisible()
})

test('a viewer sees the board but cannot change it', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Alleen kijken' })
  const editor = await newPerson(browser)
  await openBoard(editor, board.urls.editor, 'Eva')
  await addNoteByHand(editor, { x: 400, y: 300 }, 'Zichtbaar voor iedereen')

  const viewer = await newPerson(browser)
  await openBoard(viewer, board.urls.viewer, 'Victor')
  await expect(viewer.getByTestId('readonly-badge')).toBeVisible()
  await expect(onCanvas(viewer, 'Zichtbaar voor iedereen')).toBeVisible()
  expect(await viewer.evaluate(() => window.__dialoogbordEditor!.getIsReadonly())).toBe(true)

  // Trying anyway changes nothing, locally or for others.
  // The sticky-note gesture, as addNoteByHand does it (which would wait for a text editor that never opens).
  await viewer.locator('.tl-canvas').click({ position: { x: 5, y: 300 } })
  await viewer.keyboard.press('n')
  await viewer.mouse.click(600, 450)
  await viewer.keyboard.type('Mag niet')
  await viewer.keyboard.press('Escape')
  await viewer.keyboard.press('Control+a')
  await viewer.keyboard.press('Delete')
  expect((await shapesOnPage(viewer)).map((shape) => shape.text)).toEqual(['Zichtbaar voor iedereen'])
  await addNoteByHand(editor, { x: 300, y: 600 }, 'Daarna')
  await expect(onCanvas(viewer, 'Daarna')).toBeVisible()
  expect((await shapesOnPage(editor)).map((shape) => shape.text).sort()).toEqual(['Daarna', 'Zichtbaar voor iedereen'])
})
