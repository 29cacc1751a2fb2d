/**
 * Where things are on a board, as both the server (the harvest report) and the client (card
 * panel, compare) see it: page-space positions and sizes of shapes, which zone frame each one
 * lies in, and the plain text of a card.
 *
 * Which zone a shape belongs to:
 * 1. its nearest ancestor frame that carries `meta.zone`; otherwise
 * 2. the zone frame on the same page whose bounds contain the shape's centre, the smallest one
 *    when frames nest or overlap. Templates lock their frames, and tldraw neither drops shapes
 *    into a locked frame nor creates them in one, so participants' cards are page-level shapes
 *    lying on top of a frame: this rule is the one that usually applies.
 */
import { estimateLineCount, estimateTextWidth, LINE_HEIGHT, NOTE_SIZE, TEXT_FONT_SIZE } from '../templates/shapes.ts'
import { plainText } from './plain-text.ts'

export { plainText, richTextToPlain } from './plain-text.ts'

/** A record as stored in the document (any tldraw record; only shapes and pages are read). */
export interface HarvestRecord {
  id: string
  typeName: string
}

/** A shape as geometry reads it. */
export interface Shape {
  id: string
  type: string
  parentId: string
  index: string
  x: number
  y: number
  rotation: number
  /** Locked shapes cannot be changed (templates lock their scaffolding; a facilitator may lock cards). */
  isLocked?: boolean
  props: Record<string, unknown>
  meta: Record<string, unknown>
}

export interface Box {
  minX: number
  minY: number
  maxX: number
  maxY: number
}

export interface Item {
  shape: Shape
  text: string
  box: Box
  centre: { x: number; y: number }
}

/** Tops closer than this (half a note) are one row. */
export const ROW_TOLERANCE = NOTE_SIZE / 2

/** Top to bottom in rows (tops within ROW_TOLERANCE of the row's first), each row left to right. */
export function sortRows<T extends { box: Box }>(items: readonly T[]): T[] {
  const byTop = [...items].sort((a, b) => a.box.minY - b.box.minY || a.box.minX - b.box.minX)
  const rows: T[][] = []
  for (const item of byTop) {
    const row = rows.at(-1)
    if (row && item.box.minY - row[0]!.box.minY < ROW_TOLERANCE) row.push(item)
    else rows.push([item])
  }
  return rows.flatMap((row) => row.sort((a, b) => a.box.minX - b.box.minX || a.box.minY - b.box.minY))
}

export function sortLeftToRight<T extends { box: Box }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.box.minX - b.box.minX || a.box.minY - b.box.minY)
}

const CONTENT_TYPES = new Set(['note', 'text', 'geo'])
const MAX_DEPTH = 64

/** Page-space positions and sizes of a board's shapes, and which zone each lies in. */
export class BoardGeometry {
  private readonly shapes = new Map<string, Shape>()
  private readonly pageOrder = new Map<string, number>()
  private readonly boxes = new Map<string, Box>()

  constructor(records: readonly HarvestRecord[]) {
    const pages: { id: string; index: string }[] = []
    for (const record of records) {
      if (record.typeName === 'shape') {
        const shape = toShape(record)
        if (shape) this.shapes.set(shape.id, shape)
      } else if (record.typeName === 'page') {
        const index = (record as { index?: unknown }).index
        pages.push({ id: record.id, index: typeof index === 'string' ? index : '' })
      }
    }
    pages.sort((a, b) => (a.index < b.index ? -1 : a.index > b.index ? 1 : 0))
    pages.forEach((page, i) => this.pageOrder.set(page.id, i))
  }

  shape(id: string): Shape | undefined {
    return this.shapes.get(id)
  }

  allShapes(): IterableIterator<Shape> {
    return this.shapes.values()
  }

  zoneFrames(): Shape[] {
    return [...this.shapes.values()].filter((shape) => shape.type === 'frame' && isZone(shape.meta.zone) && this.pageOf(shape) !== null)
  }

  /** Every note, text and geo shape with text that is not scaffolding. */
  contentItems(): Item[] {
    const items: Item[] = []
    for (const shape of this.shapes.values()) {
      if (!CONTENT_TYPES.has(shape.type) || shape.meta.scaffold === true || this.pageOf(shape) === null) continue
      const text = plainText(shape)
      if (!text) continue
      const box = this.bounds(shape)
      items.push({ shape, text, box, centre: { x: (box.minX + box.maxX) / 2, y: (box.minY + box.maxY) / 2 } })
    }
    return items
  }

  /** The zone frame a shape belongs to (see the module comment), or null. */
  zoneOf(shape: Shape, zoneFrames: readonly Shape[] = this.zoneFrames()): Shape | null {
    let parent = this.shapes.get(shape.parentId)
    for (let depth = 0; parent && depth < MAX_DEPTH; depth++) {
      if (parent.type === 'frame' && isZone(parent.meta.zone)) return parent
      parent = this.shapes.get(parent.parentId)
    }
    const page = this.pageOf(shape)
    const box = this.bounds(shape)
    const centre = { x: (box.minX + box.maxX) / 2, y: (box.minY + box.maxY) / 2 }
    let best: Shape | null = null
    let bestArea = Infinity
    for (const frame of zoneFrames) {
      if (frame.id === shape.id || this.pageOf(frame) !== page) continue
      const b = this.bounds(frame)
      if (centre.x < b.minX || centre.x > b.maxX || centre.y < b.minY || centre.y > b.maxY) continue
      const area = (b.maxX - b.minX) * (b.maxY - b.minY)
      if (area < bestArea) {
        best = frame
        bestArea = area
      }
    }
    return best
  }

