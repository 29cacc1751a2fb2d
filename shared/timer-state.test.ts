import { describe, expect, it } from 'vitest'
import { addToTimer, asTimerState, pauseTimer, remainingMs, resumeTimer, startTimer, TimerStateError } from './timer-state.ts'

const T0 = Date.parse('2026-11-30T10:00:00.000Z')
const MIN = 60_000

describe('timer state', () => {
  it('runs, pauses with what is left, resumes from there', () => {
    const running = startTimer(T0, 10, 'tijdlijn')
    expect(running).toEqual({ status: 'running', startedAt: '2026-11-30T10:00:00.000Z', endsAt: '2026-11-30T10:10:00.000Z', durationMs: 10 * MIN, step: 'tijdlijn' })
    expect(remainingMs(running, T0 + 3 * MIN)).toBe(7 * MIN)
    const paused = pauseTimer(running, T0 + 3 * MIN)
    expect(paused).toMatchObject({ status: 'paused', remainingMs: 7 * MIN })
    // A pause does not count down.
    expect(remainingMs(paused, T0 + 60 * MIN)).toBe(7 * MIN)
    const resumed = resumeTimer(paused, T0 + 20 * MIN)
    expect(resumed).toMatchObject({ status: 'running', endsAt: '2026-11-30T10:27:00.000Z', startedAt: running.startedAt })
  })

  it('adds time to a running or paused timer, and to one that ran out from now', () => {
    const running = startTimer(T0, 5, null)
    expect(addToTimer(running, T0 + MIN, 1)).toMatchObject({ endsAt: '2026-11-30T10:06:00.000Z', durationMs: 6 * MIN })
    expect(addToTimer(pauseTimer(running, T0 + MIN), T0 + MIN, 5)).toMatchObject({ remainingMs: 9 * MIN, durationMs: 10 * MIN })
    const late = addToTimer(running, T0 + 8 * MIN, 1)
    expect(late).toMatchObject({ endsAt: '2026-11-30T10:09:00.000Z', durationMs: 9 * MIN })
    expect(remainingMs(late, T0 + 8 * MIN)).toBe(MIN)
  })

  it('never shows less than zero', () => {
    expect(remainingMs(startTimer(T0, 1, null), T0 + 5 * MIN)).toBe(0)
  })

  it('refuses actions that do not fit', () => {
    const running = startTimer(T0, 5, null)
    expect(() => pauseTimer(null, T0)).toThrow(TimerStateError)
    expect(() => pauseTimer(pauseTimer(running, T0), T0)).toThrow(TimerStateError)
    expect(() => resumeTimer(running, T0)).toThrow(TimerStateError)
    expect(() => addToTimer(null, T0, 1)).toThrow(TimerStateError)
  })

  it('reads only well-formed timers', () => {
    expect(asTimerState(startTimer(T0, 1, null))).not.toBeNull()
    expect(asTimerState({ status: 'running', startedAt: 'x', durationMs: 1, step: null, endsAt: 'nonsense' })).toBeNull()
    expect(asTimerState(null)).toBeNull()
    expect(asTimerState({ status: 'paused', startedAt: 'x', durationMs: 1, step: null })).toBeNull()
  })
})
