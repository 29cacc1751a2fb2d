/** "Bewaar als sjabloon": keeps the board's layout (not its cards) as a template on the server. */
import { useId, useRef, useState, type FormEvent } from 'react'
import { TEMPLATE_DESCRIPTION_MAX, TITLE_MAX, type BoardForRole } from '../../shared/api.ts'
import { useI18n } from '../app/i18n-context.tsx'
import { saveTemplate } from '../templates/templates-api.ts'
import { CheckField } from '../ui/CheckField.tsx'

type Message = { kind: 'ok' | 'error'; text: string }

export function SaveTemplateForm({ board, token }: { board: BoardForRole; token: string }) {
  const { t } = useI18n()
  const ids = { heading: useId(), intro: useId(), title: useId(), description: useId(), message: useId() }
  const [open, setOpen] = useState(false)
  const [title, setTitle] = useState(board.title)
  const [description, setDescription] = useState('')
  const [keep, setKeep] = useState(false)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<Message | null>(null)
  const openButton = useRef<HTMLButtonElement>(null)
  const titleInput = useRef<HTMLInputElement>(null)

  const close = () => {
    setOpen(false)
    requestAnimationFrame(() => openButton.current?.focus())
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (busy) return
    const name = title.trim()
    if (!name) {
      setMessage({ kind: 'error', text: t('saveTemplate.titleRequired') })
      titleInput.current?.focus()
      return
    }
    setBusy(true)
    const result = await saveTemplate({ boardId: board.id, title: name, description: description.trim(), keep }, token)
    setBusy(false)
    if (!result.ok) {
      setMessage({ kind: 'error', text: t('saveTemplate.failed', { message: result.message }) })
      return
    }
    setMessage({ kind: 'ok', text: t('saveTemplate.saved', { title: result.value.title }) })
    setOpen(false)
    requestAnimationFrame(() => openButton.current?.focus())
  }

  return (
    <div className="save-template">
      {!open && (
        <button
          ref={openButton}
          type="button"
          className="button button--small"
          data-testid="save-template-open"
          aria-expanded={false}
          onClick={() => {
            setOpen(true)
            setMessage(null)
            requestAnimationFrame(() => titleInput.current?.focus())
          }}
        >
          {t('saveTemplate.open')}
        </button>
      )}
      {open && (
        <form className="save-template__form" aria-labelledby={ids.heading} aria-describedby={ids.intro} onSubmit={submit} noValidate data-testid="save-template-form">
          <h4 id={ids.heading}>{t('saveTemplate.heading')}</h4>
          <p id={ids.intro} className="field__hint">
            {t('saveTemplate.intro')}
          </p>
          <div className="field">
            <label htmlFor={ids.title}>{t('saveTemplate.title')}</label>
            <input
              ref={titleInput}
              id={ids.title}
              data-testid="save-template-title"
              type="text"
              value={title}
              maxLength={TITLE_MAX}
              required
              autoComplete="off"
              aria-invalid={message?.kind === 'error' && !title.trim()}
              aria-describedby={message ? ids.message : undefined}
              onChange={(event) => setTitle(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.description}>{t('saveTemplate.description')}</label>
            <textarea
              id={ids.description}
              data-testid="save-template-description"
              value={description}
              maxLength={TEMPLATE_DESCRIPTION_MAX}
              rows={3}
              onChange={(event) => setDescription(event.target.value)}
            />
          </div>
          <CheckField testId="save-template-keep" checked={keep} onChange={setKeep} label={t('saveTemplate.keep')} hint={t('saveTemplate.keepHint')} />
          <div className="actions">
            <button type="submit" className="button button--primary button--small" data-testid="save-template-submit" disabled={busy}>
              {busy ? t('saveTemplate.busy') : t('saveTemplate.submit')}
            </button>
            <button type="button" className="button button--small button--quiet" onClick={close}>
              {t('saveTemplate.cancel')}
            </button>
          </div>
        </form>
      )}
      {message && (
        <p id={ids.message} className={message.kind === 'ok' ? 'save-template__ok' : 'form__error'} role={message.kind === 'ok' ? 'status' : 'alert'} data-testid="save-template-message">
          {message.text}
        </p>
      )}
    </div>
  )
}
