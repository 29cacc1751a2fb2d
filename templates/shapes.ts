/**
 * Builders for complete, valid tldraw 5.1 shape and binding records, with every default prop
 * filled in (tlschema's `create()` does not do that), plus a small board builder the templates
 * use to lay out frames, headings, prompts and cards.
 *
 * Records made here never pass through the editor's `onBeforeCreate`, so nothing measures their
 * text: notes get a `growY` and geo boxes a height from `estimateTextHeight`, a deliberately
 * generous estimate, so that text always fits its box at 100% zoom.
 *
 * Conventions the harvest report relies on (server/report/harvest.ts):
 * - every frame a template makes is locked and carries `meta.zone` (stable id) and
 *   `meta.zoneOrder` (its place in the template);
 * - scaffolding (frames, headings, prompts, lanes, axis, triangle) is locked and carries
 *   `meta.scaffold: true` and a `meta.role`; the report skips it;
 * - cards that participants fill, move or delete are page-level shapes lying on top of their
 *   frame (a locked frame cannot receive children in tldraw, and the children of a locked frame
 *   cannot be moved or edited), with `meta.kind` telling what they are.
 */
import {
  createBindingId,
  createShapeId,
  toRichText,
  type TLArrowBinding,
  type TLArrowShape,
  type TLArrowShapeProps,
  type TLDefaultColorStyle,
  type TLDefaultSizeStyle,
  type TLFrameShape,
  type TLGeoShape,
  type TLGeoShapeProps,
  type TLNoteShape,
  type TLNoteShapeProps,
  type TLPageId,
  type TLParentId,
  type TLRecord,
  type TLShape,
  type TLShapeId,
  type TLTextShape,
  type TLTextShapeProps,
} from '@tldraw/tlschema'
import { AGREEMENT_TEXT, KIND_COLOURS } from '../shared/card-rules.ts'
import type { IndexKey, JsonObject } from '@tldraw/utils'

// ---------------------------------------------------------------------------------------------
// Text metrics (tldraw's default theme: base font 16 px, line height 1.35)

export const LINE_HEIGHT = 1.35
/** Font size of text shapes, in px, per size style. */
export const TEXT_FONT_SIZE: Record<TLDefaultSizeStyle, number> = { s: 18, m: 24, l: 36, xl: 44 }
/** Font size of note and geo labels, in px, per size style. */
export const LABEL_FONT_SIZE: Record<TLDefaultSizeStyle, number> = { s: 18, m: 22, l: 26, xl: 32 }
/** Padding around note and geo labels. */
export const LABEL_PADDING = 16
export const NOTE_SIZE = 200

const NARROW = new Set([...`iljtfrI.,:;'!|()[]{}" `])
const WIDE = new Set([...'mwMWOQGDHNUCABKRVXYZ@%&'])

/** Estimated width of a string in the sans font, in px; errs on the wide side. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0
  for (const char of text) em += NARROW.has(char) ? 0.32 : WIDE.has(char) ? 0.8 : 0.58
  return em * fontSize
}

/** Lines a text takes when wrapped at `maxWidth` px (each paragraph starts a new line). */
export function estimateLineCount(text: string, fontSize: number, maxWidth: number): number {
  let lines = 0
  const space = estimateTextWidth(' ', fontSize)
  for (const paragraph of text.split('\n')) {
    let line = 0
    lines++
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      const width = estimateTextWidth(word, fontSize)
      if (line > 0 && line + space + width > maxWidth) {
        lines++
        line = width
      } else {
        line += (line > 0 ? space : 0) + width
      }
      // A word wider than the line wraps by itself.
      while (line > maxWidth) {
        lines++
        line -= maxWidth
      }
    }
  }
  return lines
}

/** Height of `text` in px at `fontSize` wrapped at `maxWidth`. */
export function estimateTextHeight(text: string, fontSize: number, maxWidth: number): number {
  return Math.ceil(estimateLineCount(text, fontSize, maxWidth) * fontSize * LINE_HEIGHT)
}

