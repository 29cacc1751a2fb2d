import { describe, expect, it } from 'vitest'
import { pauseTimer, resumeTimer, startTimer } from '../../shared/timer-state.ts'
import { announce, crossing, formatRemaining, isStale, minutesLeft } from './timer-format.ts'

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

describe('timer announcements', () => {
  const T0 = Date.parse('2026-11-30T10:00:00Z')
  const running = startTimer(T0, 10, null)

  it('says start, pause, resume and stop once each', () => {
    expect(announce(null, running, null, 600_000, T0 + 200)).toEqual({ kind: 'started', minutes: 10 })
    const paused = pauseTimer(running, T0 + 60_000)
    expect(announce(running, paused, 540_000, 540_000, T0 + 60_000)).toEqual({ kind: 'paused' })
    expect(announce(paused, resumeTimer(paused, T0 + 120_000), 540_000, 540_000, T0 + 120_000)).toEqual({ kind: 'resumed' })
    expect(announce(running, null, 300_000, null, T0)).toEqual({ kind: 'stopped' })
    // A restart is a start.
    expect(announce(running, startTimer(T0 + 5_000, 3, null), 595_000, 595_000, T0 + 5_000)).toEqual({ kind: 'started', minutes: 3 })
  })

  it('says the last minute and the end when crossed, and nothing every second', () => {
    expect(announce(running, running, 61_000, 60_000, T0)).toEqual({ kind: 'lastMinute' })
    expect(announce(running, running, 1_000, 0, T0)).toEqual({ kind: 'end' })
    expect(announce(running, running, 300_000, 299_000, T0)).toBeNull()
  })

  it('says nothing to a page that opens on a timer already running', () => {
    expect(announce(null, running, null, 300_000, T0 + 5 * 60_000)).toBeNull()
    expect(announce(null, null, null, null, T0)).toBeNull()
  })
})

describe('a timer long over', () => {
  it('is no longer shown half an hour after it ran out; a paused one stays', () => {
    const T0 = Date.parse('2026-11-30T10:00:00Z')
    const timer = startTimer(T0, 10, null)
    expect(isStale(timer, T0 + 39 * 60_000)).toBe(false)
    expect(isStale(timer, T0 + 41 * 60_000)).toBe(true)
    expect(isStale(pauseTimer(timer, T0), T0 + 24 * 3600_000)).toBe(false)
  })
})
