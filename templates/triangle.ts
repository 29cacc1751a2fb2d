/** A triangle of three labelled shapes, one on top and two below, joined by double-headed arrows. */
import type { TLDefaultColorStyle, TLDefaultFillStyle, TLDefaultSizeStyle, TLGeoShapeGeoStyle, TLParentId } from '@tldraw/tlschema'
import type { BoardBuilder, Placed } from './shapes.ts'

export interface TriangleCorner {
  /** Stable key of the corner's shape. */
  key: string
  text: string
}

export interface TriangleOptions {
  /** The area the triangle spans, in the parent's coordinates. */
  left: number
  top: number
  width: number
  height: number
  /** How far the two lower corners keep from the area's sides. */
  inset: number
  node: { w: number; h: number; geo: TLGeoShapeGeoStyle; color: TLDefaultColorStyle; fill: TLDefaultFillStyle; size: TLDefaultSizeStyle }
  /** Three: top, lower left, lower right. */
  corners: readonly TriangleCorner[]
}

/** Places the corners (locked labels) and the arrows bound to them; returns the corners. */
export function scaffoldTriangle(b: BoardBuilder, parentId: TLParentId, o: TriangleOptions): Placed[] {
  if (o.corners.length !== 3) throw new Error(`a triangle has three corners, not ${o.corners.length}`)
  const { w, h, geo, color, fill, size } = o.node
  const lowerY = o.top + o.height - h
  const positions = [
    { x: o.left + (o.width - w) / 2, y: o.top },
    { x: o.left + o.inset, y: lowerY },
    { x: o.left + o.width - o.inset - w, y: lowerY },
  ] as const
  const nodes = o.corners.map((corner, i) =>
    b.scaffoldGeo(parentId, { key: corner.key, role: 'label', ...positions[i]!, w, h, text: corner.text, geo, color, fill, size }),
  )
  for (const [from, to] of [
    [0, 1],
    [1, 2],
    [2, 0],
  ] as const) {
    const a = positions[from]
    const z = positions[to]
    b.scaffoldArrow(parentId, {
      role: 'connector',
      x: a.x + w / 2,
      y: a.y + h / 2,
      start: { point: { x: 0, y: 0 }, to: nodes[from]!.id },
      end: { point: { x: z.x - a.x, y: z.y - a.y }, to: nodes[to]!.id },
      arrowheadStart: 'arrow',
      arrowheadEnd: 'arrow',
      color,
    })
  }
  return nodes
}
