/**
 * The facilitator's queue of raised hands, over the canvas's right side: oldest first, with names
 * (pseudonyms on anonymous boards) and how long ago each went up; lower one, the first
 * (Alt+Shift+L) or all (Alt+Shift+A). A newly raised hand is announced politely to a screen reader.
 */
import { useEffect, useRef, useState } from 'react'
import { useI18n } from '../app/i18n-context.tsx'
import type { Translate } from '../i18n.ts'
import { useSessionRun } from '../session/SessionContext.tsx'
import { theCanvas, useFocusAfterSwap } from '../ui/useFocusAfterSwap.ts'
import { useHands } from './HandsContext.tsx'
import { sinceRaised, type QueuedHand } from './hands-state.ts'
import { HAND_SHORTCUTS } from './shortcuts.ts'
import './hands.css'

export function HandQueue() {
  const hands = useHands()
  const { t } = useI18n()
  const session = useSessionRun()
  // Hands went up on the server's clock: measure how long ago on it too.
  const now = useNow(10_000, session?.serverNow ?? Date.now)
  const announcement = useRaisedAnnouncement(hands?.facilitator ? hands.queue : null, t)
  // Lowering a hand removes its button: the focus goes to the next hand's, or to the canvas with the last.
  const focus = useFocusAfterSwap<HTMLElement>(hands?.queue.length ?? 0, theCanvas)
  if (!hands?.facilitator) return null
  const { queue } = hands
  return (
    <>
      <p className="visually-hidden" aria-live="polite" data-testid="hand-announcement">
        {announcement}
      </p>
      {queue.length > 0 && (
        <section ref={focus.ref} onFocus={focus.onFocus} onBlur={focus.onBlur} className="hand-queue" aria-labelledby="hand-queue-heading" data-testid="hand-queue">
          <h2 id="hand-queue-heading" className="hand-queue__heading">
            <span aria-hidden="true">✋</span> {t('hands.queue')}
            <span className="hand-queue__count">{t(queue.length === 1 ? 'hands.queueCount.one' : 'hands.queueCount.other', { n: String(queue.length) })}</span>
          </h2>
          <ol className="hand-queue__list">
            {queue.map((hand, i) => (
              <li key={hand.clientId} className="hand-queue__item" data-testid="hand-queue-item">
                <div className="hand-queue__row">
                  <span className="hand-queue__who">
                    <span className="hand-queue__name">{displayName(hand, t)}</span> <span className="hand-queue__since">{sinceText(now - hand.raisedAt, t)}</span>
                  </span>
                  <button
                    type="button"
                    className="button button--small hand-queue__lower"
                    aria-label={t('hands.lowerOneLabel', { name: displayName(hand, t) })}
                    aria-keyshortcuts={i === 0 ? HAND_SHORTCUTS.lowerFirst : undefined}
                    title={i === 0 ? `${t('hands.lowerOneLabel', { name: displayName(hand, t) })} (${HAND_SHORTCUTS.lowerFirst})` : undefined}
                    onClick={() => hands.lower([hand])}
                  >
                    {t('hands.lowerOne')}
                  </button>
                </div>
              </li>
            ))}
          </ol>
          {queue.length > 1 && (
            <button
              type="button"
              className="button button--small hand-queue__all"
              aria-keyshortcuts={HAND_SHORTCUTS.lowerAll}
              title={`${t('hands.lowerAll')} (${HAND_SHORTCUTS.lowerAll})`}
              data-testid="hand-queue-lower-all"
              onClick={() => hands.lower(queue)}
            >
              {t('hands.lowerAll')}
            </button>
          )}
        </section>
      )}
    </>
  )
}

function displayName(hand: QueuedHand, t: Translate): string {
  return hand.mine ? t('hands.you') : (hand.name ?? t('hands.someone'))
}

function sinceText(ms: number, t: Translate): string {
  const since = sinceRaised(Math.max(0, ms))
  return since.unit === 'justNow' ? t('hands.justNow') : t(`hands.${since.unit}`, { n: String(since.n) })
}

function useNow(everyMs: number, clock: () => number): number {
  const [now, setNow] = useState(clock)
  useEffect(() => {
    setNow(clock())
    const timer = setInterval(() => setNow(clock()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs, clock])
  return now
}

/** "Anna steekt een hand op" for each hand raised since the last render; nothing for those there when the queue first showed. */
function useRaisedAnnouncement(queue: readonly QueuedHand[] | null, t: Translate): string {
  const known = useRef<Set<number> | null>(null)
  const [text, setText] = useState('')
  useEffect(() => {
    if (queue === null) return
    const ids = new Set(queue.map((hand) => hand.clientId))
    const before = known.current
    known.current = ids
    if (before === null) return
    const raised = queue.filter((hand) => !before.has(hand.clientId) && !hand.mine)
    if (raised.length > 0) setText(raised.map((hand) => t('hands.announceRaised', { name: displayName(hand, t) })).join('. '))
  }, [queue, t])
  return text
}
