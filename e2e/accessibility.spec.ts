/**
 * axe-core (WCAG 2.1 A and AA rules) over every screen of our own UI: the home page, the board's
 * chrome for each role, every side panel (client/board/panels.tsx) and every dialog, popover and
 * bar we draw over the canvas, the list view, the accessibility statement and the admin page. Zero serious or
 * critical violations; a failure prints each violation with the elements it found.
 *
 * Also: every control of ours that Tab reaches draws our focus ring, and a selected card's
 * description (its kind, date and text) reaches tldraw's screen-reader announcer.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { contrastRatio } from '../client/a11y/contrast.ts'
import { removeDir, startServerProcess } from '../server/testing/server-process.ts'
import { createBoard, everyRole, newPerson, openBoard, serverPerTest } from './support.ts'

const server = serverPerTest()
// Many axe runs over a full canvas page on a shared two-core machine.
test.setTimeout(240_000)

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/*
 * Nothing is excluded: with tldraw 5.1 axe finds no serious or critical violation in tldraw's own UI
 * or canvas either. What axe cannot do is judge the contrast of text on the canvas and of our bars
 * over it (tldraw's stacked layers leave it "incomplete", not failed): the palette and our colours
 * are checked by computing their ratios instead (client/a11y/board-theme.test.ts).
 */

interface Finding {
  rule: string
  impact: string
  help: string
  targets: string[]
}

/** Runs axe over the page as it is now; returns its serious and critical violations, printed for a failure message. */
async function seriousViolations(page: Page): Promise<Finding[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze()
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.map((node) => `${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`),
    }))
}

/** Checks the page as it is now; soft, so one run reports every screen that fails. */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  const found = await seriousViolations(page)
  const report = found.map((f) => `  [${f.impact}] ${f.rule}: ${f.help}\n${f.targets.map((t) => `    - ${t}`).join('\n')}`).join('\n')
  expect.soft(found, `axe on "${screen}":\n${report}`).toEqual([])
}

test('home page: create form, import, recent boards', async ({ browser }) => {
  const page = await newPerson(browser)
  const board = await createBoard(server.url, { title: 'Casus Zuid', template: 'casusreconstructie' })
  await page.goto(server.url)
  await expectAccessible(page, 'home, empty')
  // Visiting a board lists it as recent on the home page.
  await openBoard(page, board.urls.facilitator, 'Anna')
  await page.goto(server.url)
  await expect(page.getByTestId('recent-board')).toHaveCount(1)
  await expectAccessible(page, 'home, with a recent board')
  // Importing a file that is no board: the error.
  await page.getByTestId('import-board-file').setInputFiles({ name: 'bord.json', mimeType: 'application/json', buffer: Buffer.from('{"niet": "een bord"}') })
  await page.getByTestId('import-board-submit').click()
  await expect(page.getByTestId('import-board-error')).toBeVisible()
  await expectAccessible(page, 'home, import refused')
})

