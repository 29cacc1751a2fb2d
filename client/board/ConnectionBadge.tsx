/** "Verbonden" / "Opnieuw verbinden…" / "Offline", always visible above the board. */
import { useI18n } from '../app/i18n-context.tsx'
import type { ConnectionState } from '../sync/connection.ts'

export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const { t } = useI18n()
  const label =
    state.status === 'connected' ? t('status.connected') : state.status === 'offline' ? t('status.offline') : state.everSynced ? t('status.connecting') : t('status.firstConnect')
  return (
    <span className={`badge badge--status badge--${state.status}`} data-testid="connection-status" data-status={state.status} role="status" aria-live="polite">
      <span className="badge__dot" aria-hidden="true" />
      {label}
    </span>
  )
}
