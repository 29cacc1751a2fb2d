/** "Stand vastleggen": keeps the board as it is now, under an optional name. */
import { useId, useState, type FormEvent } from 'react'
import type { SnapshotInfo } from '../../shared/api.ts'
import { useI18n } from '../app/i18n-context.tsx'
import { captureSnapshot } from './snapshot-api.ts'

/** The server's limit on a snapshot's label. */
const LABEL_MAX = 200

export function CaptureForm(props: { boardId: string; token: string; onCaptured(snapshot: SnapshotInfo): void; onFailed(message: string): void }) {
  const { boardId, token, onCaptured, onFailed } = props
  const { t } = useI18n()
  const labelId = useId()
  const [label, setLabel] = useState('')
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    const result = await captureSnapshot(boardId, token, label)
    setBusy(false)
    if (!result.ok) {
      onFailed(t('history.capture.failed', { message: result.message }))
      return
    }
    setLabel('')
    onCaptured(result.value)
  }

  return (
    <form className="history-capture" onSubmit={submit} aria-labelledby={`${labelId}-heading`}>
      <h3 id={`${labelId}-heading`} className="history-section-title">
        {t('history.capture.heading')}
      </h3>
      <div className="field">
        <label htmlFor={labelId}>{t('history.capture.label')}</label>
        <input
          id={labelId}
          type="text"
          data-testid="snapshot-label"
          value={label}
          maxLength={LABEL_MAX}
          autoComplete="off"
          placeholder={t('history.capture.placeholder')}
          onChange={(event) => setLabel(event.target.value)}
        />
      </div>
      <button type="submit" className="button button--primary" data-testid="snapshot-capture" disabled={busy}>
        {busy ? t('history.capture.busy') : t('history.capture.submit')}
      </button>
    </form>
  )
}