  /**
   * Where the timeline's lower lane (interpretations) begins, in page y: the top of the scaffold
   * shape with `meta.lane: "duidingen"` in the frame, else the axis, else the frame's middle.
   */
  laneBoundary(frame: Shape): number {
    const inFrame = [...this.shapes.values()].filter((shape) => shape.meta.scaffold === true && this.isInside(shape, frame))
    const lane = inFrame.find((shape) => shape.meta.lane === 'duidingen')
    if (lane) return this.bounds(lane).minY
    const axis = inFrame.find((shape) => shape.meta.role === 'axis')
    if (axis) {
      const box = this.bounds(axis)
      return (box.minY + box.maxY) / 2
    }
    const box = this.bounds(frame)
    return (box.minY + box.maxY) / 2
  }

  /** Page order first, then rows; for the sections that span the whole board. */
  pageOrdered(items: readonly Item[]): Item[] {
    const byPage = new Map<number, Item[]>()
    for (const item of items) {
      const rank = this.pageRank(item.shape)
      const list = byPage.get(rank)
      if (list) list.push(item)
      else byPage.set(rank, [item])
    }
    return [...byPage.entries()].sort(([a], [b]) => a - b).flatMap(([, pageItems]) => sortRows(pageItems))
  }

  pageRank(shape: Shape): number {
    const page = this.pageOf(shape)
    return page === null ? Number.MAX_SAFE_INTEGER : (this.pageOrder.get(page) ?? Number.MAX_SAFE_INTEGER - 1)
  }

  /** Axis-aligned page bounds of a shape. */
  bounds(shape: Shape): Box {
    const cached = this.boxes.get(shape.id)
    if (cached) return cached
    const { w, h } = localSize(shape, this)
    const corners = [
      { x: 0, y: 0 },
      { x: w, y: 0 },
      { x: 0, y: h },
      { x: w, y: h },
    ].map((point) => this.toPage(shape, point))
    const box = {
      minX: Math.min(...corners.map((p) => p.x)),
      minY: Math.min(...corners.map((p) => p.y)),
      maxX: Math.max(...corners.map((p) => p.x)),
      maxY: Math.max(...corners.map((p) => p.y)),
    }
    this.boxes.set(shape.id, box)
    return box
  }

  children(shape: Shape): Shape[] {
    return [...this.shapes.values()].filter((child) => child.parentId === shape.id)
  }

  /** A point in the shape's own space, in page space. */
  toPage(shape: Shape, point: { x: number; y: number }): { x: number; y: number } {
    let current: Shape | undefined = shape
    let p = point
    for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
      const cos = Math.cos(current.rotation)
      const sin = Math.sin(current.rotation)
      p = { x: current.x + p.x * cos - p.y * sin, y: current.y + p.x * sin + p.y * cos }
      current = this.shapes.get(current.parentId)
    }
    return p
  }

  /** The page a shape is on, or null when its parent chain is broken. */
  pageOf(shape: Shape): string | null {
    let current: Shape | undefined = shape
    for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
      if (current.parentId.startsWith('page:')) return current.parentId
      current = this.shapes.get(current.parentId)
    }
    return null
  }

  private isInside(shape: Shape, frame: Shape): boolean {
    let parent = this.shapes.get(shape.parentId)
    for (let depth = 0; parent && depth < MAX_DEPTH; depth++) {
      if (parent.id === frame.id) return true
      parent = this.shapes.get(parent.parentId)
    }
    return false
  }
}

function isZone(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== ''
}

function toShape(record: HarvestRecord): Shape | null {
  const r = record as Partial<Shape> & HarvestRecord
  if (typeof r.type !== 'string' || typeof r.parentId !== 'string') return null
  const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0)
  const obj = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {})
  return {
    id: r.id,
    type: r.type,
    parentId: r.parentId,
    index: typeof r.index === 'string' ? r.index : '',
    x: num(r.x),
    y: num(r.y),
    rotation: num(r.rotation),
    isLocked: r.isLocked === true,
    props: obj(r.props),
    meta: obj(r.meta),
  }
}

/** A shape's size in its own space (before rotation). */
function localSize(shape: Shape, board: BoardGeometry): { w: number; h: number } {
  const p = shape.props
  const num = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback)
  const scale = num(p.scale, 1)
  switch (shape.type) {
    case 'note':
      return { w: NOTE_SIZE * scale, h: (NOTE_SIZE + num(p.growY, 0)) * scale }
    case 'geo':
      return { w: num(p.w, 0), h: num(p.h, 0) + num(p.growY, 0) }
    case 'text': {
      const fontSize = TEXT_FONT_SIZE[(p.size as keyof typeof TEXT_FONT_SIZE) ?? 'm'] ?? TEXT_FONT_SIZE.m
      const text = plainText(shape)
      const width = p.autoSize === false ? num(p.w, 8) : Math.max(8, ...text.split('\n').map((line) => estimateTextWidth(line, fontSize)))
      const lines = p.autoSize === false ? estimateLineCount(text, fontSize, width) : Math.max(1, text.split('\n').length)
      return { w: width * scale, h: lines * fontSize * LINE_HEIGHT * scale }
    }
    case 'arrow': {
      const start = p.start as { x?: number; y?: number } | undefined
      const end = p.end as { x?: number; y?: number } | undefined
      return { w: Math.max(num(start?.x, 0), num(end?.x, 0)), h: Math.max(num(start?.y, 0), num(end?.y, 0)) }
    }
    case 'group': {
      // The union of the children, in the group's space (groups sit at their children's origin).
      let w = 0
      let h = 0
      for (const child of board.children(shape)) {
        const size = localSize(child, board)
        w = Math.max(w, child.x + size.w)
        h = Math.max(h, child.y + size.h)
      }
      return { w, h }
    }
    default:
      return { w: num(p.w, 0), h: num(p.h, 0) }
  }
}
