/**
 * HTTP shapes of the session clock, timer and agenda (docs/api.md, "Running the session"), shared
 * by the server (validation) and the client (typing).
 */
import { z } from 'zod'
import type { AgendaEntry, Summon, TimerState } from './session.ts'

/** Longest timer one start sets, and longest agenda timebox, in minutes. */
export const MAX_TIMER_MINUTES = 240
export const MAX_TIMEBOX_MINUTES = 480
/** Most minutes one "add" gives. */
export const MAX_ADD_MINUTES = 60

const zoneId = z.string().min(1).max(100)

/** `POST /api/boards/:id/timer`. */
export const timerBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('start'), minutes: z.number().int().min(1).max(MAX_TIMER_MINUTES), step: zoneId.optional() }),
  z.strictObject({ action: z.literal('pause') }),
  z.strictObject({ action: z.literal('resume') }),
  z.strictObject({ action: z.literal('add'), minutes: z.number().int().min(1).max(MAX_ADD_MINUTES) }),
  z.strictObject({ action: z.literal('stop') }),
])
export type TimerAction = z.infer<typeof timerBody>

/** `PUT /api/boards/:id/agenda`: minutes per step (zone id); the steps left out take the template's timebox. */
export const agendaBody = z.record(zoneId, z.number().int().min(1).max(MAX_TIMEBOX_MINUTES))

/** `GET /api/time`. */
export interface ServerTimeJson {
  now: string
}

/** `POST /api/boards/:id/agenda/:zone/start`. */
export interface AgendaStartJson {
  agendaRun: AgendaEntry[]
  timer: TimerState | null
  summon: Summon
}
