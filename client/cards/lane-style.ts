/**
 * Cards take the kind and colour of the lane they are made in, and keep to the board's one way
 * of writing fields (shared/card-rules.ts), for this person's own edits only (never for changes
 * that arrive from others or from the stored copy):
 *
 * - a new empty note put down on a template's empty placeholder card takes that card's place
 *   instead of lying on top of it (the placeholder goes), so the board keeps one card there;
 * - a note created or pasted in a lane (timeline moments or interpretations, red threads,
 *   lessons, agreements) gets that lane's colour and `meta.kind`; a new, empty note among the
 *   agreements gets the four prompt lines Wat / Wie / Wanneer / Hoe;
 * - a note moved into another lane takes that lane's colour and kind when it still had the
 *   colour of where it came from (a colour someone chose stays);
 * - a "Datum:" line typed on a moment becomes its `meta.date` when you stop editing (the note
 *   shows it in its date badge, and the line is taken off so it does not show twice);
 * - starting to edit an agreement card by double-click or Enter does not select all its text
 *   (tldraw does, so the first key wiped the prompt lines): the caret goes to the end of the
 *   first empty field instead.
 */
import { react, toRichText, type Editor, type TLNoteShape, type TLShape, type TLShapeId } from 'tldraw'
import { BoardGeometry, plainText, type HarvestRecord, type Shape } from '../../shared/board-geometry.ts'
import { AGREEMENT_FIELDS, AGREEMENT_TEXT, cardInfo, DATE_LABELS, KIND_COLOURS, labelledValue, labelPattern, type CardKind } from '../../shared/card-rules.ts'
import { richTextOf, updateCard } from './card-fields.ts'
import { withoutLabelledLine } from './rich-text-lines.ts'

type LaneKind = keyof typeof KIND_COLOURS

/** Wires the rules into an editor; returns what undoes it. */
export function keepCardsInTheirLane(editor: Editor): () => void {
  /** New note → the placeholder it replaces, removed once the note exists. */
  const replacing = new Map<TLShapeId, TLNoteShape>()
  /** New agreement notes given the prompt lines, until someone starts typing in them. */
  const prompted = new Set<TLShapeId>()
  const disposers = [
    editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
      if (source !== 'user') return shape
      const placeholder = emptyPlaceholderUnder(editor, shape)
      if (placeholder) replacing.set(shape.id, placeholder)
      const styled = styledForLane(editor, placeholder ? lookingLike(shape as TLNoteShape, placeholder) : shape)
      if (styled !== shape && styled.meta.kind === 'afspraak' && plainText(styled as unknown as Shape) === AGREEMENT_TEXT_PLAIN) prompted.add(styled.id)
      return styled
    }),
    editor.sideEffects.registerAfterCreateHandler('shape', (shape) => {
      const placeholder = replacing.get(shape.id)
      if (!placeholder) return
      replacing.delete(shape.id)
      // After the note tool has centred the note on the click (right after creating it).
      queueMicrotask(() => {
        if (!editor.getShape(shape.id) || !editor.getShape(placeholder.id)) return
        editor.run(() => {
          editor.updateShape({ id: shape.id, type: 'note', x: placeholder.x, y: placeholder.y })
          editor.deleteShape(placeholder.id)
        })
      })
    }),
    editor.sideEffects.registerAfterChangeHandler('instance_page_state', (prev, next, source) => {
      if (source !== 'user' || prev.editingShapeId === next.editingShapeId) return
      if (prev.editingShapeId) takeTypedDate(editor, prev.editingShapeId)
      // A new note would get its caret at the end (the "Hoe:" line) 100 ms in; ask tldraw for
      // select-all instead, which the caret rule below turns into the end of "Wat: " at once.
      if (next.editingShapeId && prompted.delete(next.editingShapeId)) editor.emit('select-all-text', { shapeId: next.editingShapeId })
    }),
    ...followMovedNotes(editor),
    react('dialoogbord.agreementCaret', () => {
      const textEditor = editor.getRichTextEditor()
      const shapeId = editor.getEditingShapeId()
      if (!textEditor || !shapeId) return
      // tldraw selects all right after handing over its text editor: move the caret after that.
      queueMicrotask(() => caretToFirstEmptyField(editor, shapeId))
    }),
  ]
  return () => disposers.forEach((dispose) => dispose())
}

/**
 * Notes moved by this person, recoloured once the move is over (not at every step of a drag):
 * each note is compared with where it was before its first step.
 */
function followMovedNotes(editor: Editor): (() => void)[] {
  const before = new Map<TLShapeId, TLNoteShape>()
  const settle = () => {
    if (before.size === 0 || !editor.isIn('select.idle')) return
    const moved = [...before.values()]
    before.clear()
    editor.run(() => {
      for (const from of moved) {
        const note = editor.getShape<TLNoteShape>(from.id)
        if (!note) continue
        const was = laneKindAt(editor, from)
        const is = laneKindAt(editor, note)
        const untouched = note.props.color === (was ? KIND_COLOURS[was] : DEFAULT_NOTE_COLOUR)
        if (is && is !== was && untouched) editor.updateShape({ id: note.id, type: 'note', props: { color: KIND_COLOURS[is] }, meta: { ...note.meta, kind: is } })
      }
    })
  }
  return [
    editor.sideEffects.registerAfterChangeHandler('shape', (prev, next, source) => {
      if (source !== 'user' || next.type !== 'note' || (prev.x === next.x && prev.y === next.y && prev.parentId === next.parentId)) return
      if (!before.has(prev.id)) before.set(prev.id, prev as TLNoteShape)
      queueMicrotask(settle) // a nudge with the arrow keys happens while idle
    }),
    react('dialoogbord.settleMovedNotes', () => {
      if (editor.getPath() === 'select.idle') queueMicrotask(settle)
    }),
  ]
}

