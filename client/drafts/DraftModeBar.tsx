/**
 * In the board's header, for editors and facilitators: where new cards go ("Concept": my draft;
 * "Voorbereiden": prepared, facilitators only), and revealing my own drafts: all of them, or the
 * selected ones. During a silent round new cards go to the draft anyway, and only the facilitator
 * reveals (so nobody's first card anchors the group).
 */
import { useValue } from 'tldraw'
import { useI18n } from '../app/i18n-context.tsx'
import { useDraftsOnBoard } from './DraftsContext.tsx'
import { revealMine } from './drafts-api.ts'
import { myDraftCards } from './my-drafts.ts'
import { useDraftRequest } from './useDraftRequest.ts'
import './drafts.css'

export function DraftModeBar() {
  const drafts = useDraftsOnBoard()
  const { t } = useI18n()
  const { busy, notice, run } = useDraftRequest()
  const store = drafts?.store ?? null
  const homes = drafts?.homes ?? null
  const editor = drafts?.editor ?? null
  const mine = useValue('my drafts', () => (store && homes ? myDraftCards(store, homes) : []), [store, homes])
  const selected = useValue('selected drafts', () => (editor ? editor.getSelectedShapeIds() : []), [editor])
  if (!drafts?.canDraft || !drafts.draftKey) return null
  const { modes, facilitator, session, draftKey } = drafts
  const silent = session.silentRound !== null
  const unprepared = mine.filter((card) => !card.prepared).map((card) => card.shape.id)
  const selectedMine = mine.filter((card) => selected.includes(card.shape.id)).map((card) => card.shape.id)
  const reveal = (ids: readonly string[]) => void run(() => revealMine(drafts.boardId, drafts.token, draftKey, ids))
  // While the facilitator runs a silent round only they reveal, and only prepared cards may go early.
  const revealable = silent ? selectedMine.filter((id) => mine.some((card) => card.shape.id === id && card.prepared)) : selectedMine

  return (
    <div className="draft-modes" role="group" aria-label={t('drafts.modes')} data-testid="draft-modes">
      <button
        type="button"
        className="button button--small"
        data-testid="draft-concept"
        aria-pressed={modes.concept || (silent && !modes.preparing)}
        aria-disabled={silent}
        title={t(silent ? 'drafts.conceptSilent' : 'drafts.conceptHint')}
        onClick={() => !silent && drafts.setConcept(!modes.concept)}
      >
        {t('drafts.concept')}
      </button>
      {facilitator && (
        <button
          type="button"
          className="button button--small"
          data-testid="draft-prepare"
          aria-pressed={modes.preparing}
          title={t('drafts.prepareHint')}
          onClick={() => drafts.setPreparing(!modes.preparing)}
        >
          {t('drafts.prepare')}
        </button>
      )}
      {revealable.length > 0 ? (
        <button type="button" className="button button--small" data-testid="draft-reveal-selection" disabled={busy} onClick={() => reveal(revealable)}>
          {t(revealable.length === 1 ? 'drafts.revealSelection.one' : 'drafts.revealSelection.other', { n: String(revealable.length) })}
        </button>
      ) : (
        !silent &&
        unprepared.length > 0 && (
          <button type="button" className="button button--small" data-testid="draft-reveal-mine" disabled={busy} onClick={() => reveal(unprepared)}>
            {t(unprepared.length === 1 ? 'drafts.revealMine.one' : 'drafts.revealMine.other', { n: String(unprepared.length) })}
          </button>
        )
      )}
      <span className="draft-modes__notice" role={notice?.error ? 'alert' : 'status'} data-testid="draft-notice">
        {busy ? t('drafts.busy') : (notice?.text ?? '')}
      </span>
      {drafts.draftRefused && (
        <p className="draft-modes__notice form__error" role="alert" data-testid="draft-refused">
          {t('drafts.offline')}
        </p>
      )}
    </div>
  )
}
