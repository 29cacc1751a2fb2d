/** Helpers for the browser tests: a real server per spec, and access to the page's editor. */
import { expect, type Page } from '@playwright/test'
import type { CreatedBoard } from '../shared/api.ts'
import { createBoard } from '../server/testing/api-client.ts'
import { removeDir, startServerProcess, type ServerProcess } from '../server/testing/server-process.ts'

export { createBoard, removeDir, startServerProcess, type ServerProcess }
export type { CreatedBoard }

// The page exposes its editor as window.__dialoogbordEditor (client/board/test-hooks.ts).
import type {} from '../client/board/test-hooks.ts'

/**
 * Opens a board link, answers the name question and waits until the board is live. With `name`
 * null no question is expected: anonymous boards never ask, and a browser that answered before
 * is not asked again.
 */
export async function openBoard(page: Page, url: string, name: string | null): Promise<void> {
  await page.goto(url)
  if (name !== null) {
    await page.getByTestId('name-input').fill(name)
    await page.getByTestId('name-submit').click()
  }
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  await page.waitForFunction(() => window.__dialoogbordEditor !== undefined)
}

export interface ShapeSummary {
  id: string
  type: string
  x: number
  y: number
  text: string
}

/** The shapes on the current page, with their plain text. */
export function shapesOnPage(page: Page): Promise<ShapeSummary[]> {
  return page.evaluate(() => {
    const editor = window.__dialoogbordEditor!
    return editor.getCurrentPageShapes().map((shape) => ({
      id: shape.id,
      type: shape.type,
      x: shape.x,
      y: shape.y,
      text: editor.getShapeUtil(shape).getText(shape) ?? '',
    }))
  })
}

/** Creates a sticky note the way a person does: note tool, click, type, leave editing. */
export async function addNoteByHand(page: Page, at: { x: number; y: number }, text: string): Promise<void> {
  // Focus the canvas on an empty spot clear of tldraw's menus, so its shortcuts reach it.
  await page.locator('.tl-canvas').click({ position: { x: 5, y: 300 } })
  await page.keyboard.press('n')
  await page.mouse.click(at.x, at.y)
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
}

/** Text on the canvas itself (tldraw keeps a hidden copy of note text for measuring). */
export function onCanvas(page: Page, text: string) {
  return page.getByTestId('canvas').getByText(text, { exact: true })
}
