/**
 * Who may see what, in real browsers: anonymous boards leave no name behind, a revoked link stops
 * at once, viewers cannot write, images live on our server, and the admin page can delete.
 */
import { expect, test, type Page } from '@playwright/test'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { deflateSync } from 'node:zlib'
import type { TLAssetId } from 'tldraw'
import { addNoteByHand, createBoard, newPerson, onCanvas, openBoard, retypeNote, serverStartedByEachTest, shapesOnPage, type CreatedBoard } from './support.ts'

const NAME = 'Zwaantje Vermeulen-Oudshoorn'
const ADMIN = 'beheerder-e2e-3f9c1a7d'

// Several browsers per test on a shared two-core machine: more room than the default minute.
test.describe.configure({ timeout: 120_000 })

const start = serverStartedByEachTest()

function api(base: string, board: CreatedBoard, route: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${base}/api/boards/${board.id}${route}`, {
    ...init,
    headers: { authorization: `Bearer ${board.tokens.facilitator}`, 'content-type': 'application/json' },
  })
}

function filesMentioning(dir: string, needle: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => {
    const full = path.join(dir, file)
    try {
      return readFileSync(full).includes(Buffer.from(needle))
    } catch {
      return false // a directory
    }
  })
}

/** Changes a note's text the way a person does: double-click it, select all, type. */
function collaboratorNames(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__dialoogbordEditor!.getCollaboratorsOnCurrentPage().map((person) => person.userName))
}

test('an anonymous board leaves no name or user id in the database, snapshots, export or logs', async ({ browser }) => {
  const { url, dataDir, logs } = await start()
  const named = await createBoard(url, { title: 'Kennismaking' })
  const board = await createBoard(url, { title: 'Chatham House', anonymous: true })

  const facilitator = await newPerson(browser)
  await openBoard(facilitator, board.urls.facilitator, null)
  await expect(facilitator.getByTestId('anonymous-badge')).toBeVisible()

  // The participant's browser knows their name, the way it does after any named board.
  const participant = await newPerson(browser)
  await openBoard(participant, named.urls.editor, NAME)
  expect(await participant.evaluate(() => localStorage.getItem('dialoogbord:identity'))).toContain(NAME)
  await openBoard(participant, board.urls.editor, null)
  await expect(participant.getByTestId('name-dialog')).toBeHidden()
  const userId = await participant.evaluate(() => window.__dialoogbordEditor!.user.getId())
  expect(userId.length).toBeGreaterThanOrEqual(8)

  await addNoteByHand(participant, { x: 420, y: 300 }, 'Wij voelden ons niet gehoord')
  await addNoteByHand(participant, { x: 700, y: 420 }, 'De wijkagent wist ervan')
  await retypeNote(participant, 'Wij voelden ons niet gehoord', 'Wij voelden ons echt niet gehoord')
  await expect(onCanvas(facilitator, 'Wij voelden ons echt niet gehoord')).toBeVisible()
  await expect(onCanvas(facilitator, 'De wijkagent wist ervan')).toBeVisible()

  // The facilitator sees a pseudonym at the participant's cursor, never the name or the id.
  await participant.mouse.move(600, 500)
  await expect.poll(() => collaboratorNames(facilitator)).toEqual([expect.stringMatching(/^Deelnemer \d+$/)])
  const seen = await facilitator.evaluate(() => JSON.stringify(window.__dialoogbordEditor!.getCollaboratorsOnCurrentPage()))
  expect(seen).not.toContain(NAME)
  expect(seen).not.toContain(userId)

  expect((await api(url, board, '/snapshots', { method: 'POST', body: JSON.stringify({ label: 'na de ronde' }) })).status).toBe(201)
  const exported = await (await api(url, board, '/export.json')).text()
  expect(exported).toContain('Wij voelden ons echt niet gehoord')

  for (const needle of [NAME, userId]) {
    expect(exported).not.toContain(needle)
    expect(filesMentioning(dataDir, needle)).toEqual([])
    expect(logs.join('\n')).not.toContain(needle)
  }
  // The grep looks where the text does live.
  expect(filesMentioning(dataDir, 'De wijkagent wist ervan').length).toBeGreaterThan(0)
})

test('the facilitator renames the board, turns anonymity on (everyone reconnects by themselves) and deletes it', async ({ browser }) => {
  const { url } = await start()
  const board = await createBoard(url, { title: 'Casus Zuid' })
  const facilitator = await newPerson(browser)
  const participant = await newPerson(browser)
  await openBoard(facilitator, board.urls.facilitator, 'Fenna')
  await openBoard(participant, board.urls.editor, 'Pim')
  await participant.mouse.move(500, 400)
  await expect.poll(() => collaboratorNames(facilitator)).toEqual(['Pim'])

  await facilitator.getByTestId('panel-button-settings').click()
  const panel = facilitator.getByTestId('panel-settings')
  await panel.getByTestId('settings-title-input').fill('Casus Zuid, tweede sessie')
  await panel.getByTestId('settings-title-save').click()
  await expect(facilitator.getByTestId('board-title')).toHaveText('Casus Zuid, tweede sessie')

  // Two steps, the second saying what will happen.
  await panel.getByTestId('settings-anonymous').click()
  await expect(panel.getByTestId('settings-anonymous-confirm')).toContainText('Iedereen wordt even opnieuw verbonden')
  await panel.getByTestId('settings-anonymous-confirm-yes').click()
  await expect(panel.getByTestId('settings-anonymous')).toHaveAttribute('aria-checked', 'true')

  // The server closed every connection (4409); both load the settings again and reconnect.
  await expect(participant.getByTestId('anonymous-badge')).toBeVisible()
  await expect(participant.getByTestId('board-title')).toHaveText('Casus Zuid, tweede sessie')
  await expect(participant.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  await expect(facilitator.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  await expect(participant.getByTestId('board-closed')).toHaveCount(0)
  await participant.mouse.move(520, 380)
  await expect.poll(() => collaboratorNames(facilitator)).toEqual([expect.stringMatching(/^Deelnemer \d+$/)])
  await addNoteByHand(participant, { x: 450, y: 320 }, 'Na het omzetten')
  await expect(onCanvas(facilitator, 'Na het omzetten')).toBeVisible()

  // Deleting takes the typed title.
  await panel.getByTestId('settings-delete').click()
  const dialog = facilitator.getByTestId('delete-dialog')
  await expect(dialog.getByTestId('delete-confirm')).toBeDisabled()
  await dialog.getByTestId('delete-confirm-title').fill('Casus Zuid')
  await expect(dialog.getByTestId('delete-confirm')).toBeDisabled()
  await dialog.getByTestId('delete-confirm-title').fill('Casus Zuid, tweede sessie')
  await dialog.getByTestId('delete-confirm').click()
  await expect(facilitator).toHaveURL(`${url}/`)
  await expect(facilitator.getByTestId('recent-boards')).toHaveCount(0)
  await expect(participant.getByTestId('board-closed')).toHaveAttribute('data-reason', 'revoked')
  expect((await api(url, board, '')).status).toBe(404)
})

test('regenerating a leaked link disconnects whoever uses it at once; the new link works', async ({ browser }) => {
  const { url } = await start()
  const board = await createBoard(url, { title: 'Uitgelekt' })
  const facilitator = await newPerson(browser)
  const participant = await newPerson(browser)
  await openBoard(facilitator, board.urls.facilitator, 'Fenna')
  await openBoard(participant, board.urls.editor, 'Pim')

  // This device did not create the board, so "Delen" does not know the participants' link; it
  // leads to link management, where a new link is the way to a known one.
  await facilitator.getByTestId('share-button').click()
  await expect(facilitator.getByTestId('share-editor-unknown')).toBeVisible()
  await facilitator.getByTestId('share-manage-links').click()
  await expect(facilitator.getByRole('heading', { name: 'Links' })).toBeFocused()
  const editorLink = facilitator.getByTestId('panel-settings').getByTestId('link-editor')
  await expect(editorLink).toContainText('niet bekend op dit apparaat')
  await editorLink.getByTestId('link-editor-regenerate').click()
  const confirm = editorLink.getByTestId('link-editor-regenerate-confirm')
  await expect(confirm).toContainText('werkt daarna meteen niet meer')
  await expect(confirm).toContainText('direct losgekoppeld')
  // One click is not enough: the participant is still on the board.
  await expect(participant.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  await confirm.getByTestId('link-editor-regenerate-confirm-yes').click()

  await expect(participant.getByTestId('board-closed')).toContainText('Deze link is ingetrokken of verlopen')
  await expect(participant.getByTestId('board-closed-home')).toBeVisible()
  await expect.poll(() => participant.evaluate(() => window.__dialoogbordEditor!.getIsReadonly()), { timeout: 3000 }).toBe(true)

  const fresh = await editorLink.getByTestId('link-editor-url').inputValue()
  expect(fresh).toMatch(new RegExp(`^${url}/b/${board.id}\\?token=`))
  expect(fresh).not.toBe(board.urls.editor)
  // "Delen" on this device knows the new link now.
  await facilitator.getByTestId('share-button').click()
  await expect(facilitator.getByTestId('share-editor-url')).toHaveValue(fresh)
  await facilitator.getByTestId('share-close').click()

  const late = await newPerson(browser)
  await late.goto(board.urls.editor)
  await expect(late.getByTestId('invalid-link')).toBeVisible()
  await openBoard(late, fresh, 'Laatkomer')
  await addNoteByHand(late, { x: 450, y: 320 }, 'Met de nieuwe link')
  await expect(onCanvas(facilitator, 'Met de nieuwe link')).toBeVisible()
})

test('a viewer has no settings and cannot add images', async ({ browser }) => {
  const { url } = await start()
  const board = await createBoard(url, { title: 'Meekijken' })
  const viewer = await newPerson(browser)
  await openBoard(viewer, board.urls.viewer, 'Victor')
  await expect(viewer.getByTestId('panel-button-history')).toBeVisible()
  await expect(viewer.getByTestId('panel-button-settings')).toHaveCount(0)

  const uploads: string[] = []
  viewer.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/assets')) uploads.push(request.url())
  })
  await dropImage(viewer, pngImage(16), 'foto.png', 'image/png')
  // What the drop does, awaited: tldraw refuses external content on a read-only board.
  await viewer.evaluate(async (bytes) => {
    const file = new File([new Uint8Array(bytes)], 'foto.png', { type: 'image/png' })
    await window.__dialoogbordEditor!.putExternalContent({ type: 'files', files: [file], point: { x: 100, y: 100 } })
  }, [...pngImage(16)])
  expect(await shapesOnPage(viewer)).toEqual([])
  expect(uploads).toEqual([])

  // Even sent by hand, the server refuses a viewer's upload.
  const status = await viewer.evaluate(
    async ({ id, token, bytes }) =>
      (await fetch(`/api/boards/${id}/assets`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: new Uint8Array(bytes) })).status,
    { id: board.id, token: board.tokens.viewer, bytes: [...pngImage(16)] },
  )
  expect(status).toBe(403)
})

test('a dropped image is stored on our server and appears for the others; refused files show tldraw’s error', async ({ browser }) => {
  const { url } = await start({ MAX_ASSET_BYTES: '2048' })
  const board = await createBoard(url, { title: 'Plaatjes' })
  const anna = await newPerson(browser)
  const bram = await newPerson(browser)
  await openBoard(anna, board.urls.editor, 'Anna')
  await openBoard(bram, board.urls.editor, 'Bram')

  await dropImage(anna, pngImage(16), 'tijdlijn.png', 'image/png')
  await expect.poll(async () => (await shapesOnPage(bram)).filter((shape) => shape.type === 'image').length).toBe(1)
  const srcs = () => bram.evaluate(() => window.__dialoogbordEditor!.getAssets().map((asset) => asset.props.src))
  await expect.poll(srcs).toEqual([expect.stringMatching(/^\/api\/assets\/[A-Za-z0-9_-]+$/)])
  const [src] = await srcs()
  const image = await fetch(`${url}${src}`)
  expect(image.status).toBe(200)
  expect(image.headers.get('content-type')).toBe('image/png')
  await expect(bram.locator('.tl-image').first()).toBeVisible()

  // Too large for this server: the upload is refused (413) and tldraw shows its own error.
  const refused = anna.waitForResponse((response) => response.url().endsWith(`/api/boards/${board.id}/assets`) && response.status() === 413)
  await dropImage(anna, pngImage(48, true), 'groot.png', 'image/png')
  await refused
  // (tldraw words this toast in English even in its Dutch UI.)
  await expect(anna.locator('.tlui-toast__title', { hasText: /Uploaden mislukt|Upload failed/ })).toBeVisible()
  // An SVG is no image our server stores: refused before anything is placed.
  await dropImage(anna, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'), 'vorm.svg', 'image/svg+xml')
  await expect(anna.locator('.tlui-toast__title', { hasText: /niet toegestaan|not allowed/ })).toBeVisible()
  await expect(anna.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  await expect(anna.getByTestId('board-closed')).toHaveCount(0)
  expect(await srcs()).toEqual([src])

  // A pasted link stays text: no bookmark card fetching the site, no third-party address stored.
  await anna.evaluate(() => window.__dialoogbordEditor!.putExternalContent({ type: 'url', url: 'https://voorbeeld.nl/verslag', point: { x: 200, y: 200 } }))
  await expect.poll(async () => (await shapesOnPage(bram)).find((shape) => shape.text === 'https://voorbeeld.nl/verslag')?.type).toBe('text')
  expect(await srcs()).toEqual([src])

  // Slipped past the UI anyway (an inlined image): the server refuses it and closes the connection;
  // the page says so, and reloading without this device's unsent changes brings the board back.
  const imagesBefore = (await shapesOnPage(anna)).filter((shape) => shape.type === 'image').length
  await anna.evaluate(() => {
    const props = { src: 'data:image/png;base64,AAAA', w: 1, h: 1, name: 'x.png', isAnimated: false, mimeType: 'image/png' }
    window.__dialoogbordEditor!.createAssets([{ id: 'asset:ingebed' as TLAssetId, typeName: 'asset', type: 'image', meta: {}, props }])
  })
  await expect(anna.getByTestId('board-closed')).toHaveAttribute('data-reason', 'refused')
  await expect(anna.getByTestId('board-closed')).toContainText('laatste wijziging geweigerd')
  await anna.getByTestId('board-closed-reload').click()
  await expect(anna.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  await expect(anna.getByTestId('board-closed')).toHaveCount(0)
  await expect.poll(async () => (await shapesOnPage(anna)).filter((shape) => shape.type === 'image').length).toBe(imagesBefore)
  expect(await anna.evaluate(() => window.__dialoogbordEditor!.getAssets().map((asset) => asset.props.src))).toEqual([src])
})

test('the admin page lists the boards, escapes their titles and deletes one for good', async ({ browser }) => {
  const { url } = await start({ ADMIN_TOKEN: ADMIN })
  const auth = { authorization: `Bearer ${ADMIN}` }
  const keep = await createBoard(url, { title: 'Blijft staan' }, auth)
  const board = await createBoard(url, { title: 'Weg <b>ermee</b> & klaar', template: 'casusreconstructie' }, auth)

  const admin = await newPerson(browser)
  await admin.goto(`${url}/admin`)
  await admin.getByTestId('admin-token').fill('geraden')
  await admin.getByTestId('admin-login').click()
  await expect(admin.getByTestId('admin-error')).toHaveText('Dit beheerderstoken klopt niet.')
  await admin.getByTestId('admin-token').fill(ADMIN)
  await admin.getByTestId('admin-login').click()

  const rows = admin.getByTestId('admin-board')
  await expect(rows).toHaveCount(2)
  const row = rows.filter({ hasText: 'Weg <b>ermee</b> & klaar' })
  await expect(row).toHaveCount(1)
  await expect(admin.getByTestId('admin-boards').locator('b')).toHaveCount(0)
  await expect(row).toContainText('Casusreconstructie')
  await expect(row).toContainText('kB')

  // Still logged in after a reload (this tab keeps the token).
  await admin.reload()
  await expect(rows).toHaveCount(2)
  await row.getByTestId('admin-delete').click()
  await expect(admin.getByTestId('admin-delete-dialog')).toContainText('Dit kan niet ongedaan worden gemaakt')
  await admin.getByTestId('admin-delete-confirm').click()
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText(keep.title)

  const visitor = await newPerson(browser)
  await visitor.goto(board.urls.editor)
  await expect(visitor.getByTestId('invalid-link')).toBeVisible()
})

test('the admin page says so when the server has no admin token', async ({ browser }) => {
  const { url } = await start()
  const admin = await newPerson(browser)
  await admin.goto(`${url}/admin`)
  await admin.getByTestId('admin-token').fill('iets')
  await admin.getByTestId('admin-login').click()
  await expect(admin.getByTestId('admin-error')).toContainText('staat uit op deze server')
})

/** Drops a file on the canvas the way a browser delivers it from the desktop. */
async function dropImage(page: Page, bytes: Buffer, name: string, type: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ bytes, name, type }) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type }))
      return transfer
    },
    { bytes: [...bytes], name, type },
  )
  const canvas = page.locator('.tl-canvas')
  const box = (await canvas.boundingBox())!
  const at = { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 }
  await canvas.dispatchEvent('dragenter', { dataTransfer, ...at })
  await canvas.dispatchEvent('dragover', { dataTransfer, ...at })
  await canvas.dispatchEvent('drop', { dataTransfer, ...at })
}

/** A valid square PNG, built here so the test needs no fixture file; noise does not compress. */
function pngImage(size: number, noise = false): Buffer {
  const rows = Buffer.alloc(size * (1 + size * 3))
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 3) // each row starts with filter type 0
    for (let x = 0; x < size; x++) {
      const rgb = noise ? [Math.random() * 256, Math.random() * 256, Math.random() * 256].map(Math.floor) : [21, 66, 115]
      rows.set(rgb, row + 1 + x * 3)
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))])
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

function crc32(data: Buffer): number {
  let crc = ~0
  for (const byte of data) {
    crc ^= byte
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
  }
  return ~crc >>> 0
}