// ---------------------------------------------------------------------------------------------
// Single records

export interface ShapeBase {
  id: TLShapeId
  parentId: TLParentId
  index: IndexKey
  x: number
  y: number
  rotation?: number
  isLocked?: boolean
  opacity?: number
  meta?: JsonObject
}

function base<T extends TLShape['type']>(type: T, o: ShapeBase) {
  return {
    id: o.id,
    typeName: 'shape' as const,
    type,
    parentId: o.parentId,
    index: o.index,
    x: o.x,
    y: o.y,
    rotation: o.rotation ?? 0,
    isLocked: o.isLocked ?? false,
    opacity: o.opacity ?? 1,
    meta: o.meta ?? {},
  }
}

export function frameRecord(o: ShapeBase & { w: number; h: number; name: string; color?: TLDefaultColorStyle }): TLFrameShape {
  return { ...base('frame', o), props: { w: o.w, h: o.h, name: o.name, color: o.color ?? 'black' } }
}

export type NoteOptions = ShapeBase & Partial<Omit<TLNoteShapeProps, 'richText'>> & { text?: string }

export function noteRecord(o: NoteOptions): TLNoteShape {
  const text = o.text ?? ''
  const size = o.size ?? 'm'
  const props: TLNoteShapeProps = {
    color: o.color ?? 'yellow',
    labelColor: o.labelColor ?? 'black',
    size,
    font: o.font ?? 'sans',
    fontSizeAdjustment: o.fontSizeAdjustment ?? 1,
    align: o.align ?? 'middle',
    verticalAlign: o.verticalAlign ?? 'middle',
    growY: o.growY ?? noteGrowY(text, size),
    url: o.url ?? '',
    richText: toRichText(text),
    scale: o.scale ?? 1,
    textFirstEditedBy: null,
  }
  return { ...base('note', o), props }
}

/** How much taller than 200 px a note must be for its text. */
export function noteGrowY(text: string, size: TLDefaultSizeStyle): number {
  if (text.trim() === '') return 0
  const fontSize = LABEL_FONT_SIZE[size]
  const height = estimateTextHeight(text, fontSize, NOTE_SIZE - 2 * LABEL_PADDING) + 2 * LABEL_PADDING
  return Math.max(0, height - NOTE_SIZE)
}

export type TextOptions = ShapeBase & Partial<Omit<TLTextShapeProps, 'richText'>> & { text: string }

/** A text shape. Give `w` for a wrapping text box (autoSize off); without it the text sizes itself. */
export function textRecord(o: TextOptions): TLTextShape {
  const size = o.size ?? 'm'
  const fixed = o.w !== undefined
  const props: TLTextShapeProps = {
    color: o.color ?? 'black',
    size,
    font: o.font ?? 'sans',
    textAlign: o.textAlign ?? 'start',
    w: o.w ?? Math.max(8, Math.ceil(Math.max(...o.text.split('\n').map((line) => estimateTextWidth(line, TEXT_FONT_SIZE[size]))))),
    richText: toRichText(o.text),
    scale: o.scale ?? 1,
    autoSize: o.autoSize ?? !fixed,
  }
  return { ...base('text', o), props }
}

export type GeoOptions = ShapeBase & Partial<Omit<TLGeoShapeProps, 'richText'>> & { w: number; h: number; text?: string }

export function geoRecord(o: GeoOptions): TLGeoShape {
  const props: TLGeoShapeProps = {
    geo: o.geo ?? 'rectangle',
    dash: o.dash ?? 'solid',
    url: o.url ?? '',
    w: o.w,
    h: o.h,
    growY: o.growY ?? 0,
    scale: o.scale ?? 1,
    labelColor: o.labelColor ?? 'black',
    color: o.color ?? 'black',
    fill: o.fill ?? 'none',
    size: o.size ?? 'm',
    font: o.font ?? 'sans',
    align: o.align ?? 'middle',
    verticalAlign: o.verticalAlign ?? 'middle',
    richText: toRichText(o.text ?? ''),
  }
  return { ...base('geo', o), props }
}

