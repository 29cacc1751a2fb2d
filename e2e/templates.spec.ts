import { expect, test, type Page } from '@playwright/test'
import type { TemplateSummary } from '../shared/api.ts'
import { addNoteByHand, createBoard, newPerson, onCanvas, openBoard, serverPerTest, whenEditingText } from './support.ts'

const server = serverPerTest()

/**
 * Creates a board on the home page with the template picker and opens it as its facilitator;
 * `name` answers the name question (null: this browser answered it before).
 */
async function createFromPicker(page: Page, title: string, templateId: string, name: string | null = 'Fenna'): Promise<void> {
  await page.goto(server.url)
  await page.getByTestId('create-board-title').fill(title)
  await page.getByTestId(`template-option-${templateId}`).click()
  await expect(page.getByTestId('create-board-template')).toHaveAttribute('data-value', templateId)
  await page.getByTestId('create-board-submit').click()
  await page.waitForURL(/\/b\//)
  if (name !== null) {
    await page.getByTestId('name-input').fill(name)
    await page.getByTestId('name-submit').click()
  }
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  await page.waitForFunction(() => window.__dialoogbordEditor !== undefined)
}

/** Screen position of a point given as fractions of a scaffold shape's page bounds. */
function screenPointIn(page: Page, meta: { key: string; value: string }, fx: number, fy: number) {
  return page.evaluate(
    ({ meta, fx, fy }) => {
      const editor = window.__dialoogbordEditor!
      const shape = editor.getCurrentPageShapes().find((s) => (s.meta as Record<string, unknown>)[meta.key] === meta.value)!
      const bounds = editor.getShapePageBounds(shape)!
      return editor.pageToScreen({ x: bounds.x + bounds.w * fx, y: bounds.y + bounds.h * fy })
    },
    { meta, fx, fy },
  )
}

function openPanel(page: Page, id: 'steps' | 'card' | 'harvest') {
  return page.getByTestId(`panel-button-${id}`).click()
}

/** The items of the list under a heading of the harvest. */
function harvestList(page: Page, heading: string) {
  return page.getByTestId('harvest-report').locator('h4', { hasText: heading }).locator('xpath=following-sibling::*[1]/li')
}

test('a case reconstruction: moments in time order in the harvest, and agreements with who and when', async ({ page }) => {
  await createFromPicker(page, 'Casus Noord', 'casusreconstructie')

  // The steps navigator brings the timeline into view (your own camera only).
  await openPanel(page, 'steps')
  await expect(page.getByTestId('step-tijdlijn')).toBeVisible()
  const before = await page.evaluate(() => window.__dialoogbordEditor!.getCamera())
  await page.getByTestId('step-tijdlijn').click()
  await expect(page.getByTestId('step-tijdlijn')).toHaveAttribute('aria-current', 'step')
  expect(await page.evaluate(() => window.__dialoogbordEditor!.getCamera())).not.toEqual(before)
  await openPanel(page, 'steps') // closes it again, so the canvas has the room
  // The whole timeline in view (the step shows a wide timeline in parts, at a readable size).
  await page.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    const frame = editor.getCurrentPageShapes().find((s) => s.type === 'frame' && s.meta.zone === 'tijdlijn')!
    editor.zoomToBounds(editor.getShapePageBounds(frame)!, { animation: { duration: 0 } })
  })

  // Three moments by hand, out of order: the rightmost first, then the leftmost, then the middle.
  const momenten = { key: 'lane', value: 'momenten' }
  await addNoteByHand(page, await screenPointIn(page, momenten, 0.95, 0.5), 'Evaluatie na een half jaar')
  await addNoteByHand(page, await screenPointIn(page, momenten, 0.33, 0.5), 'Melding bij het wijkteam')
  await addNoteByHand(page, await screenPointIn(page, momenten, 0.66, 0.5), 'Huisbezoek met de corporatie')
  await expect(onCanvas(page, 'Huisbezoek met de corporatie')).toBeVisible()

  await openPanel(page, 'harvest')
  await expect(harvestList(page, '2 Tijdlijn')).toHaveText(['Melding bij het wijkteam', 'Huisbezoek met de corporatie', 'Evaluatie na een half jaar'])

  // The card panel knows the first one is a moment and gives it a date; the harvest follows.
  await page.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    const note = editor.getCurrentPageShapes().find((s) => editor.getShapeUtil(s).getText(s) === 'Melding bij het wijkteam')!
    editor.select(note.id)
  })
  await openPanel(page, 'card')
  await expect(page.getByTestId('card-kind')).toHaveAttribute('data-kind', 'moment')
  await page.getByTestId('card-field-date').fill('3 maart 2023')
  await page.getByTestId('card-field-date').press('Enter')
  await openPanel(page, 'harvest')
  await expect(harvestList(page, '2 Tijdlijn').first()).toHaveText('3 maart 2023: Melding bij het wijkteam')
  await expect(harvestList(page, '2 Tijdlijn').first().locator('strong')).toHaveText('3 maart 2023')
  // …and the card itself shows it.
  await expect(noteOnCanvas(page, 'Melding bij het wijkteam').getByTestId('note-date')).toHaveText('3 maart 2023')

  // An agreement card: select it on the board by clicking it, fill who and when in the card panel.
  await goToStep(page, 'afspraken')
  await openPanel(page, 'card')
  const card = await page.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    const agreement = editor
      .getCurrentPageShapes()
      .filter((s) => s.meta.kind === 'afspraak')
      .sort((a, b) => a.y - b.y || a.x - b.x)[0]!
    const bounds = editor.getShapePageBounds(agreement)!
    return editor.pageToScreen({ x: bounds.x + bounds.w / 2, y: bounds.y + bounds.h / 2 })
  })
  await page.mouse.click(card.x, card.y)
  await expect(page.getByTestId('card-kind')).toHaveAttribute('data-kind', 'afspraak')
  await page.getByTestId('card-field-wat').fill('Casusoverleg')
  await page.getByTestId('card-field-wie').fill('Gemeente')
  await page.getByTestId('card-field-wanneer').fill('elke maand')
  await page.getByTestId('card-fields-save').click()
  await expect(page.getByTestId('card-panel').getByRole('status')).toHaveText('Opgeslagen')
  // The card on the board shows all four, as labelled lines.
  await expect(page.getByTestId('canvas').getByText('Wat: Casusoverleg')).toBeVisible()
  await expect(page.getByTestId('canvas').getByText('Wie: Gemeente')).toBeVisible()
  await expect(page.getByTestId('canvas').getByText('Wanneer: elke maand')).toBeVisible()

  await openPanel(page, 'harvest')
  const table = page.getByTestId('harvest-report').locator('table')
  await expect(table.locator('thead th')).toHaveText(['Wie', 'Wat', 'Wanneer', 'Hoe'])
  await expect(table.locator('tbody tr').first().locator('td')).toHaveText(['Gemeente', 'Casusoverleg', 'elke maand', ''])

  // While the panel is open it follows the board by itself.
  await page.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    const note = editor.getCurrentPageShapes().find((s) => editor.getShapeUtil(s).getText(s) === 'Evaluatie na een half jaar')!
    editor.deleteShapes([note.id])
  })
  await expect(harvestList(page, '2 Tijdlijn')).toHaveText(['3 maart 2023: Melding bij het wijkteam', 'Huisbezoek met de corporatie'])

  // Download: the file the server names, with the report in it.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('harvest-download').click()])
  expect(download.suggestedFilename()).toBe('casus-noord-oogst.md')
})

