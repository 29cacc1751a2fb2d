/**
 * The harvest ("oogst") of a board as Markdown (CONTRACT.md, "Templates"): one section per zone
 * frame in template order, listing the text of the notes, text and geo shapes in it.
 *
 * Which zone a shape belongs to:
 * 1. its nearest ancestor frame that carries `meta.zone` (a shape dropped into an unlocked
 *    frame, or inside a group or plain frame that is itself inside a zone frame); otherwise
 * 2. the zone frame on the same page whose bounds contain the shape's centre, the smallest one
 *    when frames nest or overlap. Templates lock their frames, and tldraw neither drops shapes
 *    into a locked frame nor creates them in one, so participants' cards are page-level shapes
 *    lying on top of a frame: this rule is the one that usually applies.
 * Shapes in no zone go to a last section "Buiten de onderdelen"; a board without zone frames
 * gets one section "Bord" with everything.
 *
 * Skipped: scaffolding (`meta.scaffold: true`: frames, headings, prompts, lanes, axis) and shapes
 * without text. Order: on the timeline (zone `tijdlijn`) left to right, each moment (upper lane)
 * with its date (`meta.date`, or a line "Datum: …" on the card) and beneath it the interpretations (lower lane) whose x-range
 * overlaps it most, else the nearest; elsewhere top to bottom in rows (tops less than half a
 * note apart form a row), each row left to right. Zone `afspraken` becomes a table
 * wie | wat | wanneer | hoe. Checklist cards become task-list items.
 *
 * Every piece of board text is escaped, so no card can add Markdown structure or HTML.
 */
import { estimateLineCount, estimateTextWidth, LINE_HEIGHT, NOTE_SIZE, TEXT_FONT_SIZE } from '../../templates/shapes.ts'
import type { TLFrameShape, TLPageId } from '@tldraw/tlschema'
import { findTemplate } from '../../templates/index.ts'

/** A record as stored in the document (any tldraw record; only shapes and pages are read). */
export interface HarvestRecord {
  id: string
  typeName: string
}

export interface HarvestInput {
  title: string
  /** ISO date-time the board was created. */
  createdAt: string
  templateId: string
  records: readonly HarvestRecord[]
  /** When the harvest is made (shown when given). */
  generatedAt?: Date
}

/** Tops closer than this (half a note) are one row. */
export const ROW_TOLERANCE = NOTE_SIZE / 2
export const TIMELINE_ZONE = 'tijdlijn'
export const AGREEMENTS_ZONE = 'afspraken'
const EMPTY = '_Nog niets ingevuld._'
const TIME_ZONE = 'Europe/Amsterdam'

/** A shape as the report reads it. */
export interface Shape {
  id: string
  type: string
  parentId: string
  index: string
  x: number
  y: number
  rotation: number
  props: Record<string, unknown>
  meta: Record<string, unknown>
}

export interface Box {
  minX: number
  minY: number
  maxX: number
  maxY: number
}

interface Item {
  shape: Shape
  text: string
  box: Box
  centre: { x: number; y: number }
}

interface Section {
  title: string
  zone: string | null
  frame: Shape | null
  items: Item[]
}

// ---------------------------------------------------------------------------------------------
// Rendering

export function renderHarvest(input: HarvestInput): string {
  const board = new BoardGeometry(input.records)
  const sections = collectSections(board, input.templateId)
  const out: string[] = [`# ${escapeInline(input.title)}`, '']
  const template = findTemplate(input.templateId)
  const facts = [`Datum: ${formatDate(input.createdAt)}`]
  if (template && template.id !== 'leeg') facts.push(`Werkvorm: ${escapeInline(template.title)}`)
  out.push(facts.join(' · '), '')
  if (input.generatedAt) out.push(`Oogst gemaakt op ${formatDateTime(input.generatedAt)}.`, '')

  for (const section of sections) {
    out.push(`## ${escapeInline(section.title)}`, '')
    const body =
      section.zone === TIMELINE_ZONE && section.frame
        ? renderTimeline(board, section)
        : section.zone === AGREEMENTS_ZONE
          ? renderAgreements(section.items)
          : renderList(section.items)
    out.push(...(body.length > 0 ? body : [EMPTY]), '')
  }
  return `${out.join('\n').trimEnd()}\n`
}

