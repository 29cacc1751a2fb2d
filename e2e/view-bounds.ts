/** Where a page's view and a board's frames are, in page coordinates (for the session tests). */
import type { Page } from '@playwright/test'

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

/** The part of the page the person sees now. */
export const viewportOf = (page: Page): Promise<Box> =>
  page.evaluate(() => {
    const { x, y, w, h } = window.__dialoogbordEditor!.getViewportPageBounds()
    return { x, y, w, h }
  })

/** The page bounds of the board's frame of a zone. */
export const frameOf = (page: Page, zone: string): Promise<Box> =>
  page.evaluate((zone) => {
    const editor = window.__dialoogbordEditor!
    const frame = editor.getCurrentPageShapes().find((shape) => shape.type === 'frame' && (shape.meta as { zone?: string }).zone === zone)!
    const { x, y, w, h } = editor.getShapePageBounds(frame)!
    return { x, y, w, h }
  }, zone)

export const centre = (box: Box) => ({ x: box.x + box.w / 2, y: box.y + box.h / 2 })
