/**
 * A schematic of a template for the picker: its frames as rectangles with their names, its cards
 * as small blocks, in page coordinates (the SVG scales them). Read from the records
 * `GET /api/templates/:id` returns.
 */
import { BoardGeometry, type HarvestRecord } from '../../shared/board-geometry.ts'

export interface PreviewBox {
  id: string
  x: number
  y: number
  w: number
  h: number
}

export interface PreviewFrame extends PreviewBox {
  name: string
  /** 0 for a frame on the page, 1 for one inside another frame, … */
  depth: number
}

export interface PreviewCard extends PreviewBox {
  color: string
}

export interface TemplatePreviewModel {
  /** The area to show: every frame and card, with a margin. */
  view: PreviewBox
  frames: PreviewFrame[]
  cards: PreviewCard[]
}

const MARGIN = 40

export function templatePreview(records: readonly HarvestRecord[]): TemplatePreviewModel {
  const geometry = new BoardGeometry(records)
  const shapes = records.flatMap((record) => {
    const shape = record.typeName === 'shape' ? geometry.shape(record.id) : undefined
    return shape && geometry.pageOf(shape) !== null ? [shape] : []
  })
  const box = (id: string): PreviewBox => {
    const b = geometry.bounds(geometry.shape(id)!)
    return { id, x: b.minX, y: b.minY, w: b.maxX - b.minX, h: b.maxY - b.minY }
  }
  const frameIds = new Set(shapes.filter((shape) => shape.type === 'frame').map((shape) => shape.id))
  const frames = shapes
    .filter((shape) => frameIds.has(shape.id))
    .map((shape): PreviewFrame => {
      let depth = 0
      let parent = geometry.shape(shape.parentId)
      for (let guard = 0; parent && guard < 64; guard++) {
        if (frameIds.has(parent.id)) depth++
        parent = geometry.shape(parent.parentId)
      }
      return { ...box(shape.id), name: typeof shape.props.name === 'string' ? shape.props.name : '', depth }
    })
    // Outer frames first, so inner ones are drawn on top.
    .sort((a, b) => a.depth - b.depth)
  const cards = shapes
    .filter((shape) => shape.meta.scaffold !== true && (shape.type === 'note' || shape.type === 'geo'))
    .map((shape): PreviewCard => ({ ...box(shape.id), color: typeof shape.props.color === 'string' ? shape.props.color : 'yellow' }))

  const all = [...frames, ...cards]
  if (all.length === 0) return { view: { id: 'view', x: 0, y: 0, w: 1600, h: 900 }, frames, cards }
  const minX = Math.min(...all.map((b) => b.x)) - MARGIN
  const minY = Math.min(...all.map((b) => b.y)) - MARGIN
  const maxX = Math.max(...all.map((b) => b.x + b.w)) + MARGIN
  const maxY = Math.max(...all.map((b) => b.y + b.h)) + MARGIN
  return { view: { id: 'view', x: minX, y: minY, w: maxX - minX, h: maxY - minY }, frames, cards }
}

/** tldraw's colour names to the fills a schematic uses (light, like the notes on the board). */
export const CARD_FILLS: Record<string, string> = {
  yellow: '#f9d65c',
  orange: '#f5a05b',
  red: '#f08b8b',
  'light-red': '#f7b3b3',
  green: '#7fcf8f',
  'light-green': '#b5e3b0',
  blue: '#7ea6e8',
  'light-blue': '#a9d2f2',
  violet: '#c3a6e8',
  'light-violet': '#dccbf2',
  grey: '#c5cad1',
  black: '#9aa1ab',
  white: '#ffffff',
}

/** Roughly how many characters of a label fit in `width` px at `fontSize` px. */
export function fitLabel(text: string, width: number, fontSize: number): string {
  const max = Math.floor(width / (fontSize * 0.56))
  if (text.length <= max) return text
  if (max < 2) return ''
  return `${text.slice(0, max - 1).trimEnd()}…`
}