function renderList(items: Item[]): string[] {
  return sortRows(items).map((item) => {
    const checklist = checklistItem(item)
    if (checklist) return `- [${checklist.checked ? 'x' : ' '}] ${escapeLine(checklist.text)}`
    return `- ${escapeLine(item.text)}`
  })
}

function renderTimeline(board: BoardGeometry, section: Section): string[] {
  const boundary = board.laneBoundary(section.frame!)
  const moments = section.items.filter((item) => item.centre.y < boundary).sort((a, b) => a.box.minX - b.box.minX || a.box.minY - b.box.minY)
  const duidingen = section.items.filter((item) => item.centre.y >= boundary)
  const beneath = new Map<Item, Item[]>(moments.map((moment) => [moment, []]))
  const loose: Item[] = []
  for (const duiding of duidingen) {
    const moment = closestMoment(moments, duiding)
    if (moment) beneath.get(moment)!.push(duiding)
    else loose.push(duiding)
  }
  const lines: string[] = []
  moments.forEach((moment, i) => {
    const { date, text: rest } = momentDate(moment)
    const text = escapeLine(rest) || '…'
    lines.push(`${i + 1}. ${date ? `**${escapeLine(date)}**: ${text}` : text}`)
    for (const duiding of sortRows(beneath.get(moment)!)) lines.push(`    - ${escapeLine(duiding.text)}`)
  })
  if (loose.length > 0) {
    if (lines.length > 0) lines.push('')
    lines.push('Duidingen zonder moment:', '')
    for (const duiding of sortLeftToRight(loose)) lines.push(`- ${escapeLine(duiding.text)}`)
  }
  return lines
}

const DATE_LINE = /^\s*datum\s*:\s*(.*)$/i

/** A moment's date: `meta.date`, else a line "Datum: …" on the card (taken out of the text). */
function momentDate(moment: Item): { date: string; text: string } {
  const meta = typeof moment.shape.meta.date === 'string' ? moment.shape.meta.date.trim() : ''
  if (meta) return { date: meta, text: moment.text }
  const lines = moment.text.split('\n')
  const at = lines.findIndex((line) => DATE_LINE.test(line))
  if (at === -1) return { date: '', text: moment.text }
  const date = DATE_LINE.exec(lines[at]!)![1]!.trim()
  return { date, text: lines.filter((_, i) => i !== at).join('\n') }
}

/** The moment whose x-range overlaps the interpretation's most, else the nearest one. */
function closestMoment(moments: Item[], duiding: Item): Item | undefined {
  let best: Item | undefined
  let bestOverlap = 0
  for (const moment of moments) {
    const overlap = Math.min(moment.box.maxX, duiding.box.maxX) - Math.max(moment.box.minX, duiding.box.minX)
    if (overlap > bestOverlap) {
      best = moment
      bestOverlap = overlap
    }
  }
  if (best) return best
  let bestDistance = Infinity
  for (const moment of moments) {
    const distance = Math.abs(moment.centre.x - duiding.centre.x)
    if (distance < bestDistance) {
      best = moment
      bestDistance = distance
    }
  }
  return best
}

export interface Agreement {
  wie: string
  wat: string
  wanneer: string
  hoe: string
}

function renderAgreements(items: Item[]): string[] {
  const rows = sortRows(items)
    .map(agreementOf)
    .filter((row) => row.wie || row.wat || row.wanneer || row.hoe)
  if (rows.length === 0) return []
  return [
    '| Wie | Wat | Wanneer | Hoe |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${escapeCell(row.wie)} | ${escapeCell(row.wat)} | ${escapeCell(row.wanneer)} | ${escapeCell(row.hoe)} |`),
  ]
}

const LABELLED_LINE = /^\s*(wie|wat|wanneer|datum|hoe)\s*:\s*(.*)$/i

