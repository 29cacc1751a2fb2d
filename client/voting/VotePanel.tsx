/**
 * "Stemmen": the facilitator opens a dot vote (dots per participant, optionally one part of the
 * board) and closes it; everyone sees how the open vote works and, once closed, the results in
 * order (a click shows the card on the board).
 */
import { useId, useMemo, useState, type FormEvent } from 'react'
import { useValue, type Editor, type TLShape, type TLShapeId } from 'tldraw'
import { MAX_DOTS_PER_PARTICIPANT } from '../../shared/api.ts'
import { plainText, type HarvestRecord, type Shape } from '../../shared/board-geometry.ts'
import type { ClosedVote } from '../../shared/session.ts'
import { useI18n } from '../app/i18n-context.tsx'
import type { PanelProps } from '../board/panels.tsx'
import { boardSteps } from '../facilitation/steps.ts'
import { formatDate } from '../i18n.ts'
import { FacilitatorVoteControls, useZoneName } from './VoteOverlay.tsx'
import { useFocusAfterSwap } from '../ui/useFocusAfterSwap.ts'
import { ranked, topCards } from './vote-results.ts'
import { useVoting, type Voting } from './VotingContext.tsx'
import './voting.css'

const DEFAULT_DOTS = 3

export function VotePanel({ editor }: PanelProps) {
  const { t } = useI18n()
  const voting = useVoting()
  // Opening swaps the form for the running vote (with "Stemming sluiten"), closing swaps it back: keep a keyboard user here.
  const focus = useFocusAfterSwap<HTMLDivElement>(Boolean(voting?.open))
  if (!voting || !editor) return <p className="muted">{t('board.loading')}</p>
  return (
    <div ref={focus.ref} onFocus={focus.onFocus} onBlur={focus.onBlur} className="vote-panel" data-testid="vote-panel">
      <p className="muted">{t('vote.intro')}</p>
      {voting.open ? <OpenVoteStatus editor={editor} voting={voting} /> : voting.facilitator && <OpenVoteForm editor={editor} voting={voting} />}
      <Results editor={editor} voting={voting} />
    </div>
  )
}

function allShapes(editor: Editor): TLShape[] {
  return editor.getPages().flatMap((page) => [...editor.getPageShapeIds(page.id)].map((id) => editor.getShape(id)!))
}

