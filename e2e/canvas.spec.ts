/**
 * Issue 10, what a facilitator feels on the canvas: a board opens on its overview, Stappen sends
 * you somewhere you can read and see, panels work from the keyboard, typing does not scatter
 * tools, and you see who else is editing a card.
 */
import { expect, test, type Page } from '@playwright/test'
import { createBoard, newPerson, onCanvas, openBoard, serverPerTest, shapesOnPage } from './support.ts'

const server = serverPerTest()

interface ScreenRect {
  left: number
  top: number
  right: number
  bottom: number
}

/** Screen rectangles of the template's zone frames, and of what covers the canvas. */
function layout(page: Page) {
  return page.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    const rect = (selector: string) => {
      const box = document.querySelector(selector)?.getBoundingClientRect()
      return box ? { left: box.left, top: box.top, right: box.right, bottom: box.bottom } : null
    }
    const frames = editor
      .getCurrentPageShapes()
      .filter((shape) => shape.type === 'frame' && typeof shape.meta.zone === 'string')
      .map((shape) => {
        const bounds = editor.getShapePageBounds(shape)!
        const topLeft = editor.pageToScreen({ x: bounds.minX, y: bounds.minY })
        const bottomRight = editor.pageToScreen({ x: bounds.maxX, y: bounds.maxY })
        return { zone: String(shape.meta.zone), left: topLeft.x, top: topLeft.y, right: bottomRight.x, bottom: bottomRight.y }
      })
    return {
      zoom: editor.getZoomLevel(),
      frames,
      canvas: rect('.tl-container')!,
      menu: rect('.tlui-menu-zone'),
      stylePanel: rect('.tlui-style-panel__wrapper'),
      toolbar: rect('.tlui-main-toolbar'),
    }
  })
}

function inside(inner: ScreenRect, outer: ScreenRect): boolean {
  return inner.left >= outer.left - 0.5 && inner.top >= outer.top - 0.5 && inner.right <= outer.right + 0.5 && inner.bottom <= outer.bottom + 0.5
}

function overlaps(a: ScreenRect, b: ScreenRect | null): boolean {
  return b !== null && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
}

function camera(page: Page) {
  return page.evaluate(() => JSON.stringify(window.__dialoogbordEditor!.getCamera()))
}

/**
 * Clicks, then waits until the camera has moved away from where it was and its animation has
 * ended (tldraw's own field: a pause in a busy tab's frames looks like rest from outside).
 */
async function clickAndSettle(page: Page, testId: string) {
  const before = await camera(page)
  await page.getByTestId(testId).click()
  await page.waitForFunction((before) => {
    const editor = window.__dialoogbordEditor!
    const animating = (editor as unknown as { _viewportAnimation: unknown })._viewportAnimation !== null
    return !animating && JSON.stringify(editor.getCamera()) !== before
  }, before)
}

