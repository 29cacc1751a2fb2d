/**
 * tldraw's note, changed in two ways that make a big board open fast, without changing what
 * anyone sees:
 *
 * - The text label's geometry is measured when first needed (a hit test, editing), not for every
 *   note while the editor builds its spatial index on open. The note's bounds never depended on
 *   the label (tldraw excludes it from them), so they are computed straight away, as tldraw does.
 * - tldraw renders every shape of the page and hides the off-screen ones; rendering a note's text
 *   means turning its rich text into HTML (about 0.5 ms a note). A note renders its text from the
 *   first moment it is on screen (or selected, or edited), and keeps it from then on.
 *
 * Measured with bench/browser-open.ts: both were most of the time a 5,000-card board took to open.
 */
import { useRef } from 'react'
import { getDisplayValues, Group2d, NoteShapeUtil, Rectangle2d, toRichText, useValue, type Editor, type Geometry2d, type TLNoteShape, type TLShapeId } from 'tldraw'
import { LazyGeometry2d } from './lazy-geometry.ts'

const NO_TEXT = toRichText('')

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

  override component(shape: TLNoteShape) {
    // A hook, as tldraw's own shape components use them: component() renders inside InnerShape.
    const shown = useShownOnce(this.editor, shape.id)
    return super.component(shown ? shape : { ...shape, props: { ...shape.props, richText: NO_TEXT } })
  }
}

/** True from the first moment the shape is not culled (on screen, selected or being edited). */
function useShownOnce(editor: Editor, id: TLShapeId): boolean {
  const shown = useRef(false)
  // Once shown, the computed reads no signal any more, so it never runs again.
  const now = useValue('dialoogbord.noteShown', () => shown.current || !editor.getCulledShapes().has(id), [editor, id])
  if (now) shown.current = true
  return now
}

function labelOf(group: Group2d): Geometry2d {
  const label = group.children.find((child) => child.isLabel)
  if (!label) throw new Error('tldraw note geometry without a label')
  return label
}

/** Our shape utils for <Tldraw shapeUtils>: they replace tldraw's defaults of the same type. */
export const BOARD_SHAPE_UTILS = [BoardNoteShapeUtil]