/** Height a geo box needs for its label at width `w`. */
export function geoHeightFor(text: string, w: number, size: TLDefaultSizeStyle = 'm', minHeight = 0): number {
  const fontSize = LABEL_FONT_SIZE[size]
  return Math.max(minHeight, estimateTextHeight(text, fontSize, w - 2 * LABEL_PADDING) + 2 * LABEL_PADDING)
}

export interface ArrowEnd {
  /** Position relative to the arrow's x/y (used when unbound, and as a hint when bound). */
  point: { x: number; y: number }
  /** Binds this end to a shape. */
  to?: TLShapeId
  /** Where on the bound shape, 0..1 each way (default: its centre, not precise). */
  anchor?: { x: number; y: number }
}

export type ArrowOptions = ShapeBase &
  Partial<Omit<TLArrowShapeProps, 'richText' | 'start' | 'end'>> & { start: ArrowEnd; end: ArrowEnd; text?: string }

/** An arrow and, for each bound end, its arrow binding. */
export function arrowRecords(o: ArrowOptions): [TLArrowShape, ...TLArrowBinding[]] {
  const props: TLArrowShapeProps = {
    kind: o.kind ?? 'arc',
    labelColor: o.labelColor ?? 'black',
    color: o.color ?? 'black',
    fill: o.fill ?? 'none',
    dash: o.dash ?? 'solid',
    size: o.size ?? 'm',
    arrowheadStart: o.arrowheadStart ?? 'none',
    arrowheadEnd: o.arrowheadEnd ?? 'arrow',
    font: o.font ?? 'sans',
    start: { x: o.start.point.x, y: o.start.point.y },
    end: { x: o.end.point.x, y: o.end.point.y },
    bend: o.bend ?? 0,
    richText: toRichText(o.text ?? ''),
    labelPosition: o.labelPosition ?? 0.5,
    scale: o.scale ?? 1,
    elbowMidPoint: o.elbowMidPoint ?? 0.5,
  }
  const arrow: TLArrowShape = { ...base('arrow', o), props }
  const bindings: TLArrowBinding[] = []
  for (const terminal of ['start', 'end'] as const) {
    const end = o[terminal]
    if (!end.to) continue
    bindings.push({
      id: createBindingId(`${o.id.slice('shape:'.length)}-${terminal}`),
      typeName: 'binding',
      type: 'arrow',
      fromId: o.id,
      toId: end.to,
      meta: {},
      props: {
        terminal,
        normalizedAnchor: end.anchor ?? { x: 0.5, y: 0.5 },
        isExact: false,
        isPrecise: end.anchor !== undefined,
        snap: 'none',
      },
    })
  }
  return [arrow, ...bindings]
}

// ---------------------------------------------------------------------------------------------
// Board builder

/** What a scaffold shape is for (meta.role); the report skips every scaffold shape. */
export type ScaffoldRole = 'heading' | 'subheading' | 'prompt' | 'lane' | 'axis' | 'label' | 'connector'

export interface Placed {
  id: TLShapeId
  /** y just below the shape, relative to the frame (or parent) it was placed in. */
  bottom: number
}

interface Pending {
  record: TLShape | TLArrowBinding
  /** Page-level cards go on top of every frame. */
  front: boolean
}

export const COLORS = {
  heading: 'black',
  subheading: 'blue',
  prompt: 'black',
  lane: 'grey',
} as const satisfies Record<string, TLDefaultColorStyle>

/**
 * Collects the records of one template. Ids are deterministic (`shape:<prefix>-<key>`), index keys
 * ascend in creation order per parent, with page-level cards above every frame.
 */
export class BoardBuilder {
  private readonly pending: Pending[] = []
  private readonly ids = new Set<string>()
  private counter = 0
  private zoneOrder = 0

  constructor(
    readonly pageId: TLPageId,
    private readonly prefix: string,
  ) {}

