/**
 * The list view on an anonymous board: a participant whose browser knows their name takes part
 * from the list; nothing there asks for or shows the name, the facilitator on the canvas sees a
 * pseudonym, and the card they add carries no author, on the canvas or on the server. And the
 * list's live region says nothing about the list's own reveal (issue 15 review).
 */
import { expect, test, type Page } from '@playwright/test'
import { addNoteByHand, createBoard, newPerson, onCanvas, openBoard, serverPerTest } from './support.ts'

const server = serverPerTest()
// Three browsers, one of them a canvas, on a shared two-core machine.
test.describe.configure({ timeout: 120_000 })

const NAME = 'Zwaantje Vermeulen-Oudshoorn'

/** The same link (and so the same role) on the list view. */
function listUrl(boardUrl: string): string {
  const url = new URL(boardUrl)
  url.pathname += '/lijst'
  return url.toString()
}

async function openList(page: Page, url: string): Promise<void> {
  await page.goto(listUrl(url))
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  await expect(page.getByTestId('list-part-tijdlijn')).toBeVisible()
}

/** Adds a card to a part of the list the way a person does: "Kaart toevoegen", type, Enter. */
async function addOnList(page: Page, zone: string, text: string): Promise<void> {
  await page.getByTestId(`list-part-${zone}`).getByTestId('list-add-card').click()
  await expect(page.getByTestId('card-editor-text')).toBeFocused()
  await page.keyboard.type(text)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('list-card').filter({ hasText: text })).toHaveCount(1)
}

/** Every text the list's live region takes from now on (each replaces the one before, so keep them all). */
async function recordAnnouncements(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const region = document.querySelector('[data-testid="list-announcements"]')!
    const heard: string[] = []
    ;(window as unknown as { __heard: string[] }).__heard = heard
    new MutationObserver(() => {
      const text = region.textContent?.trim() ?? ''
      if (text) heard.push(text)
    }).observe(region, { childList: true, characterData: true, subtree: true })
  })
  return () => page.evaluate(() => [...(window as unknown as { __heard: string[] }).__heard])
}

