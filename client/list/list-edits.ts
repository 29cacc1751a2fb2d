/**
 * Every write the list view makes, on the board's tldraw store (no editor): complete, valid
 * records (templates/shapes.ts) put into the same store the canvas binds to the board's Y.Doc
 * (client/sync/binding.ts), so the server's update guard treats them like canvas edits and the
 * draft homes decide, as on the canvas, whether a new card goes to my draft in a silent round.
 *
 * - New cards are notes of the part's kind and colour (KIND_COLOURS) at the place
 *   shared/card-placement.ts gives (in the zone, in the lane, in reading order, overlapping
 *   nothing while there is room); an empty template card there is replaced, as on the canvas.
 * - A moved card takes its new kind and colour when it still had its old kind's colour (a colour
 *   someone chose stays), as client/cards/lane-style.ts does on the canvas.
 * - A moment's date and an agreement's fields are written by client/cards/card-fields.ts, the
 *   same code the card panel uses.
 * - A locked card is never changed: every write to one throws CardEditError('locked') (the list
 *   offers no controls for it; the server would refuse the change anyway).
 *
 * Each call reads the store once (linear in the board) and writes only the card it is about
 * (plus a replaced empty template card, and a moved moment's interpretations).
 */
import { createShapeId, toRichText, type TLNoteShape, type TLPageId, type TLShape, type TLShapeId, type TLStore } from '@tldraw/tlschema'
import { getIndexAbove, type IndexKey, type JsonObject } from '@tldraw/utils'
import { BoardGeometry, plainText, sortRows, type HarvestRecord, type Item, type Shape } from '../../shared/board-geometry.ts'
import { MomentIndex, type OutlinePart } from '../../shared/board-outline.ts'
import { placeCard, type PlaceRequest } from '../../shared/card-placement.ts'
import {
  AGREEMENT_FIELDS,
  AGREEMENTS_ZONE,
  agreementOf,
  cardDate,
  cardInfo,
  checklistItem,
  KIND_COLOURS,
  TIMELINE_ZONE,
  zoneCardKind,
  type AgreementField,
  type CardKind,
} from '../../shared/card-rules.ts'
import { NOTE_SIZE, noteGrowY, noteRecord } from '../../templates/shapes.ts'
import { resizedInPart, writeChecked, writeFields } from '../cards/card-fields.ts'

export type AddTarget = { part: OutlinePart } | { duidingOf: string } | { part: OutlinePart; date: string }

/** Why a write was refused: the card is locked, or no longer there. */
export class CardEditError extends Error {
  constructor(readonly reason: 'locked' | 'missing') {
    super(reason === 'locked' ? 'This card is locked.' : 'This card is no longer on the board.')
    this.name = 'CardEditError'
  }
}

/** Adds a card with `text` to a part (or under a moment); returns its id. */
export function addCard(store: TLStore, target: AddTarget, text: string): TLShapeId {
  const board = geometryOf(store)
  let frameId: string | null
  let kind: CardKind
  let request: Omit<PlaceRequest, 'size' | 'frameId'>
  let date: string | null = null
  if ('duidingOf' in target) {
    const moment = board.shape(target.duidingOf)
    if (!moment) throw new CardEditError('missing')
    frameId = board.zoneOf(moment)?.id ?? null
    kind = 'duiding'
    request = { duidingOf: moment.id }
  } else {
    frameId = target.part.frameId
    date = 'date' in target && target.date.trim() ? target.date.trim() : null
    if (target.part.kind === 'timeline') {
      kind = 'moment'
      request = { lane: 'moment', date }
    } else {
      kind = target.part.kind === 'agreements' ? 'afspraak' : zoneCardKind(target.part.zone, { meta: {}, props: { richText: toRichText(text) } } as unknown as Shape)
      request = {}
    }
  }
  const body = kind === 'afspraak' ? agreementText(text) : text
  const meta: JsonObject = { kind, ...(kind === 'moment' ? { date: date ?? '' } : {}), ...(kind === 'afspraak' ? agreementMeta(text) : {}) }
  const size = 'm'
  const growY = noteGrowY(body, size)
  const placement = placeCard(board, { frameId, size: { w: NOTE_SIZE, h: NOTE_SIZE + growY }, ...request })
  const pageId = pageOf(store, board, frameId)
  const id = createShapeId()
  const note = noteRecord({
    id,
    parentId: pageId,
    index: indexAbove(store, pageId),
    x: placement.x,
    y: placement.y,
    text: body,
    size,
    growY,
    color: kind in KIND_COLOURS ? KIND_COLOURS[kind as keyof typeof KIND_COLOURS] : 'yellow',
    meta,
  })
  store.put([note])
  removePlaceholder(store, placement.replaces)
  return id
}