function OpenVoteForm({ editor, voting }: { editor: Editor; voting: Voting }) {
  const { t } = useI18n()
  const ids = { heading: useId(), dots: useId(), dotsHint: useId(), zone: useId() }
  // A string, so the form re-renders only when the board's parts change.
  const zonesKey = useValue(
    'vote zones',
    () => {
      const seen = new Set<string>()
      const zones: { zone: string; name: string }[] = []
      for (const step of boardSteps([...editor.getPages(), ...allShapes(editor)] as unknown as HarvestRecord[])) {
        if (seen.has(step.zone)) continue
        seen.add(step.zone)
        zones.push({ zone: step.zone, name: step.name })
      }
      return JSON.stringify(zones)
    },
    [editor],
  )
  const zones = useMemo(() => JSON.parse(zonesKey) as { zone: string; name: string }[], [zonesKey])
  const [dots, setDots] = useState(String(DEFAULT_DOTS))
  const [zone, setZone] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const count = Number(dots)
  const valid = Number.isInteger(count) && count >= 1 && count <= MAX_DOTS_PER_PARTICIPANT

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!valid) return
    setBusy(true)
    setError(null)
    const result = await voting.openVote(count, zone || null)
    setBusy(false)
    if (!result.ok) setError(t('vote.open.failed', { message: result.message }))
  }

  return (
    <section aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{t('vote.open.heading')}</h3>
      <form className="vote-panel__form" onSubmit={submit} noValidate data-testid="vote-open-form">
        <div className="field">
          <label htmlFor={ids.dots}>{t('vote.open.dots')}</label>
          <input
            id={ids.dots}
            data-testid="vote-open-dots"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_DOTS_PER_PARTICIPANT}
            value={dots}
            aria-invalid={!valid}
            aria-describedby={ids.dotsHint}
            onChange={(event) => setDots(event.target.value)}
          />
          <p id={ids.dotsHint} className="field__hint">
            {t('vote.open.dotsHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={ids.zone}>{t('vote.open.zone')}</label>
          <select id={ids.zone} data-testid="vote-open-zone" value={zone} onChange={(event) => setZone(event.target.value)}>
            <option value="">{t('vote.open.zoneAll')}</option>
            {zones.map((option) => (
              <option key={option.zone} value={option.zone}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="button button--primary button--small" data-testid="vote-open" disabled={busy || !valid}>
            {busy ? t('vote.open.busy') : t('vote.open.submit')}
          </button>
        </div>
        {error && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  )
}

function OpenVoteStatus({ editor, voting }: { editor: Editor; voting: Voting }) {
  const { t } = useI18n()
  const open = voting.open!
  const zone = useZoneName(editor, open.zone)
  const rules = open.perParticipant === 1 ? t('vote.rules.one') : t('vote.rules.other', { n: String(open.perParticipant) })
  return (
    <section className="vote-panel__status" data-testid="vote-status">
      <h3>{t('vote.running')}</h3>
      <p>
        {rules}
        {zone !== null && `, ${t('vote.rules.zone', { zone })}`}.
      </p>
      {voting.canVote ? (
        <>
          <p>
            <strong>{voting.left === 0 ? t('vote.left.none') : voting.left === 1 ? t('vote.left.one') : t('vote.left.other', { n: String(voting.left) })}</strong>
          </p>
          <p className="field__hint">{t('vote.howTo')}</p>
        </>
      ) : (
        <p>{t('vote.viewer')}</p>
      )}
      {voting.facilitator && <FacilitatorVoteControls voting={voting} />}
    </section>
  )
}

function Results({ editor, voting }: { editor: Editor; voting: Voting }) {
  const { t, lang } = useI18n()
  const headingId = useId()
  const votes = [...voting.closed].reverse()
  return (
    <section aria-labelledby={headingId} data-testid="vote-results">
      <h3 id={headingId}>{t('vote.results.heading')}</h3>
      {votes.length === 0 ? (
        <p className="muted">{t('vote.results.none')}</p>
      ) : (
        <>
          <div className="field field--check">
            <input id={`${headingId}-show`} type="checkbox" checked={voting.showResults} onChange={(event) => voting.setShowResults(event.target.checked)} />
            <label htmlFor={`${headingId}-show`}>{t('vote.results.show')}</label>
          </div>
          {votes.map((vote, i) => (
            <VoteResult key={vote.id} editor={editor} vote={vote} title={t(i === 0 ? 'vote.results.latest' : 'vote.results.vote', { date: formatDate(lang, vote.closedAt) })} />
          ))}
        </>
      )}
    </section>
  )
}

function VoteResult({ editor, vote, title }: { editor: Editor; vote: ClosedVote; title: string }) {
  const { t } = useI18n()
  const top = topCards(vote.results)
  // Card texts as they are now (a string, so edits elsewhere do not re-render the list).
  const textsKey = useValue(
    'vote result texts',
    () => JSON.stringify(vote.results.map((result) => {
      const shape = editor.getShape(result.shapeId as TLShapeId)
      return shape ? plainText(shape as unknown as Shape).replace(/\s+/g, ' ').trim() || t('vote.noText') : null
    })),
    [editor, vote, t],
  )
  const texts = useMemo(() => JSON.parse(textsKey) as (string | null)[], [textsKey])
  const show = (shapeId: string) => {
    const id = shapeId as TLShapeId
    const page = editor.getAncestorPageId(id)
    if (!page) return
    if (page !== editor.getCurrentPageId()) editor.setCurrentPage(page)
    editor.select(id)
    editor.zoomToSelection({ animation: { duration: 300 } })
  }
  const rules = vote.perParticipant
  return (
    <div className="vote-panel__vote" data-testid="vote-result-list">
      <h4>{title}</h4>
      <p className="field__hint">
        {rules === 1 ? t('vote.rules.one') : t('vote.rules.other', { n: String(rules) })} · {vote.voters === 1 ? t('vote.voters.one') : t('vote.voters.other', { n: String(vote.voters) })}
      </p>
      {vote.results.length === 0 ? (
        <p className="muted">{t('vote.results.empty')}</p>
      ) : (
        <ol className="vote-panel__results">
          {ranked(vote.results.map((result, i) => ({ ...result, text: texts[i] ?? null }))).map((result) => {
            const count = result.votes === 1 ? t('vote.badge.one') : t('vote.badge.other', { n: String(result.votes) })
            return (
              <li key={result.shapeId} value={result.rank} data-testid="vote-result-item" data-shape-id={result.shapeId}>
                {result.text === null ? (
                  <span className="vote-panel__result">
                    <span className="muted">{t('vote.results.removed')}</span>
                    <span className="vote-panel__count">{count}</span>
                  </span>
                ) : (
                  <button
                    type="button"
                    className={`vote-panel__result${top.has(result.shapeId) ? ' vote-panel__result--top' : ''}`}
                    aria-label={`${t('vote.results.zoom', { text: result.text })}: ${count}`}
                    onClick={() => show(result.shapeId)}
                  >
                    <span>{result.text}</span>
                    <span className="vote-panel__count">{count}</span>
                  </button>
                )}
              </li>
            )
          })}
        </ol>
      )}
    </div>
  )
}
