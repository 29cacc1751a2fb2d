/** The dot-voting calls of our HTTP API (contract "Voting"), typed. */
import type { VoteJson } from '../../shared/api.ts'
import { call, type ApiResult } from '../api/client.ts'

const votesPath = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/votes`
const votePath = (boardId: string, voteId: string) => `${votesPath(boardId)}/${encodeURIComponent(voteId)}`

/** Facilitator: opens a vote; `zone` (a frame's `meta.zone`) limits it to the cards in that part. */
export function openVote(boardId: string, token: string, perParticipant: number, zone: string | null): Promise<ApiResult<VoteJson>> {
  const body = zone === null ? { perParticipant } : { perParticipant, zone }
  return call<VoteJson>(votesPath(boardId), { method: 'POST', body: JSON.stringify(body) }, token)
}

/** The vote as anyone sees it; with the draft key also `mine`, the caller's own dots. */
export function getVote(boardId: string, token: string, voteId: string, draftKey?: string): Promise<ApiResult<VoteJson>> {
  const query = draftKey === undefined ? '' : `?draftKey=${encodeURIComponent(draftKey)}`
  return call<VoteJson>(`${votePath(boardId, voteId)}${query}`, { cache: 'no-store' }, token)
}

/** One dot on a card (409 vote_spent beyond the budget); the answer carries `mine`. */
export function placeDot(boardId: string, token: string, voteId: string, draftKey: string, shapeId: string): Promise<ApiResult<VoteJson>> {
  return call<VoteJson>(`${votePath(boardId, voteId)}/ballots`, { method: 'POST', body: JSON.stringify({ draftKey, shapeId }) }, token)
}

/** Takes one of the caller's dots on the card back; the answer carries `mine`. */
export function takeDotBack(boardId: string, token: string, voteId: string, draftKey: string, shapeId: string): Promise<ApiResult<VoteJson>> {
  return call<VoteJson>(`${votePath(boardId, voteId)}/ballots`, { method: 'DELETE', body: JSON.stringify({ draftKey, shapeId }) }, token)
}

/** Facilitator: closes the vote; the results land in the board's `meta.votes` for everyone. */
export function closeVote(boardId: string, token: string, voteId: string): Promise<ApiResult<VoteJson>> {
  return call<VoteJson>(`${votePath(boardId, voteId)}/close`, { method: 'POST' }, token)
}
