/**
 * Where a card goes that someone adds or moves without the canvas (the list view), so that on the
 * canvas it lies in its part, in its lane and in reading order (shared/board-outline.ts):
 *
 * - its centre lies inside the zone frame (else it would leave the zone), and the whole card when
 *   it fits;
 * - on the timeline a moment goes in the upper lane at the x its date implies among the dated
 *   moments (after the last one dated on or before it, before the first one dated after it), or
 *   right after / before a given neighbour; a moment without date goes at the end;
 *   an interpretation goes in the lower lane under its moment (the moment the outline will read
 *   it under);
 * - in other zones it takes the next free slot in rows: a grid aligned on the zone's cards (or
 *   the frame's corner), row by row, left to right;
 * - it never overlaps another shape while there is room (the frame's headings and prompts count,
 *   the lanes and the frame do not); when there is none it goes where the order wants it,
 *   covering as little of the others as it can;
 * - a template's empty placeholder card (a blank, unlocked note with `meta.kind`) is free space:
 *   the card takes the first fitting one's place and `replaces` names it, as a note put down on
 *   it on the canvas does (client/cards/lane-style.ts);
 * - nothing else moves: only the placed card changes.
 *
 * Cost: one pass over the shapes plus a bounded number of candidate positions, each checked
 * against a spatial hash of the shapes in the frame: linear in the board.
 */
import { NOTE_SIZE } from '../templates/shapes.ts'
import { MomentIndex } from './board-outline.ts'
import { sortRows, type BoardGeometry, type Box, type Shape } from './board-geometry.ts'
import { plainText } from './plain-text.ts'
import { cardDate, TIMELINE_ZONE } from './card-rules.ts'
import { dateOrder } from './date-order.ts'

/** Space between cards, and between cards and the frame's edge. */
export const CARD_GAP = 40
const EDGE = 24

export interface PlaceRequest {
  /** The zone frame (OutlinePart.frameId); null: outside every zone (below the board's frames). */
  frameId: string | null
  /** The card's size on the page. */
  size: { w: number; h: number }
  /** The card being moved: its current place counts as free. */
  moving?: string
  /** Timeline: which lane (default moment). */
  lane?: 'moment' | 'duiding'
  /** Moments: the date, placing it among the dated moments. */
  date?: string | null
  /** Moments: go right after / right before this moment. */
  after?: string
  before?: string
  /** Interpretations: the moment to go under. */
  duidingOf?: string
}

export interface Placement {
  /** Page position of the card's top-left corner. */
  x: number
  y: number
  /** The empty placeholder card whose place it takes (to be removed), if any. */
  replaces: string | null
}

export function placeCard(board: BoardGeometry, request: PlaceRequest): Placement {
  const frame = request.frameId ? board.shape(request.frameId) : undefined
  if (!frame) return placeInRows(outsideSpace(board, request.moving), request)
  const skip = new Set<string>([frame.id])
  for (let parent = board.shape(frame.parentId); parent; parent = board.shape(parent.parentId)) skip.add(parent.id)
  const space = new FrameSpace(board, board.bounds(frame), board.pageOf(frame), skip, request.moving)
  if (frame.meta.zone === TIMELINE_ZONE) {
    const lanes = timelineLanes(board, frame, space)
    const lane = request.duidingOf ? 'duiding' : (request.lane ?? 'moment')
    if (lane === 'duiding') return placeDuiding(space, lanes, request)
    return placeMoment(space, lanes, request)
  }
  return placeInRows(space, request)
}

// ---------------------------------------------------------------------------------------------
// The frame's space

interface Card {
  id: string
  box: Box
  centre: { x: number; y: number }
  shape: Shape
}

const CELL = 256

/** The shapes lying in one frame, as obstacles (in a spatial hash) and as cards. */
class FrameSpace {
  /** Cards (not scaffolding) on the frame, without the moving one and placeholders. */
  readonly cards: Card[] = []
  /** Template's empty cards, free to take. */
  readonly placeholders: Card[] = []
  private readonly cells = new Map<string, Box[]>()
  private readonly placeholderCells = new Map<string, Box[]>()
  private readonly all: Box[] = []

