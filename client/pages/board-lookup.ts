/**
 * The board lookup (`GET /api/boards/:id`) started as soon as the URL is known, from the app's
 * entry: the board page's code (tldraw, most of the bundle) then downloads while the server
 * answers, instead of before the question is even asked.
 *
 * Without a network (no answer at all), the last answer this device had for the same link is
 * used, so a board opened before reloads offline from its IndexedDB copy; the websocket is
 * refused later anyway if the link was withdrawn meanwhile.
 */
import type { BoardForRole } from '../../shared/api.ts'
import { getBoard, type ApiResult } from '../api/client.ts'
import { knownBoardInfo, rememberBoardInfo } from '../offline/known-boards.ts'
import { dropBoardConnection } from './early-connection.ts'

let early: { key: string; answer: Promise<ApiResult<BoardForRole>> } | null = null

const keyOf = (boardId: string, token: string) => `${boardId} ${token}`

async function askServer(boardId: string, token: string): Promise<ApiResult<BoardForRole>> {
  const answer = await getBoard(boardId, token)
  if (answer.ok) {
    await rememberBoardInfo(answer.value, token)
    return answer
  }
  if (answer.status !== 0) {
    // Refused or unknown: the connection opened for it early has nothing to do.
    dropBoardConnection()
    return answer
  }
  const known = await knownBoardInfo(boardId, token)
  return known ? { ok: true, value: known } : answer
}

export function startBoardLookup(boardId: string, token: string): void {
  early = { key: keyOf(boardId, token), answer: askServer(boardId, token) }
}

/** The answer for this board and token: the early lookup the first time, a fresh one after (a retry). */
export function lookUpBoard(boardId: string, token: string): Promise<ApiResult<BoardForRole>> {
  const mine = early?.key === keyOf(boardId, token) ? early.answer : null
  early = null
  return mine ?? askServer(boardId, token)
}
