/**
 * What report.docx / report.pdf cost the server (issue 14 review): a document is rendered once per
 * stored version (requests at the same moment share that rendering, later ones get the kept
 * bytes), and the read worker's queue is bounded: past READ_QUEUE_LIMIT waiting jobs a request is
 * refused with 503 server_busy and Retry-After instead of waiting behind an endless queue.
 * Renderings are counted through the server's log ("report rendered", one line per rendering).
 */
import { describe, expect, it } from 'vitest'
import type { CreatedBoard } from '../../shared/api.ts'
import type { ApiErrorBody } from '../../shared/errors.ts'
import { createBoard } from '../testing/api-client.ts'
import { serverForFile } from '../testing/server-for-file.ts'
import { SyncClient, testRecord } from '../testing/sync-client.ts'

// One job may wait behind the running one; the rate limit out of the way of the burst below.
const server = serverForFile({ READ_QUEUE_LIMIT: '1', EXPENSIVE_REQUESTS_PER_MINUTE: '1000' })

const get = (board: CreatedBoard, route: string) => fetch(`${server.url}/api/boards/${board.id}${route}`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })

/** The server's "report rendered" log lines for one board and format. */
function renders(board: CreatedBoard, format: 'docx' | 'pdf'): number {
  return server.logs.filter((line) => line.includes('"msg":"report rendered"') && line.includes(`"board":"${board.id}"`) && line.includes(`"format":"${format}"`)).length
}

describe('report documents: cost', () => {
  // First in the file: the read worker is not running yet, so the burst's jobs all queue while it starts.
  it('refuses reads past the queue limit with 503 server_busy and Retry-After; they succeed when tried again', async () => {
    const boards = await Promise.all(Array.from({ length: 8 }, (_, i) => createBoard(server.url, { title: `Druk ${i}` })))
    const answers = await Promise.all(boards.map((board) => get(board, '/report.pdf')))
    const statuses = answers.map((answer) => answer.status)
    expect(statuses.every((status) => status === 200 || status === 503)).toBe(true)
    expect(statuses).toContain(200)
    expect(statuses).toContain(503)
    for (const [i, answer] of answers.entries()) {
      if (answer.status === 200) {
        expect(answer.headers.get('content-type')).toBe('application/pdf')
        await answer.arrayBuffer()
        continue
      }
      expect(answer.headers.get('retry-after')).toBe('5')
      expect(((await answer.json()) as ApiErrorBody).code).toBe('server_busy')
      // One at a time, as a client retrying after the wait: never refused.
      expect((await get(boards[i]!, '/report.pdf')).status).toBe(200)
    }
  })

  it('renders report.pdf once for two requests at the same moment and keeps it until the board changes', async () => {
    const board = await createBoard(server.url, { title: 'Eén keer renderen' })
    const client = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    try {
      client.records.set('shape:k1', testRecord('k1', { text: 'Eerste kaart' }))
      await client.roundTrip()

      const [first, second] = await Promise.all([get(board, '/report.pdf'), get(board, '/report.pdf')])
      expect([first.status, second.status]).toEqual([200, 200])
      const [a, b] = await Promise.all([first.arrayBuffer(), second.arrayBuffer()])
      expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true)
      expect(renders(board, 'pdf')).toBe(1)

      // Again later: the kept bytes. Word is a rendering of its own.
      const again = await get(board, '/report.pdf')
      expect(Buffer.from(await again.arrayBuffer()).equals(Buffer.from(a))).toBe(true)
      expect(renders(board, 'pdf')).toBe(1)
      expect((await get(board, '/report.docx')).status).toBe(200)
      expect(renders(board, 'docx')).toBe(1)

      // An edit makes a new version: rendered again, with the new card.
      client.records.set('shape:k2', testRecord('k2', { text: 'Tweede kaart' }))
      await client.roundTrip()
      expect((await get(board, '/report.pdf')).status).toBe(200)
      expect(renders(board, 'pdf')).toBe(2)
    } finally {
      await client.close()
    }
  })
})
