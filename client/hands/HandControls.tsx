/**
 * Over the canvas's bottom right, for everyone (viewers too: they are participants): the hand
 * toggle and the four reactions, each with a keyboard shortcut. Not in the header: that row
 * holds the facilitator's session controls and is full at laptop widths. Also listens for those shortcuts and says,
 * politely, when the facilitator lowered your hand.
 */
import { useEffect, useState } from 'react'
import { REACTION_EMOJIS, type ReactionEmoji } from '../../shared/awareness.ts'
import { useI18n } from '../app/i18n-context.tsx'
import type { MessageKey } from '../i18n.ts'
import { useHands, type Hands } from './HandsContext.tsx'
import { HAND_SHORTCUTS, handActionFor, isTyping } from './shortcuts.ts'
import './hands.css'

export const REACTION_LABELS: Record<ReactionEmoji, MessageKey> = {
  '👍': 'hands.react.thumbsUp',
  '❤️': 'hands.react.heart',
  '❓': 'hands.react.question',
  '💡': 'hands.react.idea',
}

export function HandControls() {
  const hands = useHands()
  const { t } = useI18n()
  useHandShortcuts(hands)
  const lowered = useLoweredNotice(hands, t('hands.announceLowered'))
  if (!hands) return null
  const raised = hands.myHand !== null
  const handLabel = t(raised ? 'hands.lower' : 'hands.raise')
  return (
    <div className="hand-controls" role="group" aria-label={t('hands.controls')}>
      <button
        type="button"
        className={`button button--small hand-toggle${raised ? ' hand-toggle--raised' : ''}`}
        aria-pressed={raised}
        aria-keyshortcuts={HAND_SHORTCUTS.toggleHand}
        title={`${handLabel} (${HAND_SHORTCUTS.toggleHand})`}
        data-testid="hand-toggle"
        onClick={hands.toggleHand}
      >
        <span aria-hidden="true">✋</span> <span className="hand-toggle__label">{handLabel}</span>
      </button>
      <div className="reaction-buttons" role="group" aria-label={t('hands.reactions')}>
        {REACTION_EMOJIS.map((emoji, i) => (
          <button
            key={emoji}
            type="button"
            className="reaction-button"
            aria-label={t(REACTION_LABELS[emoji])}
            aria-keyshortcuts={HAND_SHORTCUTS.react[i]}
            title={`${t(REACTION_LABELS[emoji])} (${HAND_SHORTCUTS.react[i]})`}
            data-testid={`react-${i + 1}`}
            onClick={() => hands.react(emoji)}
          >
            {emoji}
          </button>
        ))}
      </div>
      <span className="visually-hidden" role="status" data-testid="hand-lowered-notice">
        {lowered}
      </span>
    </div>
  )
}

/** Alt+Shift shortcuts anywhere on the board, except while typing. */
function useHandShortcuts(hands: Hands | null) {
  useEffect(() => {
    if (!hands) return
    const onKeyDown = (event: KeyboardEvent) => {
      const action = handActionFor(event)
      if (!action || isTyping(event.target)) return
      if ((action.type === 'lowerFirst' || action.type === 'lowerAll') && !hands.facilitator) return
      // Capture phase: tldraw's own shortcuts never see these keys.
      event.preventDefault()
      event.stopPropagation()
      if (action.type === 'toggleHand') hands.toggleHand()
      else if (action.type === 'react') hands.react(action.emoji)
      else hands.lower(action.type === 'lowerAll' ? hands.queue : hands.queue.slice(0, 1))
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [hands])
}

/** The text of the live region: set when a facilitator lowered my hand, cleared a while later. */
function useLoweredNotice(hands: Hands | null, text: string): string {
  const count = hands?.loweredByFacilitator ?? 0
  const [notice, setNotice] = useState('')
  useEffect(() => {
    if (count === 0) return
    setNotice(text)
    const timer = setTimeout(() => setNotice(''), 8000)
    return () => clearTimeout(timer)
  }, [count, text])
  return notice
}
