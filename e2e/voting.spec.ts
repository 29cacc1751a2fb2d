/**
 * Dot voting in two browsers: the facilitator opens a vote limited to the rode draden, a
 * participant places their dots (and is refused one too many), nobody sees counts while it runs
 * (not on screen, not on the participant's wire), and once closed both see the counts on the
 * cards, the top card highlighted, and the Oogst lists the results in order.
 */
import { expect, test, type Page } from '@playwright/test'
import { createBoard, newPerson, openBoard, serverPerTest } from './support.ts'

const server = serverPerTest()
// Two browsers on a shared two-core machine: more room than the default minute.
test.setTimeout(120_000)

const SHOTS = process.env.VOTE_SHOTS_DIR

/** Notes in the zone `zone`, in a row from its top left (from place `from` on); their shape ids in that order. */
function addNotes(page: Page, zone: string, texts: string[], from = 0): Promise<string[]> {
  return page.evaluate(
    ({ zone, texts, from }) => {
      const editor = window.__dialoogbordEditor!
      const frame = editor.getCurrentPageShapes().find((shape) => shape.type === 'frame' && (shape.meta as { zone?: string }).zone === zone)!
      const box = editor.getShapePageBounds(frame)!
      return texts.map((text, i) => {
        const before = new Set(editor.getCurrentPageShapeIds())
        editor.createShape({
          type: 'note',
          x: box.minX + 120 + (from + i) * 300,
          y: box.minY + 260,
          props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } },
        })
        return [...editor.getCurrentPageShapeIds()].find((id) => !before.has(id))!
      })
    },
    { zone, texts, from },
  )
}

/** Brings a zone into view at a readable zoom. */
async function lookAt(page: Page, zone: string): Promise<void> {
  await page.evaluate((zone) => {
    const editor = window.__dialoogbordEditor!
    const frame = editor.getCurrentPageShapes().find((shape) => shape.type === 'frame' && (shape.meta as { zone?: string }).zone === zone)!
    const box = editor.getShapePageBounds(frame)!
    editor.zoomToBounds({ x: box.minX, y: box.minY + 100, w: 1300, h: 600 }, { immediate: true })
  }, zone)
}

const card = (page: Page, id: string) => page.locator(`[data-testid="vote-card"][data-shape-id="${id}"]`)
const result = (page: Page, id: string) => page.locator(`[data-testid="vote-result"][data-shape-id="${id}"]`)

