import { describe, expect, it } from 'vitest'
import type { SnapshotInfo } from '../../shared/api.ts'
import { translate } from '../i18n.ts'
import { snapshotLabel } from './snapshot-label.ts'

const session: SnapshotInfo = {
  id: 's',
  label: 'Sessie 14:05–15:40, 23 wijzigingen',
  createdAt: '2026-03-12T14:40:00Z',
  auto: true,
  session: { startedAt: '2026-03-12T13:05:00Z', changes: 23 },
}

describe('snapshotLabel', () => {
  it('describes an automatic session snapshot in the reader’s language', () => {
    expect(snapshotLabel(session, 'en', (key, vars) => translate('en', key, vars))).toMatch(/^Session \d\d:05–\d\d:40, 23 changes$/)
    expect(snapshotLabel({ ...session, session: { startedAt: session.session!.startedAt, changes: 1 } }, 'nl', (key, vars) => translate('nl', key, vars))).toMatch(
      /^Sessie \d\d:05–\d\d:40, 1 wijziging$/,
    )
  })

  it('keeps a named snapshot’s own label', () => {
    const { session: _, ...manual } = { ...session, auto: false, label: 'Na sessie 1' }
    expect(snapshotLabel(manual, 'en', (key, vars) => translate('en', key, vars))).toBe('Na sessie 1')
  })
})
