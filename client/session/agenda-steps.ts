/**
 * The agenda's view of the board's steps: which comes next, what is planned for each and how long
 * each ran. Pure but for reading the editor's records.
 */
import type { Editor } from 'tldraw'
import { plannedMinutes, usedMinutes } from '../../shared/agenda.ts'
import type { AgendaEntry, AgendaPlan } from '../../shared/session.ts'
import { boardSteps, type Step } from '../facilitation/steps.ts'

/** The board's steps in template order, as the Stappen panel lists them. */
export function editorSteps(editor: Editor): Step[] {
  const shapes = editor.getPages().flatMap((page) => [...editor.getPageShapeIds(page.id)].map((id) => editor.getShape(id)!))
  return boardSteps([...editor.getPages(), ...shapes])
}

/** The step after the one running (the first when none ran yet, none after the last). */
export function nextStepZone(steps: readonly Pick<Step, 'zone'>[], run: readonly AgendaEntry[]): string | null {
  const running = run.findLast((entry) => entry.endedAt === null)
  if (!running) {
    const last = run.at(-1)
    if (!last) return steps[0]?.zone ?? null
    const index = steps.findIndex((step) => step.zone === last.zone)
    return steps[index + 1]?.zone ?? null
  }
  const index = steps.findIndex((step) => step.zone === running.zone)
  return index === -1 ? (steps[0]?.zone ?? null) : (steps[index + 1]?.zone ?? null)
}

export interface StepTime {
  planned: number | null
  /** Whole minutes the step ran, all its runs together; null when it never ran. */
  used: number | null
  running: boolean
}

/** Planned vs. used time of one step. */
export function stepTime(zone: string, timebox: number | null, plan: AgendaPlan, run: readonly AgendaEntry[], now: number): StepTime {
  const runs = run.filter((entry) => entry.zone === zone)
  return {
    planned: plannedMinutes(plan, zone, timebox),
    used: runs.length === 0 ? null : runs.reduce((sum, entry) => sum + usedMinutes(entry, now), 0),
    running: runs.some((entry) => entry.endedAt === null),
  }
}
