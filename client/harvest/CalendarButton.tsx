/**
 * "Zet in agenda": downloads one calendar file of the board (followup.ics, or an agreement's
 * event.ics) through the token-in-a-header download, offered next to the card (the Kaart panel)
 * and in the Oogst view's agreements. Its accessible name starts with the visible text and names
 * the agreement, so a list of these buttons can be told apart.
 */
import { useState } from 'react'
import { useI18n } from '../app/i18n-context.tsx'
import { downloadBoardFile, type BoardFile } from '../exports/exports-api.ts'
import './harvest.css'

export function CalendarButton({ boardId, token, file, name, testId }: { boardId: string; token: string; file: BoardFile; name: string; testId: string }) {
  const { t } = useI18n()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const download = async () => {
    setBusy(true)
    setError(null)
    const result = await downloadBoardFile(boardId, token, file)
    setBusy(false)
    if (!result.ok) setError(t('calendar.failed', { message: result.message }))
  }
  return (
    <span className="calendar-button">
      <button type="button" className="button button--small" data-testid={testId} aria-label={t('calendar.addNamed', { name })} disabled={busy} onClick={() => void download()}>
        {t('calendar.add')}
      </button>
      {error && (
        <span className="form__error" role="alert">
          {error}
        </span>
      )}
    </span>
  )
}

/** The agreement's first line, as a button's name (what the card is about). */
export function agreementName(wat: string, fallback: string): string {
  return wat.split('\n').map((line) => line.trim()).find(Boolean) ?? fallback
}
