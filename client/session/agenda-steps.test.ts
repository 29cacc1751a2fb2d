import { describe, expect, it } from 'vitest'
import type { AgendaEntry } from '../../shared/session.ts'
import { nextStepZone, stepTime } from './agenda-steps.ts'

const steps = [{ zone: 'spelregels' }, { zone: 'tijdlijn' }, { zone: 'lessen' }]
const entry = (zone: string, startedAt: string, endedAt: string | null, plannedMinutes: number | null = null): AgendaEntry => ({ zone, name: zone, startedAt, endedAt, plannedMinutes })

describe('agenda steps', () => {
  it('takes the step after the running one as next, the first when none ran', () => {
    expect(nextStepZone(steps, [])).toBe('spelregels')
    expect(nextStepZone(steps, [entry('spelregels', '2026-01-01T10:00:00Z', null)])).toBe('tijdlijn')
    expect(nextStepZone(steps, [entry('spelregels', '2026-01-01T10:00:00Z', '2026-01-01T10:10:00Z'), entry('tijdlijn', '2026-01-01T10:10:00Z', '2026-01-01T10:20:00Z')])).toBe('lessen')
    expect(nextStepZone(steps, [entry('lessen', '2026-01-01T10:00:00Z', null)])).toBeNull()
  })

  it('shows planned (the facilitator’s, else the template’s) against used minutes, counting a running step until now', () => {
    const now = Date.parse('2026-01-01T10:30:00Z')
    const run = [entry('spelregels', '2026-01-01T10:00:00Z', '2026-01-01T10:12:00Z'), entry('tijdlijn', '2026-01-01T10:12:00Z', null), entry('spelregels', '2026-01-01T09:00:00Z', '2026-01-01T09:03:00Z')]
    expect(stepTime('spelregels', 10, {}, run, now)).toEqual({ planned: 10, used: 15, running: false })
    expect(stepTime('tijdlijn', 45, { tijdlijn: 50 }, run, now)).toEqual({ planned: 50, used: 18, running: true })
    expect(stepTime('lessen', null, {}, run, now)).toEqual({ planned: null, used: null, running: false })
  })
})
