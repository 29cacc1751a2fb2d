/**
 * API answers above 1 KB (export.json here) go out gzipped to a client that accepts it,
 * and unchanged to one that does not.
 */
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { createBoard } from '../testing/api-client.ts'
import { rawRequest, type RawResponse } from '../testing/raw-request.ts'
import { serverForFile } from '../testing/server-for-file.ts'

const server = serverForFile()

function raw(pathname: string, headers: Record<string, string>): Promise<RawResponse> {
  return rawRequest(new URL(pathname, server.url), headers)
}

describe('compressed API answers', () => {
  it('gzips a board export for a client that accepts gzip, byte for byte the same once unpacked', async () => {
    const board = await createBoard(server.url, { title: 'Casus Noord', template: 'casusreconstructie' })
    const auth = { authorization: `Bearer ${board.tokens.viewer}` }
    {
      const pathname = `/api/boards/${board.id}/export.json`
      const plain = await raw(pathname, auth)
      const packed = await raw(pathname, { ...auth, 'accept-encoding': 'gzip, deflate, br' })
      expect(plain.status).toBe(200)
      expect(plain.headers['content-encoding']).toBeUndefined()
      expect(plain.body.length).toBeGreaterThan(1024)
      expect(packed.status).toBe(200)
      expect(packed.headers['content-encoding']).toBe('gzip')
      expect(packed.headers['vary']).toMatch(/accept-encoding/i)
      expect(packed.body.length).toBeLessThan(plain.body.length / 2)
      expect(gunzipSync(packed.body).equals(plain.body)).toBe(true)
    }
  })
})
