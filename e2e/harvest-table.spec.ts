/** The Oogst agreements table never splits a word over two lines, even in a narrow panel (issue 10 bug 4). */
import { expect, test, type Page } from '@playwright/test'
import { createBoard, newPerson, openBoard, serverPerTest } from './support.ts'

const server = serverPerTest()

/** Words in the table's cells that the browser laid out over more than one line. */
function splitWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const split: string[] = []
    for (const cell of document.querySelectorAll('.md-table td, .md-table th')) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? ''
        for (const match of text.matchAll(/\S+/g)) {
          const range = document.createRange()
          range.setStart(node, match.index)
          range.setEnd(node, match.index + match[0].length)
          const lines = new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top)))
          if (lines.size > 1) split.push(match[0])
        }
      }
    }
    return split
  })
}

test('agreement cells wrap between words, and the table scrolls instead', async ({ browser }) => {
  const board = await createBoard(server.url, { title: 'Casus Zuid', template: 'casusreconstructie' })
  const anna = await newPerson(browser)
  await anna.setViewportSize({ width: 1100, height: 800 })
  await openBoard(anna, board.urls.facilitator, 'Anna')
  await anna.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    const frame = editor.getCurrentPageShapes().find((shape) => shape.type === 'frame' && (shape.meta as { zone?: string }).zone === 'afspraken')!
    const box = editor.getShapePageBounds(frame)!
    const text = 'Wat: Maandelijks casusoverleg met alle ketenpartners\nWie: Wijkteam gemeente\nWanneer: 1 december 2024\nHoe: Samenwerkingsovereenkomst ondertekenen'
    const content = text.split('\n').map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] }))
    editor.createShape({ type: 'note', x: box.minX + 80, y: box.minY + 200, props: { richText: { type: 'doc', content } } })
  })
  await anna.getByTestId('panel-button-harvest').click()
  await expect(anna.locator('.md-table td').getByText('Wijkteam gemeente')).toBeVisible()
  expect(await splitWords(anna)).toEqual([])
})
