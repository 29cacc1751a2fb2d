/**
 * A board in reading order, as ids and plain data: the one order the list view (client/list),
 * the harvest (server/report/harvest-model.ts maps this outline) and so report.md/.docx/.pdf and
 * the Oogst view all follow, so the list and the report never disagree.
 *
 * Parts: one per zone frame in template order (`meta.zoneOrder`, else the template's order, then
 * page, top, left), then "Buiten de onderdelen" for cards in no zone; a board without zone frames
 * is one part "Bord". Which zone a card is in: shared/board-geometry.ts.
 *
 * Cards: notes, text and geo shapes with text that are not scaffolding. On the timeline (zone
 * `tijdlijn`) the moments of the upper lane left to right, each with its date (`meta.date`, else a
 * line "Datum: …") and beneath it the interpretations (lower lane) whose x-range overlaps it most,
 * else the nearest; interpretations with no moment at all are `loose`. Elsewhere top to bottom in
 * rows (tops less than half a note apart form a row), each row left to right. Cards among the
 * agreements (zone `afspraken`) carry their fields wat / wie / wanneer / hoe.
 *
 * Cost: linear in the records apart from sorting (every shape's bounds once; each interpretation
 * finds its moment through an index, MomentIndex).
 */
import type { TLFrameShape, TLPageId } from '@tldraw/tlschema'
import { BoardGeometry, sortLeftToRight, sortRows, type HarvestRecord, type Item, type Shape } from './board-geometry.ts'
import { AGREEMENTS_ZONE, agreementOf, cardDate, checklistItem, TIMELINE_ZONE, zoneCardKind, type Agreement, type CardKind } from './card-rules.ts'
import { agreementDate } from './calendar-date.ts'
import { latestResults, type ClosedVote } from './session.ts'
import { findTemplate, type TemplateLookup } from '../templates/index.ts'

export interface OutlineCard {
  /** tldraw shape id */
  id: string
  kind: CardKind
  /** Plain text as the card shows it: moments without their date line, checklist items without the box. */
  text: string
  locked: boolean
  /** Dots in the latest closed vote (null: none). */
  dots: number | null
  /** Checklist items: whether ticked. */
  checked?: boolean
  /** Moments: the date as written (`meta.date` or a "Datum:" line), null when none. */
  date?: string | null
  /** Cards among the agreements: their four fields. */
  agreement?: Agreement
  /** Cards among the agreements: the calendar day their "wanneer" names (YYYY-MM-DD, shared/calendar-date.ts), or null. */
  day?: string | null
  /** Moments: the interpretations beneath, in reading order. */
  duidingen?: OutlineCard[]
}

export interface OutlinePart {
  kind: 'timeline' | 'agreements' | 'list'
  /** null: "Buiten de onderdelen" / "Bord". */
  zone: string | null
  frameId: string | null
  name: string
  /** Timeline: the moments (with their duidingen) in order; else the cards in reading order. */
  cards: OutlineCard[]
  /** Timeline: interpretations under no moment (there is none); else []. */
  loose: OutlineCard[]
}

export interface OutlineInput {
  records: readonly HarvestRecord[]
  templateId: string
  /** Templates saved on the server, for boards made from one. */
  saved?: TemplateLookup
  /** The board's closed votes, oldest first (`meta.votes`); the latest gives the dots. */
  votes?: readonly ClosedVote[]
}

export const OUTSIDE_NAME = 'Buiten de onderdelen'
export const BOARD_NAME = 'Bord'

export function buildOutline(input: OutlineInput): OutlinePart[] {
  return outlineOfBoard(new BoardGeometry(input.records), input)
}

/** The outline over geometry already built (the harvest reads the same geometry for votes). */
export function outlineOfBoard(board: BoardGeometry, input: Omit<OutlineInput, 'records'>): OutlinePart[] {
  const dots = latestResults(input.votes ?? [])
  return collectSections(board, input.templateId, input.saved).map((section): OutlinePart => {
    const base = { zone: section.zone, frameId: section.frame?.id ?? null, name: section.title }
    if (section.zone === TIMELINE_ZONE && section.frame) return { kind: 'timeline', ...base, ...timelineOf(board, section, dots) }
    if (section.zone === AGREEMENTS_ZONE) {
      const cards = sortRows(section.items).map((item) => {
        const card = { text: item.text, meta: item.shape.meta }
        return { ...cardOf(item, 'afspraak', dots), agreement: agreementOf(card), day: agreementDate(card) }
      })
      return { kind: 'agreements', ...base, cards, loose: [] }
    }
    return { kind: 'list', ...base, cards: sortRows(section.items).map((item) => listCardOf(item, section.zone, dots)), loose: [] }
  })
}

