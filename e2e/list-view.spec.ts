/**
 * The list view (/b/:id/lijst) is the proof that a participant can take part in a
 * casusreconstructie without the canvas: everything below on the list is done with the keyboard
 * only (Tab, Enter, typing; no mouse), while a second person on the canvas sees each change in
 * the canvas's own store (window.__dialoogbordEditor, client/board/test-hooks.ts).
 */
import { mkdirSync } from 'node:fs'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { boardCall } from '../server/testing/api-client.ts'
import { createBoard, newPerson, openBoard, serverPerTest, tabTo } from './support.ts'

const server = serverPerTest()
const SHOTS = 'test-results/list-view'

/** The same link (and so the same role) on the list view. */
function listUrl(boardUrl: string): string {
  const url = new URL(boardUrl)
  url.pathname += '/lijst'
  return url.toString()
}

async function openList(page: Page, url: string, part = 'tijdlijn'): Promise<void> {
  await page.goto(listUrl(url))
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  await expect(page.getByTestId(`list-part-${part}`)).toBeVisible()
}

/** Anna (facilitator) on the canvas and an editor on the list, of a new board. */
async function canvasAndList(browser: Browser, board: { title: string; template: string }, part?: string) {
  const made = await createBoard(server.url, board)
  const canvas = await newPerson(browser)
  await openBoard(canvas, made.urls.facilitator, 'Anna')
  const list = await newPerson(browser)
  await openList(list, made.urls.editor, part)
  return { board: made, canvas, list }
}

interface CanvasCard {
  id: string
  text: string
  zone: string | null
  lane: 'moment' | 'duiding' | null
  color: string
  meta: Record<string, unknown>
  /** Left edge on the page. */
  x: number
}

/** The canvas's cards as its own editor has them: text, the zone frame its centre lies in, and on the timeline its lane. */
function canvasCards(page: Page): Promise<CanvasCard[]> {
  return page.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    const shapes = editor.getCurrentPageShapes()
    const frames = shapes.filter((shape) => shape.type === 'frame' && typeof (shape.meta as { zone?: unknown }).zone === 'string')
    const lanes = shapes.filter((shape) => (shape.meta as { lane?: unknown }).lane !== undefined)
    return shapes
      // Cards as the board counts them (shared/card-rules.ts isCard): notes, and text or geo shapes that are not scaffolding.
      .filter((shape) => ['note', 'geo', 'text'].includes(shape.type) && (shape.meta as { scaffold?: unknown }).scaffold !== true)
      .map((shape) => {
        const box = editor.getShapePageBounds(shape)!
        const inside = (other: (typeof shapes)[number]) => {
          const b = editor.getShapePageBounds(other)!
          return box.center.x >= b.minX && box.center.x <= b.maxX && box.center.y >= b.minY && box.center.y <= b.maxY
        }
        const frame = frames.find(inside)
        const lane = lanes.find(inside)
        return {
          id: shape.id,
          text: editor.getShapeUtil(shape).getText(shape) ?? '',
          zone: frame ? String((frame.meta as { zone: string }).zone) : null,
          lane: lane ? ((lane.meta as { lane: string }).lane === 'momenten' ? 'moment' : 'duiding') : null,
          color: String((shape.props as { color: string }).color),
          meta: shape.meta as Record<string, unknown>,
          x: box.minX,
        }
      })
  })
}

async function canvasCard(page: Page, text: RegExp): Promise<CanvasCard> {
  let found: CanvasCard | undefined
  await expect.poll(async () => (found = (await canvasCards(page)).find((card) => text.test(card.text))) !== undefined).toBe(true)
  return found!
}

