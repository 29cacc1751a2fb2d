/** The draft and silent-round calls of our API (docs/api.md, "Drafts and reveal"). */
import type { RevealResult } from '../../shared/api.ts'
import type { SessionState } from '../../shared/session.ts'
import { call, type ApiResult } from '../api/client.ts'

const draftsPath = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/drafts`
const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) })

/** Facilitator: from now on everyone's new cards go to their drafts (`minutes`: a hint for a countdown). */
export function startSilentRound(boardId: string, token: string, minutes?: number): Promise<ApiResult<SessionState>> {
  return call<SessionState>(`${draftsPath(boardId)}/silent-round`, json('POST', minutes === undefined ? {} : { minutes }), token)
}

/** Facilitator: ends the silent round; the drafts stay private. */
export function stopSilentRound(boardId: string, token: string): Promise<ApiResult<SessionState>> {
  return call<SessionState>(`${draftsPath(boardId)}/silent-round`, { method: 'DELETE' }, token)
}

/** Facilitator: "Onthullen", every draft's cards but prepared ones onto the board at once. */
export function revealAll(boardId: string, token: string): Promise<ApiResult<RevealResult>> {
  return call<RevealResult>(`${draftsPath(boardId)}/reveal`, json('POST', {}), token)
}

/** Reveals cards of my own draft: `ids`, never "all" (a facilitator's prepared cards would go too). */
export function revealMine(boardId: string, token: string, draftKey: string, ids: readonly string[]): Promise<ApiResult<RevealResult>> {
  return call<RevealResult>(`${draftsPath(boardId)}/${encodeURIComponent(draftKey)}/reveal`, json('POST', { ids }), token)
}