test('a dot vote: own dots while open, no counts for anyone, results on the cards and in the Oogst once closed', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus Zuid', template: 'casusreconstructie' })
  const anna = await newPerson(browser)
  const bram = await newPerson(browser)
  // Everything the server sends Bram's browser over its sockets, to look for counts in.
  const received: string[] = []
  bram.on('websocket', (socket) => socket.on('framereceived', (frame) => received.push(typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('latin1'))))
  await openBoard(anna, board.urls.facilitator, 'Anna')
  await openBoard(bram, board.urls.editor, 'Bram')

  const [first, second, third] = await addNotes(anna, 'rode-draden', ['Niemand voelde zich eigenaar', 'Informatie bleef hangen', 'Te laat opgeschaald'])
  const [outside] = await addNotes(anna, 'lessen', ['Eén regisseur per casus'])
  await lookAt(anna, 'rode-draden')
  await lookAt(bram, 'rode-draden')

  // The facilitator opens a vote: 2 dots each, only the rode draden.
  await anna.getByTestId('panel-button-vote').click()
  await anna.getByTestId('vote-open-dots').fill('2')
  await anna.getByTestId('vote-open-zone').selectOption('rode-draden')
  await anna.getByTestId('vote-open').click()
  await expect(anna.getByTestId('vote-voters').first()).toHaveText('Nog niemand heeft gestemd')

  // Bram: a bar with the rules and his dots left; only the cards in the zone take a dot.
  await expect(bram.getByTestId('vote-bar')).toContainText('2 stippen per deelnemer')
  await expect(bram.getByTestId('vote-bar')).toContainText('Reflectie en rode draden')
  await expect(bram.getByTestId('vote-left')).toHaveText('Nog 2 stippen')
  await expect(card(bram, first!).getByTestId('vote-place')).toBeVisible()
  await expect(card(bram, outside!)).toHaveCount(0)

  await card(bram, first!).getByTestId('vote-place').click()
  await expect(bram.getByTestId('vote-left')).toHaveText('Nog 1 stip')
  await card(bram, first!).getByTestId('vote-place').click()
  await expect(card(bram, first!).getByTestId('vote-dot')).toHaveCount(2)
  await expect(bram.getByTestId('vote-left')).toHaveText('Al je stippen zijn geplaatst')
  // A third dot is refused, in his language.
  await card(bram, second!).getByTestId('vote-place').click()
  await expect(bram.getByTestId('vote-notice')).toHaveText('Je hebt al je stippen geplaatst. Haal er een terug om opnieuw te kiezen.')
  await expect(card(bram, second!).getByTestId('vote-dot')).toHaveCount(0)
  if (SHOTS) await bram.screenshot({ path: `${SHOTS}/V-vote-open-participant.png` })

  // The wheel over a card still moves the view (the dot buttons hand it to the canvas).
  const cameraY = () => bram.evaluate(() => window.__dialoogbordEditor!.getCamera().y)
  const before = await cameraY()
  await card(bram, second!).getByTestId('vote-place').hover()
  await bram.mouse.wheel(0, 150)
  await expect.poll(cameraY).not.toBe(before)
  await lookAt(bram, 'rode-draden')

  // A second tab of Bram's browser shares his draft key: it shows his dots, and a dot taken back
  // there is back in the first tab too (and the other way round).
  const bramTab = await bram.context().newPage()
  await openBoard(bramTab, board.urls.editor, null)
  await lookAt(bramTab, 'rode-draden')
  await expect(card(bramTab, first!).getByTestId('vote-dot')).toHaveCount(2)
  await card(bramTab, first!).getByTestId('vote-dot').first().click()
  await expect(bram.getByTestId('vote-left')).toHaveText('Nog 1 stip')
  await card(bram, first!).getByTestId('vote-place').click()
  await expect(bramTab.getByTestId('vote-left')).toHaveText('Al je stippen zijn geplaatst')
  await expect(card(bram, first!).getByTestId('vote-dot')).toHaveCount(2)
  await bramTab.close()

  // A card with one of his dots is removed meanwhile: he takes that dot back from the bar.
  await card(bram, first!).getByTestId('vote-dot').first().click()
  const [extra] = await addNotes(anna, 'rode-draden', ['Wordt zo weer weggehaald'], 3)
  await card(bram, extra!).getByTestId('vote-place').click()
  await expect(card(bram, extra!).getByTestId('vote-dot')).toHaveCount(1)
  await anna.evaluate((id) => {
    window.__dialoogbordEditor!.deleteShapes([id as never])
  }, extra!)
  await bram.getByTestId('vote-take-back-removed').click()
  await expect(bram.getByTestId('vote-take-back-removed')).toHaveCount(0)
  await expect(bram.getByTestId('vote-left')).toHaveText('Nog 1 stip')
  await card(bram, first!).getByTestId('vote-place').click()
  await expect(bram.getByTestId('vote-left')).toHaveText('Al je stippen zijn geplaatst')

  // The facilitator sees that one person voted, and no counts (nor Bram's dots) anywhere.
  await expect(anna.getByTestId('vote-voters').first()).toHaveText('1 deelnemer heeft gestemd')
  await expect(anna.getByTestId('vote-dot')).toHaveCount(0)
  await expect(anna.getByTestId('vote-result')).toHaveCount(0)
  await expect(bram.getByTestId('vote-result')).toHaveCount(0)
  if (SHOTS) await anna.screenshot({ path: `${SHOTS}/V-vote-open-facilitator.png` })

  // Anna votes too, with the card panel's button (the keyboard way).
  await anna.evaluate((id) => {
    window.__dialoogbordEditor!.select(id as never)
  }, third!)
  await anna.getByTestId('panel-button-card').click()
  await anna.getByTestId('card-vote-place').click()
  await expect(anna.getByTestId('card-vote-mine')).toContainText('Je hebt 1 stip op deze kaart.')
  await expect(anna.getByTestId('vote-voters').first()).toHaveText('2 deelnemers hebben gestemd')
  // And with the keyboard on the board: the card's own button, focused and pressed.
  await card(anna, third!).getByTestId('vote-place').focus()
  await expect(card(anna, third!).getByTestId('vote-place')).toHaveAccessibleName('Nog een stip zetten op “Te laat opgeschaald” (je hebt er 1)')
  await anna.keyboard.press('Enter')
  await expect(anna.getByTestId('card-vote-mine')).toContainText('Je hebt 2 stippen op deze kaart.')
  await expect(anna.getByTestId('vote-left')).toHaveText('Al je stippen zijn geplaatst')
  await anna.getByTestId('card-vote-take-back').click()
  await expect(anna.getByTestId('card-vote-mine')).toContainText('Je hebt 1 stip op deze kaart.')

  // Nothing Bram's browser received while the vote was open holds a count.
  expect(received.some((frame) => frame.includes('results'))).toBe(false)
  expect(received.some((frame) => frame.includes('"votes"'))).toBe(false)
  expect(received.some((frame) => frame.includes('voters'))).toBe(true) // the meta did reach him

  // Bram has the Oogst open meanwhile: nothing of the vote in it.
  await bram.getByTestId('panel-button-harvest').click()
  await expect(bram.getByTestId('harvest-report')).toContainText('Niemand voelde zich eigenaar')
  await expect(bram.getByTestId('harvest-report')).not.toContainText('●')

  // Closed: both see the counts, the top card highlighted; own dots are gone.
  await anna.getByTestId('vote-bar').getByTestId('vote-close').click()
  for (const page of [anna, bram]) {
    await expect(page.getByTestId('vote-bar')).toHaveCount(0)
    await expect(result(page, first!)).toHaveAttribute('data-votes', '2')
    await expect(result(page, first!)).toHaveAttribute('data-top', 'true')
    await expect(result(page, first!)).toContainText('● 2')
    await expect(result(page, third!)).toHaveAttribute('data-votes', '1')
    await expect(result(page, second!)).toHaveCount(0)
    await expect(page.getByTestId('vote-dot')).toHaveCount(0)
  }
  // His open Oogst follows by itself (the close changed the document's meta, not its cards).
  await expect(bram.getByTestId('harvest-report').getByRole('heading', { name: 'Stemmingen' })).toBeVisible()
  await bram.getByTestId('panel-close').click()
  if (SHOTS) await bram.screenshot({ path: `${SHOTS}/V-vote-results.png` })

  // A late joiner (a reload) sees the results at once: they are in the document.
  await bram.reload()
  await expect(bram.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  await lookAt(bram, 'rode-draden')
  await expect(result(bram, first!)).toHaveAttribute('data-votes', '2')

  // The Oogst lists the results in order.
  await bram.getByTestId('panel-button-harvest').click()
  const report = bram.getByTestId('harvest-report')
  await expect(report.getByRole('heading', { name: 'Stemmingen' })).toBeVisible()
  const ranked = report.locator('ol').last().locator('li')
  await expect(ranked).toHaveText(['Niemand voelde zich eigenaar (● 2)', 'Te laat opgeschaald (● 1)'])
  // Next to the card in its zone's section too.
  await expect(report.locator('ul li').getByText('Niemand voelde zich eigenaar (● 2)')).toBeVisible()
  await report.getByRole('heading', { name: 'Stemmingen' }).scrollIntoViewIfNeeded()
  if (SHOTS) await bram.screenshot({ path: `${SHOTS}/V-oogst.png` })
})

