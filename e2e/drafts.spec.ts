import { expect, test, type Page } from '@playwright/test'
import { addNoteByHand, createBoard, newPerson, onCanvas, openBoard, serverPerTest, shapesOnPage } from './support.ts'

const server = serverPerTest()
const SHOTS = process.env.DRAFT_SHOTS_DIR

/** Everything the page's websockets receive, as bytes (Yjs writes strings as UTF-8). */
function recordFrames(page: Page): Buffer[] {
  const frames: Buffer[] = []
  page.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => frames.push(Buffer.from(payload))))
  return frames
}

const marks = (page: Page) => page.getByTestId('draft-mark')

/** A note made through the editor at a page position (the way a person's note lands there), with its text. */
async function noteAt(page: Page, at: { x: number; y: number }, text: string): Promise<string> {
  return page.evaluate(
    ({ at, text }) => {
      const editor = window.__dialoogbordEditor!
      const before = new Set(editor.getCurrentPageShapeIds())
      editor.createShape({
        type: 'note',
        x: at.x,
        y: at.y,
        props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } },
      })
      return [...editor.getCurrentPageShapeIds()].find((id) => !before.has(id))!
    },
    { at, text },
  )
}

/** The page bounds of the board's frame of a zone. */
function zoneBounds(page: Page, zone: string) {
  return page.evaluate((zone) => {
    const editor = window.__dialoogbordEditor!
    const frame = editor.getCurrentPageShapes().find((shape) => shape.type === 'frame' && shape.meta.zone === zone)!
    const bounds = editor.getShapePageBounds(frame)!
    return { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h }
  }, zone)
}

test('a silent round: B sees how many cards A wrote but not what, until the facilitator reveals', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Stille ronde' })
  const fenna = await newPerson(browser)
  const anna = await newPerson(browser)
  const bram = await newPerson(browser)
  const bramFrames = recordFrames(bram)
  await openBoard(fenna, board.urls.facilitator, 'Fenna')
  await openBoard(anna, board.urls.editor, 'Anna')
  await openBoard(bram, board.urls.editor, 'Bram')
  const victor = await newPerson(browser)
  const victorSockets: string[] = []
  victor.on('websocket', (socket) => victorSockets.push(socket.url()))
  await openBoard(victor, board.urls.viewer, 'Victor')

  await fenna.getByTestId('panel-button-steps').click()
  await fenna.getByTestId('silent-round-minutes').fill('10')
  await fenna.getByTestId('silent-round-start').click()
  for (const page of [anna, bram]) {
    await expect(page.getByTestId('silent-round')).toContainText('Stille ronde: wat je nu schrijft ziet alleen jij, tot de facilitator onthult')
    await expect(page.getByTestId('silent-round-time')).toContainText(/Nog (10:00|9:\d\d)/)
  }

  const secret = 'Geheim idee van Anna'
  await addNoteByHand(anna, { x: 500, y: 350 }, secret)
  await expect(marks(anna)).toHaveCount(1)
  await expect(marks(anna)).toContainText('Alleen voor jou')
  await expect(bram.getByTestId('silent-round-counts')).toContainText('Deelnemer 1: 1 kaart')
  await expect(fenna.getByTestId('silent-round-counts')).toContainText('Deelnemer 1: 1 kaart')
  // A viewer follows the round but has no draft: no draft socket, no draft controls.
  await expect(victor.getByTestId('silent-round')).toContainText('de deelnemers schrijven eerst elk voor zich')
  await expect(victor.getByTestId('silent-round-counts')).toContainText('Deelnemer 1: 1 kaart')
  await expect(victor.getByTestId('draft-modes')).toHaveCount(0)
  expect(victorSockets.filter((url) => url.includes('/drafts'))).toEqual([])
  expect(victorSockets.length).toBeGreaterThan(0)
  if (SHOTS) {
    await anna.screenshot({ path: `${SHOTS}/D-silent-round-anna.png` })
    await bram.screenshot({ path: `${SHOTS}/D-silent-round-bram.png` })
    await fenna.screenshot({ path: `${SHOTS}/D-silent-round-facilitator.png` })
  }
  expect(await shapesOnPage(bram)).toEqual([])
  expect(await bram.content()).not.toContain(secret)
  expect(bramFrames.some((frame) => frame.includes(secret))).toBe(false)
  // Not even its id: Anna has it selected, and her presence does not name it.
  const draftId = (await shapesOnPage(anna)).find((shape) => shape.text === secret)!.id
  expect(await anna.evaluate(() => window.__dialoogbordEditor!.getSelectedShapeIds())).toContain(draftId)
  expect(bramFrames.some((frame) => frame.includes(draftId))).toBe(false)

  await fenna.getByTestId('silent-round-reveal').first().click()
  await expect(onCanvas(bram, secret)).toBeVisible()
  // The same recording does see the text once it is on the board (so its silence before meant something).
  expect(bramFrames.some((frame) => frame.includes(secret))).toBe(true)
  await expect(bram.getByTestId('silent-round')).toHaveCount(0)
  await expect(anna.getByTestId('silent-round')).toHaveCount(0)
  await expect(onCanvas(anna, secret)).toBeVisible()
  await expect(marks(anna)).toHaveCount(0)
  expect((await shapesOnPage(anna)).filter((shape) => shape.text === secret)).toHaveLength(1)
})

