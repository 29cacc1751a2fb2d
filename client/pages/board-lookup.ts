/**
 * The board lookup (`GET /api/boards/:id`) started as soon as the URL is known, from the app's
 * entry: the board page's code (tldraw, most of the bundle) then downloads while the server
 * answers, instead of before the question is even asked.
 */
import type { BoardForRole } from '../../shared/api.ts'
import { getBoard, type ApiResult } from '../api/client.ts'

let early: { key: string; answer: Promise<ApiResult<BoardForRole>> } | null = null

const keyOf = (boardId: string, token: string) => `${boardId} ${token}`

export function startBoardLookup(boardId: string, token: string): void {
  early = { key: keyOf(boardId, token), answer: getBoard(boardId, token) }
}

/** The answer for this board and token: the early lookup the first time, a fresh one after (a retry). */
export function lookUpBoard(boardId: string, token: string): Promise<ApiResult<BoardForRole>> {
  const mine = early?.key === keyOf(boardId, token) ? early.answer : null
  early = null
  return mine ?? getBoard(boardId, token)
}
