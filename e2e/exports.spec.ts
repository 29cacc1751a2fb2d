/**
 * Taking the board home (issue 14): the board as a PDF with a page per part, the downloads in the
 * Oogst view, and a board started from an export file on the home page.
 */
import { expect, test, type Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { PDFDocument } from 'pdf-lib'
import { createBoard, newPerson, openBoard, serverPerTest, shapesOnPage } from './support.ts'

const server = serverPerTest()

/** The board's parts: frames that carry a zone, which the PDF gives a page each. */
function zoneFrames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    return editor
      .getPages()
      .flatMap((p) => [...editor.getPageShapeIds(p.id)].map((id) => editor.getShape(id)!))
      .filter((shape) => shape.type === 'frame' && typeof shape.meta.zone === 'string')
      .map((shape) => shape.id)
  })
}

async function openHarvest(page: Page): Promise<void> {
  await page.getByTestId('panel-button-harvest').click()
  await expect(page.getByTestId('harvest-downloads')).toBeVisible()
}

test('the board as PDF has one landscape page per part and is named after the board', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus Zuid: wijk 3/4', template: 'casusreconstructie' })
  const anna = await newPerson(browser, { width: 1440, height: 900 })
  await openBoard(anna, board.urls.facilitator, 'Anna')
  const frames = await zoneFrames(anna)
  expect(frames.length).toBeGreaterThan(1)
  await openHarvest(anna)
  await anna.getByTestId('harvest-downloads').screenshot({ path: test.info().outputPath('oogst-downloads.png') })
  await anna.screenshot({ path: test.info().outputPath('oogst-panel.png') })

  const download = anna.waitForEvent('download')
  await anna.getByTestId('download-board-pdf').click()
  const file = await download
  expect(file.suggestedFilename()).toBe('Casus Zuid wijk 3 4.pdf')
  await file.saveAs(test.info().outputPath('board.pdf'))
  const pdf = await PDFDocument.load(await readFile(test.info().outputPath('board.pdf')))
  expect(pdf.getPageCount()).toBe(frames.length)
  expect(pdf.getTitle()).toBe('Casus Zuid: wijk 3/4')
  for (const page of pdf.getPages()) expect(page.getWidth()).toBeGreaterThan(page.getHeight())
})

/** Records the shapes each `editor.toImage` of the page is asked to draw (the PDF's pictures). */
async function spyOnPictures(page: Page): Promise<() => Promise<string[][]>> {
  await page.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    const calls: string[][] = []
    ;(window as unknown as { __pictures: string[][] }).__pictures = calls
    const toImage = editor.toImage.bind(editor)
    editor.toImage = (shapes, options) => {
      calls.push([...editor.getShapeAndDescendantIds(shapes.map((shape) => (typeof shape === 'string' ? shape : shape.id)))])
      return toImage(shapes, options)
    }
  })
  return () => page.evaluate(() => (window as unknown as { __pictures: string[][] }).__pictures)
}

async function savedPdf(page: Page, button: ReturnType<Page['getByTestId']>): Promise<PDFDocument> {
  const download = page.waitForEvent('download')
  await button.click()
  const file = await download
  const path = test.info().outputPath(`${file.suggestedFilename()}`)
  await file.saveAs(path)
  return PDFDocument.load(await readFile(path))
}

