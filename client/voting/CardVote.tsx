/**
 * The vote in the card panel, for the selected card: place or take back a dot with a button (also
 * the way for whoever selects cards with the keyboard), how many of your dots it holds, and once
 * the vote is closed, how many dots it got.
 */
import { useId } from 'react'
import type { Editor } from 'tldraw'
import { useI18n } from '../app/i18n-context.tsx'
import { dotsPerCard } from './vote-results.ts'
import { useVoteCards } from './VoteOverlay.tsx'
import { useVoting, type Voting } from './VotingContext.tsx'
import './voting.css'

export function CardVote({ editor, shapeId }: { editor: Editor; shapeId: string }) {
  const voting = useVoting()
  if (!voting) return null
  if (voting.open && voting.canVote) return <CardBallot editor={editor} shapeId={shapeId} voting={voting} />
  if (voting.open) return null
  return <CardResult shapeId={shapeId} voting={voting} />
}

function CardBallot({ editor, shapeId, voting }: { editor: Editor; shapeId: string; voting: Voting }) {
  const { t } = useI18n()
  const headingId = useId()
  const statusId = useId()
  const cards = useVoteCards(editor, voting.open?.zone ?? null)
  const count = dotsPerCard(voting.mine).get(shapeId) ?? 0
  const left = voting.left === 0 ? t('vote.left.none') : voting.left === 1 ? t('vote.left.one') : t('vote.left.other', { n: String(voting.left) })
  return (
    <section className="vote-card-panel" aria-labelledby={headingId} data-testid="card-vote">
      <h3 id={headingId}>{t('vote.card.heading')}</h3>
      {!cards.includes(shapeId) ? (
        <p className="muted">{t('vote.card.outside')}</p>
      ) : (
        <>
          <p id={statusId} role="status" data-testid="card-vote-mine">
            {count === 0 ? t('vote.card.mine.none') : count === 1 ? t('vote.card.mine.one') : t('vote.card.mine.other', { n: String(count) })} {left}.
          </p>
          <div className="actions">
            <button type="button" className="button button--primary button--small" data-testid="card-vote-place" aria-describedby={statusId} onClick={() => void voting.place(shapeId)}>
              {t('vote.card.place')}
            </button>
            <button type="button" className="button button--small" data-testid="card-vote-take-back" aria-describedby={statusId} aria-disabled={count === 0} onClick={() => count > 0 && void voting.takeBack(shapeId)}>
              {t('vote.card.takeBack')}
            </button>
          </div>
          {voting.notice && (
            <p className="form__error" role="alert">
              {voting.notice}
            </p>
          )}
        </>
      )}
    </section>
  )
}

function CardResult({ shapeId, voting }: { shapeId: string; voting: Voting }) {
  const { t } = useI18n()
  const votes = voting.closed.at(-1)?.results.find((result) => result.shapeId === shapeId)?.votes
  if (!votes) return null
  return (
    <p className="vote-card-panel" data-testid="card-vote-result">
      {votes === 1 ? t('vote.card.result.one') : t('vote.card.result.other', { n: String(votes) })}
    </p>
  )
}
