/**
 * Cards take the kind and colour of the lane they are made in, and keep to the board's one way
 * of writing fields (shared/card-rules.ts), for this person's own edits only (never for changes
 * that arrive from others or from the stored copy):
 *
 * - a note created or pasted in a lane (timeline moments or interpretations, red threads,
 *   lessons, agreements) gets that lane's colour and `meta.kind`; a new, empty note among the
 *   agreements gets the four prompt lines Wat / Wie / Wanneer / Hoe;
 * - a "Datum:" line typed on a moment becomes its `meta.date` when you stop editing (the note
 *   shows it in its date badge, and the line is taken off so it does not show twice);
 * - starting to edit an agreement card by double-click or Enter does not select all its text
 *   (tldraw does, so the first key wiped the prompt lines): the caret goes to the end of the
 *   first empty field instead.
 */
import { react, toRichText, type Editor, type TLNoteShape, type TLShape, type TLShapeId } from 'tldraw'
import { BoardGeometry, plainText, type HarvestRecord, type Shape } from '../../shared/board-geometry.ts'
import { AGREEMENT_FIELDS, AGREEMENT_TEXT, cardInfo, DATE_LABELS, KIND_COLOURS, labelledValue, type CardKind } from '../../shared/card-rules.ts'
import { richTextOf, updateCard } from './card-fields.ts'
import { withoutLabelledLine } from './rich-text-lines.ts'

type LaneKind = keyof typeof KIND_COLOURS

/** Wires the rules into an editor; returns what undoes it. */
export function keepCardsInTheirLane(editor: Editor): () => void {
  const disposers = [
    editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => (source === 'user' ? styledForLane(editor, shape) : shape)),
    editor.sideEffects.registerAfterChangeHandler('instance_page_state', (prev, next, source) => {
      if (source !== 'user' || !prev.editingShapeId || prev.editingShapeId === next.editingShapeId) return
      takeTypedDate(editor, prev.editingShapeId)
    }),
    react('dialoogbord.agreementCaret', () => {
      const textEditor = editor.getRichTextEditor()
      const shapeId = editor.getEditingShapeId()
      // tldraw selects all right after handing over its text editor; move the caret after that.
      if (textEditor && shapeId) queueMicrotask(() => caretToFirstEmptyField(editor, shapeId))
    }),
  ]
  return () => disposers.forEach((dispose) => dispose())
}

/** What kind of card a shape at this place would be (lanes only: a plain zone gives null). */
export function laneKindAt(editor: Editor, shape: TLShape): LaneKind | null {
  const kind = kindOf(editor, shape)
  return kind !== null && kind in KIND_COLOURS ? (kind as LaneKind) : null
}

function kindOf(editor: Editor, shape: TLShape): CardKind | null {
  // Only what decides a kind: pages, frames and the scaffolding in them (the timeline's lanes).
  const records: HarvestRecord[] = [...editor.getPages(), ...editor.getCurrentPageShapes().filter((s) => s.type === 'frame' || s.meta.scaffold === true)]
  if (!editor.getShape(shape.id)) records.push(shape)
  const geometry = new BoardGeometry(records)
  const current = geometry.shape(shape.id)
  return current ? cardInfo(geometry, current).kind : null
}

function styledForLane(editor: Editor, shape: TLShape): TLShape {
  if (shape.type !== 'note' || shape.meta.scaffold === true) return shape
  const kind = laneKindAt(editor, shape)
  if (!kind) return shape
  const note = shape as TLNoteShape
  const empty = plainText(note as unknown as Shape) === ''
  const richText = kind === 'afspraak' && empty ? toRichText(AGREEMENT_TEXT) : note.props.richText
  return { ...note, props: { ...note.props, color: KIND_COLOURS[kind], richText }, meta: { ...note.meta, kind } }
}

function takeTypedDate(editor: Editor, shapeId: TLShapeId): void {
  const shape = editor.getShape(shapeId)
  if (!shape || shape.type !== 'note') return
  const date = labelledValue(plainText(shape as unknown as Shape), DATE_LABELS)
  const richText = richTextOf(shape)
  if (!date || !richText || kindOf(editor, shape) !== 'moment') return
  updateCard(editor, shape, { ...shape.meta, date }, withoutLabelledLine(richText, DATE_LABELS))
}

/** On an agreement card whose whole text is selected: the caret to the end of its first empty field line. */
function caretToFirstEmptyField(editor: Editor, shapeId: TLShapeId): void {
  const textEditor = editor.getRichTextEditor()
  const shape = editor.getShape(shapeId)
  if (!textEditor || editor.getEditingShapeId() !== shapeId || !shape) return
  const { from, to } = textEditor.state.selection
  if (from === to || !isAgreement(editor, shape)) return
  let target: number | null = null
  let lastLineEnd: number | null = null
  textEditor.state.doc.descendants((node, pos) => {
    if (target !== null || node.type.name !== 'paragraph') return target === null
    const text = node.textContent
    lastLineEnd = pos + 1 + node.content.size
    if (AGREEMENT_FIELDS.some(({ labels }) => new RegExp(`^\\s*(${labels.join('|')})\\s*:\\s*$`, 'i').test(text))) target = lastLineEnd
    return false
  })
  const caret = target ?? lastLineEnd
  if (caret !== null) textEditor.chain().focus().setTextSelection(caret).run()
}

function isAgreement(editor: Editor, shape: TLShape): boolean {
  return shape.meta.kind === 'afspraak' || shape.meta.kind === 'informatiedeling' || shape.meta.kind === 'vervolgafspraak' || kindOf(editor, shape) === 'afspraak'
}
