/** Test helper: typed calls to the HTTP API. */
import type { CreatedBoard } from '../../shared/api.ts'

export async function createBoard(baseUrl: string, body: Record<string, unknown> = { title: 'Testbord' }, headers: Record<string, string> = {}): Promise<CreatedBoard> {
  const response = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  if (response.status !== 201) throw new Error(`create board: ${response.status} ${await response.text()}`)
  return (await response.json()) as CreatedBoard
}

/** A call to one of a board's routes (`path` after `/api/boards/:id`) with a role's token; the status and the JSON answer. */
export async function boardCall<T>(baseUrl: string, board: CreatedBoard, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl}/api/boards/${board.id}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return { status: response.status, body: (await response.json()) as T }
}
