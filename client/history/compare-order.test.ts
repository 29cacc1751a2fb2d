import { describe, expect, it } from 'vitest'
import { comparedMoments, formatMoment, inTimeOrder } from './compare-order.ts'

const at = (createdAt: string, label: string) => ({ createdAt, label })
const createdAt = (side: { createdAt: string }) => side.createdAt

describe('comparison order', () => {
  const older = at('2026-11-30T08:25:10.000Z', 'Oud')
  const newer = at('2026-11-30T08:25:50.000Z', 'Nieuw')

  it('runs from the older snapshot to the newer, whichever was picked first', () => {
    expect(inTimeOrder(newer, older, createdAt)).toEqual({ earlier: older, later: newer })
    expect(inTimeOrder(older, newer, createdAt)).toEqual({ earlier: older, later: newer })
  })

  it('puts now after any snapshot', () => {
    expect(inTimeOrder(newer, null, createdAt)).toEqual({ earlier: newer, later: null })
  })

  it('keeps the given order for equal times', () => {
    const twin = at(older.createdAt, 'Tweeling')
    expect(inTimeOrder(older, twin, createdAt)).toEqual({ earlier: older, later: twin })
  })
})

describe('banner times', () => {
  it('shows seconds when both snapshots fall in the same minute, in the board language', () => {
    const { earlier, later } = comparedMoments('nl', '2026-11-30T08:25:10.000Z', '2026-11-30T08:25:50.000Z')
    expect(earlier).not.toBe(later)
    expect(earlier).toMatch(/30 nov 2026.*:25:10/)
    expect(later).toMatch(/^\d{2}:25:50$/)
    expect(comparedMoments('en', '2026-11-30T08:25:10.000Z', '2026-11-30T08:25:50.000Z').earlier).toMatch(/30 Nov 2026.*:25:10/)
  })

  it('shows minutes only when they differ, and the date always', () => {
    const { earlier, later } = comparedMoments('nl', '2026-11-29T08:25:10.000Z', '2026-11-30T08:25:50.000Z')
    expect(earlier).toMatch(/29 nov 2026/)
    expect(later).toMatch(/30 nov 2026/)
    expect(earlier).not.toMatch(/:\d\d:\d\d/)
    expect(comparedMoments('nl', '2026-11-30T08:25:10.000Z', null).later).toBeNull()
    expect(formatMoment('nl', 'geen datum')).toBe('geen datum')
  })
})
