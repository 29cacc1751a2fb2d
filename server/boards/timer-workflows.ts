/**
 * The session timer and the agenda, the board service's part. What the facilitator decides is
 * written by the server into the board's `meta` (`timer`, `agenda`, `agendaRun`, `summon`;
 * shared/session.ts) on the server's clock, so every participant counts down to the same moment,
 * a reload or a late joiner finds it at once, and no participant can forge it (the update guard
 * refuses any client write to `meta`).
 */
import { BoardGeometry, type Shape } from '../../shared/board-geometry.ts'
import { frameTimebox, plannedMinutes, readAgendaPlan, readAgendaRun } from '../../shared/agenda.ts'
import { metaMap, readRecords } from '../../shared/doc-layout.ts'
import { SESSION_KEYS, type AgendaEntry, type AgendaPlan, type TimerState } from '../../shared/session.ts'
import type { AgendaStartJson, TimerAction } from '../../shared/timer-api.ts'
import { addToTimer, asTimerState, pauseTimer, resumeTimer, startTimer, TimerStateError } from '../../shared/timer-state.ts'
import { HttpError } from '../http/errors.ts'
import type { RoomManager } from '../sync/room-manager.ts'
import { newSummon } from './follow-workflows.ts'
import { writeSessionMeta } from './session-meta.ts'

/** Most steps the run keeps (the oldest go first): a facilitator clicking "Start stap" all day must not grow the document without end. */
export const MAX_AGENDA_RUN = 200
/** Most minutes a timer may hold after "add" (8 hours). */
const MAX_TIMER_MS = 480 * 60_000

export class TimerWorkflows {
  constructor(private readonly rooms: RoomManager) {}

  /** Applies a facilitator's timer action; 409 timer_state when it does not fit the timer as it is. */
  async act(boardId: string, action: TimerAction): Promise<TimerState | null> {
    const room = await this.rooms.open(boardId)
    const current = asTimerState(metaMap(room.doc).get(SESSION_KEYS.timer))
    if (action.action === 'start' && action.step !== undefined) zoneFrame(new BoardGeometry(readRecords(room.doc)), action.step)
    const next = nextTimer(current, action, Date.now())
    writeSessionMeta(room.doc, { [SESSION_KEYS.timer]: next })
    await this.rooms.flush()
    return next
  }

  /** Sets the facilitator's timeboxes (minutes per zone); 400 for a zone the board does not have. */
  async setAgenda(boardId: string, plan: AgendaPlan): Promise<AgendaPlan> {
    const room = await this.rooms.open(boardId)
    const zones = new Set(new BoardGeometry(readRecords(room.doc)).zoneFrames().map((frame) => frame.meta.zone))
    const unknown = Object.keys(plan).find((zone) => !zones.has(zone))
    if (unknown !== undefined) throw new HttpError(400, `this board has no part "${unknown}"`, 'invalid_body')
    const stored = { ...plan }
    writeSessionMeta(room.doc, { [SESSION_KEYS.agenda]: stored })
    await this.rooms.flush()
    return stored
  }

  /**
   * "Start stap": ends the step that runs, starts this one, starts the timer with its planned
   * minutes (no plan: no timer) and brings everyone to its frame.
   */
  async startStep(boardId: string, zone: string): Promise<AgendaStartJson> {
    const room = await this.rooms.open(boardId)
    const meta = metaMap(room.doc)
    const geometry = new BoardGeometry(readRecords(room.doc))
    const frame = zoneFrame(geometry, zone)
    const now = Date.now()
    const planned = plannedMinutes(readAgendaPlan(meta.get(SESSION_KEYS.agenda)), zone, frameTimebox(frame.meta))
    const entry: AgendaEntry = { zone, name: frameName(frame), startedAt: new Date(now).toISOString(), endedAt: null, plannedMinutes: planned }
    const agendaRun = [...closeRunning(readAgendaRun(meta.get(SESSION_KEYS.agendaRun)), now), entry].slice(-MAX_AGENDA_RUN)
    const timer = planned === null ? null : startTimer(now, planned, zone)
    const box = geometry.bounds(frame)
    const summon = newSummon(geometry.pageOf(frame)!, { x: box.minX, y: box.minY, w: box.maxX - box.minX, h: box.maxY - box.minY }, new Date(now))
    writeSessionMeta(room.doc, { [SESSION_KEYS.agendaRun]: agendaRun, [SESSION_KEYS.timer]: timer, [SESSION_KEYS.summon]: summon })
    await this.rooms.flush()
    return { agendaRun, timer, summon }
  }

  /** "Stap afronden": ends the step that runs (the harvest then knows how long it took) and stops the timer. */
  async endStep(boardId: string): Promise<AgendaEntry[]> {
    const room = await this.rooms.open(boardId)
    const agendaRun = closeRunning(readAgendaRun(metaMap(room.doc).get(SESSION_KEYS.agendaRun)), Date.now())
    writeSessionMeta(room.doc, { [SESSION_KEYS.agendaRun]: agendaRun, [SESSION_KEYS.timer]: null })
    await this.rooms.flush()
    return agendaRun
  }
}

function nextTimer(current: TimerState | null, action: TimerAction, now: number): TimerState | null {
  try {
    switch (action.action) {
      case 'start':
        return startTimer(now, action.minutes, action.step ?? null)
      case 'pause':
        return pauseTimer(current, now)
      case 'resume':
        return resumeTimer(current, now)
      case 'add': {
        const next = addToTimer(current, now, action.minutes)
        const left = next.status === 'paused' ? next.remainingMs : Date.parse(next.endsAt) - now
        if (left > MAX_TIMER_MS) throw new TimerStateError(`a timer holds at most ${MAX_TIMER_MS / 60_000} minutes`)
        return next
      }
      case 'stop':
        return null
    }
  } catch (error) {
    if (error instanceof TimerStateError) throw new HttpError(409, error.message, 'timer_state')
    throw error
  }
}

/** The zone frame of a step; 404 when the board has no such part. */
function zoneFrame(geometry: BoardGeometry, zone: string): Shape {
  const frame = geometry.zoneFrames().find((candidate) => candidate.meta.zone === zone)
  if (!frame) throw new HttpError(404, `this board has no part "${zone}"`, 'not_found')
  return frame
}

const frameName = (frame: Shape): string => (typeof frame.props.name === 'string' && frame.props.name.trim()) || String(frame.meta.zone)

function closeRunning(run: AgendaEntry[], now: number): AgendaEntry[] {
  const at = new Date(now).toISOString()
  return run.map((entry) => (entry.endedAt === null ? { ...entry, endedAt: at } : entry))
}
