import { describe, expect, it } from 'vitest'
import { decideAutoSnapshot, sessionLabel, type AutoSnapshotInput } from './auto-snapshot-policy.ts'

const MIN = 60_000
const T0 = Date.parse('2026-03-12T13:05:00Z') // 14:05 in Amsterdam

function input(overrides: Partial<AutoSnapshotInput>): AutoSnapshotInput {
  return { moment: 'session-ended', session: { startedAt: T0, changes: 3 }, latestAuto: null, latestAnyAt: null, now: T0 + 5 * MIN, intervalMs: 10 * MIN, ...overrides }
}

describe('decideAutoSnapshot', () => {
  it('takes nothing when nobody changed the board since the last snapshot', () => {
    expect(decideAutoSnapshot(input({ session: null }))).toEqual({ kind: 'none' })
    expect(decideAutoSnapshot(input({ session: { startedAt: T0, changes: 0 } }))).toEqual({ kind: 'none' })
  })

  it('adds one when a session ends and the latest automatic snapshot is older than the interval', () => {
    const latestAuto = { id: 'old', createdAt: T0 - 11 * MIN, sessionStart: T0 - 30 * MIN, changes: 8 }
    expect(decideAutoSnapshot(input({ latestAuto }))).toEqual({ kind: 'capture', sessionStart: T0, changes: 3 })
    expect(decideAutoSnapshot(input({}))).toEqual({ kind: 'capture', sessionStart: T0, changes: 3 })
  })

  it('brings the latest automatic snapshot up to date when a session ends within the interval after it', () => {
    const latestAuto = { id: 'recent', createdAt: T0 - 2 * MIN, sessionStart: T0 - 4 * MIN, changes: 8 }
    expect(decideAutoSnapshot(input({ latestAuto }))).toEqual({ kind: 'replace', replaces: 'recent', sessionStart: T0 - 4 * MIN, changes: 11 })
  })

  it('leaves one snapshot after five short sessions in a minute', () => {
    let latestAuto: AutoSnapshotInput['latestAuto'] = null
    let stored = 0
    for (let i = 0; i < 5; i++) {
      const now = T0 + i * 12_000 + 10_000
      const decision = decideAutoSnapshot(input({ session: { startedAt: T0 + i * 12_000, changes: 2 }, latestAuto, now }))
      if (decision.kind === 'none') continue
      if (decision.kind === 'capture') stored++
      latestAuto = { id: `s${i}`, createdAt: now, sessionStart: decision.sessionStart, changes: decision.changes }
    }
    expect(stored).toBe(1)
    expect(latestAuto).toMatchObject({ sessionStart: T0, changes: 10 })
  })

  it('during a session takes at most one per interval, counted from the last snapshot of any kind', () => {
    const during = { moment: 'during-session' as const, session: { startedAt: T0, changes: 4 } }
    expect(decideAutoSnapshot(input({ ...during, now: T0 + 9 * MIN }))).toEqual({ kind: 'none' })
    expect(decideAutoSnapshot(input({ ...during, now: T0 + 10 * MIN }))).toEqual({ kind: 'capture', sessionStart: T0, changes: 4 })
    // A manual snapshot three minutes in: the next automatic one comes ten minutes after that.
    expect(decideAutoSnapshot(input({ ...during, latestAnyAt: T0 + 3 * MIN, now: T0 + 12 * MIN }))).toEqual({ kind: 'none' })
    expect(decideAutoSnapshot(input({ ...during, latestAnyAt: T0 + 3 * MIN, now: T0 + 13 * MIN })).kind).toBe('capture')
  })
})

describe('sessionLabel', () => {
  it('says when the session ran (Dutch time) and how much changed', () => {
    expect(sessionLabel(T0, T0 + 95 * MIN, 23)).toBe('Sessie 14:05–15:40, 23 wijzigingen')
    expect(sessionLabel(T0, T0 + MIN, 1)).toBe('Sessie 14:05–14:06, 1 wijziging')
  })
})