/**
 * Replaces a card's text (a note grows to fit it). A moment keeps its date; a checklist item keeps
 * its box as it is now (the list shows and edits the text without it).
 */
export function setText(store: TLStore, id: TLShapeId, text: string): void {
  const shape = editable(store, id)
  const meta: JsonObject = { ...shape.meta }
  const current = plainText(shape as unknown as Shape)
  // A date that was a line on the card (the list shows it apart) stays the card's date.
  const before = cardDate({ text: current, meta })
  if (before.date && !cardDate({ text, meta }).date) meta.date = before.date
  const item = checklistItem({ shape: shape as unknown as Shape, text: current })
  const written = item && item.text !== current ? `${item.checked ? '☑' : '☐'} ${text}` : text
  const props = { ...(shape.props as object), richText: toRichText(written) }
  store.put([resizedInPart(store, shape, { ...shape, props, meta } as TLShape)])
}

/** Sets a moment's date (`meta.date`; a note shows it in its badge), as the card panel does. */
export function setDate(store: TLStore, id: TLShapeId, date: string): void {
  editable(store, id)
  writeFields(store, id, 'moment', [{ key: 'date', value: date }])
}

/** Sets one of an agreement's fields (its labelled line on the card, and meta), as the card panel does. */
export function setAgreementField(store: TLStore, id: TLShapeId, field: AgreementField, value: string): void {
  editable(store, id)
  writeFields(store, id, 'afspraak', [{ key: field, value }])
}

/** Ticks or unticks a checklist item, as the card panel's tick box does. */
export function setChecked(store: TLStore, id: TLShapeId, checked: boolean): void {
  editable(store, id)
  writeChecked(store, id, checked)
}

/**
 * Moves a card to the part of zone `zone` (null: outside every part), where placement puts it:
 * a moment among the moments by its date. It takes the part's kind and, when it still had its
 * old kind's colour, the new kind's colour. A moment takes its interpretations along (each placed
 * and restyled the same way): left behind, they would silently belong to another moment.
 */
export function moveToPart(store: TLStore, id: TLShapeId, zone: string | null): void {
  editable(store, id)
  const board = geometryOf(store)
  const frame = zone === null ? null : (board.zoneFrames().find((candidate) => candidate.meta.zone === zone) ?? null)
  if (zone !== null && !frame) throw new CardEditError('missing')
  const current = board.shape(id)!
  // Already there: it stays where it is (placement would take it to the part's next free slot).
  if ((cardInfo(board, current).zone?.zone ?? null) === zone) return
  const along = duidingenOf(board, id)
  placeInPart(store, board, id, frame)
  for (const duiding of along) placeInPart(store, geometryOf(store), duiding, frame)
}

/** One card to `frame` (null: the page), at the place placement gives, restyled for its new kind. */
function placeInPart(store: TLStore, board: BoardGeometry, id: TLShapeId, frame: Shape | null): void {
  const shape = store.get(id) as TLShape
  const current = board.shape(id)!
  const from = cardInfo(board, current).kind
  const date = cardDate({ text: plainText(current), meta: current.meta }).date
  const request: Omit<PlaceRequest, 'size' | 'frameId'> = frame?.meta.zone === TIMELINE_ZONE ? { lane: 'moment', date: date || null } : {}
  const box = board.bounds(current)
  const placement = placeCard(board, { frameId: frame?.id ?? null, size: { w: box.maxX - box.minX, h: box.maxY - box.minY }, moving: id, ...request })
  const to: CardKind = frame?.meta.zone === TIMELINE_ZONE ? 'moment' : frame?.meta.zone === AGREEMENTS_ZONE ? 'afspraak' : zoneCardKind((frame?.meta.zone as string | undefined) ?? null, current)
  store.put([restyled({ ...shape, parentId: pageOf(store, board, frame?.id ?? null), x: placement.x, y: placement.y, rotation: 0 } as TLShape, from, to)])
  removePlaceholder(store, placement.replaces)
}