/**
 * An agreement card's fields: `meta.wie`, `meta.wanneer` (or `meta.date`) and `meta.hoe` when
 * set, else lines of the card labelled "Wie:", "Wanneer:" (or "Datum:"), "Hoe:"; `wat` is the
 * "Wat:" line plus any unlabelled text.
 */
export function agreementOf(item: { text: string; shape: { meta: Record<string, unknown> } }): Agreement {
  const parsed: Record<'wie' | 'wat' | 'wanneer' | 'hoe', string[]> = { wie: [], wat: [], wanneer: [], hoe: [] }
  for (const line of item.text.split('\n')) {
    const match = LABELLED_LINE.exec(line)
    if (!match) {
      parsed.wat.push(line)
      continue
    }
    const label = match[1]!.toLowerCase()
    parsed[label === 'datum' ? 'wanneer' : (label as keyof typeof parsed)].push(match[2]!)
  }
  const field = (values: string[]) =>
    values
      .map((value) => value.trim())
      .filter(Boolean)
      .join('\n')
  const meta = (key: string) => (typeof item.shape.meta[key] === 'string' ? (item.shape.meta[key] as string).trim() : '')
  return {
    wie: meta('wie') || field(parsed.wie),
    wat: field(parsed.wat),
    wanneer: meta('wanneer') || meta('date') || field(parsed.wanneer),
    hoe: meta('hoe') || field(parsed.hoe),
  }
}

/** A checkbox glyph at the start of a card: ☐ open, ☑ ☒ ✓ ✔ ✅ done. */
const CHECKBOX_PREFIX = /^[☐☑☒✓✔✅]\uFE0F?(?:\s+|$)/u
const CHECKED_PREFIX = /^[☑☒✓✔✅]/u

/**
 * A checklist card (`meta.kind: "checklist"`, or text starting with ☐ or ☑): checked when
 * `meta.checked` is true or the text starts with a check glyph.
 */
function checklistItem(item: Item): { checked: boolean; text: string } | null {
  if (item.shape.meta.kind !== 'checklist' && !/^[☐☑☒]/u.test(item.text)) return null
  const text = item.text.replace(CHECKBOX_PREFIX, '')
  return { checked: item.shape.meta.checked === true || CHECKED_PREFIX.test(item.text), text: text || item.text }
}

// ---------------------------------------------------------------------------------------------
// Ordering

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

function sortLeftToRight<T extends { box: Box }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.box.minX - b.box.minX || a.box.minY - b.box.minY)
}

// ---------------------------------------------------------------------------------------------
// Sections and zones

function collectSections(board: BoardGeometry, templateId: string): Section[] {
  const zoneFrames = board.zoneFrames()
  const items = board.contentItems()
  if (zoneFrames.length === 0) return [{ title: 'Bord', zone: null, frame: null, items: board.pageOrdered(items) }]

  const templateOrder = templateZoneOrder(templateId)
  const order = (frame: Shape) => {
    const stored = frame.meta.zoneOrder
    if (typeof stored === 'number' && Number.isFinite(stored)) return stored
    return templateOrder.get(frame.meta.zone as string) ?? Number.MAX_SAFE_INTEGER
  }
  const sorted = [...zoneFrames].sort((a, b) => {
    const ba = board.bounds(a)
    const bb = board.bounds(b)
    return order(a) - order(b) || board.pageRank(a) - board.pageRank(b) || ba.minY - bb.minY || ba.minX - bb.minX
  })
  const sections = new Map<string, Section>(
    sorted.map((frame) => [
      frame.id,
      { title: frameTitle(frame, templateId), zone: frame.meta.zone as string, frame, items: [] },
    ]),
  )
  const outside: Item[] = []
  for (const item of items) {
    const frame = board.zoneOf(item.shape, zoneFrames)
    if (frame) sections.get(frame.id)!.items.push(item)
    else outside.push(item)
  }
  const result = [...sections.values()]
  if (outside.length > 0) result.push({ title: 'Buiten de onderdelen', zone: null, frame: null, items: board.pageOrdered(outside) })
  return result
}

