/** The timer and agenda calls of our API (docs/api.md, "Running the session"). */
import type { AgendaEntry, AgendaPlan, TimerState } from '../../shared/session.ts'
import type { AgendaStartJson, TimerAction } from '../../shared/timer-api.ts'
import { call, type ApiResult } from '../api/client.ts'

const boardPath = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`

/** Facilitator: start, pause, resume, add time to or stop the timer. */
export function timerAction(boardId: string, token: string, action: TimerAction): Promise<ApiResult<TimerState | null>> {
  return call<TimerState | null>(`${boardPath(boardId)}/timer`, { method: 'POST', body: JSON.stringify(action) }, token)
}

/** Facilitator: the timeboxes per step (replaces the previous plan). */
export function putAgenda(boardId: string, token: string, plan: AgendaPlan): Promise<ApiResult<AgendaPlan>> {
  return call<AgendaPlan>(`${boardPath(boardId)}/agenda`, { method: 'PUT', body: JSON.stringify(plan) }, token)
}

/** Facilitator: "Start stap". */
export function startStep(boardId: string, token: string, zone: string): Promise<ApiResult<AgendaStartJson>> {
  return call<AgendaStartJson>(`${boardPath(boardId)}/agenda/${encodeURIComponent(zone)}/start`, { method: 'POST' }, token)
}

/** Facilitator: "Stap afronden". */
export function endStep(boardId: string, token: string): Promise<ApiResult<AgendaEntry[]>> {
  return call<AgendaEntry[]>(`${boardPath(boardId)}/agenda/end`, { method: 'POST' }, token)
}