interface Section {
  title: string
  zone: string | null
  frame: Shape | null
  items: Item[]
}

/** Dots per card in the latest closed vote. */
type Dots = ReadonlyMap<string, number>

function cardOf(item: Item, kind: CardKind, dots: Dots): OutlineCard {
  return { id: item.shape.id, kind, text: item.text, locked: item.shape.isLocked === true, dots: dots.get(item.shape.id) || null }
}

function listCardOf(item: Item, zone: string | null, dots: Dots): OutlineCard {
  const kind = zoneCardKind(zone, item.shape)
  const checklist = checklistItem(item)
  if (checklist) return { ...cardOf(item, kind, dots), text: checklist.text, checked: checklist.checked }
  return cardOf(item, kind, dots)
}

function timelineOf(board: BoardGeometry, section: Section, dots: Dots): { cards: OutlineCard[]; loose: OutlineCard[] } {
  const boundary = board.laneBoundary(section.frame!)
  const moments = section.items.filter((item) => item.centre.y < boundary).sort((a, b) => a.box.minX - b.box.minX || a.box.minY - b.box.minY)
  const duidingen = section.items.filter((item) => item.centre.y >= boundary)
  const beneath = new Map<Item, Item[]>(moments.map((moment) => [moment, []]))
  const loose: Item[] = []
  const index = new MomentIndex(moments)
  for (const duiding of duidingen) {
    const moment = index.closest(duiding)
    if (moment) beneath.get(moment)!.push(duiding)
    else loose.push(duiding)
  }
  return {
    cards: moments.map((moment) => {
      const { date, text } = cardDate({ text: moment.text, meta: moment.shape.meta })
      return {
        ...cardOf(moment, 'moment', dots),
        text,
        date: date || null,
        duidingen: sortRows(beneath.get(moment)!).map((duiding) => cardOf(duiding, 'duiding', dots)),
      }
    }),
    loose: sortLeftToRight(loose).map((duiding) => cardOf(duiding, 'duiding', dots)),
  }
}

type Placed = Pick<Item, 'box' | 'centre'>

/**
 * The moment an interpretation is read under: the one whose x-range overlaps it most, else the
 * one whose centre is nearest; ties go to the first moment left to right (then top to bottom).
 * Indexed, so a timeline's interpretations find theirs in O(log m) each instead of looking
 * through every moment (moments wider than a note widen the window it looks through).
 */
export class MomentIndex<T extends Placed> {
  /** Left to right, then top to bottom: the order ties go by. */
  private readonly moments: T[]
  private readonly byCentre: { moment: T; rank: number }[]
  private readonly maxWidth: number

  constructor(moments: readonly T[]) {
    this.moments = [...moments].sort((a, b) => a.box.minX - b.box.minX || a.box.minY - b.box.minY)
    this.byCentre = this.moments.map((moment, rank) => ({ moment, rank })).sort((a, b) => a.moment.centre.x - b.moment.centre.x || a.rank - b.rank)
    this.maxWidth = this.moments.reduce((max, moment) => Math.max(max, moment.box.maxX - moment.box.minX), 0)
  }

