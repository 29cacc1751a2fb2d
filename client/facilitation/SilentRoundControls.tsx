/** The facilitator's silent round in the Stappen panel: start it (with an optional duration), reveal or stop it. */
import { useId, useState } from 'react'
import { useI18n } from '../app/i18n-context.tsx'
import { useDraftsOnBoard } from '../drafts/DraftsContext.tsx'
import { startSilentRound } from '../drafts/drafts-api.ts'
import { FacilitatorActions } from '../drafts/SilentRoundBanner.tsx'
import { useDraftRequest } from '../drafts/useDraftRequest.ts'
import { useFocusAfterSwap } from '../ui/useFocusAfterSwap.ts'

export function SilentRoundControls() {
  const drafts = useDraftsOnBoard()
  const { t } = useI18n()
  const headingId = useId()
  const minutesId = useId()
  const [minutes, setMinutes] = useState('')
  const { busy, notice, run } = useDraftRequest()
  const running = (drafts?.session.silentRound ?? null) !== null
  // Starting swaps the form for Onthullen/Stoppen, which swap it back: keep a keyboard user here.
  const focus = useFocusAfterSwap<HTMLElement>(running)
  if (!drafts?.facilitator) return null
  const parsed = minutes.trim() === '' ? undefined : Number(minutes)
  const valid = parsed === undefined || (Number.isInteger(parsed) && parsed >= 1 && parsed <= 240)
  return (
    <section ref={focus.ref} onFocus={focus.onFocus} onBlur={focus.onBlur} className="steps__section" aria-labelledby={headingId} data-testid="silent-round-controls">
      <h3 id={headingId}>{t('drafts.silent.heading')}</h3>
      <p className="field__hint">{t('drafts.silent.intro')}</p>
      {running ? (
        <>
          <p role="status">{t('drafts.silent.running')}</p>
          <FacilitatorActions boardId={drafts.boardId} token={drafts.token} />
        </>
      ) : (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault()
            if (valid) void run(() => startSilentRound(drafts.boardId, drafts.token, parsed))
          }}
        >
          <div className="field">
            <label htmlFor={minutesId}>{t('drafts.silent.minutes')}</label>
            <input
              id={minutesId}
              type="text"
              inputMode="numeric"
              pattern="[0-9]*"
              value={minutes}
              aria-invalid={!valid}
              data-testid="silent-round-minutes"
              onChange={(event) => setMinutes(event.target.value)}
            />
          </div>
          <button type="submit" className="button button--primary" data-testid="silent-round-start" disabled={busy || !valid}>
            {t('drafts.silent.start')}
          </button>
          {notice?.error && (
            <p className="form__error" role="alert">
              {notice.text}
            </p>
          )}
        </form>
      )}
    </section>
  )
}