test('keyboard only on the list: a moment with its date on the timeline, a card moved to rode draden, an agreement edited; the canvas sees each change', async ({ browser }) => {
  mkdirSync(SHOTS, { recursive: true })
  const { board, canvas, list } = await canvasAndList(browser, { title: 'Casus Noord', template: 'casusreconstructie' })
  await expect(list.getByRole('heading', { level: 1 })).toHaveText('Casus Noord')
  await expect(list).toHaveTitle('Casus Noord · Lijstweergave · Dialoogbord')
  await expect(list.getByRole('main')).toBeVisible()
  const timeline = list.getByTestId('list-part-tijdlijn')
  await expect(timeline.getByRole('heading', { level: 2 })).toHaveText('2 Tijdlijn')

  // A moment on the timeline: "Kaart toevoegen", type, Enter.
  await tabTo(list, timeline.getByRole('button', { name: /^Kaart toevoegen/ }))
  await list.keyboard.press('Enter')
  await expect(timeline.getByRole('textbox', { name: 'Tekst' })).toBeFocused()
  await list.keyboard.type('Eerste melding')
  await list.keyboard.press('Shift+Enter')
  await list.keyboard.type('bij het wijkteam')
  await list.keyboard.press('Enter')
  const moment = timeline.getByTestId('list-card').filter({ hasText: 'Eerste melding' })
  await expect(moment).toContainText('Moment')
  let card = await canvasCard(canvas, /^Eerste melding\nbij het wijkteam$/)
  expect(card).toMatchObject({ zone: 'tijdlijn', lane: 'moment', color: 'yellow' })

  // Its date: focus is on the new card's "Bewerk"; Enter, Tab to the date, type, Enter.
  await expect(moment.getByRole('button', { name: 'Bewerk ‘Eerste melding’' })).toBeFocused()
  await list.keyboard.press('Enter')
  await expect(moment.getByRole('textbox', { name: 'Tekst' })).toBeFocused()
  await list.keyboard.press('Tab')
  await expect(moment.getByRole('textbox', { name: 'Datum' })).toBeFocused()
  await list.keyboard.type('2024-03-12')
  await list.keyboard.press('Enter')
  await expect(moment).toContainText('Datum: 2024-03-12')
  await expect.poll(async () => (await canvasCard(canvas, /^Eerste melding/)).meta.date).toBe('2024-03-12')

  // A second, earlier moment goes before it; "Later" puts it after again.
  await tabTo(list, timeline.getByRole('button', { name: /^Kaart toevoegen/ }))
  await list.keyboard.press('Enter')
  await list.keyboard.type('Signaal van school')
  await list.keyboard.press('Tab')
  await list.keyboard.type('2024-01-05')
  await list.keyboard.press('Enter')
  const moments = timeline.locator(':scope > ol > li')
  await expect(moments.first()).toContainText('Signaal van school')
  const signaal = await canvasCard(canvas, /^Signaal van school/)
  const eerste = await canvasCard(canvas, /^Eerste melding/)
  expect(signaal).toMatchObject({ zone: 'tijdlijn', lane: 'moment' })

  // A duiding under the first moment.
  const later = timeline.getByTestId('list-card').filter({ hasText: 'Eerste melding' })
  await tabTo(list, later.getByRole('button', { name: /^Duiding toevoegen/ }))
  await list.keyboard.press('Enter')
  await list.keyboard.type('Niemand voelde zich eigenaar')
  await list.keyboard.press('Enter')
  await expect(later.getByRole('list', { name: /Duidingen bij/ })).toContainText('Niemand voelde zich eigenaar')
  expect(await canvasCard(canvas, /^Niemand voelde/)).toMatchObject({ zone: 'tijdlijn', lane: 'duiding' })
  expect(signaal.id).not.toBe(eerste.id)

  // "Eerder" on the duiding: it goes under the moment before, on the canvas too, keeping the focus.
  await tabTo(list, later.getByRole('button', { name: 'Eerder ‘Niemand voelde zich eigenaar’' }))
  await list.keyboard.press('Enter')
  const movedEarlier = moments.first().getByRole('button', { name: 'Eerder ‘Niemand voelde zich eigenaar’' })
  await expect(moments.first().getByRole('list', { name: /Duidingen bij/ })).toContainText('Niemand voelde zich eigenaar')
  await expect(movedEarlier).toBeFocused()
  await expect(movedEarlier).toHaveAttribute('aria-disabled', 'true')
  await expect.poll(async () => (await canvasCard(canvas, /^Niemand voelde/)).x < eerste.x).toBe(true)

  // Move a card of the introduction to "3 Reflectie en rode draden": the select, then "Verplaats".
  const intro = list.getByTestId('list-part-spelregels')
  const rule = intro.getByTestId('list-card').first()
  const ruleText = (await rule.locator('.list-card__text').innerText()).trim()
  const select = rule.getByRole('combobox')
  await tabTo(list, select)
  await list.keyboard.press('ArrowDown')
  await expect(select).toHaveValue('rode-draden')
  await list.keyboard.press('Tab')
  await expect(rule.getByRole('button', { name: /^Verplaats/ })).toBeFocused()
  await list.keyboard.press('Enter')
  const reflection = list.getByTestId('list-part-rode-draden')
  await expect(reflection.getByTestId('list-card').filter({ hasText: ruleText })).toHaveCount(1)
  expect((await canvasCard(canvas, new RegExp(`^${ruleText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`))).zone).toBe('rode-draden')
  // The moved card keeps the focus in its new place.
  await expect(reflection.getByTestId('list-card').filter({ hasText: ruleText }).getByRole('button', { name: /^Verplaats/ })).toBeFocused()

  // An agreement: fill in the template's first agreement card, field by field, then change who.
  const agreements = list.getByTestId('list-part-afspraken')
  await tabTo(list, agreements.getByTestId('list-card').first().getByRole('button', { name: /^Bewerk/ }))
  await list.keyboard.press('Enter')
  await expect(agreements.getByRole('textbox', { name: 'Wat' })).toBeFocused()
  await list.keyboard.type('Maandelijks casusoverleg')
  await list.keyboard.press('Tab')
  await list.keyboard.type('Wijkteam')
  await list.keyboard.press('Tab')
  await list.keyboard.type('2024-12-01')
  await list.keyboard.press('Tab')
  await list.keyboard.type('Samenwerkingsovereenkomst')
  await list.keyboard.press('Enter')
  const agreement = agreements.getByTestId('list-card').filter({ hasText: 'Maandelijks casusoverleg' })
  await expect(agreement.getByRole('button', { name: 'Bewerk ‘Maandelijks casusoverleg’' })).toBeFocused()
  await expect.poll(async () => (await canvasCard(canvas, /Maandelijks casusoverleg/)).text).toBe('Wat: Maandelijks casusoverleg\nWie: Wijkteam\nWanneer: 2024-12-01\nHoe: Samenwerkingsovereenkomst')
  await list.keyboard.press('Enter')
  await expect(agreement.getByRole('group', { name: /bewerken/ })).toBeVisible()
  await list.keyboard.press('Tab')
  await expect(agreement.getByRole('textbox', { name: 'Wie' })).toBeFocused()
  await list.keyboard.press('Control+a')
  await list.keyboard.type('Gemeente en wijkteam')
  await list.keyboard.press('Enter')
  await expect(agreement).toContainText('Gemeente en wijkteam')
  await expect.poll(async () => (await canvasCard(canvas, /Maandelijks casusoverleg/)).text).toMatch(/\nWie: Gemeente en wijkteam\n/)
  expect(await canvasCard(canvas, /Maandelijks casusoverleg/)).toMatchObject({ zone: 'afspraken' })

  // A new agreement, its four fields typed in the add form: it lands among the agreements.
  await tabTo(list, agreements.getByRole('button', { name: /^Kaart toevoegen/ }))
  await list.keyboard.press('Enter')
  await expect(agreements.getByRole('textbox', { name: 'Wat' })).toBeFocused()
  for (const [i, value] of ['Casus na drie maanden evalueren', 'Facilitator', '2025-03-01', 'Zelfde groep'].entries()) {
    if (i > 0) await list.keyboard.press('Tab')
    await list.keyboard.type(value)
  }
  await list.keyboard.press('Enter')
  await expect(agreements.getByTestId('list-card').filter({ hasText: 'Casus na drie maanden evalueren' })).toContainText('Zelfde groep')
  expect(await canvasCard(canvas, /Casus na drie maanden evalueren/)).toMatchObject({
    zone: 'afspraken',
    text: 'Wat: Casus na drie maanden evalueren\nWie: Facilitator\nWanneer: 2025-03-01\nHoe: Zelfde groep',
  })

  // Nothing of this was announced to me: the live region tells of others' changes only.
  const live = list.getByTestId('list-announcements')
  await expect(live).toHaveText('')

  // The canvas adds a card to rode draden: the list shows it and says so, politely; my focus stays.
  const focused = agreements.getByTestId('list-card').filter({ hasText: 'Casus na drie maanden evalueren' }).getByRole('button', { name: /^Bewerk/ })
  await expect(focused).toBeFocused()
  await canvas.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    const frame = editor.getCurrentPageShapes().find((shape) => (shape.meta as { zone?: string }).zone === 'rode-draden')!
    const box = editor.getShapePageBounds(frame)!
    const content = [{ type: 'paragraph', content: [{ type: 'text', text: 'Te weinig tijd voor overleg' }] }]
    editor.createShape({ type: 'note', x: box.maxX - 260, y: box.maxY - 260, props: { richText: { type: 'doc', content } } })
  })
  await expect(reflection.getByTestId('list-card').filter({ hasText: 'Te weinig tijd voor overleg' })).toHaveCount(1)
  await expect(live).toHaveText('Nieuwe kaart in 3 Reflectie en rode draden.')
  await expect(live).toHaveAttribute('aria-live', 'polite')
  await expect(focused).toBeFocused()

  for (const width of [320, 1280]) {
    await list.setViewportSize({ width, height: 900 })
    expect(await list.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true)
    await list.screenshot({ path: `${SHOTS}/list-${width}.png`, fullPage: true })
  }

  // A returning browser: the reload opens the list again, and it still writes.
  await list.reload()
  await expect(list.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  await expect(timeline.getByTestId('list-card').filter({ hasText: 'Eerste melding' })).toBeVisible()
  const lessons = list.getByTestId('list-part-lessen')
  await tabTo(list, lessons.getByRole('button', { name: /^Kaart toevoegen/ }))
  await list.keyboard.press('Enter')
  await list.keyboard.type('Eerder opschalen')
  await list.keyboard.press('Enter')
  expect(await canvasCard(canvas, /^Eerder opschalen$/)).toMatchObject({ zone: 'lessen' })
})