test('my draft cards (Concept) stay out of the board PDF, also one inside a part, while the board\'s cards are in it', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus Zuid', template: 'casusreconstructie' })
  const anna = await newPerson(browser, { width: 1440, height: 900 })
  await openBoard(anna, board.urls.editor, 'Anna')
  const frames = await zoneFrames(anna)
  const text = (value: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: value }] }] })
  // A card on the board, then two in my draft: one lying over the first part, one its child.
  await anna.evaluate(({ frame, shared }) => {
    const editor = window.__dialoogbordEditor!
    const bounds = editor.getShapePageBounds(frame as never)!
    editor.createShape({ id: 'shape:gedeeld' as never, type: 'note', x: bounds.x + 40, y: bounds.y + 80, props: { richText: shared } })
  }, { frame: frames[0]!, shared: text('Op het bord') })
  await anna.getByTestId('draft-concept').click()
  await expect(anna.getByTestId('draft-concept')).toHaveAttribute('aria-pressed', 'true')
  await anna.evaluate(({ frame, over, child }) => {
    const editor = window.__dialoogbordEditor!
    const bounds = editor.getShapePageBounds(frame as never)!
    editor.createShape({ id: 'shape:concept-over' as never, type: 'note', x: bounds.x + 300, y: bounds.y + 80, props: { richText: over } })
    editor.createShape({ id: 'shape:concept-kind' as never, type: 'note', parentId: frame as never, x: 60, y: 300, props: { richText: child } })
  }, { frame: frames[0]!, over: text('Alleen voor mij'), child: text('Ook alleen voor mij') })
  await expect(anna.getByTestId('draft-mark')).toHaveCount(2)

  const pictures = await spyOnPictures(anna)
  await openHarvest(anna)
  const pdf = await savedPdf(anna, anna.getByTestId('download-board-pdf'))
  expect(pdf.getPageCount()).toBe(frames.length)
  const drawn = (await pictures()).flat()
  expect(drawn).toContain('shape:gedeeld')
  expect(drawn).not.toContain('shape:concept-over')
  expect(drawn).not.toContain('shape:concept-kind')
})

test('a board without parts gets a page per frame drawn on it, and an empty board one page with its name', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Leeg bord' })
  const anna = await newPerson(browser, { width: 1440, height: 900 })
  await openBoard(anna, board.urls.facilitator, 'Anna')
  await openHarvest(anna)
  const empty = await savedPdf(anna, anna.getByTestId('download-board-pdf'))
  expect(empty.getPageCount()).toBe(1)
  await expect(anna.getByTestId('harvest-downloads').getByRole('alert')).toHaveCount(0)

  // Two frames drawn by hand, and a card outside them.
  await anna.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    editor.createShape({ type: 'frame', x: 0, y: 0, props: { w: 600, h: 400, name: 'Links' } })
    editor.createShape({ type: 'frame', x: 800, y: 0, props: { w: 600, h: 400, name: 'Rechts' } })
    editor.createShape({ type: 'note', x: 0, y: 800 })
  })
  const framed = await savedPdf(anna, anna.getByTestId('download-board-pdf'))
  expect(framed.getPageCount()).toBe(2)
})

test("the main menu's Exporteer als PDF gives the same pages, also to a viewer", async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus Noord', template: 'casusreconstructie' })
  const viewer = await newPerson(browser, { width: 1440, height: 900 })
  await openBoard(viewer, board.urls.viewer, 'Victor')
  const frames = await zoneFrames(viewer)
  await viewer.getByTestId('main-menu.button').click()
  await viewer.screenshot({ path: test.info().outputPath('main-menu.png') })
  const download = viewer.waitForEvent('download')
  await viewer.getByRole('menuitem', { name: 'Exporteer als PDF' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('Casus Noord.pdf')
  await file.saveAs(test.info().outputPath('board.pdf'))
  expect((await PDFDocument.load(await readFile(test.info().outputPath('board.pdf')))).getPageCount()).toBe(frames.length)
})

test('the Oogst view downloads the Word and PDF reports, and the calendar file once the follow-up has a date', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus Oost', template: 'casusreconstructie' })
  const anna = await newPerson(browser, { width: 1440, height: 900 })
  await openBoard(anna, board.urls.facilitator, 'Anna')
  await openHarvest(anna)
  const saved = async (testId: string) => {
    const download = anna.waitForEvent('download')
    await anna.getByTestId(testId).click()
    const file = await download
    return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) }
  }
  const word = await saved('download-docx')
  expect(word.name).toMatch(/Casus Oost.*\.docx$/)
  expect(word.bytes.subarray(0, 2).toString()).toBe('PK')
  const report = await saved('download-pdf')
  expect(report.name).toMatch(/Casus Oost.*\.pdf$/)
  expect(report.bytes.subarray(0, 5).toString()).toBe('%PDF-')

  // No date on the follow-up card yet: no calendar file, and the panel says why.
  await expect(anna.getByTestId('download-ics')).toBeDisabled()
  await expect(anna.getByTestId('download-ics-none')).toBeVisible()
  await anna.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    const card = editor.getCurrentPageShapes().find((shape) => shape.meta.kind === 'vervolgafspraak')!
    editor.updateShape({ id: card.id, type: card.type, meta: { ...card.meta, date: '2027-03-15' } })
  })
  await expect(anna.getByTestId('download-ics')).toBeEnabled()
  await anna.screenshot({ path: test.info().outputPath('oogst-with-calendar.png') })
  const calendar = await saved('download-ics')
  expect(calendar.name).toMatch(/\.ics$/)
  expect(calendar.bytes.toString()).toContain('DTSTART;VALUE=DATE:20270315')
})

