/**
 * The Oogst view's downloads: the report as Word, PDF and Markdown, the follow-up in a calendar,
 * and the board itself as a PDF of pictures. Any role may take these home.
 */
import { useId, useState } from 'react'
import type { Editor } from 'tldraw'
import type { BoardForRole } from '../../shared/api.ts'
import { useI18n } from '../app/i18n-context.tsx'
import type { MessageKey } from '../i18n.ts'
import { exportFileName } from '../board/export-name.ts'
import { useDraftsOnBoard } from '../drafts/DraftsContext.tsx'
import { buildBoardPdf } from './board-pdf.ts'
import { downloadBoardFile, saveBlob, type BoardFile } from './exports-api.ts'
import './exports.css'

const REPORTS: { file: BoardFile; label: MessageKey; testId: string }[] = [
  { file: 'report.docx', label: 'exports.word', testId: 'download-docx' },
  { file: 'report.pdf', label: 'exports.pdf', testId: 'download-pdf' },
  { file: 'report.md', label: 'exports.markdown', testId: 'download-md' },
]

/**
 * `followUp`: whether the harvest (harvest.json, which the Oogst view has anyway) has a dated
 * follow-up card, so the calendar file exists; null while the harvest is not known (loading, or
 * refused: the view shows why), when the button is off without claiming the card has no date.
 */
export function ExportDownloads({ board, token, editor, followUp }: { board: BoardForRole; token: string; editor: Editor | null; followUp: boolean | null }) {
  const { t, lang } = useI18n()
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  // My draft's cards are in the editor's store too: never in a PDF made to be shared.
  const homes = useDraftsOnBoard()?.homes
  const ids = { heading: useId(), pdfHint: useId(), calendarNone: useId() }

  async function run(what: string, task: () => Promise<string | null>) {
    setBusy(what)
    setError(null)
    try {
      setError(await task())
    } catch (cause) {
      setError(t('exports.failed', { message: cause instanceof Error ? cause.message : String(cause) }))
    } finally {
      setBusy(null)
    }
  }

  const file = (name: BoardFile) => () =>
    run(name, async () => {
      const result = await downloadBoardFile(board.id, token, name)
      return result.ok ? null : t('exports.failed', { message: result.message })
    })

  const boardPdf = () =>
    run('board.pdf', async () => {
      if (!editor) return null
      const bytes = await buildBoardPdf(editor, board.title, lang, homes?.draftIds.get())
      saveBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), `${exportFileName(board.title)}.pdf`)
      return null
    })

  return (
    <section className="exports" aria-labelledby={ids.heading} data-testid="harvest-downloads">
      <h3 id={ids.heading} className="exports__heading">
        {t('exports.heading')}
      </h3>
      <div className="exports__buttons">
        {REPORTS.map((report) => (
          <button key={report.file} type="button" className="button button--small" data-testid={report.testId} disabled={busy !== null} onClick={() => void file(report.file)()}>
            {busy === report.file ? t('exports.busy') : t(report.label)}
          </button>
        ))}
        <button
          type="button"
          className="button button--small"
          data-testid="download-ics"
          disabled={busy !== null || !followUp}
          aria-describedby={followUp === false ? ids.calendarNone : undefined}
          onClick={() => void file('followup.ics')()}
        >
          {busy === 'followup.ics' ? t('exports.busy') : t('exports.calendar')}
        </button>
        <button
          type="button"
          className="button button--small"
          data-testid="download-board-pdf"
          disabled={busy !== null || !editor}
          aria-describedby={ids.pdfHint}
          onClick={() => void boardPdf()}
        >
          {busy === 'board.pdf' ? t('exports.busy') : t('exports.boardPdf')}
        </button>
      </div>
      <p className="exports__hint" id={ids.pdfHint}>
        {t('exports.boardPdfHint')}
      </p>
      {followUp === false && (
        <p className="exports__hint" id={ids.calendarNone} data-testid="download-ics-none">
          {t('exports.calendarNone')}
        </p>
      )}
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
