/**
 * The session timer's rules, pure: how each facilitator action changes a TimerState and how much
 * time is left at a moment. The server applies the actions on its own clock; every client computes
 * what is left on the server's clock too (its own corrected by the measured offset), so all show
 * the same time.
 */
import type { TimerState } from './session.ts'

const MINUTE = 60_000

/** Why an action does not fit the timer as it is (the server answers 409 timer_state). */
export class TimerStateError extends Error {}

export function startTimer(now: number, minutes: number, step: string | null): TimerState {
  const durationMs = minutes * MINUTE
  return { status: 'running', startedAt: iso(now), endsAt: iso(now + durationMs), durationMs, step }
}

export function pauseTimer(timer: TimerState | null, now: number): TimerState {
  if (timer?.status !== 'running') throw new TimerStateError('the timer is not running')
  return { status: 'paused', startedAt: timer.startedAt, remainingMs: remainingMs(timer, now), durationMs: timer.durationMs, step: timer.step }
}

export function resumeTimer(timer: TimerState | null, now: number): TimerState {
  if (timer?.status !== 'paused') throw new TimerStateError('the timer is not paused')
  return { status: 'running', startedAt: timer.startedAt, endsAt: iso(now + timer.remainingMs), durationMs: timer.durationMs, step: timer.step }
}

/**
 * More time. A running timer that already ran out gets the minutes from now (the facilitator
 * asks for "one more minute", not for a minute of which half has gone).
 */
export function addToTimer(timer: TimerState | null, now: number, minutes: number): TimerState {
  const extra = minutes * MINUTE
  if (timer === null) throw new TimerStateError('there is no timer to add time to')
  if (timer.status === 'paused') return { ...timer, remainingMs: timer.remainingMs + extra, durationMs: timer.durationMs + extra }
  const from = Math.max(Date.parse(timer.endsAt), now)
  return { ...timer, endsAt: iso(from + extra), durationMs: timer.durationMs + (from - Date.parse(timer.endsAt)) + extra }
}

/** Milliseconds left at `now` (server clock), never below zero. */
export function remainingMs(timer: TimerState, now: number): number {
  if (timer.status === 'paused') return Math.max(0, timer.remainingMs)
  return Math.max(0, Date.parse(timer.endsAt) - now)
}

/** A TimerState as read from a document written by anyone: null when it is not one. */
export function asTimerState(value: unknown): TimerState | null {
  if (typeof value !== 'object' || value === null) return null
  const timer = value as Partial<Record<string, unknown>>
  const common = typeof timer.startedAt === 'string' && typeof timer.durationMs === 'number' && (typeof timer.step === 'string' || timer.step === null)
  if (!common) return null
  if (timer.status === 'running' && typeof timer.endsAt === 'string' && Number.isFinite(Date.parse(timer.endsAt))) return value as TimerState
  if (timer.status === 'paused' && typeof timer.remainingMs === 'number') return value as TimerState
  return null
}

const iso = (ms: number) => new Date(ms).toISOString()