/** A note on the canvas (its shape element) by the text on it. */
function noteOnCanvas(page: Page, text: string) {
  return page.getByTestId('canvas').locator('[data-shape-type="note"]').filter({ has: page.getByText(text, { exact: true }) })
}

interface CardState {
  id: string
  type: string
  text: string
  color: string
  kind: unknown
  date: unknown
}

/** Every note and geo card that is not scaffolding, with its colour and the kind and date in its meta. */
function cards(page: Page): Promise<CardState[]> {
  return page.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    return editor
      .getCurrentPageShapes()
      .filter((s) => (s.type === 'note' || s.type === 'geo') && s.meta.scaffold !== true)
      .map((s) => ({
        id: s.id,
        type: s.type,
        text: editor.getShapeUtil(s).getText(s) ?? '',
        color: (s.props as { color: string }).color,
        kind: s.meta.kind,
        date: s.meta.date,
      }))
  })
}

/** Note tool, a click at `at`, typed lines (Enter between them) as soon as the text can be edited, then leave editing. */
async function noteWithLines(page: Page, at: { x: number; y: number }, lines: readonly string[]): Promise<void> {
  await page.locator('.tl-canvas').click({ position: { x: 5, y: 300 } })
  // Nothing selected (the click may land on a card): a key typed with a card selected writes into it.
  await page.keyboard.press('Escape')
  await page.keyboard.press('n')
  await page.mouse.click(at.x, at.y)
  await whenEditingText(page)
  for (const [i, line] of lines.entries()) {
    if (i > 0) await page.keyboard.press('Enter')
    await page.keyboard.type(line)
  }
  await page.keyboard.press('Escape')
}

