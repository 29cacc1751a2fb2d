/**
 * Where your view goes: the board's overview when you open it, a step of the Stappen panel at a
 * readable zoom. Both aim at the part of the canvas tldraw's own panels leave free (its menu top
 * left, the style panel top right, the toolbar at the bottom), so what you are sent to is not
 * hidden under them.
 */
import type { Editor } from 'tldraw'

export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

/** Below this a card's text is too small to read, so a step wider than the screen is shown in parts. */
export const READABLE_ZOOM = 0.6
/**
 * A step that fits at 90 % of READABLE_ZOOM is shown whole rather than in four parts that each
 * cut off a sliver (the rules frame on a 1280×800 screen with the Stappen panel open).
 */
export const WHOLE_STEP_SLACK = 0.9
/** A small frame is not blown up past its real size. */
export const STEP_MAX_ZOOM = 1

const MARGIN = 8
/**
 * tldraw's style panel (top right, 148 px wide plus its 8 px offset) is reserved even when it is
 * not shown, or the first click on a card would cover part of the frame you were sent to.
 */
const STYLE_PANEL_RESERVE = 156
/** tldraw's menu and toolbar heights, for the first frame when its UI has not rendered yet. */
const MENU_HEIGHT = 48
const TOOLBAR_HEIGHT = 64

/**
 * The free part of the canvas in viewport coordinates (0,0 = the canvas' top left): below the
 * menu, left of the style panel, above the toolbar.
 */
export function freeViewportArea(editor: Editor): Rect {
  const screen = editor.getViewportScreenBounds()
  const container = editor.getContainer()
  const rectOf = (selector: string) => {
    const element = container.querySelector(selector)
    const rect = element?.getBoundingClientRect()
    return rect && rect.width > 0 && rect.height > 0 ? rect : null
  }
  const menu = rectOf('.tlui-menu-zone')
  const stylePanel = rectOf('.tlui-style-panel__wrapper')
  const toolbar = rectOf('.tlui-main-toolbar') ?? rectOf('.tlui-layout__bottom__main')
  const top = (menu ? Math.max(0, menu.bottom - screen.y) : MENU_HEIGHT) + MARGIN
  const right = Math.max(STYLE_PANEL_RESERVE, stylePanel ? screen.maxX - stylePanel.left : 0) + MARGIN
  const bottom = (toolbar ? Math.max(0, screen.maxY - toolbar.top) : TOOLBAR_HEIGHT) + MARGIN
  const w = Math.max(1, screen.w - MARGIN - right)
  const h = Math.max(1, screen.h - top - bottom)
  // A very small window: use it all rather than a sliver.
  if (w < screen.w / 3 || h < screen.h / 3) return { x: 0, y: 0, w: screen.w, h: screen.h }
  return { x: MARGIN, y: top, w, h }
}

export interface PartsPlan {
  zoom: number
  /** Page rectangles to show one after another, left to right, then top to bottom. */
  parts: Rect[]
}

/**
 * How to show `bounds` in a free area of `free` screen pixels: all at once when that is readable
 * (zoom ≥ minZoom, or minZoom × slack), else at minZoom in parts that overlap a little and together cover it.
 */
export function planParts(
  bounds: Rect,
  free: { w: number; h: number },
  { minZoom, maxZoom, slack = 1 }: { minZoom: number; maxZoom: number; slack?: number },
): PartsPlan {
  const fitW = free.w / bounds.w
  const fitH = free.h / bounds.h
  const fit = Math.min(fitW, fitH, maxZoom)
  if (fit >= minZoom * slack) return { zoom: fit, parts: [bounds] }
  // A direction that fits within the slack is not split: a timeline a few pixels too tall is
  // shown in one row of parts, not two.
  let zoom = minZoom
  if (fitH < minZoom && fitH >= minZoom * slack) zoom = Math.min(zoom, fitH)
  if (fitW < minZoom && fitW >= minZoom * slack) zoom = Math.min(zoom, fitW)
  const partW = Math.min(bounds.w, free.w / zoom)
  const partH = Math.min(bounds.h, free.h / zoom)
  const columns = Math.ceil(bounds.w / partW - 1e-9)
  const rows = Math.ceil(bounds.h / partH - 1e-9)
  const parts: Rect[] = []
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      // Spread evenly: the first part starts at the left edge, the last ends at the right edge.
      const x = columns === 1 ? bounds.x : bounds.x + ((bounds.w - partW) * column) / (columns - 1)
      const y = rows === 1 ? bounds.y : bounds.y + ((bounds.h - partH) * row) / (rows - 1)
      parts.push({ x, y, w: partW, h: partH })
    }
  }
  return { zoom, parts }
}

/** Moves the camera so page rectangle `part` sits centred in the free area at `zoom`. */
export function showRect(editor: Editor, part: Rect, zoom: number, free: Rect, animate: boolean): void {
  const centre = { x: free.x + free.w / 2, y: free.y + free.h / 2 }
  const camera = { x: centre.x / zoom - (part.x + part.w / 2), y: centre.y / zoom - (part.y + part.h / 2), z: zoom }
  editor.setCamera(camera, animate ? { animation: { duration: 300 } } : undefined)
}

/**
 * The page bounds of the board's top-level frames (the template's parts), or null on a board
 * without frames: there tldraw's own start (100 % at the origin) stays, since fitting thousands
 * of loose cards would show them as specks and render every one of them at once.
 */
export function overviewBounds(editor: Editor): Rect | null {
  const pageId = editor.getCurrentPageId()
  const boxes = editor
    .getCurrentPageShapes()
    .filter((shape) => shape.type === 'frame' && shape.parentId === pageId)
    .map((shape) => editor.getShapePageBounds(shape.id))
    .filter((box) => box !== undefined)
  if (boxes.length === 0) return null
  const minX = Math.min(...boxes.map((box) => box.minX))
  const minY = Math.min(...boxes.map((box) => box.minY))
  const maxX = Math.max(...boxes.map((box) => box.maxX))
  const maxY = Math.max(...boxes.map((box) => box.maxY))
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY }
}

/** The whole board (its frames) in view, never zoomed in past 100 %. False on a board without frames. */
export function showOverview(editor: Editor, animate = false): boolean {
  const bounds = overviewBounds(editor)
  if (!bounds) return false
  const free = freeViewportArea(editor)
  const zoom = Math.min(free.w / bounds.w, free.h / bounds.h, 1)
  showRect(editor, bounds, zoom, free, animate)
  return true
}
