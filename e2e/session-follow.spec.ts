/**
 * "Breng iedereen hierheen" and "Volg mij" in three browsers of different sizes: a facilitator, an
 * editor and a viewer. A summon shows the others the same frame (the same area, each at its own
 * zoom); the spotlight keeps them on the facilitator's view while it pans, until one steps out
 * ("Zelf rondkijken") or the facilitator stops; a late joiner lands following; an editor has none
 * of these controls and the server refuses its call.
 */
import { expect, test, type Browser, type Page } from '@playwright/test'
import { createBoard, newPerson, openBoard, serverPerTest } from './support.ts'
import { centre, frameOf, viewportOf, type Box } from './view-bounds.ts'

const server = serverPerTest()
// Three browsers on a shared two-core machine.
test.setTimeout(180_000)

const SIZES = {
  facilitator: { width: 1440, height: 900 },
  editor: { width: 1024, height: 700 },
  viewer: { width: 1680, height: 1050 },
} as const

/** The facilitator looks at `box` (as if they had zoomed there by hand). */
const lookAt = (page: Page, box: Box) =>
  page.evaluate((box) => {
    window.__dialoogbordEditor!.zoomToBounds(box, { immediate: true, inset: 0 })
  }, box)

/** Pans the view by a part of its own size (tldraw publishes the camera in the presence). */
const pan = (page: Page, dx: number, dy: number) =>
  page.evaluate(
    ({ dx, dy }) => {
      const editor = window.__dialoogbordEditor!
      const camera = editor.getCamera()
      const { w, h } = editor.getViewportPageBounds()
      editor.setCamera({ x: camera.x - dx * w, y: camera.y - dy * h, z: camera.z })
    },
    { dx, dy },
  )

const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y))

/** Shows `frame`: nearly all of it in view, and it fills a good part of the view (not a far-off overview). */
function shows(view: Box, frame: Box): boolean {
  return overlap(view, frame) >= 0.9 * frame.w * frame.h && frame.w * frame.h >= 0.25 * view.w * view.h
}

/** `view` is centred on `leader` (within a tenth of the leader's width) and shows at least its area. */
function sameCentre(view: Box, leader: Box): boolean {
  const a = centre(view)
  const b = centre(leader)
  return Math.hypot(a.x - b.x, a.y - b.y) < 0.1 * leader.w
}

async function expectFollowing(page: Page, leader: Page): Promise<void> {
  await expect.poll(async () => sameCentre(await viewportOf(page), await viewportOf(leader)), { timeout: 10_000 }).toBe(true)
}

async function threePeople(browser: Browser, urls: { facilitator: string; editor: string; viewer: string }, names: boolean) {
  const anna = await newPerson(browser, SIZES.facilitator)
  const bram = await newPerson(browser, SIZES.editor)
  const cor = await newPerson(browser, SIZES.viewer)
  await openBoard(anna, urls.facilitator, names ? 'Anna' : null)
  await openBoard(bram, urls.editor, names ? 'Bram' : null)
  await openBoard(cor, urls.viewer, names ? 'Cor' : null)
  return { anna, bram, cor }
}