/**
 * Stappen to a zone, then the whole zone in view at once: Stappen's camera animates (and may show
 * a wide zone in parts, canvas.spec.ts tests that), and screen points taken meanwhile miss.
 */
async function goToStep(page: Page, zone: string): Promise<void> {
  await openPanel(page, 'steps')
  await page.getByTestId(`step-${zone}`).click()
  await openPanel(page, 'steps')
  await page.evaluate((zone) => {
    const editor = window.__dialoogbordEditor!
    const frame = editor.getCurrentPageShapes().find((s) => s.type === 'frame' && s.meta.zone === zone)!
    // Inset: clear of tldraw's menus, toolbar and style panel, as Stappen keeps it.
    editor.zoomToBounds(editor.getShapePageBounds(frame)!, { inset: 160, animation: { duration: 0 } })
  }, zone)
}

test('cards take their lane: a typed date shows on the moment, notes get the lane’s colour and fill its empty placeholders', async ({ page }) => {
  const board = await createBoard(server.url, { title: 'Casus Oost', template: 'casusreconstructie' })
  await openBoard(page, board.urls.facilitator, 'Fenna')
  await goToStep(page, 'tijdlijn')
  const before = await cards(page)

  // On the middle placeholder of the moments lane: typed with a "Datum:" line.
  await noteWithLines(page, await screenPointIn(page, { key: 'lane', value: 'momenten' }, 0.5, 0.56), ['Datum: 4 april 2023', 'Huisbezoek'])
  await expect.poll(async () => (await cards(page)).find((card) => card.text === 'Huisbezoek')).toMatchObject({ color: 'yellow', kind: 'moment', date: '4 april 2023' })
  await expect(noteOnCanvas(page, 'Huisbezoek').getByTestId('note-date')).toHaveText('4 april 2023')
  // An export (PNG, SVG) shows it too.
  const moment = (await cards(page)).find((card) => card.text === 'Huisbezoek')!
  const svg = await page.evaluate(async (id) => (await window.__dialoogbordEditor!.getSvgString([id as never]))?.svg ?? '', moment.id)
  expect(svg).toContain('>4 april 2023<')
  // The placeholder was filled, not covered: as many cards as before.
  expect((await cards(page)).length).toBe(before.length)

  // In the interpretations lane, clear of its placeholders: blue, an interpretation.
  await noteWithLines(page, await screenPointIn(page, { key: 'lane', value: 'duidingen' }, 0.34, 0.56), ['Niemand voelde zich eigenaar'])
  await expect.poll(async () => (await cards(page)).find((card) => card.text === 'Niemand voelde zich eigenaar')).toMatchObject({ color: 'light-blue', kind: 'duiding' })
  expect((await cards(page)).length).toBe(before.length + 1)

  // Dragged down into the interpretations lane, the moment becomes an interpretation: blue.
  const from = await page.evaluate((id) => {
    const editor = window.__dialoogbordEditor!
    const bounds = editor.getShapePageBounds(id as never)!
    return editor.pageToScreen({ x: bounds.x + bounds.w / 2, y: bounds.y + bounds.h / 2 })
  }, moment.id)
  const to = await screenPointIn(page, { key: 'lane', value: 'duidingen' }, 0.62, 0.56)
  await page.keyboard.press('v')
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 })
  await page.mouse.move(to.x, to.y, { steps: 5 })
  await page.mouse.up()
  await expect.poll(async () => (await cards(page)).find((card) => card.id === moment.id)).toMatchObject({ color: 'light-blue', kind: 'duiding' })

  // Among the red threads, next to their placeholders: red.
  const threads = await page.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    const placeholders = editor.getCurrentPageShapes().filter((s) => s.meta.kind === 'rode-draad')
    const left = Math.min(...placeholders.map((s) => s.x))
    const top = Math.min(...placeholders.map((s) => s.y))
    const spot = { x: left - 160, y: top + 100 }
    editor.zoomToBounds({ x: spot.x - 400, y: spot.y - 300, w: 900, h: 700 }, { animation: { duration: 0 } })
    return editor.pageToScreen(spot)
  })
  await noteWithLines(page, threads, ['Geen eigenaarschap'])
  await expect.poll(async () => (await cards(page)).find((card) => card.text === 'Geen eigenaarschap')).toMatchObject({ color: 'light-red', kind: 'rode-draad' })
})

