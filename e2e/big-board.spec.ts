import { expect, test } from '@playwright/test'
import { SyncClient, testRecord } from '../server/testing/sync-client.ts'
import type { StoredRecord } from '../shared/doc-layout.ts'
import { addNoteByHand, createBoard, newPerson, onCanvas, openBoard, retypeNote, serverPerTest, shapesOnPage } from './support.ts'

const server = serverPerTest()

/** Writes notes through an editor's websocket, in updates well under the server's message limit. */
async function writeNotes(boardId: string, token: string, notes: readonly StoredRecord[]): Promise<void> {
  const writer = await SyncClient.connect(server.url, boardId, token)
  for (let start = 0; start < notes.length; start += 500) {
    writer.doc.transact(() => {
      for (const note of notes.slice(start, start + 500)) writer.records.set(note.id, note)
    })
    await writer.roundTrip()
  }
  await writer.close()
}

test('notes off screen render once the camera reaches them, and can be edited there', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Groot bord' })
  const notes = Array.from({ length: 300 }, (_, i) => testRecord(`kaart-${i}`, { x: 100 + (i % 20) * 230, y: 100 + Math.floor(i / 20) * 230, text: `Kaart ${i}` }))
  notes.push(testRecord('ver-weg', { x: 20_000, y: 0, text: 'Ver weg' }))
  await writeNotes(board.id, board.tokens.editor, notes)

  const anna = await newPerson(browser)
  await openBoard(anna, board.urls.editor, 'Anna')
  await expect.poll(async () => (await shapesOnPage(anna)).length).toBeGreaterThanOrEqual(notes.length)
  await expect(onCanvas(anna, 'Kaart 0')).toBeVisible()
  // Rendering the text of every hidden note was most of a big board's opening time.
  await expect(onCanvas(anna, 'Ver weg')).toHaveCount(0)

  await anna.evaluate(() => {
    window.__dialoogbordEditor!.centerOnPoint({ x: 20_100, y: 100 })
  })
  await expect(onCanvas(anna, 'Ver weg')).toBeVisible()
  await retypeNote(anna, 'Ver weg', 'Nu dichtbij')
  await expect(onCanvas(anna, 'Nu dichtbij')).toBeVisible()
  await expect.poll(async () => (await shapesOnPage(anna)).some((shape) => shape.text === 'Nu dichtbij')).toBe(true)
})

test('on a board of more than 4,000 cards a person can still add one (tldraw stops at 4,000 by itself)', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Heel groot bord' })
  const notes = Array.from({ length: 4_050 }, (_, i) => testRecord(`kaart-${i}`, { x: 3_000 + (i % 60) * 230, y: Math.floor(i / 60) * 230 }))
  await writeNotes(board.id, board.tokens.editor, notes)

  const anna = await newPerson(browser)
  await openBoard(anna, board.urls.editor, 'Anna')
  await expect.poll(async () => (await shapesOnPage(anna)).length).toBeGreaterThanOrEqual(notes.length)
  await addNoteByHand(anna, { x: 400, y: 300 }, 'Kaart 4051')

  const reader = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
  await reader.waitFor((client) => [...client.records.map.values()].some((entry) => JSON.stringify(entry.val.props ?? null).includes('Kaart 4051')))
  await reader.close()
})