  id(key?: string): TLShapeId {
    const id = createShapeId(`${this.prefix}-${key ?? `s${++this.counter}`}`)
    if (this.ids.has(id)) throw new Error(`duplicate shape id ${id}`)
    this.ids.add(id)
    return id
  }

  /**
   * A locked frame for one zone of the template, on the page or (with `parent`) inside another
   * frame; `x`/`y` are relative to the parent. `timebox`: the minutes the method suggests for this
   * step (from the seed's session design), the agenda's default (shared/agenda.ts).
   */
  frame(o: { zone: string; name: string; x: number; y: number; w: number; h: number; parent?: FrameRef; timebox?: number }): FrameRef {
    const id = this.id(`frame-${o.zone}`)
    this.add(
      frameRecord({
        id,
        parentId: o.parent?.id ?? this.pageId,
        index: PLACEHOLDER_INDEX,
        x: o.x,
        y: o.y,
        w: o.w,
        h: o.h,
        name: o.name,
        isLocked: true,
        meta: { zone: o.zone, zoneOrder: this.zoneOrder++, scaffold: true, ...(o.timebox === undefined ? {} : { timebox: o.timebox }) },
      }),
    )
    return { id, pageX: (o.parent?.pageX ?? 0) + o.x, pageY: (o.parent?.pageY ?? 0) + o.y, w: o.w, h: o.h }
  }

  /** Changes a frame's height once its content is known. */
  setFrameHeight(frame: FrameRef, h: number): void {
    const record = this.find(frame.id)
    if (record?.type !== 'frame') throw new Error(`${frame.id} is not a frame`)
    frame.h = Math.ceil(h)
    ;(record as TLFrameShape).props.h = frame.h
  }

  /** A locked, wrapping text box; the report skips it. */
  scaffoldText(
    parentId: TLParentId,
    o: { x: number; y: number; w: number; text: string; role: ScaffoldRole; size?: TLDefaultSizeStyle; color?: TLDefaultColorStyle; textAlign?: TLTextShapeProps['textAlign'] },
  ): Placed {
    const size = o.size ?? 's'
    const id = this.id()
    this.add(
      textRecord({
        id,
        parentId,
        index: PLACEHOLDER_INDEX,
        x: o.x,
        y: o.y,
        w: o.w,
        text: o.text,
        size,
        color: o.color ?? COLORS.prompt,
        textAlign: o.textAlign ?? 'start',
        isLocked: true,
        meta: { scaffold: true, role: o.role },
      }),
    )
    return { id, bottom: o.y + estimateTextHeight(o.text, TEXT_FONT_SIZE[size], o.w - 8) }
  }

  heading(parentId: TLParentId, x: number, y: number, w: number, text: string): Placed {
    return this.scaffoldText(parentId, { x, y, w, text, role: 'heading', size: 'xl', color: COLORS.heading })
  }

  subheading(parentId: TLParentId, x: number, y: number, w: number, text: string): Placed {
    return this.scaffoldText(parentId, { x, y, w, text, role: 'subheading', size: 'm', color: COLORS.subheading })
  }

  prompt(parentId: TLParentId, x: number, y: number, w: number, text: string): Placed {
    return this.scaffoldText(parentId, { x, y, w, text, role: 'prompt', size: 's', color: COLORS.prompt })
  }

  /** A locked geo shape (lane, area, triangle corner); the report skips it. */
  scaffoldGeo(parentId: TLParentId, o: Omit<GeoOptions, 'id' | 'parentId' | 'index'> & { role: ScaffoldRole; key?: string; extraMeta?: JsonObject }): Placed {
    const { role, key, extraMeta, ...rest } = o
    const id = this.id(key)
    this.add(geoRecord({ ...rest, id, parentId, index: PLACEHOLDER_INDEX, isLocked: true, meta: { scaffold: true, role, ...extraMeta } }))
    return { id, bottom: o.y + o.h }
  }