test('an agreement card is filled in place without losing its prompt lines, and the report agrees', async ({ page }) => {
  const board = await createBoard(server.url, { title: 'Casus West', template: 'casusreconstructie' })
  await openBoard(page, board.urls.facilitator, 'Fenna')
  await goToStep(page, 'afspraken')
  const agreement = await page.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    const card = editor
      .getCurrentPageShapes()
      .filter((s) => s.meta.kind === 'afspraak')
      .sort((a, b) => a.y - b.y || a.x - b.x)[0]!
    const bounds = editor.getShapePageBounds(card)!
    return { id: card.id, at: editor.pageToScreen({ x: bounds.x + bounds.w / 2, y: bounds.y + bounds.h / 2 }) }
  })
  // Double-click, as people do to edit: tldraw selected all four lines, so the first key wiped them.
  await page.mouse.dblclick(agreement.at.x, agreement.at.y)
  await whenEditingText(page)
  await page.waitForFunction(() => window.__dialoogbordEditor!.getRichTextEditor()?.state.selection.empty === true)
  await page.keyboard.type('Casusoverleg')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('End')
  await page.keyboard.type('Gemeente')
  await page.keyboard.press('Escape')
  await expect.poll(async () => (await cards(page)).find((card) => card.id === agreement.id)?.text).toBe('Wat: Casusoverleg\nWie: Gemeente\nWanneer: \nHoe: ')

  // The panel shows the same four fields; the report's row says what the card says.
  await openPanel(page, 'card')
  await expect(page.getByTestId('card-field-wat')).toHaveValue('Casusoverleg')
  await expect(page.getByTestId('card-field-wie')).toHaveValue('Gemeente')
  await page.getByTestId('card-field-hoe').fill('in Teams')
  await page.getByTestId('card-field-hoe').press('Enter')
  await expect(page.getByTestId('canvas').getByText('Hoe: in Teams')).toBeVisible()
  await openPanel(page, 'harvest')
  const row = page.getByTestId('harvest-report').locator('table tbody tr').first().locator('td')
  await expect(row).toHaveText(['Gemeente', 'Casusoverleg', '', 'in Teams'])

  // A new note among the agreements is one too: orange, with the four prompt lines to fill.
  await openPanel(page, 'harvest')
  const free = await page.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    const frame = editor.getCurrentPageShapes().find((s) => s.type === 'frame' && s.meta.zone === 'afspraken')!
    const bounds = editor.getShapePageBounds(frame)!
    return editor.pageToScreen({ x: bounds.maxX - 200, y: bounds.maxY - 200 })
  })
  await noteWithLines(page, free, ['Signalen delen'])
  await expect
    .poll(async () => (await cards(page)).find((card) => card.text.startsWith('Wat: Signalen')))
    .toMatchObject({ type: 'note', color: 'orange', kind: 'afspraak', text: 'Wat: Signalen delen\nWie: \nWanneer: \nHoe: ' })
})