  closest(duiding: Placed): T | undefined {
    // Only moments starting after duiding.minX - maxWidth can reach into it.
    let best: T | undefined
    let bestOverlap = 0
    for (let i = firstAbove(this.moments, duiding.box.minX - this.maxWidth, (m) => m.box.minX); i < this.moments.length; i++) {
      const moment = this.moments[i]!
      if (moment.box.minX >= duiding.box.maxX) break
      const overlap = Math.min(moment.box.maxX, duiding.box.maxX) - Math.max(moment.box.minX, duiding.box.minX)
      if (overlap > bestOverlap) {
        best = moment
        bestOverlap = overlap
      }
    }
    if (best) return best
    const c = duiding.centre.x
    const at = firstAbove(this.byCentre, c, (e) => e.moment.centre.x, true)
    const left = this.byCentre[at - 1]
    const right = this.byCentre[at]
    const distance = Math.min(left ? c - left.moment.centre.x : Infinity, right ? right.moment.centre.x - c : Infinity)
    if (distance === Infinity) return undefined
    // Of all at that distance (equal centres lie side by side), the first left to right.
    let winner: { moment: T; rank: number } | undefined
    for (let i = at - 1; i >= 0 && c - this.byCentre[i]!.moment.centre.x <= distance; i--) if (!winner || this.byCentre[i]!.rank < winner.rank) winner = this.byCentre[i]
    for (let i = at; i < this.byCentre.length && this.byCentre[i]!.moment.centre.x - c <= distance; i++) if (!winner || this.byCentre[i]!.rank < winner.rank) winner = this.byCentre[i]
    return winner?.moment
  }
}

/** The first index whose key is above `value` (or at it, with `orEqual`), in an array sorted by key. */
function firstAbove<T>(items: readonly T[], value: number, key: (item: T) => number, orEqual = false): number {
  let lo = 0
  let hi = items.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const k = key(items[mid]!)
    if (k > value || (orEqual && k === value)) hi = mid
    else lo = mid + 1
  }
  return lo
}

// ---------------------------------------------------------------------------------------------
// Sections and zones

function collectSections(board: BoardGeometry, templateId: string, saved: TemplateLookup | undefined): Section[] {
  const zoneFrames = board.zoneFrames()
  const items = board.contentItems()
  if (zoneFrames.length === 0) return [{ title: BOARD_NAME, zone: null, frame: null, items: board.pageOrdered(items) }]

  const templateOrder = templateZoneOrder(templateId, saved)
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
    sorted.map((frame) => [frame.id, { title: frameTitle(frame, templateId, saved), zone: frame.meta.zone as string, frame, items: [] }]),
  )
  const outside: Item[] = []
  for (const item of items) {
    const frame = board.zoneOf(item.shape, zoneFrames)
    if (frame) sections.get(frame.id)!.items.push(item)
    else outside.push(item)
  }
  const result = [...sections.values()]
  if (outside.length > 0) result.push({ title: OUTSIDE_NAME, zone: null, frame: null, items: board.pageOrdered(outside) })
  return result
}

const templateZoneCache = new Map<string, { zone: string; name: string }[]>()

/** The zone frames a template makes, in template order (templates never change, so this keeps). */
function templateZones(templateId: string, saved: TemplateLookup | undefined): { zone: string; name: string }[] {
  const cached = templateZoneCache.get(templateId)
  if (cached) return cached
  const zones: { zone: string; name: string }[] = []
  for (const record of findTemplate(templateId, saved)?.build('page:page' as TLPageId) ?? []) {
    if (record.typeName !== 'shape' || record.type !== 'frame') continue
    const zone = record.meta.zone
    if (typeof zone === 'string' && !zones.some((z) => z.zone === zone)) zones.push({ zone, name: (record as TLFrameShape).props.name })
  }
  templateZoneCache.set(templateId, zones)
  return zones
}

/** Zone id → position in the template (for frames without `meta.zoneOrder`). */
function templateZoneOrder(templateId: string, saved: TemplateLookup | undefined): Map<string, number> {
  return new Map(templateZones(templateId, saved).map(({ zone }, i) => [zone, i]))
}

/** The frame's name; for a frame whose name was cleared, the template's name for the zone. */
function frameTitle(frame: Shape, templateId: string, saved: TemplateLookup | undefined): string {
  const name = typeof frame.props.name === 'string' ? frame.props.name.trim() : ''
  if (name) return name
  const zone = frame.meta.zone as string
  return templateZones(templateId, saved).find((z) => z.zone === zone)?.name || zone
}

/** A zone's name as its frame on the board shows it (the template's, for a frame without a name). */
export function zoneName(board: BoardGeometry, zone: string, templateId: string, saved: TemplateLookup | undefined): string {
  const frame = board.zoneFrames().find((candidate) => candidate.meta.zone === zone)
  if (frame) return frameTitle(frame, templateId, saved)
  return templateZones(templateId, saved).find((z) => z.zone === zone)?.name || zone
}