test('on an anonymous board a participant takes part from the list: no name asked or shown, a pseudonym in the hand queue, no author on the card', async ({ browser }) => {
  const named = await createBoard(server.url, { title: 'Kennismaking', template: 'casusreconstructie' })
  const board = await createBoard(server.url, { title: 'Chatham House', template: 'casusreconstructie', anonymous: true })

  // The participant's browser knows their name, the way it does after any named board.
  const participant = await newPerson(browser)
  await openBoard(participant, named.urls.editor, NAME)
  expect(await participant.evaluate(() => localStorage.getItem('dialoogbord:identity'))).toContain(NAME)

  const facilitator = await newPerson(browser)
  await openBoard(facilitator, board.urls.facilitator, null)
  await expect(facilitator.getByTestId('anonymous-badge')).toBeVisible()

  await openList(participant, board.urls.editor)
  await expect(participant.getByTestId('name-dialog')).toHaveCount(0)
  await expect(participant.getByTestId('name-input')).toHaveCount(0)
  await expect(participant.locator('.list-main__meta')).toContainText('Anoniem')
  await expect(participant.locator('body')).not.toContainText(NAME)

  // A hand from the list: the facilitator's queue on the canvas names a pseudonym.
  await participant.getByTestId('hand-toggle').click()
  await expect(facilitator.getByTestId('hand-queue-item')).toHaveText([/^Deelnemer \d+/])
  await expect(facilitator.getByTestId('hand-queue-item')).not.toContainText(NAME)

  // A card from the list reaches the canvas without an author.
  await addOnList(participant, 'rode-draden', 'Wij voelden ons niet gehoord')
  await expect(onCanvas(facilitator, 'Wij voelden ons niet gehoord')).toBeVisible()
  // Editing it on the list: the canvas shows that someone edits, never who.
  await participant.getByTestId('list-card').filter({ hasText: 'Wij voelden ons niet gehoord' }).getByTestId('list-edit').click()
  await expect(participant.getByTestId('list-edit-card')).toBeVisible()
  const onTheCanvas = await facilitator.evaluate((text) => {
    const editor = window.__dialoogbordEditor!
    const card = editor.getCurrentPageShapes().find((shape) => (editor.getShapeUtil(shape).getText(shape) ?? '') === text)!
    return {
      firstEditedBy: (card.props as { textFirstEditedBy?: string | null }).textFirstEditedBy ?? null,
      meta: card.meta,
      users: editor.store.allRecords().filter((record) => record.typeName === 'user').length,
      everything: JSON.stringify(editor.store.allRecords()),
      people: JSON.stringify(editor.getCollaborators()),
    }
  }, 'Wij voelden ons niet gehoord')
  expect(onTheCanvas.firstEditedBy).toBeNull()
  expect(onTheCanvas.users).toBe(0)
  expect(JSON.stringify(onTheCanvas.meta)).not.toContain(NAME)
  expect(onTheCanvas.everything).not.toContain(NAME)
  expect(onTheCanvas.people).not.toContain(NAME)
  await expect(facilitator.locator('body')).not.toContainText(NAME)
  await participant.keyboard.press('Escape')

  // The stored card: the server's export of the board names nobody.
  const exported = await fetch(`${server.url}/api/boards/${board.id}/export.json`, { headers: { authorization: `Bearer ${board.tokens.facilitator}` } })
  expect(exported.status).toBe(200)
  const text = await exported.text()
  expect(text).toContain('Wij voelden ons niet gehoord')
  expect(text).not.toContain(NAME)
  const { records } = JSON.parse(text) as { records: { typeName: string; props?: { textFirstEditedBy?: unknown } }[] }
  expect(records.length).toBeGreaterThan(0)
  expect(records.filter((record) => record.typeName === 'user')).toEqual([])
  expect(records.filter((record) => record.props?.textFirstEditedBy != null)).toEqual([])
})

test('my own reveal on the list is not announced; someone else’s new card is', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Chatham House', template: 'casusreconstructie', anonymous: true })
  // The facilitator prepares a card on the canvas (it waits in her draft, marked prepared)…
  const fenna = await newPerson(browser)
  await openBoard(fenna, board.urls.facilitator, null)
  await fenna.getByTestId('draft-prepare').click()
  await expect(fenna.getByTestId('draft-prepare')).toHaveAttribute('aria-pressed', 'true')
  await addNoteByHand(fenna, { x: 640, y: 420 }, 'Voorbereid moment')
  // …and reveals it from the list in the same browser (the same draft).
  const list = await fenna.context().newPage()
  await openList(list, board.urls.facilitator)
  const card = list.getByTestId('list-card').filter({ hasText: 'Voorbereid moment' })
  await expect(card.getByTestId('list-reveal')).toBeVisible()
  const heard = await recordAnnouncements(list)

  const other = await newPerson(browser)
  await openBoard(other, board.urls.editor, null)
  await expect(onCanvas(other, 'Voorbereid moment')).toHaveCount(0)
  await card.getByTestId('list-reveal').click()
  // On the board for everyone; the server's copy (no longer prepared) came back to the list.
  await expect(onCanvas(other, 'Voorbereid moment')).toBeVisible()
  await expect(card.getByTestId('list-reveal')).toHaveCount(0)

  // Someone else's card (made whole at once, not typed letter by letter): that is news, and the only news.
  await other.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    const text = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Van een ander' }] }] }
    editor.createShape({ type: 'note', x: 20000, y: 20000, props: { richText: text } })
  })
  await expect(list.getByTestId('list-card').filter({ hasText: 'Van een ander' })).toHaveCount(1)
  await expect.poll(heard).toEqual([expect.stringMatching(/^Nieuwe kaart in [^.]+\.$/)])
})