test('facilitator: board chrome, every panel, dialog and popover', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus Zuid', template: 'casusreconstructie' })
  const anna = await newPerson(browser)
  await anna.goto(board.urls.facilitator)
  await expect(anna.getByTestId('name-input')).toBeVisible()
  await expectAccessible(anna, 'name dialog')
  await anna.getByTestId('name-input').fill('Anna')
  await anna.getByTestId('name-submit').click()
  await expect(anna.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  await anna.waitForFunction(() => window.__dialoogbordEditor !== undefined)
  await expectAccessible(anna, 'facilitator board chrome')

  await anna.getByTestId('share-button').click()
  await expect(anna.getByTestId('share-close')).toBeVisible()
  await expectAccessible(anna, 'share dialog')
  await anna.getByTestId('share-close').click()

  await anna.getByTestId('timer-open').click()
  await expect(anna.getByTestId('timer-controls')).toBeVisible()
  await expectAccessible(anna, 'timer popover')
  await anna.getByTestId('timer-start').click()
  await anna.keyboard.press('Escape')
  await expectAccessible(anna, 'running timer')

  for (const id of ['steps', 'participants', 'harvest', 'history', 'settings'] as const) {
    await anna.getByTestId(`panel-button-${id}`).click()
    await expect(anna.getByTestId(`panel-${id}`)).toBeVisible()
    await expectAccessible(anna, `panel ${id}`)
  }

  // The card panel with a card selected.
  await anna.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    const moment = editor.getCurrentPageShapes().find((shape) => shape.type === 'note' && (shape.meta as { kind?: string }).kind === 'moment')!
    editor.select(moment.id)
  })
  await anna.getByTestId('panel-button-card').click()
  await expect(anna.getByTestId('card-fields')).toBeVisible()
  await expectAccessible(anna, 'panel card, a moment selected')

  // History with a snapshot, and its restore dialog.
  await anna.getByTestId('panel-button-history').click()
  await anna.getByTestId('snapshot-label').fill('Voor de pauze')
  await anna.getByTestId('snapshot-capture').click()
  await expect(anna.getByTestId('snapshot-item')).toHaveCount(1)
  await expectAccessible(anna, 'panel history with a snapshot')
  await anna.getByTestId('snapshot-action-restore').click()
  await expect(anna.getByTestId('restore-dialog')).toBeVisible()
  await expectAccessible(anna, 'restore dialog')
  // Escape closes the dialog only: the panel stays, focus returns to the button that opened it.
  await anna.keyboard.press('Escape')
  await expect(anna.getByTestId('restore-dialog')).toBeHidden()
  await expect(anna.getByTestId('panel-history')).toBeVisible()
  await expect(anna.getByTestId('snapshot-action-restore')).toBeFocused()
  await anna.getByTestId('snapshot-action-fork').click()
  await expect(anna.getByTestId('fork-dialog')).toBeVisible()
  await expectAccessible(anna, 'fork dialog')
  await anna.keyboard.press('Escape')
  await anna.getByTestId('snapshot-action-view').click()
  await expect(anna.getByTestId('snapshot-banner')).toBeVisible()
  await expectAccessible(anna, 'a snapshot shown in the canvas')
  await anna.getByTestId('snapshot-back').click()

  // Settings: the delete confirmation step.
  await anna.getByTestId('panel-button-settings').click()
  await anna.getByTestId('settings-delete').click()
  await expect(anna.getByTestId('delete-confirm')).toBeVisible()
  await expectAccessible(anna, 'settings, delete confirmation')
  await anna.keyboard.press('Escape')

  // A silent round from the steps panel: its banner.
  await anna.getByTestId('panel-button-steps').click()
  await anna.getByTestId('silent-round-minutes').fill('10')
  await anna.getByTestId('silent-round-start').click()
  await expect(anna.getByTestId('silent-round')).toBeVisible()
  await expectAccessible(anna, 'silent round banner and steps panel during it')

  // An open vote.
  await anna.getByTestId('panel-button-vote').click()
  await anna.getByTestId('vote-open-dots').fill('2')
  await anna.getByTestId('vote-open').click()
  await expect(anna.getByTestId('vote-status')).toBeVisible()
  await expectAccessible(anna, 'panel vote, a vote open')
  await anna.getByTestId('panel-vote').getByTestId('vote-close').click()
  await expect(anna.getByTestId('vote-results')).toBeVisible()
  await expectAccessible(anna, 'panel vote, results of a closed vote')

  // Saving the board as a template, from the steps panel.
  await anna.getByTestId('panel-button-steps').click()
  await anna.getByTestId('save-template-open').click()
  await expect(anna.getByTestId('save-template-form')).toBeVisible()
  await expectAccessible(anna, 'save as template form')

  // A raised hand in the queue (raised by herself).
  await anna.getByTestId('hand-toggle').click()
  await expect(anna.getByTestId('hand-queue-item')).toHaveCount(1)
  await expectAccessible(anna, 'hand queue')
})

test('editor and viewer: board chrome, vote bar, silent round, hands', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus Zuid', template: 'casusreconstructie' })
  const [anna, bram, cas] = await everyRole(browser, board)
  await expectAccessible(bram, 'editor board chrome')
  await expectAccessible(cas, 'viewer board chrome')
  // tldraw's dark mode (its menu offers it): our bars and panels over a dark canvas.
  await cas.evaluate(() => window.__dialoogbordEditor!.user.updateUserPreferences({ colorScheme: 'dark' }))
  await expect(cas.locator('.tl-container.tl-theme__dark')).toHaveCount(1)
  await cas.getByTestId('panel-button-steps').click()
  await expectAccessible(cas, 'viewer, dark mode, steps panel')

  for (const id of ['steps', 'card', 'vote', 'harvest', 'history'] as const) {
    await bram.getByTestId(`panel-button-${id}`).click()
    await expect(bram.getByTestId(`panel-${id}`)).toBeVisible()
    await expectAccessible(bram, `editor panel ${id}`)
  }

  await anna.getByTestId('panel-button-steps').click()
  await anna.getByTestId('silent-round-minutes').fill('10')
  await anna.getByTestId('silent-round-start').click()
  await expect(bram.getByTestId('silent-round')).toBeVisible()
  await expect(cas.getByTestId('silent-round')).toBeVisible()
  await expectAccessible(bram, 'editor during a silent round')
  await expectAccessible(cas, 'viewer during a silent round')

  await anna.getByTestId('panel-button-vote').click()
  await anna.getByTestId('vote-open-dots').fill('2')
  await anna.getByTestId('vote-open').click()
  await expect(bram.getByTestId('vote-bar')).toBeVisible()
  await expectAccessible(bram, 'editor vote bar')
  await expectAccessible(cas, 'viewer during a vote')

  await bram.getByTestId('hand-toggle').click()
  await expect(anna.getByTestId('hand-queue-item')).toHaveCount(1)
  await expectAccessible(bram, 'editor with a raised hand')
})

