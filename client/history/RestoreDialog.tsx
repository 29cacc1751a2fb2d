/**
 * Confirms a restore: it changes the board for everyone, so it says so, and that the current state
 * is kept first. The safe choice (cancel) has the focus.
 */
import { useEffect, useRef, useState } from 'react'
import type { SnapshotInfo } from '../../shared/api.ts'
import { useI18n } from '../app/i18n-context.tsx'
import { formatDate } from '../i18n.ts'
import { Dialog } from '../ui/Dialog.tsx'
import { restoreSnapshot } from './snapshot-api.ts'

export function RestoreDialog(props: {
  boardId: string
  token: string
  /** The snapshot to restore; null: closed. */
  snapshot: SnapshotInfo | null
  onClose(): void
  onRestored(snapshot: SnapshotInfo): void
}) {
  const { boardId, token, snapshot, onClose, onRestored } = props
  const { t, lang } = useI18n()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const cancel = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    setError(null)
    if (snapshot) cancel.current?.focus()
  }, [snapshot])

  async function confirm() {
    if (!snapshot || busy) return
    setBusy(true)
    const result = await restoreSnapshot(boardId, token, snapshot.id)
    setBusy(false)
    if (!result.ok) {
      setError(t('history.restore.failed', { message: result.message }))
      return
    }
    onRestored(snapshot)
  }

  return (
    <Dialog open={snapshot !== null} title={t('history.restore.title')} onClose={() => !busy && onClose()} testId="restore-dialog">
      {snapshot && (
        <>
          <p>{t('history.restore.body', { date: formatDate(lang, snapshot.createdAt), label: snapshot.label })}</p>
          <p>{t('history.restore.keep')}</p>
          {error && (
            <p className="history-error" role="alert">
              {error}
            </p>
          )}
          <div className="actions history-dialog__actions">
            <button ref={cancel} type="button" className="button" onClick={onClose} disabled={busy}>
              {t('history.cancel')}
            </button>
            <button type="button" className="button button--primary" data-testid="restore-confirm" onClick={confirm} disabled={busy}>
              {busy ? t('history.restore.busy') : t('history.restore.confirm')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  )
}