test('Breng iedereen hierheen shows both others the facilitator’s frame, each at its own screen size', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus Noord', template: 'casusreconstructie' })
  const { anna, bram, cor } = await threePeople(browser, board.urls, true)
  const lessen = await frameOf(anna, 'lessen')
  // Everyone opens on the overview: nobody shows the lessen frame yet.
  for (const page of [bram, cor]) expect(shows(await viewportOf(page), lessen)).toBe(false)

  await lookAt(anna, lessen)
  const summon = anna.getByRole('button', { name: 'Breng iedereen hierheen' })
  await expect(summon).toHaveAttribute('aria-keyshortcuts', 'Alt+Shift+B')
  await summon.click()
  await expect(anna.getByTestId('follow-notice')).toHaveText('Iedereen is hierheen gebracht.')
  for (const page of [bram, cor]) await expect.poll(async () => shows(await viewportOf(page), lessen), { timeout: 10_000 }).toBe(true)
  // The same area, not the same zoom: three screen sizes, three zooms.
  const zooms = await Promise.all([anna, bram, cor].map((page) => page.evaluate(() => window.__dialoogbordEditor!.getZoomLevel())))
  expect(new Set(zooms.map((zoom) => zoom.toFixed(3))).size).toBe(3)

  // Once: after it, everyone looks around freely, and a reload does not move them back.
  const tijdlijn = await frameOf(bram, 'tijdlijn')
  await lookAt(bram, tijdlijn)
  // The tab keeps its camera once it settles (board/session-camera.ts).
  await bram.waitForFunction((id) => {
    const stored = JSON.parse(sessionStorage.getItem(`dialoogbord:camera:${id}`) ?? 'null') as { x: number } | null
    return stored !== null && Math.abs(stored.x - window.__dialoogbordEditor!.getCamera().x) < 1
  }, board.id)
  await bram.reload()
  await expect(bram.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  await bram.waitForFunction(() => window.__dialoogbordEditor !== undefined)
  expect(shows(await viewportOf(bram), lessen)).toBe(false)

  // A late joiner (a new tab) lands where the group is, not on the overview.
  const dirk = await newPerson(browser, { width: 1280, height: 800 })
  await openBoard(dirk, board.urls.editor, 'Dirk')
  await expect.poll(async () => shows(await viewportOf(dirk), lessen)).toBe(true)

  // By keyboard, from another place.
  await lookAt(anna, tijdlijn)
  await anna.keyboard.press('Alt+Shift+B')
  await expect.poll(async () => shows(await viewportOf(cor), tijdlijn) || overlap(await viewportOf(cor), tijdlijn) >= 0.9 * tijdlijn.w * tijdlijn.h).toBe(true)

  // From the Stappen panel: everyone to a step's frame, whatever the facilitator looks at.
  await anna.getByTestId('panel-button-steps').click()
  const afspraken = await frameOf(anna, 'afspraken')
  await anna.getByRole('button', { name: 'Breng iedereen naar 5 Werkafspraken en vervolg' }).click()
  for (const page of [bram, cor]) await expect.poll(async () => shows(await viewportOf(page), afspraken), { timeout: 10_000 }).toBe(true)
  await bram.getByTestId('panel-button-steps').click()
  await expect(bram.getByTestId('step-afspraken')).toBeVisible()
  await expect(bram.getByTestId('step-summon-afspraken')).toHaveCount(0) // not for an editor
})

test('Volg mij: the others follow while the facilitator pans, one steps out and back in, the facilitator stops it', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus Oost', template: 'casusreconstructie' })
  const { anna, bram, cor } = await threePeople(browser, board.urls, true)
  await lookAt(anna, await frameOf(anna, 'rode-draden'))

  const spotlight = anna.getByRole('button', { name: 'Volg mij' })
  await expect(spotlight).toHaveAttribute('aria-pressed', 'false')
  await spotlight.click()
  await expect(spotlight).toHaveAttribute('aria-pressed', 'true')
  for (const page of [bram, cor]) {
    await expect(page.getByRole('button', { name: 'Zelf rondkijken' })).toBeVisible()
    await expectFollowing(page, anna)
  }
  for (const [dx, dy] of [[0.6, 0], [0, 0.5], [-1.2, 0.3]] as const) {
    await pan(anna, dx, dy)
    await expectFollowing(bram, anna)
    await expectFollowing(cor, anna)
  }

  // The facilitator sees who follows (the followers say so in their awareness).
  await anna.getByTestId('panel-button-participants').click()
  await expect(anna.getByTestId('participants-following')).toHaveText('2 van 2 volgen jou')
  await expect(anna.locator('[data-testid="participant"][data-role="viewer"]')).toHaveAttribute('data-following', 'true')

  // Bram looks around himself: he stays where he is while Anna pans on; Cor still follows.
  await bram.getByRole('button', { name: 'Zelf rondkijken' }).click()
  await expect(bram.getByRole('button', { name: 'Weer volgen' })).toBeVisible()
  await expect(anna.getByTestId('participants-following')).toHaveText('1 van 2 volgen jou')
  const bramStayed = await viewportOf(bram)
  await pan(anna, 1.5, 0)
  await expectFollowing(cor, anna)
  expect(centre(await viewportOf(bram))).toEqual(centre(bramStayed))
  // One click to rejoin.
  await bram.getByRole('button', { name: 'Weer volgen' }).click()
  await expectFollowing(bram, anna)
  // Panning himself is stepping out too (tldraw stops following), and the keyboard brings him back.
  await pan(bram, 2, 2)
  await expect(bram.getByRole('button', { name: 'Weer volgen' })).toBeVisible()
  await bram.keyboard.press('Alt+Shift+Z')
  await expectFollowing(bram, anna)

  // The facilitator stops: no more following, the buttons go, and Anna's pans move nobody.
  await spotlight.click()
  await expect(spotlight).toHaveAttribute('aria-pressed', 'false')
  for (const page of [bram, cor]) await expect(page.getByTestId('follow-state')).toHaveCount(0)
  const [bramBefore, corBefore] = [await viewportOf(bram), await viewportOf(cor)]
  await pan(anna, 1, 1)
  await anna.waitForTimeout(500) // a frame or thirty in which a follower would have moved
  expect(centre(await viewportOf(bram))).toEqual(centre(bramBefore))
  expect(centre(await viewportOf(cor))).toEqual(centre(corBefore))
})