  constructor(
    board: BoardGeometry,
    /** The frame's bounds (or the region below the frames, for cards outside every zone). */
    readonly box: Box,
    page: string | null,
    skip: ReadonlySet<string>,
    moving: string | undefined,
  ) {
    for (const shape of board.allShapes()) {
      if (skip.has(shape.id) || shape.id === moving || shape.type === 'arrow' || shape.type === 'group' || shape.meta.role === 'lane') continue
      const box = board.bounds(shape)
      if (!intersects(box, this.box, 0) || board.pageOf(shape) !== page) continue
      const card = { id: shape.id, box, centre: centreOf(box), shape }
      if (isPlaceholder(shape)) {
        this.placeholders.push(card)
        add(this.placeholderCells, box)
        continue
      }
      if (shape.meta.scaffold !== true && shape.type !== 'frame') this.cards.push(card)
      this.all.push(box)
      add(this.cells, box)
    }
  }

  obstacles(): readonly Box[] {
    return this.all
  }

  /**
   * Whether a card at `box` would touch nothing (keeping a small gap), placeholders included;
   * `taking`: the placeholder it replaces, which does not count.
   */
  free(box: Box, taking?: Box): boolean {
    for (const key of keys(box)) {
      for (const other of this.cells.get(key) ?? []) if (intersects(box, other, CARD_GAP / 4)) return false
      for (const other of this.placeholderCells.get(key) ?? []) if (other !== taking && intersects(box, other, 0)) return false
    }
    return true
  }

  /** How much a card at `box` would cover of other shapes (each counted once), for when there is no room. */
  overlap(box: Box): number {
    const seen = new Set<Box>()
    let area = 0
    for (const key of keys(box)) {
      for (const other of [...(this.cells.get(key) ?? []), ...(this.placeholderCells.get(key) ?? [])]) {
        if (seen.has(other)) continue
        seen.add(other)
        const w = Math.min(box.maxX, other.maxX) - Math.max(box.minX, other.minX)
        const h = Math.min(box.maxY, other.maxY) - Math.max(box.minY, other.minY)
        if (w > 0 && h > 0) area += w * h
      }
    }
    return area
  }

  /** Whether the whole card lies inside the frame (with a margin). */
  inside(box: Box): boolean {
    return box.minX >= this.box.minX + EDGE / 2 && box.maxX <= this.box.maxX - EDGE / 2 && box.minY >= this.box.minY + EDGE / 2 && box.maxY <= this.box.maxY - EDGE / 2
  }

  /** The position moved so the card's centre lies inside the frame. */
  clampCentre(x: number, y: number, size: { w: number; h: number }): { x: number; y: number } {
    const cx = Math.min(Math.max(x + size.w / 2, this.box.minX + 1), this.box.maxX - 1)
    const cy = Math.min(Math.max(y + size.h / 2, this.box.minY + 1), this.box.maxY - 1)
    return { x: cx - size.w / 2, y: cy - size.h / 2 }
  }

}

function add(cells: Map<string, Box[]>, box: Box): void {
  for (const key of keys(box)) {
    const list = cells.get(key)
    if (list) list.push(box)
    else cells.set(key, [box])
  }
}

function* keys(box: Box): Generator<string> {
  const pad = CARD_GAP / 4
  for (let cx = Math.floor((box.minX - pad) / CELL); cx <= Math.floor((box.maxX + pad) / CELL); cx++) {
    for (let cy = Math.floor((box.minY - pad) / CELL); cy <= Math.floor((box.maxY + pad) / CELL); cy++) yield `${cx},${cy}`
  }
}

/** The spot that covers least of others, among candidates (the first on ties). */
class LeastOverlap {
  private best: { x: number; y: number; area: number } | null = null

  constructor(private readonly space: FrameSpace) {}

  consider(box: Box): void {
    const area = this.space.overlap(box)
    if (!this.best || area < this.best.area) this.best = { x: box.minX, y: box.minY, area }
  }

  get(): Placement | null {
    return this.best && { x: this.best.x, y: this.best.y, replaces: null }
  }
}

/** A template's empty card: a blank, unlocked note that says what it is for (`meta.kind`). */
export function isPlaceholder(shape: Shape): boolean {
  return shape.type === 'note' && shape.isLocked !== true && shape.meta.scaffold !== true && typeof shape.meta.kind === 'string' && plainText(shape).trim() === ''
}

function intersects(a: Box, b: Box, gap: number): boolean {
  return a.minX < b.maxX + gap && a.maxX > b.minX - gap && a.minY < b.maxY + gap && a.maxY > b.minY - gap
}

function boxAt(x: number, y: number, size: { w: number; h: number }): Box {
  return { minX: x, minY: y, maxX: x + size.w, maxY: y + size.h }
}

function centreOf(box: Box): { x: number; y: number } {
  return { x: (box.minX + box.maxX) / 2, y: (box.minY + box.maxY) / 2 }
}

// ---------------------------------------------------------------------------------------------
// Rows

/** Most candidate slots looked at (a full frame then takes the first slot anyway). */
const MAX_SLOTS = 20_000

