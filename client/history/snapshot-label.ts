/**
 * A snapshot's label in the reader's language: an automatic snapshot of editing sessions is
 * described from its figures (start, end, changes) in local time; any other keeps its own label.
 */
import type { SnapshotInfo } from '../../shared/api.ts'
import type { Lang, Translate } from '../i18n.ts'

export function snapshotLabel(snapshot: SnapshotInfo, lang: Lang, t: Translate): string {
  if (!snapshot.auto || !snapshot.session) return snapshot.label
  const clock = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit' })
  const start = clock.format(new Date(snapshot.session.startedAt))
  const end = clock.format(new Date(snapshot.createdAt))
  const { changes } = snapshot.session
  return t(changes === 1 ? 'history.session.one' : 'history.session', { start, end, changes: String(changes) })
}
