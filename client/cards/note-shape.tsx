/**
 * tldraw's note, with the card's date on it (a small badge at its top from `meta.date` or a
 * "Datum:" line, shared/card-rules.ts: the timeline's moments show when they happened), and
 * changed in two ways that make a big board open fast, without changing what anyone sees:
 *
 * - The text label's geometry is measured when first needed (a hit test, editing), not for every
 *   note while the editor builds its spatial index on open. The note's bounds never depended on
 *   the label (tldraw excludes it from them), so they are computed straight away, as tldraw does.
 * - tldraw renders every shape of the page and hides the off-screen ones (display: none), and a
 *   note is costly to render: its rich text becomes HTML (about 0.5 ms a note), its shadow comes
 *   from a seeded random generator, it subscribes to zoom, selection and editing. A note's content
 *   renders from the first moment it is on screen (or selected, or edited), and stays from then
 *   on; until then its hidden container is empty. Zoomed out (a big board opens on its overview),
 *   a note of plain text is a sketch: the same elements tldraw renders there, without the editing
 *   machinery (note-detail.ts, note-sketch.tsx).
 * - Notes name their fonts only once the board has opened (note-fonts.ts): tldraw recomputes
 *   every note's geometry whenever the load state of a font it names changes.
 *
 * Measured with bench/browser-open.ts: both were most of the time a 5,000-card board took to open.
 */
import { useCallback, useSyncExternalStore, type CSSProperties } from 'react'
import { getDisplayValues, Group2d, NoteShapeUtil, Rectangle2d, track, type Editor, type Geometry2d, type SvgExportContext, type TldrawOptions, type TLFontFace, type TLNoteShape, type TLShapeId } from 'tldraw'
import { richTextToPlain } from '../../shared/board-geometry.ts'
import { cardDate } from '../../shared/card-rules.ts'
import { estimateTextWidth } from '../../templates/shapes.ts'
import { BoardGeoShapeUtil, BoardTextShapeUtil } from './card-shapes.ts'
import { describeShapeOnBoard } from './card-description.ts'
import { LazyGeometry2d } from './lazy-geometry.ts'
import { noteDetails, type NoteView } from './note-detail.ts'
import { noteFontsFollowed } from './note-fonts.ts'
import { canSketch, noteSketch } from './note-sketch.tsx'

/** The date badge in note space (as .board-note__date in cards.css). */
const BADGE = { x: 10, y: 8, height: 22, padX: 8, fontSize: 14 }

export class BoardNoteShapeUtil extends NoteShapeUtil {
  override getGeometry(shape: TLNoteShape): Group2d {
    const dv = getDisplayValues(this, shape)
    const { scale, growY } = shape.props
    const full = () => super.getGeometry(shape)
    return new Group2d({
      children: [
        new Rectangle2d({ width: dv.noteWidth * scale, height: (dv.noteHeight + growY) * scale, isFilled: true }),
        new LazyGeometry2d(() => labelOf(full()), { isFilled: true, isClosed: true, isLabel: true, excludeFromShapeBounds: true }),
      ],
    })
  }

  /**
   * What a screen reader hears when the card is selected (tldraw's announcer puts it before
   * "Notitie. Vorm 3 van 40"): its kind and what it says, in the board's language.
   */
  override getAriaDescriptor(shape: TLNoteShape): string | undefined {
    return describeShapeOnBoard(this.editor, shape)
  }

  /** None while the board opens (note-fonts.ts); then tldraw's. */
  override getFontFaces(shape: TLNoteShape): TLFontFace[] {
    return noteFontsFollowed(this.editor) ? super.getFontFaces(shape) : []
  }

  override component(shape: TLNoteShape) {
    return <NoteOnceShown util={this} shape={shape} />
  }

  /** tldraw's own note. */
  tldrawComponent(shape: TLNoteShape) {
    return super.component(shape)
  }

  /** Exports (PNG, SVG) show the date badge too. */
  override toSvg(shape: TLNoteShape, ctx: SvgExportContext) {
    const note = super.toSvg(shape, ctx)
    const date = noteDate(shape)
    if (!date) return note
    const width = Math.min(getDisplayValues(this, shape).noteWidth - 2 * BADGE.x, estimateTextWidth(date, BADGE.fontSize) + 2 * BADGE.padX)
    return (
      <>
        {note}
        <rect x={BADGE.x} y={BADGE.y} rx={BADGE.height / 2} width={width} height={BADGE.height} fill="rgba(0, 0, 0, 0.72)" />
        <text x={BADGE.x + BADGE.padX} y={BADGE.y + BADGE.height / 2} dominantBaseline="central" fontFamily="system-ui, sans-serif" fontSize={BADGE.fontSize} fontWeight={600} fill="#fff">
          {date}
        </text>
      </>
    )
  }
}

interface NoteProps {
  util: BoardNoteShapeUtil
  shape: TLNoteShape
}

/**
 * Nothing until the note is first on screen; then a sketch or tldraw's own note (note-detail.ts).
 * A sketch is not tracked (a subscription per note is what it saves): NoteView changes with the theme.
 */
function NoteOnceShown({ util, shape }: NoteProps) {
  const view = useNoteView(util.editor, shape.id)
  if (view === 'hidden') return null
  if (view === 'full' || !canSketch(shape)) return <TldrawNote util={util} shape={shape} />
  // Plain calls, not components: a fiber less per element on a 5,000-card overview.
  return (
    <>
      {noteSketch(util, shape)}
      {dateBadge(shape)}
    </>
  )
}

/** Tracked like tldraw's InnerShape: the note reads editor state (selection) while rendering. */
const TldrawNote = track(function TldrawNote({ util, shape }: NoteProps) {
  return (
    <>
      {util.tldrawComponent(shape)}
      {dateBadge(shape)}
    </>
  )
})

function dateBadge(shape: TLNoteShape) {
  const date = noteDate(shape)
  if (!date) return null
  return (
    <div className="board-note__date" data-testid="note-date" style={{ '--note-scale': shape.props.scale } as CSSProperties}>
      {date}
    </div>
  )
}

/** The date a note shows: `meta.date`, else its "Datum:" line (the one rule the harvest uses too). */
export function noteDate(shape: TLNoteShape): string {
  const meta = shape.meta as Record<string, unknown>
  if (typeof meta.date === 'string' && meta.date.trim()) return meta.date.trim()
  return cardDate({ text: richTextToPlain(shape.props.richText), meta }).date
}

function useNoteView(editor: Editor, id: TLShapeId): NoteView {
  const details = noteDetails(editor)
  const subscribe = useCallback((listener: () => void) => details.subscribe(id, listener), [details, id])
  return useSyncExternalStore(subscribe, () => details.view(id))
}

function labelOf(group: Group2d): Geometry2d {
  const label = group.children.find((child) => child.isLabel)
  if (!label) throw new Error('tldraw note geometry without a label')
  return label
}

/** Our shape utils for <Tldraw shapeUtils>: they replace tldraw's defaults of the same type. */
export const BOARD_SHAPE_UTILS = [BoardNoteShapeUtil, BoardGeoShapeUtil, BoardTextShapeUtil]

/**
 * tldraw stops adding shapes to a page at 4,000 (and lays z-indexes out for that many); a board
 * may hold more (the server's MAX_RECORDS_PER_BOARD, 20,000 by default), and the server is the one
 * to refuse, with its own message. Stable object: new options would make tldraw a new editor.
 */
export const BOARD_EDITOR_OPTIONS: Partial<TldrawOptions> = { maxShapesPerPage: 100_000 }