const laneRecordsOf = new WeakMap<Editor, HarvestRecord[]>()

/**
 * Only what decides a kind: pages, frames and the scaffolding in them (the timeline's lanes).
 * Kept until the current task ends, so pasting or dragging many notes looks through a big
 * board's shapes once, not once per note.
 */
function laneRecords(editor: Editor): HarvestRecord[] {
  let records = laneRecordsOf.get(editor)
  if (!records) {
    records = [...editor.getPages(), ...editor.getCurrentPageShapes().filter((s) => s.type === 'frame' || s.meta.scaffold === true)]
    laneRecordsOf.set(editor, records)
    queueMicrotask(() => laneRecordsOf.delete(editor))
  }
  return records
}

/** AGREEMENT_TEXT as plainText reads it (trailing spaces trimmed). */
const AGREEMENT_TEXT_PLAIN = AGREEMENT_TEXT.split('\n')
  .map((line) => line.trim())
  .join('\n')

/** tldraw's colour for a note nobody styled. */
const DEFAULT_NOTE_COLOUR = 'yellow'

/** What kind of card a shape at this place would be (lanes only: a plain zone gives null). */
export function laneKindAt(editor: Editor, shape: TLShape): LaneKind | null {
  const kind = kindOf(editor, shape)
  return kind !== null && kind in KIND_COLOURS ? (kind as LaneKind) : null
}

/** What kind of card a shape at its place is (shared/card-rules.ts cardInfo); null for a shape that is no card of the board's. */
export function kindOf(editor: Editor, shape: TLShape): CardKind | null {
  const records: HarvestRecord[] = [...laneRecords(editor).filter((record) => record.id !== shape.id), shape]
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

/**
 * A template's empty card (it has a `meta.kind`) where the note tool puts a new note down.
 * tldraw's note tool creates the note at the clicked point and then centres it there.
 */
function emptyPlaceholderUnder(editor: Editor, shape: TLShape): TLNoteShape | null {
  if (shape.type !== 'note' || editor.getCurrentToolId() !== 'note' || editor.getShape(shape.id)) return null
  const note = shape as TLNoteShape
  // A copy of a card (duplicate, paste) carries its kind: only a brand-new note takes a place.
  if (typeof note.meta.kind === 'string' || plainText(note as unknown as Shape) !== '' || note.parentId !== editor.getCurrentPageId()) return null
  const centre = { x: note.x, y: note.y }
  const under = editor.getCurrentPageShapesSorted().findLast(
    (candidate): candidate is TLNoteShape =>
      candidate.type === 'note' &&
      !candidate.isLocked &&
      typeof candidate.meta.kind === 'string' &&
      plainText(candidate as unknown as Shape) === '' &&
      editor.getShapePageBounds(candidate)?.containsPoint(centre) === true,
  )
  return under ?? null
}

/** The new note looking like the placeholder it replaces, with its meta (moved there once created). */
function lookingLike(note: TLNoteShape, placeholder: TLNoteShape): TLNoteShape {
  const { color, size, scale, font, align, verticalAlign } = placeholder.props
  return { ...note, rotation: placeholder.rotation, props: { ...note.props, color, size, scale, font, align, verticalAlign }, meta: { ...placeholder.meta, ...note.meta } }
}

function takeTypedDate(editor: Editor, shapeId: TLShapeId): void {
  const shape = editor.getShape(shapeId)
  if (!shape || shape.type !== 'note') return
  const date = labelledValue(plainText(shape as unknown as Shape), DATE_LABELS)
  const richText = richTextOf(shape)
  if (!date || !richText || kindOf(editor, shape) !== 'moment') return
  updateCard(editor, shape, { ...shape.meta, date }, withoutLabelledLine(richText, DATE_LABELS))
}

/**
 * On an agreement card whose whole text is selected: the caret to the end of its first empty
 * field line (else of its last line). A caret someone placed by clicking, or typing appended to
 * the card, stays where it is.
 */
function caretToFirstEmptyField(editor: Editor, shapeId: TLShapeId): void {
  const textEditor = editor.getRichTextEditor()
  const shape = editor.getShape(shapeId)
  if (!textEditor || editor.getEditingShapeId() !== shapeId || !shape) return
  const { from, to } = textEditor.state.selection
  if (from > 1 || to < textEditor.state.doc.content.size - 1 || from === to || !isAgreement(editor, shape)) return
  let target: number | null = null
  let lastLineEnd: number | null = null
  textEditor.state.doc.descendants((node, pos) => {
    if (target !== null || node.type.name !== 'paragraph') return target === null
    const text = node.textContent
    lastLineEnd = pos + 1 + node.content.size
    if (EMPTY_FIELD.exec(text)?.[2]?.trim() === '') target = lastLineEnd
    return false
  })
  const caret = target ?? lastLineEnd
  if (caret !== null) textEditor.chain().focus().setTextSelection(caret).run()
}

const EMPTY_FIELD = labelPattern(AGREEMENT_FIELDS.flatMap(({ labels }) => labels))

function isAgreement(editor: Editor, shape: TLShape): boolean {
  return shape.meta.kind === 'afspraak' || shape.meta.kind === 'informatiedeling' || shape.meta.kind === 'vervolgafspraak' || kindOf(editor, shape) === 'afspraak'
}
