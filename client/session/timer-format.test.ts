import { describe, expect, it } from 'vitest'
import { crossing, formatRemaining, minutesLeft } from './timer-format.ts'

describe('timer display', () => {
  it('shows mm:ss rounded up, hours when needed, never below zero', () => {
    expect(formatRemaining(10 * 60_000)).toBe('10:00')
    expect(formatRemaining(65_001)).toBe('01:06')
    expect(formatRemaining(999)).toBe('00:01')
    expect(formatRemaining(0)).toBe('00:00')
    expect(formatRemaining(-5000)).toBe('00:00')
    expect(formatRemaining(2 * 3600_000 + 5_000)).toBe('2:00:05')
    expect(minutesLeft(61_000)).toBe(2)
  })

  it('announces the start of the last minute and the end once, when crossed', () => {
    expect(crossing(61_000, 60_000)).toBe('lastMinute')
    expect(crossing(60_000, 59_000)).toBeNull()
    expect(crossing(500, 0)).toBe('end')
    expect(crossing(0, 0)).toBeNull()
    expect(crossing(120_000, 0)).toBe('end') // a tab asleep through the last minute hears only the end
  })
})
