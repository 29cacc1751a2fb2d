/**
 * Makes a follow-up board from a snapshot. Like creating a board on the home page, this device
 * keeps the new board's links (the server shows them only once), then opens it as facilitator.
 */
import { useEffect, useId, useState, type FormEvent } from 'react'
import { TITLE_MAX, type SnapshotInfo } from '../../shared/api.ts'
import { useI18n } from '../app/i18n-context.tsx'
import { AdminTokenField } from '../ui/AdminTokenField.tsx'
import { navigate } from '../app/routes.ts'
import { formatDate } from '../i18n.ts'
import { rememberCreatedBoard } from '../storage/recent-boards.ts'
import { Dialog } from '../ui/Dialog.tsx'
import { forkSnapshot } from './snapshot-api.ts'

export function ForkDialog(props: {
  boardId: string
  boardTitle: string
  token: string
  /** The snapshot to continue from; null: closed. */
  snapshot: SnapshotInfo | null
  onClose(): void
}) {
  const { boardId, boardTitle, token, snapshot, onClose } = props
  const { t, lang } = useI18n()
  const ids = { title: useId(), hint: useId(), error: useId() }
  const [title, setTitle] = useState('')
  const [adminToken, setAdminToken] = useState('')
  const [needsAdmin, setNeedsAdmin] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    setTitle('')
    setError(null)
  }, [snapshot])

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!snapshot || busy) return
    setBusy(true)
    setError(null)
    const result = await forkSnapshot(boardId, token, snapshot.id, title, needsAdmin && adminToken ? adminToken.trim() : undefined)
    if (!result.ok) {
      setBusy(false)
      if (result.code === 'admin_token_required') setNeedsAdmin(true)
      setError(t('history.fork.failed', { message: result.message }))
      return
    }
    const created = result.value
    rememberCreatedBoard(created)
    setBusy(false)
    navigate(created.urls.facilitator)
  }

  return (
    <Dialog open={snapshot !== null} title={t('history.fork.title')} onClose={() => !busy && onClose()} testId="fork-dialog">
      {snapshot && (
        <form className="form" onSubmit={submit} noValidate aria-describedby={error ? ids.error : undefined}>
          <p>{t('history.fork.body', { date: formatDate(lang, snapshot.createdAt), label: snapshot.label })}</p>
          <div className="field">
            <label htmlFor={ids.title}>{t('history.fork.titleLabel')}</label>
            <input
              id={ids.title}
              type="text"
              data-testid="fork-title"
              value={title}
              maxLength={TITLE_MAX}
              autoComplete="off"
              aria-describedby={ids.hint}
              onChange={(event) => setTitle(event.target.value)}
            />
            <p id={ids.hint} className="field__hint">
              {t('history.fork.titleHint', { title: boardTitle })}
            </p>
          </div>
          {needsAdmin && <AdminTokenField value={adminToken} onChange={setAdminToken} testId="fork-admin-token" />}
          {error && (
            <p id={ids.error} className="history-error" role="alert">
              {error}
            </p>
          )}
          <div className="actions history-dialog__actions">
            <button type="button" className="button" onClick={onClose} disabled={busy}>
              {t('history.cancel')}
            </button>
            <button type="submit" className="button button--primary" data-testid="fork-confirm" disabled={busy}>
              {busy ? t('history.fork.busy') : t('history.fork.confirm')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  )
}
