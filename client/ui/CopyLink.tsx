/**
 * A link in a read-only field with a copy button; falls back to selecting it when the clipboard is
 * refused. The share dialog uses it at full size, link management in the settings panel compact.
 */
import { useId, useRef, useState } from 'react'
import { useI18n } from '../app/i18n-context.tsx'
import './copy-link.css'

export function CopyLink({ label, url, testId, compact = false }: { label: string; url: string; testId: string; compact?: boolean }) {
  const { t } = useI18n()
  const inputId = useId()
  const input = useRef<HTMLInputElement>(null)
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle')

  async function copyLink(): Promise<void> {
    try {
      await navigator.clipboard.writeText(url)
      setCopy('copied')
    } catch {
      // No permission, or plain http: select the link so Ctrl+C works.
      input.current?.select()
      setCopy('failed')
    }
  }

  return (
    <div className={`copy-link${compact ? ' copy-link--compact' : ''}`}>
      <label htmlFor={inputId} className="copy-link__label">
        {label}
      </label>
      <div className="copy-link__row">
        <input
          ref={input}
          id={inputId}
          className="copy-link__url"
          data-testid={`${testId}-url`}
          type="text"
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className={compact ? 'button button--small' : 'button'} data-testid={`${testId}-copy`} onClick={() => void copyLink()}>
          {copy === 'copied' ? t('share.copied') : t('share.copy')}
        </button>
      </div>
      <span className="visually-hidden" role="status">
        {copy === 'copied' ? t('share.copied') : copy === 'failed' ? t('share.copyFailed') : ''}
      </span>
      {copy === 'failed' && <p className="field__hint">{t('share.copyFailed')}</p>}
    </div>
  )
}
