/**
 * In front of the canvas: each reaction floats up from its sender's cursor for about two
 * seconds (without moving when the reader prefers reduced motion; see hands.css), with the
 * sender's name or pseudonym. A cursor off screen shows at the nearest edge, so nobody misses it.
 */
import { useEffect, useState } from 'react'
import { useEditor, useValue } from 'tldraw'
import { useI18n } from '../app/i18n-context.tsx'
import { useHands } from './HandsContext.tsx'
import type { ReactionEvent } from './hands-state.ts'
import './hands.css'

/** How long a reaction shows; the CSS animation lasts as long. */
const FLOAT_MS = 2000
/** Room kept to the viewport's edges (the emoji and its label fit inside). */
const EDGE = 32

interface Float extends ReactionEvent {
  key: number
}

let nextKey = 0

export function FloatingReactions() {
  const editor = useEditor()
  const hands = useHands()
  const { t } = useI18n()
  const [floats, setFloats] = useState<Float[]>([])

  useEffect(() => {
    if (!hands) return
    return hands.onReaction((event) => {
      const float = { ...event, key: nextKey++ }
      setFloats((current) => [...current, float])
      setTimeout(() => setFloats((current) => current.filter((f) => f !== float)), FLOAT_MS)
    })
  }, [hands])

  const placed = useValue(
    'reaction positions',
    () => {
      const viewport = editor.getViewportScreenBounds()
      return floats.map((float) => {
        const point = float.at ? editor.pageToViewport(float.at) : { x: viewport.w / 2, y: viewport.h - 96 }
        return { float, x: clamp(point.x, EDGE, viewport.w - EDGE), y: clamp(point.y, EDGE * 2, viewport.h - EDGE) }
      })
    },
    [editor, floats],
  )
  if (!hands || placed.length === 0) return null
  return (
    <>
      {placed.map(({ float, x, y }) => (
        <div
          key={float.key}
          className="reaction-float"
          data-testid="reaction-float"
          data-emoji={float.emoji}
          aria-hidden="true"
          style={{ transform: `translate(${Math.round(x)}px, ${Math.round(y)}px)` }}
        >
          <div className="reaction-float__bubble">
            <span className="reaction-float__emoji">{float.emoji}</span>
            <span className="reaction-float__name" style={float.color ? { borderColor: float.color } : undefined}>
              {float.clientId === hands.ownClientId ? t('hands.you') : (float.name ?? t('hands.someone'))}
            </span>
          </div>
        </div>
      ))}
    </>
  )
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max))