test('an open Oogst panel asks no followup.ics and at most one harvest.json per five seconds while cards are edited', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus West', template: 'casusreconstructie' })
  const anna = await newPerson(browser, { width: 1440, height: 900 })
  await openBoard(anna, board.urls.facilitator, 'Anna')
  const asked: { path: string; at: number }[] = []
  anna.on('request', (request) => {
    const path = new URL(request.url()).pathname
    if (path.endsWith('/harvest.json') || path.endsWith('/followup.ics')) asked.push({ path, at: Date.now() })
  })
  await openHarvest(anna)
  await expect(anna.getByTestId('harvest-report')).toBeVisible()
  // Edits a little more than a second apart: each used to cost a harvest.json and a followup.ics.
  const started = Date.now()
  for (let i = 1; i <= 8; i++) {
    await anna.evaluate((i) => {
      const editor = window.__dialoogbordEditor!
      const richText = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Bewerking ${i}` }] }] }
      const id = 'shape:oogst-bewerkt' as never
      if (editor.getShape(id)) editor.updateShape({ id, type: 'note', props: { richText } })
      else editor.createShape({ id, type: 'note', x: 4000, y: 4000, props: { richText } })
    }, i)
    // The spacing between edits is what is tested, so this wait is the point.
    await anna.waitForTimeout(1100)
  }
  // The last edit still reaches the view.
  await expect(anna.getByTestId('harvest-report')).toContainText('Bewerking 8')
  const seconds = (Date.now() - started) / 1000
  expect(asked.filter((request) => request.path.endsWith('/followup.ics'))).toEqual([])
  const harvests = asked.filter((request) => request.path.endsWith('/harvest.json'))
  // The first on opening, then at most one per five seconds.
  expect(harvests.length).toBeLessThanOrEqual(2 + Math.ceil(seconds / 5))
  for (let i = 1; i < harvests.length; i++) expect(harvests[i]!.at - harvests[i - 1]!.at).toBeGreaterThan(4500)
})

/** Selects the first card of `kind` by clicking it on the board (zoomed to it first), and opens the Kaart panel. */
async function selectCard(page: Page, kind: string): Promise<void> {
  const at = await page.evaluate((kind) => {
    const editor = window.__dialoogbordEditor!
    const card = editor
      .getCurrentPageShapes()
      .filter((shape) => shape.meta.kind === kind)
      .sort((a, b) => a.y - b.y || a.x - b.x)[0]!
    const bounds = editor.getShapePageBounds(card)!
    editor.zoomToBounds(bounds, { targetZoom: 0.8, immediate: true })
    return editor.pageToScreen({ x: bounds.x + bounds.w / 2, y: bounds.y + bounds.h / 2 })
  }, kind)
  await page.mouse.click(at.x, at.y)
  if (!(await page.getByTestId('card-panel').isVisible())) await page.getByTestId('panel-button-card').click()
  await expect(page.getByTestId('card-kind')).toHaveAttribute('data-kind', 'afspraak')
}

/** A day in March picked with the card panel's date picker for Wanneer (it writes "15 maart 2027"). */
async function pickWanneer(page: Page, day: number, year: number): Promise<void> {
  await page.getByTestId('card-field-wanneer-picker-day').selectOption(String(day))
  await page.getByTestId('card-field-wanneer-picker-month').selectOption('3')
  await page.getByTestId('card-field-wanneer-picker-year').selectOption(String(year))
  await expect(page.getByTestId('card-field-wanneer')).toHaveValue(`${day} maart ${year}`)
}

test('Zet in agenda next to an agreement card and in the Oogst gives its day as a calendar file, and the follow-up card its own', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus Zuid', template: 'casusreconstructie' })
  const anna = await newPerson(browser, { width: 1440, height: 900 })
  await openBoard(anna, board.urls.facilitator, 'Anna')
  const saved = async (button: ReturnType<Page['getByRole']>) => {
    const download = anna.waitForEvent('download')
    await button.click()
    const file = await download
    return { name: file.suggestedFilename(), text: (await readFile((await file.path())!)).toString('utf8').replace(/\r\n /g, '') }
  }

  // An agreement: without a day there is nothing to put in a calendar.
  await selectCard(anna, 'afspraak')
  await anna.getByTestId('card-field-wat').fill('Evaluatie plannen')
  await anna.getByTestId('card-fields-save').click()
  await expect(anna.getByTestId('card-calendar')).toHaveCount(0)
  await pickWanneer(anna, 15, 2027)
  await expect(anna.getByTestId('card-calendar-day')).toHaveText('Komt op 15 maart 2027 in je agenda, als afspraak voor de hele dag.')
  await anna.getByTestId('card-calendar').scrollIntoViewIfNeeded()
  await anna.screenshot({ path: test.info().outputPath('card-calendar.png') })
  const fromCard = await saved(anna.getByTestId('card-panel').getByRole('button', { name: 'Zet in agenda: Evaluatie plannen' }))
  expect(fromCard.name).toMatch(/\.ics$/)
  expect(fromCard.text).toContain('DTSTART;VALUE=DATE:20270315')
  expect(fromCard.text).toContain('SUMMARY:Afspraak: Evaluatie plannen')
  const uid = /UID:(.*)\r\n/.exec(fromCard.text)![1]

  // The same agreement in the Oogst view: its row has the button, and the file is the same event.
  await anna.getByTestId('panel-button-harvest').click()
  const fromRow = anna.getByTestId('harvest-report').getByRole('button', { name: 'Zet in agenda: Evaluatie plannen' })
  await expect(fromRow).toBeVisible()
  // Rows without a day have none.
  await expect(anna.getByTestId('harvest-agreement-calendar')).toHaveCount(1)
  await anna.getByTestId('harvest-report').locator('table').first().screenshot({ path: test.info().outputPath('oogst-agreement-calendar.png') })
  const fromHarvest = await saved(fromRow)
  expect(fromHarvest.text).toContain('DTSTART;VALUE=DATE:20270315')
  expect(fromHarvest.text).toContain(`UID:${uid}\r\n`)

  // The follow-up card, dated with the same picker, gives the board's followup.ics.
  await selectCard(anna, 'vervolgafspraak')
  await pickWanneer(anna, 1, 2027)
  const followUp = await saved(anna.getByTestId('card-panel').getByRole('button', { name: 'Zet in agenda: Vervolgafspraak' }))
  expect(followUp.text).toContain('DTSTART;VALUE=DATE:20270301')
  expect(followUp.text).toContain(`UID:${board.id}-vervolg@dialoogbord`)
})

test('a board downloaded as JSON starts a new board from the home page, with its cards', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Terugblik wijk 3', template: 'casusreconstructie' })
  const anna = await newPerson(browser, { width: 1440, height: 900 })
  await openBoard(anna, board.urls.facilitator, 'Anna')
  await anna.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    const richText = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Melding kwam op vrijdag binnen' }] }] }
    editor.createShape({ type: 'note', x: 4000, y: 4000, props: { richText } })
  })
  // The export is the server's copy: wait until the card got there.
  let exported = ''
  await expect
    .poll(async () => {
      const response = await fetch(`${server.url}/api/boards/${board.id}/export.json`, { headers: { authorization: `Bearer ${board.tokens.facilitator}` } })
      exported = await response.text()
      return exported.includes('Melding kwam op vrijdag binnen')
    })
    .toBe(true)

  // Instellingen offers the same file to the facilitator.
  await anna.getByTestId('panel-button-settings').click()
  const jsonDownload = anna.waitForEvent('download')
  await anna.getByTestId('settings-export-json').click()
  expect((await jsonDownload).suggestedFilename()).toMatch(/\.json$/)

  const bram = await newPerson(browser, { width: 1440, height: 900 })
  await bram.goto(`${server.url}/`)
  await bram.getByTestId('import-board-file').setInputFiles({ name: 'terugblik.dialoogbord.json', mimeType: 'application/json', buffer: Buffer.from(exported) })
  await bram.getByTestId('import-board-submit').click()
  await expect(bram).toHaveURL(/\/b\//)
  expect(new URL(bram.url()).pathname).not.toContain(board.id)
  await bram.getByTestId('name-input').fill('Bram')
  await bram.getByTestId('name-submit').click()
  await expect(bram.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  // Off screen, so tldraw may not draw it: ask the board itself.
  await expect.poll(async () => (await shapesOnPage(bram)).filter((shape) => shape.type === 'note' && shape.text === 'Melding kwam op vrijdag binnen').length).toBe(1)
  // The new board is remembered on the home page like a board made there.
  await bram.goto(`${server.url}/`)
  await expect(bram.getByTestId('recent-board').filter({ hasText: 'Terugblik wijk 3' })).toHaveCount(1)
})

test('a file that is no board export shows the Dutch error, and nothing is made', async ({ browser }) => {
  const page = await newPerson(browser, { width: 1440, height: 900 })
  await page.goto(`${server.url}/`)
  const error = page.getByTestId('import-board-error')
  for (const text of ['dit is geen json', '{"format":"iets anders","records":[]}']) {
    await page.getByTestId('import-board-file').setInputFiles({ name: 'notulen.json', mimeType: 'application/json', buffer: Buffer.from(text) })
    await page.getByTestId('import-board-submit').click()
    await expect(error).toHaveText('Inlezen lukte niet: Dit bestand is geen geldige bordexport en kan niet worden ingelezen.')
    await expect(page).toHaveURL(`${server.url}/`)
  }
  await page.screenshot({ path: test.info().outputPath('home-import-error.png'), fullPage: true })
})

test('a file over the 10 MiB the server takes is refused on the home page before anything is sent', async ({ browser }) => {
  const page = await newPerson(browser, { width: 1440, height: 900 })
  await page.goto(`${server.url}/`)
  const imports: string[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/boards/import') imports.push(request.method())
  })
  await page.getByTestId('import-board-file').setInputFiles({ name: 'groot.dialoogbord.json', mimeType: 'application/json', buffer: Buffer.from(`{"records":"${'x'.repeat(11 * 1024 * 1024)}"}`) })
  await page.getByTestId('import-board-submit').click()
  await expect(page.getByTestId('import-board-error')).toHaveText('Inlezen lukte niet: Het bestand is groter dan 10 MiB; meer neemt de server niet aan.')
  await expect(page.getByTestId('import-board-submit')).toBeEnabled()
  await expect(page.getByTestId('import-board-submit')).toHaveText('Bord inlezen')
  expect(imports).toEqual([])
  await expect(page).toHaveURL(`${server.url}/`)
})

test('a file that can no longer be read shows why, and the import can be tried again', async ({ browser }) => {
  const page = await newPerson(browser, { width: 1440, height: 900 })
  await page.goto(`${server.url}/`)
  // As when the chosen file was moved or deleted before "Bord inlezen".
  await page.evaluate(() => {
    Blob.prototype.text = () => Promise.reject(new DOMException('The file could not be read', 'NotReadableError'))
  })
  await page.getByTestId('import-board-file').setInputFiles({ name: 'bord.json', mimeType: 'application/json', buffer: Buffer.from('{}') })
  await page.getByTestId('import-board-submit').click()
  await expect(page.getByTestId('import-board-error')).toHaveText('Inlezen lukte niet: Het bestand kon niet worden gelezen (The file could not be read).')
  await expect(page.getByTestId('import-board-submit')).toBeEnabled()
  await expect(page.getByTestId('import-board-submit')).toHaveText('Bord inlezen')
})