function placeInRows(space: FrameSpace, request: PlaceRequest): Placement {
  const { size } = request
  const anchors = [...space.cards, ...space.placeholders]
  const originX = anchors.reduce((min, card) => Math.min(min, card.box.minX), anchors.length > 0 ? Infinity : space.box.minX + EDGE)
  const originY = anchors.reduce((min, card) => Math.min(min, card.box.minY), anchors.length > 0 ? Infinity : space.box.minY + EDGE)
  const stepX = size.w + CARD_GAP
  // Slots: a grid on the zone's cards, rows also just below each shape in the frame (where a row
  // of other sizes ends), and the template's empty cards; taken in reading order.
  const bottom = space.box.maxY - EDGE / 2
  const ys = new Set<number>()
  for (let y = originY; y + size.h <= bottom; y += size.h + CARD_GAP) ys.add(y)
  for (const box of space.obstacles()) if (box.maxY + CARD_GAP >= originY && box.maxY + CARD_GAP + size.h <= bottom) ys.add(box.maxY + CARD_GAP)
  const slots: { box: Box; placeholder: Card | null }[] = space.placeholders.filter((card) => space.inside(card.box)).map((card) => ({ box: card.box, placeholder: card }))
  for (const y of [...ys].sort((a, b) => a - b)) {
    // From the zone's left edge of cards; a row too narrow for one card still gets one slot.
    for (let x = originX; (x === originX || x + size.w <= space.box.maxX - EDGE / 2) && slots.length < MAX_SLOTS; x += stepX) slots.push({ box: boxAt(x, y, size), placeholder: null })
  }
  const least = new LeastOverlap(space)
  for (const { box, placeholder } of sortRows(slots)) {
    if (placeholder) {
      if (space.free(placeholder.box, placeholder.box)) return { x: box.minX, y: box.minY, replaces: placeholder.id }
      continue
    }
    if (!space.inside(box)) continue
    if (space.free(box)) return { x: box.minX, y: box.minY, replaces: null }
    least.consider(box)
  }
  // No room: where it covers least, else after the last card, its centre inside the frame.
  const fallback = least.get()
  if (fallback) return fallback
  const last = firstInRows(space.cards, true)
  const at = last ? { x: last.box.minX + CARD_GAP, y: last.box.minY + CARD_GAP } : { x: originX, y: originY }
  return { ...space.clampCentre(at.x, at.y, size), replaces: null }
}

/** The first (or last) card in reading order: rows top to bottom, each left to right. */
function firstInRows(cards: readonly Card[], last = false): Card | undefined {
  const tolerance = NOTE_SIZE / 2
  let best: Card | undefined
  for (const card of cards) {
    if (!best) {
      best = card
      continue
    }
    const sameRow = Math.abs(card.box.minY - best.box.minY) < tolerance
    const before = sameRow ? card.box.minX < best.box.minX : card.box.minY < best.box.minY
    if (before !== last) best = card
  }
  return best
}

// ---------------------------------------------------------------------------------------------
// The timeline

interface Lanes {
  /** Page y where interpretations begin. */
  boundary: number
  moments: Box
  duidingen: Box
}

/** The two lanes: the scaffold lanes when the template has them, else the frame's halves. */
function timelineLanes(board: BoardGeometry, frame: Shape, space: FrameSpace): Lanes {
  const boundary = board.laneBoundary(frame)
  let moments: Box | null = null
  let duidingen: Box | null = null
  const zoneFrames = board.zoneFrames()
  for (const shape of board.allShapes()) {
    if (shape.meta.role !== 'lane' || board.zoneOf(shape, zoneFrames) !== frame) continue
    if (shape.meta.lane === 'momenten') moments = board.bounds(shape)
    if (shape.meta.lane === 'duidingen') duidingen = board.bounds(shape)
  }
  const f = space.box
  return {
    boundary,
    moments: moments ?? { minX: f.minX + EDGE, maxX: f.maxX - EDGE, minY: f.minY + EDGE, maxY: boundary },
    duidingen: duidingen ?? { minX: f.minX + EDGE, maxX: f.maxX - EDGE, minY: boundary, maxY: f.maxY - EDGE },
  }
}

/** Rows a card can take in a lane: the template's spot first (below the lane's label), then further down. */
function laneRows(lane: Box, space: FrameSpace, size: { h: number }, fits: (y: number) => boolean): number[] {
  const laneH = lane.maxY - lane.minY
  const first = lane.minY + Math.max(0, Math.min(90, laneH - size.h))
  const rows: number[] = []
  for (let y = first; y + size.h <= space.box.maxY - EDGE / 2 && rows.length < 4; y += size.h + CARD_GAP) if (fits(y)) rows.push(y)
  if (rows.length === 0) rows.push(first)
  return rows
}