  /** A locked arrow, bound to shapes where given; the report skips it. */
  scaffoldArrow(parentId: TLParentId, o: Omit<ArrowOptions, 'id' | 'parentId' | 'index'> & { role: ScaffoldRole }): TLShapeId {
    const { role, ...rest } = o
    const id = this.id()
    const [arrow, ...bindings] = arrowRecords({ ...rest, id, parentId, index: PLACEHOLDER_INDEX, isLocked: true, meta: { scaffold: true, role } })
    this.add(arrow)
    for (const binding of bindings) this.pending.push({ record: binding, front: false })
    return id
  }

  /**
   * A card participants fill or move: a page-level note on top of the frames, placed at `x`/`y`
   * relative to `frame`. Without text it gets size m (what tldraw gives new notes), with text s.
   */
  note(frame: FrameRef, o: { x: number; y: number; text?: string; color?: TLDefaultColorStyle; kind: string; meta?: JsonObject; size?: TLDefaultSizeStyle }): Placed {
    const id = this.id()
    const record = noteRecord({
      id,
      parentId: this.pageId,
      index: PLACEHOLDER_INDEX,
      x: frame.pageX + o.x,
      y: frame.pageY + o.y,
      text: o.text ?? '',
      color: o.color ?? 'yellow',
      size: o.size ?? (o.text ? 's' : 'm'),
      meta: { kind: o.kind, ...o.meta },
    })
    this.pending.push({ record, front: true })
    return { id, bottom: o.y + NOTE_SIZE + record.props.growY }
  }

  /** A card participants fill or move: a page-level geo box sized to its text, relative to `frame`. */
  /** An empty agreement card: the prompt lines Wat / Wie / Wanneer / Hoe (shared/card-rules.ts), filled in place or in the card panel. */
  agreementCard(frame: FrameRef, o: { x: number; y: number; w: number; kind?: 'afspraak' | 'informatiedeling' }): Placed {
    return this.card(frame, { x: o.x, y: o.y, w: o.w, text: AGREEMENT_TEXT, kind: o.kind ?? 'afspraak', meta: { wat: '', wie: '', wanneer: '', hoe: '' }, color: KIND_COLOURS.afspraak })
  }

  /** `count` agreement cards one below the other from (x, y); returns the bottom of the last. */
  agreementStack(frame: FrameRef, o: { x: number; y: number; w: number; count: number }): number {
    let y = o.y
    let bottom = o.y
    for (let i = 0; i < o.count; i++) {
      bottom = this.agreementCard(frame, { x: o.x, y, w: o.w }).bottom
      y = bottom + 24
    }
    return bottom
  }

  card(
    frame: FrameRef,
    o: { x: number; y: number; w: number; text: string; kind: string; meta?: JsonObject; color?: TLDefaultColorStyle; fill?: TLGeoShapeProps['fill']; minHeight?: number },
  ): Placed {
    const id = this.id()
    const h = geoHeightFor(o.text, o.w, 's', o.minHeight ?? 56)
    this.pending.push({
      record: geoRecord({
        id,
        parentId: this.pageId,
        index: PLACEHOLDER_INDEX,
        x: frame.pageX + o.x,
        y: frame.pageY + o.y,
        w: o.w,
        h,
        text: o.text,
        size: 's',
        align: 'start',
        color: o.color ?? 'black',
        fill: o.fill ?? 'solid',
        meta: { kind: o.kind, ...o.meta },
      }),
      front: true,
    })
    return { id, bottom: o.y + h }
  }

  /** The finished records, with index keys ascending in creation order per parent. */
  build(): TLRecord[] {
    const count = new Map<string, number>()
    const ordered = [...this.pending.filter((p) => !p.front), ...this.pending.filter((p) => p.front)]
    for (const { record } of ordered) {
      if (record.typeName !== 'shape') continue
      const n = (count.get(record.parentId) ?? 0) + 1
      count.set(record.parentId, n)
      ;(record as { index: IndexKey }).index = indexKey(n)
    }
    return this.pending.map((p) => p.record)
  }

  private add(record: TLShape): void {
    this.pending.push({ record, front: false })
  }

