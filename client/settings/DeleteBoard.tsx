/** Deleting the board: the facilitator types its title to confirm, then goes home and this device forgets it. */
import { useId, useState, type FormEvent } from 'react'
import type { BoardForRole } from '../../shared/api.ts'
import { useI18n } from '../app/i18n-context.tsx'
import { navigate } from '../app/routes.ts'
import { forgetBoard } from '../storage/recent-boards.ts'
import { Dialog } from '../ui/Dialog.tsx'
import { deleteBoard } from './settings-api.ts'
import './danger-button.css'

export function DeleteBoard({ board, token }: { board: BoardForRole; token: string }) {
  const { t } = useI18n()
  const ids = { heading: useId(), input: useId(), body: useId(), error: useId() }
  const [open, setOpen] = useState(false)
  const [typed, setTyped] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const matches = typed.trim() === board.title.trim()

  function close() {
    setOpen(false)
    setTyped('')
    setError(null)
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!matches || busy) return
    setBusy(true)
    const result = await deleteBoard(board.id, token)
    setBusy(false)
    if (!result.ok) {
      setError(t('settings.failed', { message: result.message }))
      return
    }
    forgetBoard(board.id)
    navigate('/')
  }

  return (
    <section className="settings__section settings__section--danger" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{t('delete.heading')}</h3>
      <p className="field__hint">{t('delete.intro')}</p>
      <div>
        <button type="button" className="button button--small button--danger" data-testid="settings-delete" aria-haspopup="dialog" onClick={() => setOpen(true)}>
          {t('delete.open')}
        </button>
      </div>
      <Dialog open={open} title={t('delete.title')} onClose={close} testId="delete-dialog">
        <form className="form" onSubmit={submit} noValidate>
          <p id={ids.body} className="dialog__text">
            {t('delete.body', { title: board.title })}
          </p>
          <div className="field">
            <label htmlFor={ids.input}>{t('delete.typeTitle')}</label>
            <p className="settings__expected" aria-hidden="true">
              {board.title}
            </p>
            <input
              id={ids.input}
              data-testid="delete-confirm-title"
              type="text"
              value={typed}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={error ? `${ids.body} ${ids.error}` : ids.body}
              onChange={(event) => setTyped(event.target.value)}
            />
          </div>
          {error && (
            <p id={ids.error} className="form__error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog__actions">
            <button type="button" className="button" onClick={close}>
              {t('settings.cancel')}
            </button>
            <button type="submit" className="button button--danger" data-testid="delete-confirm" disabled={!matches || busy}>
              {busy ? t('delete.busy') : t('delete.confirm')}
            </button>
          </div>
        </form>
      </Dialog>
    </section>
  )
}
