import { describe, expect, it } from 'vitest'
import type { Summon } from '../../shared/session.ts'
import { sameArea, SUMMON_LANDING_MS, summonMove, type SummonSituation } from './summon-decision.ts'

const now = Date.parse('2026-11-30T20:00:00Z')
const summon = (minutesAgo: number, id = 's1'): Summon => ({
  id,
  at: new Date(now - minutesAgo * 60_000).toISOString(),
  pageId: 'page:page',
  bounds: { x: 0, y: 0, w: 100, h: 100 },
})
const situation = (patch: Partial<SummonSituation>): SummonSituation => ({ summon: summon(1), seenId: null, opening: false, following: false, sentHere: false, now, ...patch })

describe('summonMove', () => {
  it('moves a tab once per new summon', () => {
    expect(summonMove(situation({}))).toBe('move')
    expect(summonMove(situation({ seenId: 's1' }))).toBe('none')
    expect(summonMove(situation({ seenId: 's0' }))).toBe('move')
    expect(summonMove(situation({ summon: null }))).toBe('none')
  })

  it('lets a late joiner land where the group is, for three hours', () => {
    expect(summonMove(situation({ opening: true, summon: summon(170) }))).toBe('land')
    expect(summonMove(situation({ opening: true, summon: summon(SUMMON_LANDING_MS / 60_000 + 1) }))).toBe('none')
    expect(summonMove(situation({ opening: true, summon: { ...summon(1), at: 'gisteren' } }))).toBe('none')
    // A reload of a tab that was moved already stays where it was.
    expect(summonMove(situation({ opening: true, seenId: 's1' }))).toBe('none')
  })

  it('leaves a follower to the spotlight, and the tab that sent it where it is', () => {
    expect(summonMove(situation({ following: true }))).toBe('none')
    expect(summonMove(situation({ opening: true, following: true }))).toBe('none')
    expect(summonMove(situation({ sentHere: true }))).toBe('none')
  })
})

describe('sameArea', () => {
  it('matches the area a tab sent, not another', () => {
    const area = { x: -120.25, y: 40, w: 1280.5, h: 720 }
    expect(sameArea(area, { ...area })).toBe(true)
    expect(sameArea(area, { ...area, x: -119 })).toBe(false)
    expect(sameArea(area, { ...area, w: 1300 })).toBe(false)
  })
})
