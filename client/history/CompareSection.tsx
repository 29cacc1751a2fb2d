/**
 * The panel's side of a comparison: what it is compared with, the summary, and every difference
 * with its texts side by side (earlier | later, in time order whichever side was picked first).
 * Choosing one shows it on the canvas.
 */
import { useId } from 'react'
import type { SnapshotInfo } from '../../shared/api.ts'
import { useI18n } from '../app/i18n-context.tsx'
import { formatMoment } from './compare-order.ts'
import { kindNoun, summarizeChanges, type ShapeChange } from './diff.ts'

const NOW = ''

export function CompareSection(props: {
  snapshot: SnapshotInfo
  /** Snapshots it may be compared with instead of now. */
  snapshots: readonly SnapshotInfo[]
  comparedWith: SnapshotInfo | null
  /** null while the later side is loading. */
  changes: readonly ShapeChange[] | null
  focusedId: string | null
  onCompareWith(snapshot: SnapshotInfo | null): void
  onShow(change: ShapeChange): void
}) {
  const { snapshot, snapshots, comparedWith, changes, focusedId, onCompareWith, onShow } = props
  const { t, lang } = useI18n()
  const ids = { heading: useId(), select: useId(), list: useId() }
  const others = snapshots.filter((other) => other.id !== snapshot.id)

  return (
    <section className="history-compare" aria-labelledby={ids.heading} data-testid="compare-section">
      <h3 id={ids.heading} className="history-section-title">
        {t('history.compare.heading')}
      </h3>
      <p className="history-compare__from">
        <strong>{snapshot.label}</strong> <span className="muted">({formatMoment(lang, snapshot.createdAt, true)})</span>
      </p>
      <div className="field">
        <label htmlFor={ids.select}>{t('history.compare.with')}</label>
        <select
          id={ids.select}
          data-testid="compare-with"
          value={comparedWith?.id ?? NOW}
          onChange={(event) => onCompareWith(others.find((other) => other.id === event.target.value) ?? null)}
        >
          <option value={NOW}>{t('history.compare.withNow')}</option>
          {/* With seconds: snapshots taken in the same minute must be told apart here too. */}
          {others.map((other) => (
            <option key={other.id} value={other.id}>
              {other.label} ({formatMoment(lang, other.createdAt, true)})
            </option>
          ))}
        </select>
      </div>
      {changes === null ? (
        <p role="status">{t('history.opening')}</p>
      ) : (
        <>
          <p className="history-compare__summary" role="status" data-testid="compare-summary">
            {summarizeChanges(changes, t)}
          </p>
          {changes.length > 0 && (
            <>
              <h4 id={ids.list} className="history-compare__list-title">
                {t('history.compare.all')}
              </h4>
              <div className="history-diff__columns" aria-hidden="true">
                <span>{t('history.compare.earlier')}</span>
                <span>{t('history.compare.later')}</span>
              </div>
              <ul className="history-diff" aria-labelledby={ids.list} data-testid="compare-list">
                {changes.map((change) => (
                  <li key={`${change.change}-${change.id}`}>
                    <ChangeItem change={change} focused={change.id === focusedId} onShow={onShow} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  )
}

function ChangeItem({ change, focused, onShow }: { change: ShapeChange; focused: boolean; onShow(change: ShapeChange): void }) {
  const { t } = useI18n()
  const noText = t('history.compare.noText')
  const before = change.before ? change.before.text || noText : ''
  const after = change.after ? change.after.text || noText : ''
  const what = change.change === 'changed' ? t('history.compare.what', { aspects: change.aspects.map((aspect) => t(`history.aspect.${aspect}`)).join(', ') }) : null
  return (
    <button
      type="button"
      className={`history-diff__item history-diff__item--${change.change}${change.aspects.includes('text') ? ' history-diff__item--retyped' : ''}`}
      aria-pressed={focused}
      data-testid="compare-item"
      data-change={change.change}
      data-shape-id={change.id}
      onClick={() => onShow(change)}
    >
      <span className="history-diff__head">
        <span className={`history-diff__tag history-mark--${change.change}`}>{t(`history.change.${change.change}`)}</span>
        <span className="history-diff__kind">{kindNoun(change.kind, 1, t)}</span>
        {what && <span className="history-diff__what">{what}</span>}
      </span>
      <span className="history-diff__texts">
        <span className="history-diff__before" data-testid="compare-before">
          <span className="visually-hidden">{t('history.compare.earlier')}: </span>
          {before}
        </span>
        <span className="history-diff__after" data-testid="compare-after">
          <span className="visually-hidden">{t('history.compare.later')}: </span>
          {after}
        </span>
      </span>
    </button>
  )
}
