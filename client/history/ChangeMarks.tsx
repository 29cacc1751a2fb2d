/**
 * Marks on a read-only canvas: a frame around every shape that was added or changed, and a
 * dashed outline where a removed shape used to be. Drawn in front of the canvas (tldraw's
 * `InFrontOfTheCanvas`), in screen space from the camera, so they follow zooming and panning.
 * Each mark carries its word ("Toegevoegd"…, or its sign when small) as well as its colour and
 * line style; a moved shape's earlier place is outlined faintly.
 */
import { createContext, useContext } from 'react'
import { useEditor, useValue, type TLShapeId } from 'tldraw'
import type { Box } from '../../shared/board-geometry.ts'
import { useI18n } from '../app/i18n-context.tsx'
import type { ChangeType, ShapeChange } from './diff.ts'

export interface ChangeMark {
  id: string
  change: ChangeType
  /** Where to draw it when the canvas has no such shape (removed ones): page space. */
  box: Box
  pageId: string | null
  /** A moved shape's earlier place, drawn faintly so the move can be seen. */
  movedFrom?: { box: Box; pageId: string | null }
}

export interface MarksState {
  marks: readonly ChangeMark[]
  /** The mark someone just asked to see (drawn stronger). */
  focusedId: string | null
}

export const MarksContext = createContext<MarksState>({ marks: [], focusedId: null })

/** Marks for a list of changes, for a canvas that shows the later state. */
export function marksFor(changes: readonly ShapeChange[]): ChangeMark[] {
  return changes.flatMap((change) => {
    const side = change.change === 'removed' ? change.before : change.after
    if (!side) return []
    const moved = change.aspects.includes('position') && change.before
    return [{ id: change.id, change: change.change, box: side.box, pageId: side.pageId, ...(moved ? { movedFrom: { box: moved.box, pageId: moved.pageId } } : {}) }]
  })
}

/** Space between a shape and its mark, in screen pixels. */
const GAP = 6
/** Below this width (screen pixels) a mark's word would cover its neighbours: a sign instead. */
const WORD_MIN_WIDTH = 110

/** The sign of each kind of change, as in the legend. */
export const CHANGE_SIGNS: Readonly<Record<ChangeType, string>> = { added: '+', changed: '~', removed: '−' }

interface Placed {
  key: string
  id: string
  change: ChangeType | 'moved-from'
  left: number
  top: number
  width: number
  height: number
}

export function ChangeMarksOverlay() {
  const editor = useEditor()
  const { t } = useI18n()
  const { marks, focusedId } = useContext(MarksContext)
  const placed = useValue(
    'dialoogbord change marks',
    () => {
      const page = editor.getCurrentPageId()
      const zoom = editor.getZoomLevel()
      const place = (key: string, id: string, change: Placed['change'], box: Box): Placed => {
        const topLeft = editor.pageToViewport({ x: box.minX, y: box.minY })
        return { key, id, change, left: topLeft.x - GAP, top: topLeft.y - GAP, width: (box.maxX - box.minX) * zoom + 2 * GAP, height: (box.maxY - box.minY) * zoom + 2 * GAP }
      }
      return marks.flatMap((mark) => {
        let box = mark.box
        let pageId = mark.pageId
        const id = mark.id as TLShapeId
        // Shapes that exist on this canvas are measured by tldraw itself (exact, and current).
        if (mark.change !== 'removed' && editor.getShape(id)) {
          const bounds = editor.getShapePageBounds(id)
          if (bounds) box = { minX: bounds.minX, minY: bounds.minY, maxX: bounds.maxX, maxY: bounds.maxY }
          pageId = editor.getAncestorPageId(id) ?? pageId
        }
        const from = mark.movedFrom && mark.movedFrom.pageId === page ? [place(`from-${mark.id}`, mark.id, 'moved-from', mark.movedFrom.box)] : []
        return pageId === page ? [...from, place(`${mark.change}-${mark.id}`, mark.id, mark.change, box)] : from
      })
    },
    [editor, marks],
  )
  return (
    <div className="history-marks" aria-hidden="true">
      {placed.map((mark) => (
        <div
          key={mark.key}
          className={`history-mark history-mark--${mark.change}${mark.id === focusedId ? ' history-mark--focused' : ''}`}
          data-testid={mark.change === 'moved-from' ? 'change-mark-origin' : 'change-mark'}
          data-change={mark.change}
          data-shape-id={mark.id}
          style={{ left: mark.left, top: mark.top, width: mark.width, height: mark.height }}
        >
          {mark.change !== 'moved-from' && (
            <span className="history-mark__tag">{mark.width >= WORD_MIN_WIDTH ? t(`history.change.${mark.change}`) : CHANGE_SIGNS[mark.change]}</span>
          )}
        </div>
      ))}
    </div>
  )
}

/** The legend: the three kinds of mark, with their words. */
export function ChangeLegend() {
  const { t } = useI18n()
  const entries = [
    { change: 'added', text: t('history.change.added') },
    { change: 'changed', text: t('history.legend.changed') },
    { change: 'removed', text: t('history.legend.removed') },
  ] as const
  return (
    <ul className="history-legend" aria-label={t('history.legend')} data-testid="change-legend">
      {entries.map(({ change, text }) => (
        <li key={change}>
          <span className={`history-legend__swatch history-mark--${change}`} aria-hidden="true">
            {CHANGE_SIGNS[change]}
          </span>
          {text}
        </li>
      ))}
    </ul>
  )
}