/** The interpretations beneath a moment on the timeline (not the locked ones); [] for any other card. */
function duidingenOf(board: BoardGeometry, id: string): TLShapeId[] {
  const current = board.shape(id)
  const frame = current ? board.zoneOf(current) : null
  if (!frame || frame.meta.zone !== TIMELINE_ZONE) return []
  const lanes = timelineLanes(board, frame)
  const self = lanes.moments.find((item) => item.shape.id === id)
  return self ? lanes.beneath(self).map((item) => item.shape.id as TLShapeId) : []
}

/** A timeline's cards: its moments left to right, and which moment an interpretation lies under. */
function timelineLanes(board: BoardGeometry, frame: Shape) {
  const zoneFrames = board.zoneFrames()
  const inFrame = board.contentItems().filter((item) => board.zoneOf(item.shape, zoneFrames) === frame)
  const boundary = board.laneBoundary(frame)
  const moments = inFrame.filter((item) => item.centre.y < boundary).sort((a, b) => a.box.minX - b.box.minX || a.box.minY - b.box.minY)
  const index = new MomentIndex(moments)
  const rank = new Map(moments.map((moment, i) => [moment, i]))
  /** The place among the moments of the one `duiding` lies under; -1 when none. */
  const momentIndexOf = (duiding: Item) => {
    const moment = index.closest(duiding)
    return moment ? rank.get(moment)! : -1
  }
  const beneath = (moment: Item) => inFrame.filter((item) => item.centre.y >= boundary && moments[momentIndexOf(item)] === moment && !item.shape.isLocked)
  return { inFrame, boundary, moments, momentIndexOf, beneath }
}

/**
 * One step earlier or later in reading order. A moment goes to just before the previous moment
 * (or after the next one), its interpretations moving with it; an interpretation goes under the
 * previous (next) moment; a card in rows swaps places with its neighbour (a grid has no room in
 * between). Returns false when there is nowhere to go (first or last already; a locked neighbour).
 */
export function moveAlong(store: TLStore, id: TLShapeId, direction: 'earlier' | 'later'): boolean {
  const shape = editable(store, id)
  const board = geometryOf(store)
  const current = board.shape(id)!
  const zoneFrames = board.zoneFrames()
  const frame = board.zoneOf(current, zoneFrames)
  const step = direction === 'earlier' ? -1 : 1
  if (frame && frame.meta.zone === TIMELINE_ZONE) {
    const { inFrame, boundary, moments, momentIndexOf, beneath: beneathOf } = timelineLanes(board, frame)
    const self = inFrame.find((item) => item.shape.id === id)
    if (!self) return false
    if (self.centre.y >= boundary) {
      // An interpretation: under the neighbouring moment of the one it is under now.
      const under = momentIndexOf(self)
      const to = moments[under + step]
      if (under === -1 || !to) return false
      const placement = placeCard(board, { frameId: frame.id, size: sizeOf(self), moving: id, duidingOf: to.shape.id })
      store.put([{ ...shape, parentId: pageOf(store, board, frame.id), x: placement.x, y: placement.y } as TLShape])
      removePlaceholder(store, placement.replaces)
      return true
    }
    const at = moments.indexOf(self)
    const neighbour = moments[at + step]
    if (!neighbour) return false
    const placement = placeCard(board, {
      frameId: frame.id,
      size: sizeOf(self),
      moving: id,
      ...(direction === 'earlier' ? { before: neighbour.shape.id } : { after: neighbour.shape.id }),
    })
    // Its interpretations go with it, keeping where they lie beneath it.
    const dx = placement.x - self.box.minX
    const beneath = beneathOf(self)
    store.put([
      { ...shape, parentId: pageOf(store, board, frame.id), x: placement.x, y: placement.y } as TLShape,
      ...beneath.map((item) => {
        const record = store.get(item.shape.id as TLShapeId) as TLShape
        return { ...record, x: record.x + dx } as TLShape
      }),
    ])
    removePlaceholder(store, placement.replaces)
    return true
  }
  // Rows: swap with the neighbour in reading order.
  const ordered = sortRows(board.contentItems().filter((item) => board.zoneOf(item.shape, zoneFrames) === frame))
  const at = ordered.findIndex((item) => item.shape.id === id)
  const neighbour = ordered[at + step]
  if (at === -1 || !neighbour || neighbour.shape.isLocked) return false
  const other = store.get(neighbour.shape.id as TLShapeId) as TLShape
  const self = ordered[at]!
  const pageId = pageOf(store, board, frame?.id ?? null)
  store.put([
    { ...shape, parentId: pageId, x: neighbour.box.minX, y: neighbour.box.minY } as TLShape,
    { ...other, parentId: pageId, x: self.box.minX, y: self.box.minY } as TLShape,
  ])
  return true
}

