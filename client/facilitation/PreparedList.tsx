/**
 * "Voorbereid": the facilitator's prepared cards that are still private, in the order they are
 * meant to be revealed (the timeline left to right, then the rest), each with "Onthul", and
 * "Onthul volgende" for the first. A revealed card leaves the list by itself (it leaves my draft).
 */
import { useId, useMemo } from 'react'
import { useValue } from 'tldraw'
import { useI18n } from '../app/i18n-context.tsx'
import { useDraftsOnBoard } from '../drafts/DraftsContext.tsx'
import { revealMine } from '../drafts/drafts-api.ts'
import { myDraftCards } from '../drafts/my-drafts.ts'
import { useDraftRequest } from '../drafts/useDraftRequest.ts'
import { preparedInOrder, type PreparedCard } from './prepared-order.ts'

export function PreparedList() {
  const drafts = useDraftsOnBoard()
  const { t } = useI18n()
  const headingId = useId()
  const { busy, notice, run } = useDraftRequest()
  const store = drafts?.store ?? null
  const homes = drafts?.homes ?? null
  // A string, so the list re-renders only when a prepared card changes, not on every board edit.
  const key = useValue(
    'prepared cards',
    () => {
      if (!store || !homes) return '[]'
      const prepared = new Set(myDraftCards(store, homes).filter((card) => card.prepared).map((card) => card.shape.id as string))
      return JSON.stringify(preparedInOrder(prepared.size === 0 ? [] : store.allRecords(), prepared))
    },
    [store, homes],
  )
  const cards = useMemo(() => JSON.parse(key) as PreparedCard[], [key])
  if (!drafts?.facilitator || !drafts.draftKey) return null
  const { draftKey } = drafts
  const reveal = (card: PreparedCard) => void run(() => revealMine(drafts.boardId, drafts.token, draftKey, [card.id]))
  const label = (card: PreparedCard) => card.text || t('drafts.prepared.emptyCard')

  return (
    <section className="steps__section" aria-labelledby={headingId} data-testid="prepared-list">
      <h3 id={headingId}>{t('drafts.prepared.heading')}</h3>
      <p className="field__hint">{t(cards.length === 0 ? 'drafts.prepared.empty' : 'drafts.prepared.intro')}</p>
      {cards.length > 0 && (
        <>
          <ol className="prepared-list">
            {cards.map((card) => (
              <li key={card.id} className="prepared-list__item" data-testid="prepared-item" data-shape-id={card.id}>
                <span className="prepared-list__text" title={label(card)}>
                  {label(card)}
                </span>
                {card.onTimeline && <span className="prepared-list__zone">{t('drafts.prepared.timeline')}</span>}
                <button
                  type="button"
                  className="button button--small"
                  data-testid="prepared-reveal"
                  aria-label={t('drafts.prepared.revealOne', { text: label(card) })}
                  disabled={busy}
                  onClick={() => reveal(card)}
                >
                  {t('drafts.prepared.reveal')}
                </button>
              </li>
            ))}
          </ol>
          <div className="actions">
            <button type="button" className="button button--primary button--small" data-testid="prepared-reveal-next" disabled={busy} onClick={() => reveal(cards[0]!)}>
              {t('drafts.prepared.revealNext')}
            </button>
          </div>
        </>
      )}
      <p className={`prepared-list__notice ${notice?.error ? 'form__error' : 'muted'}`} role={notice?.error ? 'alert' : 'status'}>
        {notice?.text ?? ''}
      </p>
    </section>
  )
}
