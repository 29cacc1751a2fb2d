/**
 * The fields a card of each kind has beyond its text, read and written with the shared card
 * rules (shared/card-rules.ts), so the card panel, the card on the board and the harvest say the
 * same:
 * - a moment's date lives in `meta.date` and shows as the note's date badge (a typed "Datum:"
 *   line is moved there, see lane-style.ts); the panel takes a "Datum:" line off the card when it
 *   sets the date, so it is not shown twice;
 * - an agreement's Wat / Wie / Wanneer / Hoe are labelled lines on the card; the panel sets the
 *   line (adding it when the card has none) and keeps `meta` in step for older readers;
 * - a checklist item's tick is `meta.checked` and the ☐ / ☑ its text starts with.
 *
 * Writes go to the store (the canvas passes its editor, whose store it is; the list view, which
 * has no editor, its store), so the card panel and the list share one implementation. Like the
 * editor, they leave a locked shape alone.
 */
import type { JsonObject } from '@tldraw/utils'
import type { TLGeoShape, TLNoteShape, TLRichText, TLShape, TLShapeId, TLShapePartial, TLStore, TLTextShape } from '@tldraw/tlschema'
import { estimateTextWidth, geoHeightFor, noteGrowY, TEXT_FONT_SIZE } from '../../templates/shapes.ts'
import { BoardGeometry, plainText, type HarvestRecord, type Shape } from '../../shared/board-geometry.ts'
import { shiftToStayInZone } from '../../shared/card-placement.ts'
import { AGREEMENT_FIELDS, agreementOf, cardDate, DATE_LABELS, type AgreementField, type CardKind } from '../../shared/card-rules.ts'
import type { MessageKey } from '../i18n.ts'
import { withCheckbox, withLabelledLineAdded, withoutLabelledLine } from './rich-text-lines.ts'

export type FieldKey = 'date' | AgreementField

export interface CardField {
  key: FieldKey
  label: MessageKey
  hint?: MessageKey
  datePicker?: boolean
}

export const FIELDS: Partial<Record<CardKind, readonly CardField[]>> = {
  moment: [{ key: 'date', label: 'card.date', hint: 'card.dateHint', datePicker: true }],
  afspraak: [
    { key: 'wat', label: 'card.wat' },
    { key: 'wie', label: 'card.wie' },
    { key: 'wanneer', label: 'card.wanneer', datePicker: true },
    { key: 'hoe', label: 'card.hoe' },
  ],
}

/** The card's current value of each of its kind's fields. */
export function readFields(shape: TLShape, kind: CardKind): Record<string, string> {
  const card = { text: plainText(shape as unknown as Shape), meta: shape.meta as Record<string, unknown> }
  if (kind === 'moment') return { date: cardDate(card).date }
  if (kind === 'afspraak') return { ...agreementOf(card) }
  return {}
}

export function richTextOf(shape: TLShape): TLRichText | null {
  const richText = (shape.props as { richText?: TLRichText }).richText
  return richText && Array.isArray(richText.content) ? richText : null
}

/**
 * Where cards are written: the canvas's editor (its updateShape measures the text again and keeps
 * to locks and undo), or, on the list view, which has no editor, the store itself.
 */
export type CardStore = TLStore | { readonly store: TLStore; updateShape(partial: TLShapePartial): unknown }

function storeOf(target: CardStore): TLStore {
  return 'store' in target ? target.store : target
}

function shapeIn(store: TLStore, id: TLShapeId): TLShape | undefined {
  const record = store.get(id)
  return record?.typeName === 'shape' ? record : undefined
}