test('the date picker speaks the board’s language, not the browser’s', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  const board = await createBoard(server.url, { title: 'Casus Zuid', template: 'casusreconstructie' })
  await openBoard(page, board.urls.facilitator, 'Fenna')
  await page.getByTestId('lang-nl').click()
  await goToStep(page, 'tijdlijn')
  await addNoteByHand(page, await screenPointIn(page, { key: 'lane', value: 'momenten' }, 0.34, 0.3), 'Melding')
  await page.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    editor.select(editor.getCurrentPageShapes().find((s) => editor.getShapeUtil(s).getText(s) === 'Melding')!.id)
  })
  await openPanel(page, 'card')
  const picker = page.getByTestId('card-field-date-picker')
  await expect(picker.getByTestId('card-field-date-picker-month').locator('option')).toContainText(['–', 'januari', 'februari', 'maart'])
  await picker.getByTestId('card-field-date-picker-day').selectOption('3')
  await picker.getByTestId('card-field-date-picker-month').selectOption({ label: 'maart' })
  await picker.getByTestId('card-field-date-picker-year').selectOption('2023')
  await expect(page.getByTestId('card-field-date')).toHaveValue('3 maart 2023')
  await expect(noteOnCanvas(page, 'Melding').getByTestId('note-date')).toHaveText('3 maart 2023')
  await page.screenshot({ path: test.info().outputPath('date-picker-en-browser-nl-board.png') })
  await context.close()
})