test('a viewer reads the list without any control, and is pointed to the canvas', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus Oost', template: 'casusreconstructie' })
  const viewer = await newPerson(browser)
  await openList(viewer, board.urls.viewer)
  await expect(viewer.getByTestId('list-part-spelregels').getByTestId('list-card').first()).toBeVisible()
  const main = viewer.getByRole('main')
  // No control on any card or part; only the hand and reactions, which viewers have on the canvas too.
  await expect(main.getByRole('region').getByRole('button')).toHaveCount(0)
  const handButtons = main.getByRole('group', { name: 'Hand en reacties' }).getByRole('button')
  await expect(handButtons.first()).toBeVisible()
  await expect(main.getByRole('button')).toHaveCount(await handButtons.count())
  await expect(main.getByRole('textbox')).toHaveCount(0)
  await expect(main.getByRole('combobox')).toHaveCount(0)
  await expect(main.getByRole('checkbox')).toHaveCount(0)
  await expect(main).toContainText('Je kijkt mee; je kunt niets wijzigen.')
  const canvasLink = viewer.getByRole('link', { name: 'Canvasweergave' })
  await expect(canvasLink).toHaveAttribute('href', new URL(board.urls.viewer).pathname + new URL(board.urls.viewer).search)
})

test('keyboard only: earlier on the timeline, Escape cancels, deleting asks first, a dot in an open vote, a locked card read-only, my concept card revealed', async ({ browser }) => {
  const { board, canvas, list } = await canvasAndList(browser, { title: 'Casus Zuid', template: 'casusreconstructie' })
  const lessons = list.getByTestId('list-part-lessen')
  const add = lessons.getByRole('button', { name: /^Kaart toevoegen/ })

  // Two moments without a date go in the order written; "Eerder" puts the second first, on the canvas too.
  const timeline = list.getByTestId('list-part-tijdlijn')
  for (const text of ['Huisbezoek', 'Overleg met school']) {
    await tabTo(list, timeline.getByRole('button', { name: /^Kaart toevoegen/ }))
    await list.keyboard.press('Enter')
    await list.keyboard.type(text)
    await list.keyboard.press('Enter')
    await canvasCard(canvas, new RegExp(`^${text}$`))
  }
  const moments = timeline.locator(':scope > ol > li')
  await expect(moments.nth(1)).toContainText('Overleg met school')
  await list.keyboard.press('Tab')
  const earlier = moments.nth(1).getByRole('button', { name: 'Eerder ‘Overleg met school’' })
  await expect(earlier).toBeFocused()
  await list.keyboard.press('Enter')
  await expect(moments.first()).toContainText('Overleg met school')
  await expect(moments.first().getByRole('button', { name: 'Eerder ‘Overleg met school’' })).toBeFocused()
  await expect.poll(async () => (await canvasCard(canvas, /^Overleg met school$/)).x < (await canvasCard(canvas, /^Huisbezoek$/)).x).toBe(true)

  // Escape: nothing is added, and focus is back on "Kaart toevoegen".
  await tabTo(list, add)
  await list.keyboard.press('Enter')
  await list.keyboard.type('Toch niet')
  await list.keyboard.press('Escape')
  await expect(add).toBeFocused()
  await expect(lessons.getByRole('textbox')).toHaveCount(0)

  // Delete: the question first, with focus on "Annuleren"; "Ja, verwijder" removes it everywhere.
  await list.keyboard.press('Enter')
  await list.keyboard.type('Tijdelijke les')
  await list.keyboard.press('Enter')
  await canvasCard(canvas, /^Tijdelijke les$/)
  const temporary = lessons.getByTestId('list-card').filter({ hasText: 'Tijdelijke les' })
  await tabTo(list, temporary.getByRole('button', { name: 'Verwijder ‘Tijdelijke les’' }))
  await list.keyboard.press('Enter')
  await expect(temporary.getByRole('group', { name: '‘Tijdelijke les’ verwijderen?' })).toBeVisible()
  await expect(temporary.getByRole('button', { name: 'Annuleren' })).toBeFocused()
  await list.keyboard.press('Shift+Tab')
  await list.keyboard.press('Enter')
  await expect(temporary).toHaveCount(0)
  await expect(add).toBeFocused()
  await expect.poll(async () => (await canvasCards(canvas)).some((card) => card.text === 'Tijdelijke les')).toBe(false)

  // An open vote over the rode draden: a dot by keyboard, then the closed count on the card.
  const threads = list.getByTestId('list-part-rode-draden')
  await tabTo(list, threads.getByRole('button', { name: /^Kaart toevoegen/ }))
  await list.keyboard.press('Enter')
  await list.keyboard.type('Samenwerking kwam laat op gang')
  await list.keyboard.press('Enter')
  await canvasCard(canvas, /^Samenwerking kwam laat op gang$/)
  const opened = await boardCall<{ id: string }>(server.url, board, board.tokens.facilitator, 'POST', '/votes', { perParticipant: 2, zone: 'rode-draden' })
  expect(opened.status).toBe(201)
  await expect(list.getByTestId('list-vote-status')).toHaveText('Er loopt een stemming over 3 Reflectie en rode draden: je hebt nog 2 stippen.')
  const thread = threads.getByTestId('list-card').first()
  await expect(lessons.getByRole('button', { name: /^Stip geven/ })).toHaveCount(0)
  await tabTo(list, thread.getByRole('button', { name: /^Stip geven/ }))
  await list.keyboard.press('Enter')
  await expect(list.getByTestId('list-vote-status')).toHaveText('Er loopt een stemming over 3 Reflectie en rode draden: je hebt nog 1 stip.')
  await expect(thread.getByRole('button', { name: /^Stip terugnemen/ })).toBeVisible()
  expect((await boardCall(server.url, board, board.tokens.facilitator, 'POST', `/votes/${opened.body.id}/close`)).status).toBe(200)
  await expect(thread).toContainText('1 stip')
  await expect(list.getByTestId('list-vote-status')).toHaveCount(0)

  // The facilitator locks that card on the canvas: on the list it is read-only from then on.
  await expect(thread.getByRole('button', { name: /^Bewerk/ })).toBeVisible()
  await canvas.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    const card = editor.getCurrentPageShapes().find((shape) => editor.getShapeUtil(shape).getText(shape) === 'Samenwerking kwam laat op gang')!
    editor.updateShape({ id: card.id, type: card.type, isLocked: true })
  })
  await expect(thread).toContainText('Vergrendeld')
  await expect(thread.getByRole('button')).toHaveCount(0)

  // Concept: my new card is mine alone until "Onthul".
  await tabTo(list, list.getByRole('checkbox', { name: /concept/ }))
  await list.keyboard.press('Space')
  await tabTo(list, add)
  await list.keyboard.press('Enter')
  await list.keyboard.type('Mijn eigen les')
  await list.keyboard.press('Enter')
  const mine = lessons.getByTestId('list-card').filter({ hasText: 'Mijn eigen les' })
  await expect(mine).toContainText('Alleen voor jou')
  await expect.poll(async () => (await canvasCards(canvas)).some((card) => card.text === 'Mijn eigen les')).toBe(false)
  await tabTo(list, mine.getByRole('button', { name: 'Onthul ‘Mijn eigen les’' }))
  await list.keyboard.press('Enter')
  expect(await canvasCard(canvas, /^Mijn eigen les$/)).toMatchObject({ zone: 'lessen' })
  await expect(mine).not.toContainText('Alleen voor jou')

  // A silent round shows as text on the list.
  await boardCall(server.url, board, board.tokens.facilitator, 'POST', '/drafts/silent-round', {})
  await expect(list.getByTestId('silent-round')).toContainText('Stille ronde')
})