interface FocusStop {
  element: string
  visible: boolean
  style: string
}

/**
 * Tabs through the page (up to `max` stops or back to the start) and reads how each element of
 * ours draws its focus: our two rings, amber on ink, so one of them contrasts 3:1 with any
 * background. tldraw's own controls (class tlui-*, its watermark and canvas container) draw their
 * own focus and are left out.
 */
async function focusStops(page: Page, max: number): Promise<FocusStop[]> {
  const stops: FocusStop[] = []
  const seen = new Set<string>()
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const stop = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null
      if (!element || element === document.body) return null
      const ours = !element.closest('[class*="tlui-"], [class*="tl-watermark"]') && !element.classList.contains('tl-container')
      const style = getComputedStyle(element)
      // Ours: a 3px amber outline on a 5px ink ring (client/styles.css).
      const outline = style.outlineStyle === 'solid' && parseFloat(style.outlineWidth) >= 3
      const ring = style.boxShadow.includes('0px 0px 0px 5px')
      const name = `${element.tagName.toLowerCase()}${element.dataset.testid ? `[data-testid=${element.dataset.testid}]` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}"`
      return { ours, element: name, visible: outline && ring, style: `outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; box-shadow ${style.boxShadow}` }
    })
    if (!stop) continue
    if (seen.has(stop.element)) break
    seen.add(stop.element)
    if (stop.ours) stops.push({ element: stop.element, visible: stop.visible, style: stop.style })
  }
  return stops
}

test('visible focus: every control of ours that Tab reaches draws a focus ring (board, list view, home)', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus Zuid', template: 'casusreconstructie' })
  const anna = await newPerson(browser)
  await openBoard(anna, board.urls.facilitator, 'Anna')
  await anna.getByTestId('panel-button-steps').click()
  await expect(anna.getByTestId('panel-steps')).toBeVisible()
  const expectRings = (stops: FocusStop[], screen: string) =>
    expect.soft(stops.filter((stop) => !stop.visible), `${screen}:\n${stops.map((s) => `${s.visible ? 'ok ' : 'NO '} ${s.element}: ${s.style}`).join('\n')}`).toEqual([])
  const onBoard = await focusStops(anna, 120)
  expect(onBoard.length).toBeGreaterThan(10)
  expectRings(onBoard, 'board with the steps panel')
  // tldraw's selection colour, darkened for white text on it (client/a11y/tldraw-a11y.css), wins over tldraw's own.
  const selected = await anna.evaluate(() => getComputedStyle(document.querySelector('.tl-container')!).getPropertyValue('--tl-color-selected').trim())
  expect(contrastRatio('#ffffff', selected)).toBeGreaterThanOrEqual(4.5)

  await anna.goto(board.urls.facilitator.replace(`/b/${board.id}`, `/b/${board.id}/lijst`))
  await expect(anna.getByTestId('list-card').first()).toBeVisible()
  const onList = await focusStops(anna, 60)
  expect(onList.length).toBeGreaterThan(10)
  expectRings(onList, 'list view')

  await anna.goto(server.url)
  await expect(anna.getByTestId('recent-board')).toHaveCount(1)
  const onHome = await focusStops(anna, 60)
  expect(onHome.length).toBeGreaterThan(5)
  expectRings(onHome, 'home page')
})

