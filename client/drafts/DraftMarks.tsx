/**
 * "Alleen voor jou": my draft cards are drawn in place like any card, and this marks them with a
 * dashed outline and a lock badge ("Voorbereid" for a facilitator's prepared card), so nobody
 * mistakes their own private notes for what the group sees. In front of the canvas, in screen
 * coordinates (as board/EditingBadges), and never in the way of the pointer.
 */
import { useEditor, useValue } from 'tldraw'
import { useI18n } from '../app/i18n-context.tsx'
import { useDraftsOnBoard } from './DraftsContext.tsx'
import { myDraftCards } from './my-drafts.ts'
import './drafts.css'

interface Mark {
  id: string
  prepared: boolean
  x: number
  y: number
  w: number
  h: number
}

export function DraftMarks() {
  const editor = useEditor()
  const drafts = useDraftsOnBoard()
  const homes = drafts?.homes ?? null
  const { t } = useI18n()
  const marks = useValue(
    'draft marks',
    () => {
      if (!homes) return []
      const page = editor.getCurrentPageId()
      const result: Mark[] = []
      for (const { shape, prepared } of myDraftCards(editor.store, homes)) {
        if (editor.getAncestorPageId(shape) !== page) continue
        const bounds = editor.getShapePageBounds(shape)
        if (!bounds) continue
        const topLeft = editor.pageToViewport({ x: bounds.minX, y: bounds.minY })
        const bottomRight = editor.pageToViewport({ x: bounds.maxX, y: bounds.maxY })
        result.push({ id: shape.id, prepared, x: topLeft.x, y: topLeft.y, w: bottomRight.x - topLeft.x, h: bottomRight.y - topLeft.y })
      }
      return result
    },
    [editor, homes],
  )
  if (marks.length === 0) return null
  return (
    <>
      {marks.map((mark) => (
        <div
          key={mark.id}
          className={`draft-mark${mark.prepared ? ' draft-mark--prepared' : ''}`}
          data-testid="draft-mark"
          data-shape-id={mark.id}
          data-prepared={mark.prepared}
          title={t(mark.prepared ? 'drafts.mark.preparedHint' : 'drafts.mark.mineHint')}
          style={{ transform: `translate(${Math.round(mark.x)}px, ${Math.round(mark.y)}px)`, width: Math.round(mark.w), height: Math.round(mark.h) }}
        >
          <span className="draft-mark__badge">
            <LockIcon />
            {t(mark.prepared ? 'drafts.mark.prepared' : 'drafts.mark.mine')}
          </span>
        </div>
      ))}
    </>
  )
}

function LockIcon() {
  return (
    <svg className="draft-mark__lock" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5A1 1 0 0 1 13 8v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1zm1.5 0h4V5a2 2 0 0 0-4 0z" />
    </svg>
  )
}
