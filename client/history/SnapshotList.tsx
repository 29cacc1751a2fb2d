/** The board's snapshots, newest first, each with what the person's role may do with it. */
import { useId } from 'react'
import type { SnapshotInfo } from '../../shared/api.ts'
import { useI18n } from '../app/i18n-context.tsx'
import { formatDate } from '../i18n.ts'
import { snapshotLabel } from './snapshot-label.ts'

export interface SnapshotActions {
  onView(snapshot: SnapshotInfo): void
  onCompare(snapshot: SnapshotInfo): void
  /** Facilitators only. */
  onRestore?(snapshot: SnapshotInfo): void
  onFork?(snapshot: SnapshotInfo): void
}

export function SnapshotList(props: { snapshots: readonly SnapshotInfo[]; shownId: string | null; openingId: string | null } & SnapshotActions) {
  const { snapshots, shownId, openingId, ...actions } = props
  return (
    <ol className="history-list" data-testid="snapshot-list">
      {snapshots.map((snapshot) => (
        <SnapshotItem key={snapshot.id} snapshot={snapshot} shown={snapshot.id === shownId} opening={snapshot.id === openingId} {...actions} />
      ))}
    </ol>
  )
}

function SnapshotItem(props: { snapshot: SnapshotInfo; shown: boolean; opening: boolean } & SnapshotActions) {
  const { snapshot, shown, opening, onView, onCompare, onRestore, onFork } = props
  const { t, lang } = useI18n()
  const labelId = useId()
  const label = snapshotLabel(snapshot, lang, t)
  return (
    <li
      className={`history-item${shown ? ' history-item--shown' : ''}`}
      data-testid="snapshot-item"
      data-snapshot-id={snapshot.id}
      data-auto={snapshot.auto}
      aria-current={shown ? 'true' : undefined}
      aria-busy={opening || undefined}
    >
      <div className="history-item__head">
        <span id={labelId} className="history-item__label" data-testid="snapshot-item-label">
          {label}
        </span>
        <span className={`badge history-item__kind${snapshot.auto ? ' history-item__kind--auto' : ''}`}>{snapshot.auto ? t('history.list.auto') : t('history.list.manual')}</span>
      </div>
      <p className="history-item__meta">
        <time dateTime={snapshot.createdAt}>{formatDate(lang, snapshot.createdAt)}</time>
        {shown && <span className="history-item__shown"> · {t('history.list.shown')}</span>}
        {opening && <span role="status"> · {t('history.opening')}</span>}
      </p>
      <div className="history-item__actions" role="group" aria-label={t('history.list.actions', { label })}>
        <button type="button" className="button button--small" data-testid="snapshot-action-view" aria-describedby={labelId} onClick={() => onView(snapshot)}>
          {t('history.view')}
        </button>
        <button type="button" className="button button--small" data-testid="snapshot-action-compare" aria-describedby={labelId} onClick={() => onCompare(snapshot)}>
          {t('history.compare')}
        </button>
        {onRestore && (
          <button type="button" className="button button--small" data-testid="snapshot-action-restore" aria-describedby={labelId} onClick={() => onRestore(snapshot)}>
            {t('history.restore')}
          </button>
        )}
        {onFork && (
          <button type="button" className="button button--small" data-testid="snapshot-action-fork" aria-describedby={labelId} onClick={() => onFork(snapshot)}>
            {t('history.fork')}
          </button>
        )}
      </div>
    </li>
  )
}
