import { expect, test, type Page } from '@playwright/test'
import { createBoard, newPerson, openBoard, serverPerTest } from './support.ts'

const server = serverPerTest()

/** Every control of the board's header lies fully on screen, and the title keeps room to be read. */
async function expectHeaderFits(page: Page, width: number) {
  const controls = page.locator('.board-header button, .board-header a, .board-header [data-testid="connection-status"]')
  const count = await controls.count()
  expect(count).toBeGreaterThan(5)
  for (let i = 0; i < count; i++) {
    const control = controls.nth(i)
    if (!(await control.isVisible())) continue
    const box = (await control.boundingBox())!
    expect(box.x, `${await control.textContent()} starts on screen`).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width, `${await control.textContent()} ends on screen at ${width} px`).toBeLessThanOrEqual(width + 0.5)
  }
  const title = (await page.getByTestId('board-title').boundingBox())!
  expect(title.width).toBeGreaterThan(Math.min(120, width / 4))
}

for (const width of [1280, 1440, 390]) {
  test(`the facilitator's header shows the title and every control at ${width} px`, async ({ browser }) => {
    const board = await createBoard(server.url, { title: 'Casus Noord, reconstructie', template: 'casusreconstructie' })
    const facilitator = await newPerson(browser, { width, height: 850 })
    await openBoard(facilitator, board.urls.facilitator, 'Fenna')
    await expect(facilitator.getByRole('button', { name: 'Volg mij' })).toBeVisible()
    await expectHeaderFits(facilitator, width)
    await facilitator.screenshot({ path: `test-results/header/facilitator-${width}.png` })

    const editor = await newPerson(browser, { width, height: 850 })
    await openBoard(editor, board.urls.editor, 'Bram')
    await expectHeaderFits(editor, width)
    await editor.screenshot({ path: `test-results/header/editor-${width}.png` })
  })
}