test('the list writes only what you changed, refuses a card without text, and fits 320 px with an editor open', async ({ browser }) => {
  const { board, canvas, list } = await canvasAndList(browser, { title: 'Casus West', template: 'casusreconstructie' })
  const timeline = list.getByTestId('list-part-tijdlijn')

  // Only a date: refused with a message, the focus back in the text field; with text it is saved.
  await tabTo(list, timeline.getByRole('button', { name: /^Kaart toevoegen/ }))
  await list.keyboard.press('Enter')
  const text = timeline.getByRole('textbox', { name: 'Tekst' })
  await list.keyboard.press('Tab')
  await list.keyboard.type('2024-02-01')
  await list.keyboard.press('Enter')
  await expect(timeline.getByRole('alert')).toHaveText('Schrijf eerst wat er op de kaart staat.')
  await expect(text).toBeFocused()
  await expect(timeline.getByTestId('list-card')).toHaveCount(0)
  await list.keyboard.type('Melding')
  await list.keyboard.press('Enter')
  const moment = timeline.getByTestId('list-card').filter({ hasText: 'Melding' })
  await expect(moment).toContainText('Datum: 2024-02-01')

  // While my editor is open, Anna rewrites the text on the canvas; I change only the date: her text stays.
  await expect(moment.getByRole('button', { name: 'Bewerk ‘Melding’' })).toBeFocused()
  await list.keyboard.press('Enter')
  await expect(text).toBeFocused()
  await canvas.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    const card = editor.getCurrentPageShapes().find((shape) => editor.getShapeUtil(shape).getText(shape) === 'Melding')!
    const content = [{ type: 'paragraph', content: [{ type: 'text', text: 'Melding bij Veilig Thuis' }] }]
    editor.updateShape({ id: card.id, type: 'note', props: { richText: { type: 'doc', content } } })
  })
  await expect(moment.locator('.list-card__text')).toHaveText('Melding bij Veilig Thuis')
  await list.keyboard.press('Tab')
  await list.keyboard.press('Control+a')
  await list.keyboard.type('2024-02-02')
  await list.keyboard.press('Enter')
  await expect(moment).toContainText('Datum: 2024-02-02')
  await expect.poll(async () => (await canvasCard(canvas, /^Melding/)).meta.date).toBe('2024-02-02')
  expect((await canvasCard(canvas, /^Melding/)).text).toBe('Melding bij Veilig Thuis')

  // At 320 px wide an open agreement editor fits too (no sideways scrolling).
  await list.setViewportSize({ width: 320, height: 800 })
  const agreements = list.getByTestId('list-part-afspraken')
  await tabTo(list, agreements.getByTestId('list-card').first().getByRole('button', { name: /^Bewerk/ }))
  await list.keyboard.press('Enter')
  await expect(agreements.getByRole('textbox', { name: 'Wat' })).toBeFocused()
  expect(await list.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true)
})