  private find(id: TLShapeId): TLShape | undefined {
    return this.pending.find((p) => p.record.id === id)?.record as TLShape | undefined
  }
}

const PLACEHOLDER_INDEX = 'a1' as IndexKey

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/**
 * The n-th (n ≥ 1) integer fractional-index key, deterministic (tldraw's `getIndexAbove` adds
 * random jitter): a1…az, then b00…bzz.
 */
export function indexKey(n: number): IndexKey {
  if (n >= 1 && n < 62) return `a${BASE62[n]}` as IndexKey
  const m = n - 62
  if (m >= 0 && m < 62 * 62) return `b${BASE62[Math.floor(m / 62)]}${BASE62[m % 62]}` as IndexKey
  throw new Error(`index ${n} out of range`)
}

/** A frame made by the builder: its id, page position and size. */
export interface FrameRef {
  id: TLShapeId
  pageX: number
  pageY: number
  w: number
  h: number
}

/** Lays out a vertical stack of items inside a frame, keeping track of the next free y. */
export class Column {
  constructor(
    private readonly builder: BoardBuilder,
    private readonly parentId: TLParentId,
    readonly x: number,
    public y: number,
    readonly w: number,
  ) {}

  heading(text: string, gap = 24): Placed {
    return this.advance(this.builder.heading(this.parentId, this.x, this.y, this.w, text), gap)
  }

  subheading(text: string, gap = 12): Placed {
    return this.advance(this.builder.subheading(this.parentId, this.x, this.y, this.w, text), gap)
  }

  prompt(text: string, gap = 24): Placed {
    return this.advance(this.builder.prompt(this.parentId, this.x, this.y, this.w, text), gap)
  }

  skip(px: number): void {
    this.y += px
  }

  private advance(placed: Placed, gap: number): Placed {
    this.y = placed.bottom + gap
    return placed
  }
}


/** Prefixes every line with a bullet, for prompt lists. */
export function bullets(lines: readonly string[]): string {
  return lines.map((line) => `• ${line}`).join('\n')
}

/** A titled bullet list per block, side by side from (x, y) across `width`; returns the lowest bottom. */
export function bulletColumns(
  b: BoardBuilder,
  parentId: TLParentId,
  o: { x: number; y: number; width: number; gap: number; blocks: readonly (readonly [title: string, lines: readonly string[]])[] },
): number {
  const colW = (o.width - (o.blocks.length - 1) * o.gap) / o.blocks.length
  let bottom = o.y
  o.blocks.forEach(([title, lines], i) => {
    const col = new Column(b, parentId, o.x + i * (colW + o.gap), o.y, colW)
    col.subheading(title)
    col.prompt(bullets(lines), 0)
    bottom = Math.max(bottom, col.y)
  })
  return bottom
}

/**
 * Places notes in rows of `columns` inside `frame` (x/y relative to it), left to right; a row is
 * as tall as its tallest note. Returns the y below the last row, relative to the frame.
 */
export function noteGrid(
  builder: BoardBuilder,
  frame: FrameRef,
  o: { x: number; y: number; columns: number; gap?: number; notes: readonly { text?: string; meta?: JsonObject }[]; color: TLDefaultColorStyle; kind: string },
): number {
  const gap = o.gap ?? 40
  let y = o.y
  for (let start = 0; start < o.notes.length; start += o.columns) {
    let bottom = y
    o.notes.slice(start, start + o.columns).forEach((note, column) => {
      const placed = builder.note(frame, {
        x: o.x + column * (NOTE_SIZE + gap),
        y,
        text: note.text,
        color: o.color,
        kind: o.kind,
        ...(note.meta ? { meta: note.meta } : {}),
      })
      bottom = Math.max(bottom, placed.bottom)
    })
    y = bottom + gap
  }
  return y - gap
}

/** Width of `columns` notes side by side. */
export function gridWidth(columns: number, gap = 40): number {
  return columns * NOTE_SIZE + (columns - 1) * gap
}