test('on an anonymous board a late joiner lands following the facilitator; an editor has no controls and is refused', async ({ browser }) => {
  const board = await createBoard(server.url, { title: '7V Zuid', template: '7v-dialoog' })
  expect(board.anonymous).toBe(true)
  const anna = await newPerson(browser, SIZES.facilitator)
  await openBoard(anna, board.urls.facilitator, null)
  await lookAt(anna, await frameOf(anna, 'verkennen'))
  await anna.keyboard.press('Alt+Shift+M')
  await expect(anna.getByRole('button', { name: 'Volg mij' })).toHaveAttribute('aria-pressed', 'true')
  await pan(anna, 0.4, 0.2)

  const bram = await newPerson(browser, SIZES.editor)
  const cor = await newPerson(browser, SIZES.viewer)
  await openBoard(bram, board.urls.editor, null)
  await openBoard(cor, board.urls.viewer, null)
  for (const page of [bram, cor]) {
    await expect(page.getByTestId('follow-state')).toHaveAttribute('data-mode', 'following')
    await expectFollowing(page, anna)
  }
  await pan(anna, -0.8, 0)
  await expectFollowing(cor, anna)

  // The facilitator reloads: the new tab takes the spotlight along, and everyone follows it.
  await anna.reload()
  await expect(anna.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  await expect(anna.getByRole('button', { name: 'Volg mij' })).toHaveAttribute('aria-pressed', 'true')
  await pan(anna, 0, 0.6)
  await expectFollowing(cor, anna)
  await expectFollowing(bram, anna)

  // The editor: no facilitator controls; the server refuses it the calls as well.
  await expect(bram.getByRole('button', { name: 'Breng iedereen hierheen' })).toHaveCount(0)
  await expect(bram.getByRole('button', { name: 'Volg mij' })).toHaveCount(0)
  await expect(bram.getByTestId('panel-button-participants')).toHaveCount(0)
  const statuses = await bram.evaluate(
    async ({ id, token }) => {
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
      const summon = await fetch(`/api/boards/${id}/summon`, { method: 'POST', headers, body: JSON.stringify({ pageId: 'page:page', bounds: { x: 0, y: 0, w: 10, h: 10 } }) })
      const spotlight = await fetch(`/api/boards/${id}/spotlight`, { method: 'DELETE', headers })
      return [summon.status, spotlight.status]
    },
    { id: board.id, token: board.tokens.editor },
  )
  expect(statuses).toEqual([403, 403])

  // The facilitator sees three connected, pseudonyms only, and the 7V parts with their card counts.
  await anna.getByTestId('panel-button-participants').click()
  await expect(anna.getByTestId('participants-connected')).toHaveText('3 verbonden')
  await expect(anna.getByTestId('part-count-verkennen')).toBeVisible()
  const names = await anna.locator('[data-testid="participant"] .participants__name').allTextContents()
  for (const name of names) expect(name).toMatch(/^(Deelnemer \d+|Facilitator|Zonder naam)/)
})
