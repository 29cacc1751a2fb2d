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
