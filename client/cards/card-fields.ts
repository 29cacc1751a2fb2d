/**
 * The fields a card of each kind has beyond its text, read and written with the shared card
 * rules (shared/card-rules.ts), so the card panel, the card on the board and the harvest say the
 * same:
 * - a moment's date lives in `meta.date` and shows as the note's date badge (a typed "Datum:"
 *   line is moved there, see lane-style.ts); the panel takes a "Datum:" line off the card when it
 *   sets the date, so it is not shown twice;
 * - an agreement's Wat / Wie / Wanneer / Hoe are labelled lines on the card; the panel sets the
 *   line (adding it when the card has none) and keeps `meta` in step for older readers.
 */
import type { Editor, JsonObject, TLRichText, TLShape, TLShapeId, TLShapePartial } from 'tldraw'
import { plainText, type Shape } from '../../shared/board-geometry.ts'
import { AGREEMENT_FIELDS, agreementOf, cardDate, DATE_LABELS, type AgreementField, type CardKind } from '../../shared/card-rules.ts'
import type { MessageKey } from '../i18n.ts'
import { withLabelledLineAdded, withoutLabelledLine } from './rich-text-lines.ts'

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

/** Writes fields of a card of `kind`: to its meta and, as the module comment says, to its text. */
export function writeFields(editor: Editor, shapeId: TLShapeId, kind: CardKind, values: readonly { key: FieldKey; value: string }[]): void {
  const shape = editor.getShape(shapeId)
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
  updateCard(editor, shape, meta, richText !== before ? richText : null)
}

/** One update of a card's meta and, when given, its text (note, geo and text shapes all have `richText`). */
export function updateCard(editor: Editor, shape: TLShape, meta: JsonObject, richText: TLRichText | null): void {
  const partial = { id: shape.id, type: shape.type, meta, ...(richText ? { props: { richText } } : {}) }
  editor.updateShape(partial as TLShapePartial)
}