test('picking the 7V template ticks “anonymous” (its method promises anonymity); it can be unticked', async ({ page }) => {
  await page.goto(server.url)
  const anonymous = page.getByTestId('create-board-anonymous')
  await expect(anonymous).not.toBeChecked()
  await page.getByTestId('template-option-7v-dialoog').click()
  await expect(anonymous).toBeChecked()
  await page.getByTestId('template-option-casusreconstructie').click()
  await expect(anonymous).not.toBeChecked()
  await page.getByTestId('template-option-7v-dialoog').click()
  await anonymous.uncheck()
  await page.getByTestId('create-board-title').fill('7V met namen')
  await page.getByTestId('create-board-submit').click()
  await page.waitForURL(/\/b\//)
  // Not anonymous: the board asks for a name.
  await expect(page.getByTestId('name-input')).toBeVisible()
})

/** Puts a note of one's own on the board, selects it and presses tldraw's lock shortcut. */
async function lockByShortcut(page: Page, id: string): Promise<boolean> {
  await page.evaluate((id) => {
    const editor = window.__dialoogbordEditor!
    editor.createShape({ id: `shape:${id}` as never, type: 'note', x: -2000, y: -2000 })
    editor.select(`shape:${id}` as never)
    editor.focus()
  }, id)
  await page.keyboard.press('Shift+L')
  return page.evaluate((id) => {
    const editor = window.__dialoogbordEditor!
    const locked = editor.getShape(`shape:${id}` as never)!.isLocked
    // Leave the board as it was: the note is no part of what the test goes on with.
    editor.updateShape({ id: `shape:${id}` as never, type: 'note', isLocked: false })
    editor.deleteShape(`shape:${id}` as never)
    return locked
  }, id)
}

test('a facilitator keeps a board as a template, and it is offered with a sketch on the home page', async ({ page }) => {
  const board = await createBoard(server.url, { title: 'Stakeholders Zuid', template: 'stakeholderdialoog' })
  await openBoard(page, board.urls.facilitator, 'Fenna')
  await openPanel(page, 'steps')

  // The scaffolding is locked; the facilitator can unlock and lock it again.
  const scaffoldLocked = () =>
    page.evaluate(() => window.__dialoogbordEditor!.getCurrentPageShapes().filter((s) => s.type === 'frame').every((s) => s.isLocked))
  expect(await scaffoldLocked()).toBe(true)
  await page.getByTestId('steps-lock-toggle').click()
  await expect(page.getByTestId('steps-lock-toggle')).toHaveText('Onderdelen vergrendelen')
  expect(await scaffoldLocked()).toBe(false)
  await page.getByTestId('steps-lock-toggle').click()
  await expect(page.getByTestId('steps-lock-toggle')).toHaveText('Onderdelen ontgrendelen')
  expect(await scaffoldLocked()).toBe(true)
  expect(await lockByShortcut(page, 'fenna')).toBe(true)

  await page.getByTestId('save-template-open').click()
  await expect(page.getByTestId('save-template-title')).toBeFocused()
  await page.getByTestId('save-template-title').fill('Stakeholders <b>op maat</b>')
  await page.getByTestId('save-template-description').fill('Onze acht stappen, met eigen vragen.')
  // By default a saved template goes when its board is deleted.
  await expect(page.getByTestId('save-template-keep')).not.toBeChecked()
  await page.getByTestId('save-template-submit').click()
  await expect(page.getByTestId('save-template-message')).toContainText('Bewaard als sjabloon “Stakeholders <b>op maat</b>”')

  // Saved templates are listed to the facilitators of their board only.
  const listed = async (headers: Record<string, string> = {}) =>
    (await (await fetch(`${server.url}/api/templates?board=${board.id}`, { headers })).json()) as TemplateSummary[]
  const saved = (await listed({ authorization: `Bearer ${board.tokens.facilitator}` })).at(-1)!
  expect(saved).toMatchObject({ title: 'Stakeholders <b>op maat</b>', custom: true })
  const everyone = (await (await fetch(`${server.url}/api/templates`)).json()) as TemplateSummary[]
  expect(everyone.some((template) => template.custom)).toBe(false)

  // Editors and viewers see the steps but not the facilitator's tools.
  const participant = await newPerson(page.context().browser()!)
  await openBoard(participant, board.urls.editor, 'Pim')
  await openPanel(participant, 'steps')
  await expect(participant.getByTestId('step-opdracht')).toBeVisible()
  await expect(participant.getByTestId('save-template-open')).toHaveCount(0)
  await expect(participant.getByTestId('steps-lock-toggle')).toHaveCount(0)
  expect(await lockByShortcut(participant, 'pim')).toBe(false)

  await page.goto(server.url)
  const option = page.getByTestId(`template-option-${saved.id}`)
  await expect(option).toContainText('Stakeholders <b>op maat</b>')
  await expect(option).toContainText('Eigen sjabloon')
  await expect(option.getByRole('img')).toHaveAttribute('aria-label', /Schets van “Stakeholders <b>op maat<\/b>”: 1 Definieer de opdracht, .*Vervolgacties$/)
  // Keyboard: the options are radio buttons; arrow keys move the choice.
  await page.getByTestId('template-option-leeg').click()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('create-board-template')).toHaveAttribute('data-value', 'casusreconstructie')
  await page.screenshot({ path: test.info().outputPath('home-picker.png'), fullPage: true })

  await createFromPicker(page, 'Stakeholders Oost', saved.id, null)
  await expect(page.locator('[data-shape-type="frame"]').filter({ visible: true }).first()).toBeVisible()
  const shapes = await page.evaluate(() => window.__dialoogbordEditor!.getCurrentPageShapes().map((s) => ({ type: s.type, kind: s.meta.kind ?? null })))
  expect(shapes.filter((s) => s.type === 'frame').length).toBe(9)
  expect(shapes.filter((s) => s.kind !== null)).toEqual([])
})

/** Resolves once the camera has not moved between two polls (an animation has ended). */
async function cameraAtRest(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const store = window as unknown as { __lastCamera?: string }
      const camera = JSON.stringify(window.__dialoogbordEditor!.getCamera())
      const still = store.__lastCamera === camera
      store.__lastCamera = camera
      return still
    },
    undefined,
    { polling: 150 },
  )
}

const TEMPLATE_IDS = ['casusreconstructie', 'bestuurlijke-dialoog', '7v-dialoog', 'stakeholderdialoog', 'gelijkwaardig-gesprek', 'leeg']

