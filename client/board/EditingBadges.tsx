/**
 * "Anna bewerkt": a badge on every card someone else has in edit mode, so nobody starts typing
 * into a card another person is rewriting (the later one would silently win). When you edit it
 * too, the badge turns into a warning. Rendered in front of the canvas, in screen coordinates.
 */
import { useEditor, useValue, type TLShapeId } from 'tldraw'
import { useI18n } from '../app/i18n-context.tsx'
import type { MessageKey } from '../i18n.ts'
import { editingShapeOf } from '../sync/presence.ts'
import './editing-badge.css'

interface Badge {
  shapeId: string
  names: string[]
  color: string
  x: number
  y: number
  mine: boolean
}

function badgeText({ mine, names }: Badge): MessageKey {
  if (mine) return names.length > 1 ? 'editing.alsoEditingMany' : 'editing.alsoEditing'
  return names.length > 1 ? 'editing.areEditing' : 'editing.isEditing'
}

/** "Anna", "Anna en Bram", "Anna, Bram en Cor". */
function listOfNames(names: readonly string[], and: string): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`
}

export function EditingBadges() {
  const editor = useEditor()
  const { t } = useI18n()
  const badges = useValue(
    'editing badges',
    () => {
      const byShape = new Map<string, { names: string[]; color: string }>()
      for (const presence of editor.store.query.records('instance_presence').get()) {
        const shapeId = editingShapeOf(presence)
        if (!shapeId || presence.currentPageId !== editor.getCurrentPageId()) continue
        const entry = byShape.get(shapeId) ?? { names: [], color: presence.color }
        // Anonymous boards without the server's pseudonym show no name at all.
        entry.names.push(presence.userName.trim() || t('editing.someone'))
        byShape.set(shapeId, entry)
      }
      const own = editor.getEditingShapeId()
      const result: Badge[] = []
      for (const [shapeId, { names, color }] of byShape) {
        const bounds = editor.getShapePageBounds(shapeId as TLShapeId)
        if (!bounds) continue
        const corner = editor.pageToViewport({ x: bounds.minX, y: bounds.minY })
        result.push({ shapeId, names: names.sort(), color, x: corner.x, y: corner.y, mine: own === shapeId })
      }
      return result
    },
    [editor, t],
  )
  if (badges.length === 0) return null
  return (
    <>
      {badges.map((badge) => (
        <div
          key={badge.shapeId}
          className={`editing-badge${badge.mine ? ' editing-badge--clash' : ''}`}
          data-testid="editing-badge"
          data-shape-id={badge.shapeId}
          role={badge.mine ? 'alert' : 'status'}
          style={{ transform: `translate(${Math.round(badge.x)}px, ${Math.round(badge.y)}px) translateY(-100%)`, borderColor: badge.color }}
        >
          <span className="editing-badge__dot" style={{ background: badge.color }} aria-hidden="true" />
          {t(badgeText(badge), { names: listOfNames(badge.names, t('editing.and')) })}
        </div>
      ))}
    </>
  )
}
