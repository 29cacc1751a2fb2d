import { expect, test } from '@playwright/test'
import { SyncClient, testRecord } from '../server/testing/sync-client.ts'
import { createBoard, newPerson, onCanvas, openBoard, retypeNote, serverPerTest, shapesOnPage } from './support.ts'

const server = serverPerTest()

test('notes off screen render once the camera reaches them, and can be edited there', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Groot bord' })
  const writer = await SyncClient.connect(server.url, board.id, board.tokens.editor)
  const notes = Array.from({ length: 300 }, (_, i) => testRecord(`kaart-${i}`, { x: 100 + (i % 20) * 230, y: 100 + Math.floor(i / 20) * 230, text: `Kaart ${i}` }))
  notes.push(testRecord('ver-weg', { x: 20_000, y: 0, text: 'Ver weg' }))
  writer.doc.transact(() => {
    for (const note of notes) writer.records.set(note.id, note)
  })
  await writer.roundTrip()
  await writer.close()

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