test('a checklist item is ticked on the list with Space; the canvas card shows ☑', async ({ browser }) => {
  const { board, canvas, list } = await canvasAndList(browser, { title: 'Dialoog Noord', template: 'stakeholderdialoog' }, 'opdracht')
  const item = 'Vraag en aanleiding: waartoe doen we dit?'
  const box = list.getByTestId('list-part-opdracht').getByRole('checkbox', { name: item })
  await expect(box).not.toBeChecked()
  await tabTo(list, box)
  await list.keyboard.press('Space')
  await expect(box).toBeChecked()
  await expect(box).toBeFocused()
  await expect.poll(async () => (await canvasCard(canvas, /Vraag en aanleiding/)).text).toBe(`☑ ${item}`)
  expect((await canvasCard(canvas, /Vraag en aanleiding/)).meta.checked).toBe(true)
})

test('the list reloads offline from this device’s copy, takes a card there, and the canvas has it once online', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus zonder netwerk', template: 'casusreconstructie' })
  const context = await browser.newContext()
  const list = await context.newPage()
  await openList(list, board.urls.editor)
  const lessons = list.getByTestId('list-part-lessen')
  const addLesson = async (text: string) => {
    await tabTo(list, lessons.getByRole('button', { name: /^Kaart toevoegen/ }))
    await list.keyboard.press('Enter')
    await list.keyboard.type(text)
    await list.keyboard.press('Enter')
    await expect(lessons.getByTestId('list-card').filter({ hasText: text })).toHaveCount(1)
  }
  await addLesson('Voor het uitvallen')
  // The list page keeps the app shell too (client/offline/): its own chunk is among the cached files.
  await list.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 })

  await context.setOffline(true)
  await list.reload()
  await expect(list.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline')
  await expect(lessons.getByTestId('list-card').filter({ hasText: 'Voor het uitvallen' })).toHaveCount(1)
  await addLesson('Zonder netwerk bedacht')

  await context.setOffline(false)
  await expect(list.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected', { timeout: 30_000 })
  const canvas = await newPerson(browser)
  await openBoard(canvas, board.urls.viewer, 'Victor')
  expect(await canvasCard(canvas, /^Zonder netwerk bedacht$/)).toMatchObject({ zone: 'lessen' })
  expect(await canvasCard(canvas, /^Voor het uitvallen$/)).toMatchObject({ zone: 'lessen' })
})

test('on the list a participant raises a hand by keyboard; the facilitator on the canvas hears it by name', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus Hand', template: 'casusreconstructie' })
  const anna = await newPerson(browser)
  await openBoard(anna, board.urls.facilitator, 'Anna')
  // Bram answered the name question on the canvas once; then he switches to the list.
  const bram = await newPerson(browser)
  await openBoard(bram, board.urls.editor, 'Bram')
  await openList(bram, board.urls.editor)
  const hand = bram.getByRole('button', { name: 'Hand opsteken' })
  await tabTo(bram, hand)
  await bram.keyboard.press('Enter')
  await expect(bram.getByTestId('hand-toggle')).toHaveAttribute('aria-pressed', 'true')
  await expect(anna.getByTestId('hand-announcement')).toHaveText('Bram steekt een hand op')
  await expect(anna.getByTestId('hand-queue-item')).toContainText('Bram')
})