function placeMoment(space: FrameSpace, lanes: Lanes, request: PlaceRequest): Placement {
  const { size } = request
  const moments = space.cards.filter((card) => card.centre.y < lanes.boundary).sort((a, b) => a.box.minX - b.box.minX || a.box.minY - b.box.minY)
  const lane = lanes.moments
  // The neighbours it goes between (by left edges, the order the outline reads), and where it
  // would rather be: right after `prev`, or in the middle of the gap when it also has a `next`
  // (leaving room for more moments on both sides).
  let prev: Card | undefined
  let next: Card | undefined
  const given = request.after ?? request.before
  const at = given ? moments.findIndex((card) => card.id === given) : -1
  const order = dateOrder(request.date)
  if (at !== -1) {
    prev = request.after ? moments[at] : moments[at - 1]
    next = request.after ? moments[at + 1] : moments[at]
  } else if (order === null) {
    prev = moments.at(-1)
  } else {
    // Between the dated moments only: undated ones may end up on either side.
    for (const card of moments) {
      const other = dateOrder(cardDate({ text: plainText(card.shape), meta: card.shape.meta }).date)
      if (other === null) continue
      if (other <= order) {
        prev = card
        next = undefined
      } else if (!next) next = card
    }
    if (!prev && !next) prev = moments.at(-1)
  }
  const lo = prev ? prev.box.minX : -Infinity
  const hi = next ? next.box.minX : Infinity
  const inOrder = (x: number) => x > lo && x < hi

  const placeholder = space.placeholders
    .filter((card) => card.centre.y < lanes.boundary && inOrder(card.box.minX) && space.inside(card.box))
    .sort((a, b) => a.box.minX - b.box.minX)[0]
  if (placeholder) return { x: placeholder.box.minX, y: placeholder.box.minY, replaces: placeholder.id }

  const rows = laneRows(lane, space, size, (y) => y + size.h / 2 < lanes.boundary)
  const gapStart = prev ? prev.box.maxX + CARD_GAP : lane.minX + CARD_GAP
  const gapEnd = next ? next.box.minX - CARD_GAP - size.w : lane.maxX - CARD_GAP - size.w
  const start = next && gapEnd >= gapStart ? Math.round((gapStart + gapEnd) / 2) : prev || !next ? gapStart : gapEnd
  const left = Math.max(lane.minX, Number.isFinite(lo) ? lo + 1 : -Infinity)
  const right = Math.min(lane.maxX - size.w, Number.isFinite(hi) ? hi - 1 : Infinity)
  // From the preferred spot outwards in half-gap steps, each x on every row of the lane.
  const step = CARD_GAP / 2
  const least = new LeastOverlap(space)
  for (let i = 0; ; i++) {
    const offset = Math.ceil(i / 2) * step
    if (start - offset < left && start + offset > right) break
    const x = i % 2 === 0 ? start + offset : start - offset
    if (x < left || x > right) continue
    for (const y of rows) {
      const box = boxAt(x, y, size)
      if (!space.inside(box)) continue
      if (space.free(box)) return { x, y, replaces: null }
      least.consider(box)
    }
  }
  // No room between its neighbours: keep the order anyway, covering as little as it can.
  const fallback = least.get()
  if (fallback) return fallback
  const x = Number.isFinite(lo) && Number.isFinite(hi) ? (lo + hi) / 2 : Number.isFinite(lo) ? lo + size.w / 2 : Number.isFinite(hi) ? hi - size.w / 2 : start
  return { ...space.clampCentre(x, rows[0]!, size), replaces: null }
}

