/** The admin token field shown wherever this server lets only its administrator make boards. */
import { useId } from 'react'
import { useI18n } from '../app/i18n-context.tsx'

export function AdminTokenField(props: { value: string; onChange(value: string): void; testId: string }) {
  const { t } = useI18n()
  const ids = { input: useId(), hint: useId() }
  return (
    <div className="field">
      <label htmlFor={ids.input}>{t('home.create.adminToken')}</label>
      <input
        id={ids.input}
        data-testid={props.testId}
        type="password"
        value={props.value}
        autoComplete="off"
        aria-describedby={ids.hint}
        onChange={(event) => props.onChange(event.target.value)}
      />
      <p id={ids.hint} className="field__hint">
        {t('home.create.adminTokenHint')}
      </p>
    </div>
  )
}
