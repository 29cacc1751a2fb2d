/**
 * The second click of a two-click action: says what will happen, with the safe choice focused
 * first so a double click or an Enter too many never confirms by accident.
 */
import { useEffect, useId, useRef } from 'react'
import { useI18n } from '../app/i18n-context.tsx'
import './danger-button.css'

export function ConfirmStep(props: { text: string; confirmLabel: string; busy?: boolean; danger?: boolean; testId: string; onConfirm(): void; onCancel(): void }) {
  const { text, confirmLabel, busy = false, danger = false, testId, onConfirm, onCancel } = props
  const { t } = useI18n()
  const textId = useId()
  const cancel = useRef<HTMLButtonElement>(null)
  useEffect(() => cancel.current?.focus(), [])
  return (
    <div
      className={`settings-confirm${danger ? ' settings-confirm--danger' : ''}`}
      role="group"
      aria-labelledby={textId}
      data-testid={testId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation()
          onCancel()
        }
      }}
    >
      <p id={textId} className="settings-confirm__text">
        {text}
      </p>
      <div className="settings-confirm__actions">
        <button ref={cancel} type="button" className="button button--small" onClick={onCancel} disabled={busy}>
          {t('settings.cancel')}
        </button>
        <button type="button" className={`button button--small ${danger ? 'button--danger' : 'button--primary'}`} data-testid={`${testId}-yes`} onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
      </div>
    </div>
  )
}
