import { describe, expect, it } from 'vitest'
import { autoSnapshotsToPrune } from './retention.ts'

const now = new Date('2026-11-22T12:00:00Z')
const at = (iso: string, id = iso) => ({ id, createdAt: new Date(iso).toISOString() })

describe('automatic snapshot retention', () => {
  it('keeps everything from the last day', () => {
    const recent = [at('2026-11-22T11:00:00Z'), at('2026-11-22T10:50:00Z'), at('2026-11-21T13:00:00Z')]
    expect(autoSnapshotsToPrune(recent, now)).toEqual([])
  })

  it('keeps the newest per day up to 90 days, then the newest per month', () => {
    const snapshots = [
      at('2026-11-20T18:00:00Z', 'day-newest'),
      at('2026-11-20T09:00:00Z', 'day-older'),
      at('2026-11-19T09:00:00Z', 'other-day'),
      at('2026-06-30T10:00:00Z', 'june-newest'),
      at('2026-06-02T10:00:00Z', 'june-older'),
      at('2025-01-05T10:00:00Z', 'jan-only'),
    ]
    expect(autoSnapshotsToPrune(snapshots, now).sort()).toEqual(['day-older', 'june-older'])
  })

  it('honours a custom policy', () => {
    const snapshots = [at('2026-11-22T11:00:00Z', 'a'), at('2026-11-22T10:00:00Z', 'b')]
    expect(autoSnapshotsToPrune(snapshots, now, { keepAllHours: 0, dailyForDays: 90 })).toEqual(['b'])
  })
})