function placeDuiding(space: FrameSpace, lanes: Lanes, request: PlaceRequest): Placement {
  const { size } = request
  const moments = space.cards.filter((card) => card.centre.y < lanes.boundary)
  const moment = moments.find((card) => card.id === request.duidingOf)
  const lane = lanes.duidingen
  const rows = laneRows(lane, space, size, (y) => y + size.h / 2 >= lanes.boundary)
  if (!moment) {
    // Under no moment: the next free place in the lower lane, after the others.
    const after = space.cards.filter((card) => card.centre.y >= lanes.boundary).reduce((max, card) => Math.max(max, card.box.maxX + CARD_GAP), lane.minX + CARD_GAP)
    for (let x = after; x + size.w <= lane.maxX; x += CARD_GAP) {
      for (const y of rows) {
        const box = boxAt(x, y, size)
        if (space.free(box) && space.inside(box)) return { x, y, replaces: null }
      }
    }
    return { ...space.clampCentre(after, rows[0]!, size), replaces: null }
  }
  const index = new MomentIndex(moments)
  const under = (box: Box) => index.closest({ box, centre: centreOf(box) }) === moment
  const placeholder = space.placeholders
    .filter((card) => card.centre.y >= lanes.boundary && under(card.box) && space.inside(card.box))
    .sort((a, b) => a.box.minX - b.box.minX)[0]
  if (placeholder) return { x: placeholder.box.minX, y: placeholder.box.minY, replaces: placeholder.id }
  // Straight under the moment, then further down, then shifted sideways while still read under it.
  const step = CARD_GAP / 2
  const least = new LeastOverlap(space)
  // When there is no room: anywhere in the lane (in half-gap steps down) that is still under it.
  const anyY: number[] = []
  for (let y = lane.minY; y + size.h <= space.box.maxY - EDGE / 2; y += step) if (y + size.h / 2 >= lanes.boundary) anyY.push(y)
  for (let offset = 0; offset < size.w + (moment.box.maxX - moment.box.minX); offset += step) {
    for (const dx of offset === 0 ? [0] : [offset, -offset]) {
      for (const y of rows) {
        const box = boxAt(moment.box.minX + dx, y, size)
        if (space.free(box) && space.inside(box) && under(box)) return { x: box.minX, y, replaces: null }
      }
      for (const y of anyY) {
        const box = boxAt(moment.box.minX + dx, y, size)
        if (space.inside(box) && under(box)) least.consider(box)
      }
    }
  }
  const fallback = least.get()
  if (fallback) return fallback
  return { ...space.clampCentre(moment.box.minX, rows[0]!, size), replaces: null }
}

// ---------------------------------------------------------------------------------------------
// Outside every zone

/** Rows below the zone frames, as wide as they are; on a board without frames, rows over its cards. */
function outsideSpace(board: BoardGeometry, moving: string | undefined): FrameSpace {
  const frames = board.zoneFrames()
  const page = frames[0] ? board.pageOf(frames[0]) : firstPage(board)
  const region = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity }
  for (const shape of frames.length > 0 ? frames : board.allShapes()) {
    if (shape.id === moving || board.pageOf(shape) !== page) continue
    const box = board.bounds(shape)
    region.minX = Math.min(region.minX, box.minX)
    region.minY = Math.min(region.minY, box.minY)
    region.maxX = Math.max(region.maxX, box.maxX)
    region.maxY = Math.max(region.maxY, box.maxY)
  }
  if (!Number.isFinite(region.minX)) Object.assign(region, { minX: 0, minY: 0, maxX: 0, maxY: 0 })
  // At least five cards wide; room for many rows below.
  // (Its edge a margin out from the cards, so the first row can go on beside them.)
  const width = Math.max(region.maxX - region.minX, 5 * (NOTE_SIZE + CARD_GAP)) + 2 * EDGE
  const top = frames.length > 0 ? region.maxY + 2 * CARD_GAP : region.minY - EDGE
  const box = { minX: region.minX - EDGE, maxX: region.minX - EDGE + width, minY: top, maxY: Math.max(region.maxY, top) + 50 * (NOTE_SIZE + CARD_GAP) }
  return new FrameSpace(board, box, page, new Set(), moving)
}

function firstPage(board: BoardGeometry): string | null {
  for (const shape of board.allShapes()) {
    const page = board.pageOf(shape)
    if (page) return page
  }
  return null
}

/**
 * How far (page y, ≤ 0) a card that grew by `grewBy` must move up to stay in its part: on the
 * canvas tldraw grows a card downwards, and a card near its frame's bottom whose centre passes
 * that edge would silently leave the part (and the harvest's section). When the centre would pass
 * it, the card moves up until it fits inside the frame again (never above the frame's top edge).
 * 0 when the card stays in its part anyway, belongs to no part, or is the frame's child.
 */
export function shiftToStayInZone(board: BoardGeometry, shape: Shape, grewBy: number): number {
  if (grewBy <= 0) return 0
  const frame = board.zoneOf(shape)
  if (!frame || shape.parentId === frame.id) return 0
  const box = board.bounds(shape)
  const zone = board.bounds(frame)
  const height = box.maxY - box.minY + grewBy
  if (box.minY + height / 2 <= zone.maxY) return 0
  const top = Math.max(zone.minY + EDGE, Math.min(box.minY, zone.maxY - EDGE - height))
  return Math.min(0, top - box.minY)
}
