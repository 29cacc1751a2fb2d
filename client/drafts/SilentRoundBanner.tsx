/**
 * Under the board's header while a silent round is on, for everyone: that what you write now is
 * yours alone until the facilitator reveals, how many cards each participant has written
 * ("Deelnemer 1: 3 kaarten": numbered in the order they started writing, never named), and the
 * time left when the facilitator set a duration. The facilitator also reveals or stops here.
 */
import { useEffect, useState } from 'react'
import { useI18n } from '../app/i18n-context.tsx'
import { useDraftsOnBoard } from './DraftsContext.tsx'
import { revealAll, stopSilentRound } from './drafts-api.ts'
import { countLines, formatRemaining } from './silent-round-text.ts'
import { useDraftRequest } from './useDraftRequest.ts'
import { theCanvas, useFocusAfterSwap } from '../ui/useFocusAfterSwap.ts'
import './drafts.css'

export function SilentRoundBanner() {
  const drafts = useDraftsOnBoard()
  const { t } = useI18n()
  const round = drafts?.session.silentRound ?? null
  // Onthullen or Stoppen here ends the round and the banner with it: the focus goes to the canvas, not to <body>.
  const focus = useFocusAfterSwap<HTMLElement>(round !== null, theCanvas)
  if (!drafts || !round) return null
  const counts = drafts.session.drafts.filter((count) => count > 0)
  return (
    <section ref={focus.ref} onFocus={focus.onFocus} onBlur={focus.onBlur} className="silent-round" data-testid="silent-round" aria-label={t('drafts.silent.heading')}>
      <p className="silent-round__text" role="status">
        {t(drafts.facilitator ? 'drafts.silent.bannerFacilitator' : drafts.canDraft ? 'drafts.silent.banner' : 'drafts.silent.bannerViewer')}
      </p>
      {round.endsAt && <Countdown endsAt={round.endsAt} />}
      {counts.length === 0 ? (
        <p className="muted" data-testid="silent-round-counts">
          {t('drafts.silent.none')}
        </p>
      ) : (
        <ul className="silent-round__counts" aria-label={t('drafts.silent.counts')} data-testid="silent-round-counts">
          {countLines(t, counts).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {drafts.facilitator && <FacilitatorActions boardId={drafts.boardId} token={drafts.token} />}
    </section>
  )
}


function Countdown({ endsAt }: { endsAt: string }) {
  const { t } = useI18n()
  const end = Date.parse(endsAt)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  if (Number.isNaN(end)) return null
  const left = end - now
  return (
    <span className="silent-round__time" data-testid="silent-round-time" aria-live="off">
      {left > 0 ? t('drafts.silent.remaining', { time: formatRemaining(left) }) : t('drafts.silent.timeUp')}
    </span>
  )
}

export function FacilitatorActions({ boardId, token }: { boardId: string; token: string }) {
  const { t } = useI18n()
  const { busy, notice, run } = useDraftRequest()
  return (
    <div className="silent-round__actions">
      <button type="button" className="button button--primary button--small" data-testid="silent-round-reveal" disabled={busy} onClick={() => void run(() => revealAll(boardId, token))}>
        {t('drafts.silent.reveal')}
      </button>
      <button type="button" className="button button--small" data-testid="silent-round-stop" disabled={busy} onClick={() => void run(() => stopSilentRound(boardId, token))}>
        {t('drafts.silent.stop')}
      </button>
      {notice?.error && (
        <span role="alert" className="form__error">
          {notice.text}
        </span>
      )}
    </div>
  )
}