test('a snapshot keeps the results its board showed: viewing it shows them on its cards, while the board shows a later vote', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus Zuid', template: 'casusreconstructie' })
  const anna = await newPerson(browser)
  await openBoard(anna, board.urls.facilitator, 'Anna')
  const [first, second] = await addNotes(anna, 'rode-draden', ['Niemand voelde zich eigenaar', 'Informatie bleef hangen'])
  await lookAt(anna, 'rode-draden')

  /** A whole vote over HTTP: each entry is one participant's dots. */
  const runVote = async (ballots: string[][]) => {
    const call = async (path: string, body?: unknown, token = board.tokens.facilitator) => {
      const response = await fetch(`${server.url}/api/boards/${board.id}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      })
      expect(response.ok, `${path}: ${response.status}`).toBe(true)
      return (await response.json()) as { id: string }
    }
    const vote = await call('/votes', { perParticipant: 3 })
    for (const [i, dots] of ballots.entries()) for (const shapeId of dots) await call(`/votes/${vote.id}/ballots`, { draftKey: `${'k'.repeat(42)}${i}`, shapeId }, board.tokens.editor)
    await call(`/votes/${vote.id}/close`)
  }

  await runVote([[first!, first!], [second!]])
  await expect(result(anna, first!)).toHaveAttribute('data-votes', '2')
  await anna.getByTestId('panel-button-history').click()
  await anna.getByTestId('snapshot-label').fill('Na de eerste stemming')
  await anna.getByTestId('snapshot-capture').click()
  const item = anna.getByTestId('snapshot-item').filter({ hasText: 'Na de eerste stemming' })
  await expect(item).toBeVisible()

  // A second vote turns it round on the live board.
  await runVote([[second!, second!, second!]])
  await expect(result(anna, second!)).toHaveAttribute('data-votes', '3')
  await expect(result(anna, first!)).toHaveCount(0)

  // The snapshot shows the first vote's results on its own canvas.
  await item.getByTestId('snapshot-action-view').click()
  const view = anna.getByTestId('snapshot-view')
  await expect(view).toHaveAttribute('data-mode', 'view')
  await expect(view.locator(`[data-testid="vote-result"][data-shape-id="${first}"]`)).toHaveAttribute('data-votes', '2')
  await expect(view.locator(`[data-testid="vote-result"][data-shape-id="${second}"]`)).toHaveAttribute('data-votes', '1')
  if (SHOTS) await anna.screenshot({ path: `${SHOTS}/V-snapshot-results.png` })
})