/** Writes fields of a card of `kind`: to its meta and, as the module comment says, to its text. */
export function writeFields(target: CardStore, shapeId: TLShapeId, kind: CardKind, values: readonly { key: FieldKey; value: string }[]): void {
  const shape = shapeIn(storeOf(target), shapeId)
  if (!shape || values.length === 0) return
  const meta: JsonObject = { ...shape.meta }
  let richText = richTextOf(shape)
  const before = richText
  for (const { key, value } of values) {
    meta[key] = value
    if (!richText) continue
    if (key === 'date' && kind === 'moment') {
      // A note shows the date in its badge; other shapes have no badge and keep (or get) the line.
      richText = shape.type === 'note' ? (withoutLabelledLine(richText, DATE_LABELS) ?? richText) : withLabelledLineAdded(richText, DATE_LABELS, 'Datum', value)
    } else {
      const field = AGREEMENT_FIELDS.find((f) => f.field === key)
      if (field) richText = withLabelledLineAdded(richText, field.labels, field.label, value)
    }
  }
  // Keep `meta.date` of an agreement in step with "wanneer", so no older value shows through.
  if (kind === 'afspraak' && values.some(({ key }) => key === 'wanneer') && 'date' in meta) meta.date = meta.wanneer ?? ''
  updateCard(target, shape, meta, richText !== before ? richText : null)
}

/** Ticks or unticks a checklist item: `meta.checked` and the ☐ / ☑ at the start of its text (when it has one). */
export function writeChecked(target: CardStore, shapeId: TLShapeId, checked: boolean): void {
  const shape = shapeIn(storeOf(target), shapeId)
  if (!shape) return
  const richText = richTextOf(shape)
  updateCard(target, shape, { ...shape.meta, checked }, richText ? withCheckbox(richText, checked) : null)
}

/** One update of a card's meta and, when given, its text (note, geo and text shapes all have `richText`); a locked card stays as it is. */
export function updateCard(target: CardStore, shape: TLShape, meta: JsonObject, richText: TLRichText | null): void {
  if ('updateShape' in target) {
    target.updateShape({ id: shape.id, type: shape.type, meta, ...(richText ? { props: { richText } } : {}) } as TLShapePartial)
    return
  }
  const current = shapeIn(target, shape.id)
  if (!current || current.isLocked) return
  const next = { ...current, meta, ...(richText ? { props: { ...current.props, richText } } : {}) } as TLShape
  target.put([richText ? resizedInPart(target, current, next) : next])
}

/**
 * `next` sized for its text (sizedForText) and, when it grew past its part's bottom, moved up to
 * stay in that part (shared/card-placement.ts). For writes without an editor: on the canvas the
 * person sees the card grow; in the list nobody would notice it slip out of its part.
 */
export function resizedInPart(store: TLStore, before: TLShape, next: TLShape): TLShape {
  const sized = sizedForText(next)
  const grewBy = (growYOf(sized) - growYOf(before)) * scaleOf(before)
  if (grewBy <= 0) return sized
  const shift = shiftToStayInZone(new BoardGeometry(store.allRecords() as readonly HarvestRecord[]), before as unknown as Shape, grewBy)
  return shift === 0 ? sized : { ...sized, y: sized.y + shift }
}

function growYOf(shape: TLShape): number {
  const growY = (shape.props as { growY?: unknown }).growY
  return typeof growY === 'number' ? growY : 0
}

function scaleOf(shape: TLShape): number {
  const scale = (shape.props as { scale?: unknown }).scale
  return typeof scale === 'number' ? scale : 1
}

/**
 * A note or geo box as tall as its new text needs (a self-sizing text as wide). The editor measures this on the canvas; without
 * one, the templates' estimate (generous, so text always fits at 100%).
 */
export function sizedForText(shape: TLShape): TLShape {
  const text = plainText(shape as unknown as Shape)
  if (shape.type === 'note') {
    const note = shape as TLNoteShape
    return { ...note, props: { ...note.props, growY: noteGrowY(text, note.props.size) } }
  }
  if (shape.type === 'geo') {
    const geo = shape as TLGeoShape
    return { ...geo, props: { ...geo.props, growY: Math.max(0, geoHeightFor(text, geo.props.w, geo.props.size) - geo.props.h) } }
  }
  if (shape.type === 'text' && (shape as TLTextShape).props.autoSize) {
    const label = shape as TLTextShape
    const width = Math.max(8, ...text.split('\n').map((line) => estimateTextWidth(line, TEXT_FONT_SIZE[label.props.size])))
    return { ...label, props: { ...label.props, w: Math.ceil(width) } }
  }
  return shape
}