test('the facilitator reveals two prepared moments on the timeline, the left one first', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus', template: 'casusreconstructie' })
  const fenna = await newPerson(browser)
  const eva = await newPerson(browser)
  const evaFrames = recordFrames(eva)
  await openBoard(fenna, board.urls.facilitator, 'Fenna')
  await openBoard(eva, board.urls.editor, 'Eva')

  await fenna.getByTestId('draft-prepare').click()
  await expect(fenna.getByTestId('draft-prepare')).toHaveAttribute('aria-pressed', 'true')
  const timeline = await zoneBounds(fenna, 'tijdlijn')
  // The right one first, so the order in the list is the timeline's, not the order of writing.
  await noteAt(fenna, { x: timeline.x + 1400, y: timeline.y + 250 }, 'Tweede moment: de melding')
  await noteAt(fenna, { x: timeline.x + 700, y: timeline.y + 250 }, 'Eerste moment: het besluit')
  await expect(marks(fenna)).toHaveCount(2)
  await expect(marks(fenna).first()).toContainText('Voorbereid')

  await fenna.getByTestId('panel-button-steps').click()
  const items = fenna.getByTestId('prepared-item')
  await expect(items).toHaveCount(2)
  await expect(items.nth(0)).toContainText('Eerste moment: het besluit')
  await expect(items.nth(1)).toContainText('Tweede moment: de melding')
  if (SHOTS) {
    await fenna.evaluate(
      ({ x, y }) => {
        window.__dialoogbordEditor!.zoomToBounds({ x: x + 500, y: y + 100, w: 1300, h: 500 }, { immediate: true })
      },
      timeline,
    )
    await fenna.getByTestId('prepared-list').scrollIntoViewIfNeeded()
    await fenna.screenshot({ path: `${SHOTS}/D-prepared-list.png` })
  }
  const evaTexts = async () => (await shapesOnPage(eva)).map((shape) => shape.text)
  expect(await evaTexts()).not.toContain('Eerste moment: het besluit')
  expect(await evaTexts()).not.toContain('Tweede moment: de melding')

  await fenna.getByTestId('prepared-reveal-next').click()
  await expect.poll(evaTexts).toContain('Eerste moment: het besluit')
  await expect(items).toHaveCount(1)
  expect(await evaTexts()).not.toContain('Tweede moment: de melding')
  expect(evaFrames.some((frame) => frame.includes('Tweede moment'))).toBe(false)
  await expect(marks(fenna)).toHaveCount(1)

  await fenna.getByTestId('prepared-reveal-next').click()
  await expect.poll(evaTexts).toContain('Tweede moment: de melding')
  await expect(items).toHaveCount(0)
  await expect(marks(fenna)).toHaveCount(0)
})

test('a draft card comes back in the draft after undo and redo and after a reload, still marked, and nobody else sees it', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Concepten' })
  const anna = await newPerson(browser)
  await openBoard(anna, board.urls.editor, 'Anna')
  await anna.getByTestId('draft-concept').click()
  await expect(anna.getByTestId('draft-concept')).toHaveAttribute('aria-pressed', 'true')
  await addNoteByHand(anna, { x: 500, y: 350 }, 'Nog even voor mezelf')
  await expect(marks(anna)).toHaveCount(1)
  if (SHOTS) await anna.screenshot({ path: `${SHOTS}/D-draft-mark.png` })

  // Undone and redone after "Concept" is off, it comes back where it was: in the draft.
  await anna.getByTestId('draft-concept').click()
  for (let i = 0; i < 5 && (await shapesOnPage(anna)).length > 0; i++) await anna.keyboard.press('Control+z')
  expect(await shapesOnPage(anna)).toEqual([])
  await anna.keyboard.press('Control+Shift+z')
  await expect.poll(async () => (await shapesOnPage(anna)).length).toBe(1)
  await expect(marks(anna)).toHaveCount(1)

  await anna.reload()
  await expect(anna.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  await expect(onCanvas(anna, 'Nog even voor mezelf')).toBeVisible()
  await expect(marks(anna)).toHaveCount(1)
  await expect(marks(anna)).toContainText('Alleen voor jou')

  const bram = await newPerson(browser)
  await openBoard(bram, board.urls.editor, 'Bram')
  expect(await shapesOnPage(bram)).toEqual([])

  // Revealing her own draft puts it on the board for Bram too.
  await anna.getByTestId('draft-reveal-mine').click()
  await expect(onCanvas(bram, 'Nog even voor mezelf')).toBeVisible()
  await expect(marks(anna)).toHaveCount(0)
})

test('a returning browser: after the board turns anonymous my draft reconnects, and a concept written then reaches the others when revealed', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Later anoniem' })
  const anna = await newPerson(browser)
  const bram = await newPerson(browser)
  await openBoard(anna, board.urls.editor, 'Anna')
  await openBoard(bram, board.urls.editor, 'Bram')
  const draftSockets: string[] = []
  anna.on('websocket', (socket) => {
    if (socket.url().includes('/drafts/')) draftSockets.push(socket.url())
  })

  // The facilitator switches the board to anonymous: the server closes every socket of the board, drafts included.
  const switched = await fetch(`${server.url}/api/boards/${board.id}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${board.tokens.facilitator}`, 'content-type': 'application/json' },
    body: JSON.stringify({ anonymous: true }),
  })
  expect(switched.status).toBe(200)
  await expect.poll(() => draftSockets.length).toBeGreaterThan(0) // the draft's socket opened again
  await expect(anna.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  await expect(anna.getByTestId('draft-refused')).toHaveCount(0)

  await anna.getByTestId('draft-concept').click()
  await addNoteByHand(anna, { x: 500, y: 350 }, 'Na de omschakeling')
  await expect(marks(anna)).toHaveCount(1)
  await anna.getByTestId('draft-reveal-selection').click() // the new card is still selected
  await expect(onCanvas(bram, 'Na de omschakeling')).toBeVisible()
  await expect(marks(anna)).toHaveCount(0)
})