const templateZoneCache = new Map<string, { zone: string; name: string }[]>()

/** The zone frames a template makes, in template order. */
function templateZones(templateId: string): { zone: string; name: string }[] {
  const cached = templateZoneCache.get(templateId)
  if (cached) return cached
  const zones: { zone: string; name: string }[] = []
  for (const record of findTemplate(templateId)?.build('page:page' as TLPageId) ?? []) {
    if (record.typeName !== 'shape' || record.type !== 'frame') continue
    const zone = record.meta.zone
    if (typeof zone === 'string' && !zones.some((z) => z.zone === zone)) zones.push({ zone, name: (record as TLFrameShape).props.name })
  }
  templateZoneCache.set(templateId, zones)
  return zones
}

/** Zone id → position in the template (for frames without `meta.zoneOrder`). */
function templateZoneOrder(templateId: string): Map<string, number> {
  return new Map(templateZones(templateId).map(({ zone }, i) => [zone, i]))
}

/** The frame's name; for a frame whose name was cleared, the template's name for the zone. */
function frameTitle(frame: Shape, templateId: string): string {
  const name = typeof frame.props.name === 'string' ? frame.props.name.trim() : ''
  if (name) return name
  const zone = frame.meta.zone as string
  return templateZones(templateId).find((z) => z.zone === zone)?.name || zone
}

// ---------------------------------------------------------------------------------------------
// Geometry

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
      byPage.set(rank, [...(byPage.get(rank) ?? []), item])
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

// ---------------------------------------------------------------------------------------------
// Text

/** The plain text of a shape: its rich text (TipTap JSON, one line per block) or legacy `text`. */
export function plainText(shape: { props: Record<string, unknown> }): string {
  const rich = shape.props.richText
  const raw = rich !== undefined ? richTextToPlain(rich) : typeof shape.props.text === 'string' ? shape.props.text : ''
  return raw
    .split('\n')
    .map((line) => line.replace(/[\t\u00a0 ]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
}

const INLINE_NODES = new Set(['text', 'hardBreak', 'mention', 'emoji'])

/** TipTap/ProseMirror JSON → text, blocks (paragraphs, headings, list items…) on their own lines. */
export function richTextToPlain(node: unknown, depth = 0): string {
  if (!node || typeof node !== 'object' || depth > 32) return ''
  const n = node as { type?: unknown; text?: unknown; content?: unknown; attrs?: unknown }
  if (n.type === 'text') return typeof n.text === 'string' ? n.text : ''
  if (n.type === 'hardBreak') return '\n'
  const children = Array.isArray(n.content) ? n.content : []
  const inline = children.every((child) => INLINE_NODES.has((child as { type?: string })?.type ?? ''))
  if (children.length > 0 && inline) return children.map((child) => richTextToPlain(child, depth + 1)).join('')
  return children
    .map((child) => richTextToPlain(child, depth + 1))
    .filter((text) => text !== '')
    .join('\n')
}

/** Escapes one line of board text so it is plain text in Markdown, wherever it stands. */
export function escapeInline(text: string): string {
  return text
    .replace(/[\\`*_[\]()#!|~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

/** Escapes text for one list line: newlines become spaces, a leading block marker is defused. */
export function escapeLine(text: string): string {
  const line = text.split('\n').map((part) => part.trim()).filter(Boolean).join(' ')
  return defuseLeadingMarker(escapeInline(line))
}

/** Escapes text for a table cell: newlines become `<br>`. */
export function escapeCell(text: string): string {
  return text
    .split('\n')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => defuseLeadingMarker(escapeInline(part)))
    .join('<br>')
}

/** `- x`, `+ x`, `1. x`, `1) x`, `= x` at the start of a line would start a block: escape them. */
function defuseLeadingMarker(line: string): string {
  return line.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2')
}

function formatDate(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return escapeInline(iso)
  return new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }).format(date)
}

function formatDateTime(date: Date): string {
  const day = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }).format(date)
  const time = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }).format(date)
  return `${day} om ${time}`
}