test("a card's description reaches the screen reader: kind, date and text when it is selected", async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus Zuid', template: 'casusreconstructie' })
  const anna = await newPerson(browser)
  await openBoard(anna, board.urls.facilitator, 'Anna')
  await anna.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    const moment = editor.getCurrentPageShapes().find((shape) => shape.type === 'note' && (shape.meta as { kind?: string }).kind === 'moment')!
    editor.updateShape({
      id: moment.id,
      type: 'note',
      props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Melding bij Veilig Thuis' }] }] } },
      meta: { ...moment.meta, date: '2024-03-12' },
    })
    editor.selectNone()
    editor.select(moment.id)
  })
  // tldraw's announcer (a polite status region in its container) reads our getAriaDescriptor.
  await expect(anna.locator('.tl-container [role="status"]').filter({ hasText: 'Moment, 12 maart 2024: Melding bij Veilig Thuis' })).toHaveCount(1)
  // The template's follow-up agreement is a geo shape: it says it is an agreement, with its field.
  await anna.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    const followUp = editor.getCurrentPageShapes().find((shape) => shape.type === 'geo' && (shape.meta as { kind?: string }).kind === 'vervolgafspraak')!
    editor.selectNone()
    editor.select(followUp.id)
  })
  await expect(anna.locator('.tl-container [role="status"]').filter({ hasText: 'Afspraak — wat: terugblikken op de casus' })).toHaveCount(1)
})

/** Screenshots for people to look at (A11Y_SHOTS=dir): each panel, keyboard focus, the note and text colours. */
const SHOTS = process.env.A11Y_SHOTS
test('screenshots of the panels, focus and colours', async ({ browser }) => {
  test.skip(!SHOTS, 'only when A11Y_SHOTS names a directory')
  const board = await createBoard(server.url, { title: 'Casus Zuid', template: 'casusreconstructie' })
  const anna = await newPerson(browser)
  await openBoard(anna, board.urls.facilitator, 'Anna')
  for (const id of ['steps', 'participants', 'card', 'vote', 'harvest', 'history', 'settings'] as const) {
    await anna.getByTestId(`panel-button-${id}`).click()
    await expect(anna.getByTestId(`panel-${id}`)).toBeVisible()
    await anna.screenshot({ path: `${SHOTS}/A-panel-${id}.png` })
  }
  await anna.getByTestId('panel-close').click()
  // Keyboard focus on a button over the canvas, and on one in the header.
  await anna.getByTestId('draft-prepare').focus()
  await anna.keyboard.press('Shift+Tab')
  await expect(anna.getByTestId('draft-concept')).toBeFocused()
  await anna.screenshot({ path: `${SHOTS}/A-focus-draft-concept.png`, clip: { x: 0, y: 0, width: 1280, height: 300 } })
  await anna.getByTestId('share-button').focus()
  await anna.keyboard.press('Shift+Tab')
  await anna.screenshot({ path: `${SHOTS}/A-focus-header.png`, clip: { x: 0, y: 0, width: 1280, height: 120 } })
  // A note and a text in every colour, light and dark.
  await anna.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    const colours = ['black', 'grey', 'light-violet', 'violet', 'blue', 'light-blue', 'yellow', 'orange', 'green', 'light-green', 'light-red', 'red'] as const
    const text = (t: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }] })
    colours.forEach((color, i) => {
      editor.createShape({ type: 'note', x: 20000 + i * 230, y: 20000, props: { color, richText: text(`Notitie ${color}`) } })
      editor.createShape({ type: 'text', x: 20000 + i * 230, y: 20260, props: { color, richText: text(`Tekst ${color}`) } })
    })
    editor.zoomToBounds({ x: 19980, y: 19980, w: 12 * 230, h: 340 }, { immediate: true })
  })
  await anna.screenshot({ path: `${SHOTS}/A-colours-light.png` })
  await anna.evaluate(() => window.__dialoogbordEditor!.user.updateUserPreferences({ colorScheme: 'dark' }))
  await anna.screenshot({ path: `${SHOTS}/A-colours-dark.png` })
  // Before: tldraw 5.1's own text shades (client/a11y/board-theme.ts lists what they measured).
  await anna.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    const original: Record<string, string> = { grey: '#9fa8b2', 'light-blue': '#4ba1f1', 'light-green': '#4cb05e', 'light-red': '#f87777', 'light-violet': '#e085f4', orange: '#e16919', red: '#e03131', yellow: '#f1ac4b', green: '#099268' }
    editor.user.updateUserPreferences({ colorScheme: 'light' })
    editor.updateThemes((themes) => {
      const light = themes.default.colors.light as unknown as Record<string, { solid: string }>
      for (const [name, solid] of Object.entries(original)) light[name] = { ...light[name]!, solid }
      return themes
    })
  })
  await anna.screenshot({ path: `${SHOTS}/A-colours-light-before.png` })
})

test('the accessibility statement, in Dutch and English', async ({ browser }) => {
  const page = await newPerson(browser)
  await page.goto(`${server.url}/toegankelijkheid`)
  await expect(page.getByTestId('accessibility-statement')).toBeVisible()
  await expectAccessible(page, 'statement (nl)')
  await page.getByTestId('lang-en').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expectAccessible(page, 'statement (en)')
})

