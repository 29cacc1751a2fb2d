/** A link in a read-only field with a copy button; falls back to selecting it when the clipboard is refused. */
import { useId } from 'react'
import { useI18n } from '../app/i18n-context.tsx'
import { useCopyLink } from '../app/useCopyLink.ts'

export function CopyLink({ label, url, testId }: { label: string; url: string; testId: string }) {
  const { t } = useI18n()
  const inputId = useId()
  const { input, state: copy, copy: copyLink } = useCopyLink()

  return (
    <div className="settings-copy">
      <label htmlFor={inputId} className="settings-copy__label">
        {label}
      </label>
      <div className="settings-copy__row">
        <input
          ref={input}
          id={inputId}
          className="settings-copy__url"
          data-testid={`${testId}-url`}
          type="text"
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button button--small" data-testid={`${testId}-copy`} onClick={() => void copyLink(url)}>
          {copy === 'copied' ? t('links.copied') : t('links.copy')}
        </button>
      </div>
      <span className="visually-hidden" role="status">
        {copy === 'copied' ? t('links.copied') : ''}
      </span>
      {copy === 'failed' && <p className="field__hint">{t('links.copyFailed')}</p>}
    </div>
  )
}
