/**
 * The agenda as the server stores it in `meta` (shared/session.ts): the facilitator's timeboxes
 * (`agenda`) and the steps as they ran (`agendaRun`). Read the same way by the server, the client
 * and the harvest; what is malformed is left out rather than trusted.
 */
import type { AgendaEntry, AgendaPlan } from './session.ts'

/** `meta.agenda`: whole positive minutes per zone id. */
export function readAgendaPlan(value: unknown): AgendaPlan {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {}
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && entry[1] > 0))
}

/** `meta.agendaRun`: the well-formed entries, oldest first. */
export function readAgendaRun(value: unknown): AgendaEntry[] {
  if (!Array.isArray(value)) return []
  return value.filter(
    (entry): entry is AgendaEntry =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof entry.zone === 'string' &&
      typeof entry.name === 'string' &&
      typeof entry.startedAt === 'string' &&
      (typeof entry.endedAt === 'string' || entry.endedAt === null) &&
      (typeof entry.plannedMinutes === 'number' || entry.plannedMinutes === null),
  )
}

/** A frame's suggested timebox (templates put it in the zone frame's `meta.timebox`), if any. */
export function frameTimebox(meta: Readonly<Record<string, unknown>>): number | null {
  const timebox = meta.timebox
  return typeof timebox === 'number' && timebox > 0 ? timebox : null
}

/** The minutes planned for a step: the facilitator's, else the template's timebox, else none. */
export function plannedMinutes(plan: AgendaPlan, zone: string, timebox: number | null): number | null {
  return plan[zone] ?? timebox
}

/** Whole minutes a step took (or has taken until `now`, while it runs). */
export function usedMinutes(entry: AgendaEntry, now: number): number {
  const end = entry.endedAt === null ? now : Date.parse(entry.endedAt)
  return Math.max(0, Math.round((end - Date.parse(entry.startedAt)) / 60_000))
}
