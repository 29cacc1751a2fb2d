/** "Breng iedereen hierheen" and "Volg mij" calls of our API (docs/api.md, "Running the session"). */
import type { Spotlight, Summon } from '../../shared/session.ts'
import { call, type ApiResult } from '../api/client.ts'

const boardPath = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`

/** Facilitator: brings everyone's view to an area of a page, once. */
export function summonEveryone(boardId: string, token: string, pageId: string, bounds: Summon['bounds']): Promise<ApiResult<Summon>> {
  return call<Summon>(`${boardPath(boardId)}/summon`, { method: 'POST', body: JSON.stringify({ pageId, bounds }) }, token)
}

/** Facilitator: everyone follows awareness client `clientId` (this tab) until it stops. */
export function startSpotlight(boardId: string, token: string, clientId: number): Promise<ApiResult<Spotlight>> {
  return call<Spotlight>(`${boardPath(boardId)}/spotlight`, { method: 'PUT', body: JSON.stringify({ clientId }) }, token)
}

export function stopSpotlight(boardId: string, token: string): Promise<ApiResult<null>> {
  return call<null>(`${boardPath(boardId)}/spotlight`, { method: 'DELETE' }, token)
}