/** Presses Tab until the element with this test id has the focus: a keyboard user's way there. */
async function tabTo(page: Page, testId: string) {
  for (let i = 0; i < 30; i++) {
    if (await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testId)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${testId}`)
}

function focusedTestId(page: Page) {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null)
}

test('a board opens on the overview of all its frames, clear of the menus; a reload in the same tab keeps your place', async ({ page }) => {
  const board = await createBoard(server.url, { title: 'Casus Noord', template: 'casusreconstructie' })
  await openBoard(page, board.urls.facilitator, 'Anna')
  const opened = await layout(page)
  expect(opened.frames).toHaveLength(5)
  for (const frame of opened.frames) {
    expect(inside(frame, opened.canvas), frame.zone).toBe(true)
    for (const cover of [opened.menu, opened.stylePanel, opened.toolbar]) expect(overlaps(frame, cover), frame.zone).toBe(false)
  }
  await page.screenshot({ path: test.info().outputPath('canvas-open-overview.png') })

  // Work somewhere, reload: the same tab comes back there, not to the overview.
  await page.evaluate(() => void window.__dialoogbordEditor!.setCamera({ x: -500, y: -200, z: 0.8 }))
  await page.waitForTimeout(400) // the camera is written once it has been still for 250 ms
  await page.reload()
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  await page.waitForFunction(() => window.__dialoogbordEditor !== undefined)
  expect(await page.evaluate(() => window.__dialoogbordEditor!.getCamera())).toMatchObject({ x: -500, y: -200, z: 0.8 })

  // A new tab (someone opening the link again) starts from the overview.
  const other = await page.context().newPage()
  await other.goto(board.urls.facilitator)
  await other.waitForFunction(() => window.__dialoogbordEditor !== undefined)
  expect((await layout(other)).zoom).toBeCloseTo(opened.zoom, 2)
})

test.describe('on a facilitator\'s 1440×900 screen', () => {
  test.use({ viewport: { width: 1440, height: 900 } })

  test('Stappen sends you to each step at a readable zoom, not under the panels; the wide timeline in parts', async ({ page }) => {
    const board = await createBoard(server.url, { title: 'Casus Noord', template: 'casusreconstructie' })
    await openBoard(page, board.urls.editor, 'Bram')
    await page.getByTestId('panel-button-steps').click()
    for (const zone of ['spelregels', 'tijdlijn', 'rode-draden', 'lessen', 'afspraken']) {
      await clickAndSettle(page, `step-${zone}`)
      const seen = await layout(page)
      expect(seen.zoom, zone).toBeGreaterThanOrEqual(0.6)
      const frame = seen.frames.find((candidate) => candidate.zone === zone)!
      const inParts = (await page.getByTestId('step-part').count()) > 0
      if (!inParts) {
        // The whole frame, clear of tldraw's menu, style panel and toolbar.
        expect(inside(frame, seen.canvas), zone).toBe(true)
        for (const cover of [seen.menu, seen.stylePanel, seen.toolbar]) expect(overlaps(frame, cover), zone).toBe(false)
        continue
      }
      // In parts: the first part starts at the frame's left edge, top and bottom in view and uncovered.
      const leftEdge = { left: frame.left, top: frame.top, right: frame.left + 40, bottom: frame.bottom }
      expect(inside(leftEdge, seen.canvas), zone).toBe(true)
      for (const cover of [seen.menu, seen.toolbar]) expect(overlaps(leftEdge, cover), zone).toBe(false)
      await expect(page.getByTestId('step-part')).toHaveText(/^Deel 1 van [2-9]$/)
      if (zone !== 'tijdlijn') continue
      await page.screenshot({ path: test.info().outputPath('canvas-steps-timeline-part1.png') })
      await clickAndSettle(page, 'step-part-next')
      await expect(page.getByTestId('step-part')).toHaveText(/^Deel 2 van/)
      const next = await layout(page)
      expect(next.frames.find((candidate) => candidate.zone === zone)!.left).toBeLessThan(frame.left)
      expect(next.zoom).toBeGreaterThanOrEqual(0.6)
      await page.screenshot({ path: test.info().outputPath('canvas-steps-timeline-part2.png') })
    }
    // The timeline is the step wider than the screen.
    await page.getByTestId('step-tijdlijn').click()
    await expect(page.getByTestId('step-part')).toHaveText(/^Deel 1 van [2-9]$/)
  })
})

test('panels from the keyboard: opening moves the focus in, Escape closes and gives it back to the button', async ({ page }) => {
  const board = await createBoard(server.url, { title: 'Casus Noord', template: 'casusreconstructie' })
  await openBoard(page, board.urls.facilitator, 'Anna')
  await tabTo(page, 'panel-button-steps')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('panel-steps')).toBeVisible()
  // The focus is inside the panel (on its heading), so Tab goes on through the panel.
  await expect.poll(() => page.evaluate(() => document.querySelector('[data-testid="panel-steps"]')!.contains(document.activeElement))).toBe(true)
  await page.keyboard.press('Tab')
  await expect.poll(() => page.evaluate(() => document.querySelector('[data-testid="panel-steps"]')!.contains(document.activeElement))).toBe(true)
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('panel-steps')).toHaveCount(0)
  await expect.poll(() => focusedTestId(page)).toBe('panel-button-steps')

  // The same for another panel, closed with its × button.
  await tabTo(page, 'panel-button-history')
  await page.keyboard.press('Enter')
  await expect.poll(() => page.evaluate(() => document.querySelector('[data-testid="panel-history"]')?.contains(document.activeElement) ?? false)).toBe(true)
  await tabTo(page, 'panel-close')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('panel-history')).toHaveCount(0)
  await expect.poll(() => focusedTestId(page)).toBe('panel-button-history')
})

test('typing a word on the canvas with nothing selected changes nothing; with a card selected it writes into that card', async ({ page }) => {
  const board = await createBoard(server.url, { title: 'Leeg' })
  await openBoard(page, board.urls.editor, 'Bram')
  await page.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    editor.createShape({ type: 'note', x: 300, y: 200, props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Plan' }] }] } } })
    editor.selectNone()
  })
  const before = await shapesOnPage(page)

  // Nothing selected: "hallo" would pick the hand, arrow, line and ellipse tools; then a click.
  await page.locator('.tl-canvas').click({ position: { x: 900, y: 500 } })
  await page.keyboard.type('hallo daar')
  expect(await page.evaluate(() => window.__dialoogbordEditor!.getCurrentToolId())).toBe('select')
  await page.locator('.tl-canvas').click({ position: { x: 700, y: 450 } })
  await page.mouse.move(760, 520, { steps: 4 })
  expect(await shapesOnPage(page)).toEqual(before)

  // One key alone is still tldraw's shortcut (n: the note tool), also right after a word: the
  // clicks and the Escape since ended it.
  await page.keyboard.press('Escape')
  await page.keyboard.press('n')
  expect(await page.evaluate(() => window.__dialoogbordEditor!.getCurrentToolId())).toBe('note')
  await page.keyboard.press('Escape')

  // A card selected: typing writes into it, after what it says.
  await onCanvas(page, 'Plan').click()
  await page.keyboard.type('nen maken')
  await page.keyboard.press('Escape')
  await expect.poll(async () => (await shapesOnPage(page)).map((shape) => shape.text)).toEqual(['Plannen maken'])

  // A capital first: typed, not tldraw's Shift+F (which turns the selected card into an image).
  await page.keyboard.press('Escape')
  await onCanvas(page, 'Plannen maken').click()
  await page.keyboard.type('Fijn')
  await page.keyboard.press('Escape')
  await expect.poll(async () => (await shapesOnPage(page)).map((shape) => `${shape.type}: ${shape.text}`)).toEqual(['note: Plannen makenFijn'])

  // Clicked again on the same spot right after typing (within tldraw's 450 ms double-click time):
  // two clicks with keys between, not a double-click that selects all text for the next key.
  await page.keyboard.press('Escape')
  const box = (await onCanvas(page, 'Plannen makenFijn').boundingBox())!
  const spot = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
  await page.mouse.click(spot.x, spot.y)
  await page.keyboard.type('!')
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
  await page.mouse.click(spot.x, spot.y)
  await page.keyboard.type('!')
  await page.keyboard.press('Escape')
  await expect.poll(async () => (await shapesOnPage(page)).map((shape) => shape.text)).toEqual(['Plannen makenFijn!!'])
})

test('two people on one card: the second sees who is editing it before typing', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus Noord' })
  const anna = await newPerson(browser)
  const bram = await newPerson(browser)
  await openBoard(anna, board.urls.facilitator, 'Anna')
  await openBoard(bram, board.urls.editor, 'Bram')
  await anna.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    editor.createShape({ type: 'note', x: 300, y: 200, props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Samen' }] }] } } })
  })
  await expect(onCanvas(bram, 'Samen')).toBeVisible()

  await onCanvas(anna, 'Samen').dblclick()
  await expect(bram.getByTestId('editing-badge')).toHaveText('Anna bewerkt')
  await bram.screenshot({ path: test.info().outputPath('canvas-editing-badge.png') })

  // Bram starts anyway: his badge turns into a warning.
  await onCanvas(bram, 'Samen').dblclick()
  await expect(bram.getByTestId('editing-badge')).toHaveText('Let op: Anna bewerkt deze kaart ook')
  await expect(anna.getByTestId('editing-badge')).toHaveText('Let op: Bram bewerkt deze kaart ook')
  // Someone else sees both, in Dutch grammar.
  const cor = await newPerson(browser)
  await openBoard(cor, board.urls.viewer, 'Cor')
  await expect(cor.getByTestId('editing-badge')).toHaveText('Anna en Bram bewerken')

  await anna.keyboard.press('Escape')
  await expect(bram.getByTestId('editing-badge')).toHaveCount(0)
})

test('on an anonymous board the badge names no one', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Anoniem', anonymous: true })
  const anna = await newPerson(browser)
  const bram = await newPerson(browser)
  await openBoard(anna, board.urls.facilitator, null)
  await openBoard(bram, board.urls.editor, null)
  await anna.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    editor.createShape({ type: 'note', x: 300, y: 200, props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Stil' }] }] } } })
  })
  await expect(onCanvas(bram, 'Stil')).toBeVisible()
  await onCanvas(anna, 'Stil').dblclick()
  await expect(bram.getByTestId('editing-badge')).toHaveText(/^(Deelnemer \d+|Iemand) bewerkt$/)
})

test('a forked board names its origin, and links to it only for someone who can open it', async ({ browser }) => {
  const origin = await createBoard(server.url, { title: 'Casus West', template: 'casusreconstructie' })
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${origin.tokens.facilitator}`, 'content-type': 'application/json' } })
  const snapshot = (await (await api(`/api/boards/${origin.id}/snapshots`, { method: 'POST', body: JSON.stringify({ label: 'Na sessie 1' }) })).json()) as { id: string }
  const fork = (await (await api(`/api/boards/${origin.id}/snapshots/${snapshot.id}/fork`, { method: 'POST', body: '{}' })).json()) as Awaited<ReturnType<typeof createBoard>>

  // The facilitator opened the origin on this device before: a link back to it.
  const anna = await newPerson(browser)
  await openBoard(anna, origin.urls.facilitator, 'Anna')
  await openBoard(anna, fork.urls.facilitator, null)
  await expect(anna.getByTestId('forked-from')).toHaveText('Gemaakt van “Casus West”, versie “Na sessie 1”')
  await anna.screenshot({ path: test.info().outputPath('canvas-forked-from.png'), clip: { x: 0, y: 0, width: 1280, height: 120 } })
  await anna.getByTestId('forked-from-link').click()
  await expect(anna.getByTestId('board-title')).toHaveText('Casus West')

  // A partner with only the fork's link reads where it came from, without a link that would not open.
  const bram = await newPerson(browser)
  await openBoard(bram, fork.urls.editor, 'Bram')
  await expect(bram.getByTestId('forked-from')).toHaveText('Gemaakt van “Casus West”, versie “Na sessie 1”')
  await expect(bram.getByTestId('forked-from-link')).toHaveCount(0)
})

test.describe('the home page on a 1440×900 screen', () => {
  test.use({ viewport: { width: 1440, height: 900 } })

  test('"Bord maken" is visible without scrolling', async ({ page }) => {
    await page.goto(server.url)
    const submit = page.getByTestId('create-board-submit')
    await expect(submit).toBeVisible()
    const box = (await submit.boundingBox())!
    expect(box.y + box.height).toBeLessThanOrEqual(900)
    expect(await page.evaluate(() => window.scrollY)).toBe(0)
    await page.screenshot({ path: test.info().outputPath('canvas-home-1440x900.png') })
  })
})

test("tldraw's toolbar speaks our Dutch: a sticky note is a 'Notitie', not an 'Opmerking'", async ({ page }) => {
  const board = await createBoard(server.url, { title: 'Leeg' })
  await openBoard(page, board.urls.editor, 'Bram')
  await expect(page.getByTestId('tools.note')).toHaveAttribute('aria-label', /^Notitie/)
  await expect(page.getByTestId('tools.note')).not.toHaveAttribute('aria-label', /Opmerking/)
})
