/**
 * The links listing says how many sockets use each link right now (issue 10 bug 7), so the
 * facilitator is asked before an earlier end date cuts them off.
 */
import { describe, expect, it } from 'vitest'
import type { LinkListing } from '../shared/api.ts'
import { createBoard } from './testing/api-client.ts'
import { serverForFile } from './testing/server-for-file.ts'
import { SyncClient } from './testing/sync-client.ts'

const server = serverForFile()

async function links(boardId: string, token: string): Promise<LinkListing[]> {
  const response = await fetch(`${server.url}/api/boards/${boardId}/links`, { headers: { authorization: `Bearer ${token}` } })
  expect(response.status).toBe(200)
  return (await response.json()) as LinkListing[]
}

describe('links listing', () => {
  it('counts the open sockets per link', async () => {
    const board = await createBoard(server.url)
    const viewers = await Promise.all([1, 2, 3].map(() => SyncClient.connect(server.url, board.id, board.tokens.viewer)))
    const editor = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    const counted = Object.fromEntries((await links(board.id, board.tokens.facilitator)).map((link) => [link.role, link.connected]))
    expect(counted).toMatchObject({ viewer: 3, editor: 1 })

    const tomorrow = new Date(Date.now() + 24 * 3600_000).toISOString()
    const patched = await fetch(`${server.url}/api/boards/${board.id}/links/viewer`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${board.tokens.facilitator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ expiresAt: tomorrow }),
    })
    expect(((await patched.json()) as LinkListing).connected).toBe(3)

    await viewers[0]!.close()
    await expect.poll(async () => (await links(board.id, board.tokens.facilitator)).find((link) => link.role === 'viewer')?.connected).toBe(2)
    await Promise.all([...viewers.slice(1), editor].map((client) => client.close()))
  })
})