test('every template renders: a screenshot per template at 100% zoom and fitted', async ({ page }, testInfo) => {
  // Six boards in one test: on a loaded machine this took close to the default 60 s.
  test.slow()
  await page.setViewportSize({ width: 1440, height: 900 })
  let named = false
  for (const templateId of TEMPLATE_IDS) {
    const board = await createBoard(server.url, { title: `Sjabloon ${templateId}`, template: templateId })
    await openBoard(page, board.urls.facilitator, named ? null : 'Fenna')
    named = true
    if (templateId !== 'leeg') {
      // At 100% only the first frames are in view; tldraw hides shapes outside it.
      await expect(page.locator('[data-shape-type="frame"]').filter({ visible: true }).first()).toBeVisible()
      const frames = await page.evaluate(() => window.__dialoogbordEditor!.getCurrentPageShapes().filter((s) => s.type === 'frame').length)
      expect(frames).toBeGreaterThan(1)
    }
    if (templateId === 'casusreconstructie') await fillCase(page)
    await openPanel(page, 'steps')
    await page.screenshot({ path: testInfo.outputPath(`template-${templateId}-100.png`), fullPage: true })
    await page.getByTestId('steps-show-all').click()
    await cameraAtRest(page)
    await page.screenshot({ path: testInfo.outputPath(`template-${templateId}-fit.png`), fullPage: true })
    if (templateId === 'casusreconstructie') {
      // Close-ups of what a session fills: the timeline with dated moments, the agreements.
      for (const zone of ['tijdlijn', 'afspraken']) {
        await page.getByTestId(`step-${zone}`).click()
        await cameraAtRest(page)
        await page.screenshot({ path: testInfo.outputPath(`template-${templateId}-${zone}.png`), fullPage: true })
      }
    }
  }
})

/**
 * A case reconstruction as a session leaves it: moments with dates, interpretations, red threads
 * and lessons made as a person makes them (new notes, which take their lane's colour and kind),
 * and an agreement with its four fields.
 */
async function fillCase(page: Page): Promise<void> {
  await page.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    const shapes = editor.getCurrentPageShapes()
    const rich = (text: string) => ({ type: 'doc', content: text.split('\n').map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })) })
    const placeholders = (kind: string) => shapes.filter((s) => s.type === 'note' && s.meta.kind === kind).sort((a, b) => a.y - b.y || a.x - b.x)
    const fill = (shape: (typeof shapes)[number], text: string, meta: Record<string, string> = {}) =>
      editor.updateShape({ id: shape.id, type: shape.type as 'note', props: { richText: rich(text) }, meta: { ...shape.meta, ...meta } })
    const moments = [
      ['3 maart 2023', 'Melding bij het wijkteam'],
      ['april 2023', 'Huisbezoek met de corporatie'],
      ['12 juni 2023', 'Overleg met alle partners'],
    ] as const
    placeholders('moment').forEach((shape, i) => fill(shape, moments[i]![1], { date: moments[i]![0] }))
    const duidingen = placeholders('duiding')
    fill(duidingen[0]!, 'Niemand voelde zich eigenaar')
    fill(duidingen[2]!, 'Te laat: de zorgen waren al groot')
    // A new note between two placeholders takes the lane's colour (blue) by itself.
    editor.createShape({ type: 'note', x: duidingen[0]!.x + 260, y: duidingen[0]!.y + 20, props: { richText: rich('Eindelijk samen aan tafel') } })
    fill(placeholders('rode-draad')[0]!, 'Signalen blijven liggen')
    fill(placeholders('les')[0]!, 'Eén regisseur per casus')
    // The first agreement card, filled as the card panel does: its four lines.
    const agreement = shapes.filter((s) => s.meta.kind === 'afspraak').sort((a, b) => a.y - b.y || a.x - b.x)[0]!
    fill(agreement, 'Wat: Maandelijks casusoverleg\nWie: Gemeente (wijkteam)\nWanneer: elke eerste dinsdag\nHoe: in Teams, verslag naar alle partners')
  })
}
