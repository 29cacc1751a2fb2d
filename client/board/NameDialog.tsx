/** "Hoe heet je?": asked once per device, remembered; staying anonymous is a first-class answer. */
import { useId, useState, type FormEvent } from 'react'
import { useI18n } from '../app/i18n-context.tsx'
import { Dialog } from '../ui/Dialog.tsx'
import { NAME_MAX, normalizeName } from '../user/identity.ts'

export function NameDialog({ open, onAnswer }: { open: boolean; onAnswer: (name: string) => void }) {
  const { t } = useI18n()
  const inputId = useId()
  const hintId = useId()
  const [name, setName] = useState('')

  function submit(event: FormEvent) {
    event.preventDefault()
    const normalized = normalizeName(name)
    if (normalized) onAnswer(normalized)
  }

  return (
    <Dialog open={open} title={t('name.title')} onClose={() => undefined} dismissable={false} testId="name-dialog">
      <form className="form" onSubmit={submit}>
        <p id={hintId} className="dialog__text">
          {t('name.body')}
        </p>
        <div className="field">
          <label htmlFor={inputId}>{t('name.label')}</label>
          <input
            id={inputId}
            data-testid="name-input"
            type="text"
            value={name}
            maxLength={NAME_MAX}
            autoComplete="given-name"
            autoFocus
            aria-describedby={hintId}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <div className="dialog__actions">
          <button type="button" className="button" data-testid="name-anonymous" onClick={() => onAnswer('')}>
            {t('name.anonymous')}
          </button>
          <button type="submit" className="button button--primary" data-testid="name-submit" disabled={!normalizeName(name)}>
            {t('name.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