test('the list view: reading, adding, editing, deleting, a vote; facilitator, editor, viewer; at 320 px', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus Zuid', template: 'casusreconstructie' })
  const list = (url: string) => url.replace(`/b/${board.id}`, `/b/${board.id}/lijst`)
  const anna = await newPerson(browser)
  await anna.goto(list(board.urls.facilitator))
  await expect(anna.getByTestId('list-title')).toBeVisible()
  await expect(anna.getByTestId('list-card').first()).toBeVisible()
  await expectAccessible(anna, 'list view (facilitator)')

  // Adding a card: the new text field.
  await anna.getByTestId('list-part-tijdlijn').getByTestId('list-add-card').click()
  await expect(anna.getByTestId('card-editor-text')).toBeFocused()
  await expectAccessible(anna, 'list view, adding a card')
  await anna.keyboard.type('Melding bij Veilig Thuis')
  await anna.keyboard.press('Enter')
  const added = anna.getByTestId('list-card').filter({ hasText: 'Melding bij Veilig Thuis' })
  await expect(added).toHaveCount(1)

  // Editing it, then the delete confirmation.
  await added.getByTestId('list-edit').click()
  await expect(anna.getByTestId('list-edit-card')).toBeVisible()
  await expectAccessible(anna, 'list view, editing a card')
  await anna.keyboard.press('Escape')
  await added.getByTestId('list-delete').click()
  await expect(anna.getByTestId('list-confirm-delete')).toBeVisible()
  await expectAccessible(anna, 'list view, confirming a delete')
  await anna.getByTestId('list-confirm-no').click()

  // A vote open on the canvas: the list offers dots.
  const canvas = await newPerson(browser)
  await openBoard(canvas, board.urls.facilitator, 'Fenna')
  await canvas.getByTestId('panel-button-vote').click()
  await canvas.getByTestId('vote-open').click()
  const bram = await newPerson(browser)
  await bram.goto(list(board.urls.editor))
  await expect(bram.getByTestId('list-vote-status')).toBeVisible()
  await expectAccessible(bram, 'list view (editor) during a vote')

  const viewer = await newPerson(browser, { width: 320, height: 640 })
  await viewer.goto(list(board.urls.viewer))
  await expect(viewer.getByTestId('list-card').first()).toBeVisible()
  await expectAccessible(viewer, 'list view (viewer) at 320 px')
})

test('the admin page: its login, a refused token, the board list and the delete dialog', async ({ browser }) => {
  // /admin needs a server with ADMIN_TOKEN; the spec's own server has none.
  const ADMIN = 'beheer-axe-geheim'
  const admin = await startServerProcess({ env: { ADMIN_TOKEN: ADMIN } })
  try {
    const auth = { authorization: `Bearer ${ADMIN}` }
    await createBoard(admin.url, { title: 'Casus Zuid', template: 'casusreconstructie' }, auth)
    await createBoard(admin.url, { title: 'Kennismaking', anonymous: true }, auth)
    const page = await newPerson(browser)
    await page.goto(`${admin.url}/admin`)
    await expect(page.getByTestId('admin-token')).toBeFocused()
    await expectAccessible(page, 'admin, login')
    await page.getByTestId('admin-token').fill('geraden')
    await page.getByTestId('admin-login').click()
    await expect(page.getByTestId('admin-error')).toBeVisible()
    await expectAccessible(page, 'admin, a refused token')
    await page.getByTestId('admin-token').fill(ADMIN)
    await page.getByTestId('admin-login').click()
    await expect(page.getByTestId('admin-board')).toHaveCount(2)
    await expectAccessible(page, 'admin, the board list')
    // The delete confirmation, opened by keyboard as a keyboard user would.
    const row = page.getByTestId('admin-board').filter({ hasText: 'Kennismaking' })
    await row.getByTestId('admin-delete').focus()
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('admin-delete-dialog')).toBeVisible()
    await expectAccessible(page, 'admin, delete dialog')
    await page.getByTestId('admin-delete-confirm').click()
    await expect(page.getByTestId('admin-board')).toHaveCount(1)
    await expectAccessible(page, 'admin, after deleting a board')
    // At 320 px the table scrolls on its own; the page does not.
    await page.setViewportSize({ width: 320, height: 640 })
    // The header wraps: Uitloggen and the language switch stay on screen (they were pushed off it).
    await expect(page.getByTestId('lang-en')).toBeInViewport()
    await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeInViewport()
    await expectAccessible(page, 'admin, the board list at 320 px')
  } finally {
    await admin.stop()
    removeDir(admin.dataDir)
  }
})