/** Removes a card and the arrow bindings that point at it (the arrows stay, unbound). */
export function removeCard(store: TLStore, id: TLShapeId): void {
  editable(store, id)
  const bindings = store.allRecords().filter((record) => record.typeName === 'binding' && (record.fromId === id || record.toId === id))
  store.remove([...bindings.map((binding) => binding.id), id])
}

// ---------------------------------------------------------------------------------------------

function editable(store: TLStore, id: TLShapeId): TLShape {
  const record = store.get(id)
  if (!record || record.typeName !== 'shape') throw new CardEditError('missing')
  if (record.isLocked) throw new CardEditError('locked')
  return record
}

function geometryOf(store: TLStore): BoardGeometry {
  return new BoardGeometry(store.allRecords() as readonly HarvestRecord[])
}

/** The page of the frame, else the first page. */
function pageOf(store: TLStore, board: BoardGeometry, frameId: string | null): TLPageId {
  const frame = frameId ? board.shape(frameId) : undefined
  const page = frame ? board.pageOf(frame) : null
  if (page) return page as TLPageId
  const pages = store.allRecords().filter((record) => record.typeName === 'page')
  pages.sort((a, b) => (a.index < b.index ? -1 : a.index > b.index ? 1 : 0))
  if (!pages[0]) throw new CardEditError('missing')
  return pages[0].id
}

/** An index above every shape on the page: new cards lie on top, as on the canvas. */
function indexAbove(store: TLStore, pageId: TLPageId): IndexKey {
  let top: IndexKey | null = null
  for (const record of store.allRecords()) if (record.typeName === 'shape' && record.parentId === pageId && (top === null || record.index > top)) top = record.index
  return getIndexAbove(top)
}

function removePlaceholder(store: TLStore, id: string | null): void {
  if (id && store.get(id as TLShapeId)) store.remove([id as TLShapeId])
}

function sizeOf(item: Item): { w: number; h: number } {
  return { w: item.box.maxX - item.box.minX, h: item.box.maxY - item.box.minY }
}

/** A note moved into another lane takes that lane's kind, and its colour unless someone chose one. */
function restyled(shape: TLShape, from: CardKind, to: CardKind): TLShape {
  if (shape.type !== 'note' || from === to) return shape
  const note = shape as TLNoteShape
  const was = from in KIND_COLOURS ? KIND_COLOURS[from as keyof typeof KIND_COLOURS] : 'yellow'
  const untouched = note.props.color === was
  const colour = to in KIND_COLOURS ? KIND_COLOURS[to as keyof typeof KIND_COLOURS] : 'yellow'
  return { ...note, props: { ...note.props, color: untouched ? colour : note.props.color }, meta: { ...note.meta, kind: to } }
}

/** A new agreement's text: the four labelled lines, with `wat` filled (unless the text has lines of its own). */
function agreementText(text: string): string {
  if (AGREEMENT_FIELDS.some(({ labels }) => labels.some((label) => new RegExp(`^\\s*${label}\\s*:`, 'im').test(text)))) return text
  return AGREEMENT_FIELDS.map(({ field, label }) => `${label}: ${field === 'wat' ? text.trim() : ''}`).join('\n')
}

/** The fields in meta too, as the templates' agreement cards have them (for older readers). */
function agreementMeta(text: string): JsonObject {
  return { ...agreementOf({ text: agreementText(text), meta: {} }) }
}
