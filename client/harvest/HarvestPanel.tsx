/**
 * "Oogst": the board's harvest model (harvest.json, the one report.md, .docx and .pdf are made
 * from) shown in the panel, kept up to date while the board changes, and downloadable as Markdown.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { useI18n } from '../app/i18n-context.tsx'
import type { PanelProps } from '../board/panels.tsx'
import { useVoting } from '../voting/VotingContext.tsx'
import { ExportDownloads } from '../exports/ExportDownloads.tsx'
import type { HarvestModel } from '../../shared/harvest-model.ts'
import { agreementEventFile, downloadBoardFile } from '../exports/exports-api.ts'
import { agreementName, CalendarButton } from './CalendarButton.tsx'
import { fetchHarvestModel } from './harvest-api.ts'
import { HarvestReport } from './HarvestReport.tsx'
import './harvest.css'

/**
 * How the view keeps up with the board. Every harvest.json counts against the board's and the
 * address's budget for heavy requests (server/http/request-limits.ts), shared by everyone on the
 * board with this panel open. So: nothing is asked while the board does not change; after a change
 * one refresh is planned, a second after it (edits come in bursts: typing, dragging) but never
 * sooner than REFRESH_GAP_MS after the previous one, and changes meanwhile ride along with it. A
 * panel left open during a busy session thus asks at most once per REFRESH_GAP_MS; "Vernieuwen"
 * asks at once.
 */
const REFRESH_DELAY_MS = 1000
const REFRESH_GAP_MS = 5000

type State =
  | { status: 'loading' }
  | { status: 'ready'; harvest: HarvestModel; at: Date }
  | { status: 'error'; message: string; harvest: HarvestModel | null; at: Date | null }

export function HarvestPanel({ board, token, editor }: PanelProps) {
  const { t, lang } = useI18n()
  const [state, setState] = useState<State>({ status: 'loading' })
  const [busy, setBusy] = useState(false)
  const [downloadError, setDownloadError] = useState<string | null>(null)
  const current = useRef<AbortController | null>(null)
  const lastLoad = useRef(0)
  /** The refresh planned after a change; any load takes its place. */
  const planned = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  const load = useCallback(async () => {
    clearTimeout(planned.current)
    planned.current = undefined
    lastLoad.current = Date.now()
    current.current?.abort()
    const controller = new AbortController()
    current.current = controller
    setBusy(true)
    const result = await fetchHarvestModel(board.id, token, controller.signal)
    if (controller.signal.aborted) return
    setBusy(false)
    setState((previous) =>
      result.ok
        ? { status: 'ready', harvest: result.value, at: new Date() }
        : {
            status: 'error',
            message: result.message,
            harvest: previous.status === 'loading' ? null : previous.harvest,
            at: previous.status === 'loading' ? null : previous.at,
          },
    )
    return result
  }, [board.id, token])

  useEffect(() => {
    void load()
    return () => current.current?.abort()
  }, [load])

  // A closed vote changes the document's meta, not its records: refresh for its results too.
  const closedVotes = useVoting()?.closed.length ?? 0
  const seenVotes = useRef(closedVotes)
  useEffect(() => {
    if (seenVotes.current === closedVotes) return
    seenVotes.current = closedVotes
    void load()
  }, [closedVotes, load])

  // Refresh after the board changes, here or elsewhere (remote edits land in the same store).
  useEffect(() => {
    if (!editor) return
    const stop = editor.store.listen(
      () => {
        // One refresh is planned already: it will see this change too.
        if (planned.current !== undefined) return
        const wait = Math.max(REFRESH_DELAY_MS, lastLoad.current + REFRESH_GAP_MS - Date.now())
        planned.current = setTimeout(() => void load(), wait)
      },
      { scope: 'document' },
    )
    return () => {
      stop()
      clearTimeout(planned.current)
      planned.current = undefined
    }
  }, [editor, load])

  const download = async () => {
    setDownloadError(null)
    // The freshest harvest, not the one on screen, which may be a second behind.
    const result = await downloadBoardFile(board.id, token, 'report.md')
    if (!result.ok) setDownloadError(t('harvest.downloadFailed', { message: result.message }))
  }

  const harvest = state.status === 'loading' ? null : state.harvest
  const at = state.status === 'loading' ? null : state.at
  const time = at?.toLocaleTimeString(lang === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' })

  return (
    <div className="harvest" data-testid="harvest-panel">
      <p className="muted harvest__intro">{t('harvest.intro')}</p>
      <div className="actions">
        <button type="button" className="button button--small" data-testid="harvest-refresh" onClick={() => void load()} disabled={busy}>
          {t('harvest.refresh')}
        </button>
        <button type="button" className="button button--primary button--small" data-testid="harvest-download" onClick={() => void download()} disabled={!harvest}>
          {t('harvest.download')}
        </button>
      </div>
      {/* The follow-up's date comes with the harvest: no separate request for followup.ics. */}
      <ExportDownloads board={board} token={token} editor={editor} followUp={harvest ? harvest.followUp !== null : null} />
      <p className="harvest__status" role="status">
        {busy ? (harvest ? t('harvest.updating') : t('harvest.loading')) : time ? t('harvest.updated', { time }) : ''}
      </p>
      {state.status === 'error' && (
        <p className="form__error" role="alert">
          {t('harvest.failed', { message: state.message })}
        </p>
      )}
      {downloadError && (
        <p className="form__error" role="alert">
          {downloadError}
        </p>
      )}
      {harvest && (
        <article className="harvest__report" data-testid="harvest-report" aria-label={t('harvest.content')} aria-busy={busy}>
          <HarvestReport
            model={harvest}
            t={t}
            lang={lang}
            agreementAction={(row) =>
              row.date && (
                <CalendarButton
                  boardId={board.id}
                  token={token}
                  file={agreementEventFile(row.id)}
                  name={agreementName(row.wat, t('calendar.agreement'))}
                  testId="harvest-agreement-calendar"
                />
              )
            }
          />
        </article>
      )}
    </div>
  )
}
