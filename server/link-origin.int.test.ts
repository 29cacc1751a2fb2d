/**
 * Share links use one origin (issue 10 bug 9): without PUBLIC_URL, every link a request makes,
 * and the origin the web app builds its own links from, is the origin that request came to.
 */
import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import type { ClientConfig, CreatedBoard } from '../shared/api.ts'
import { serverForFile } from './testing/server-for-file.ts'

const server = serverForFile({ HOST: '0.0.0.0' })

/** A request to the server addressed to `host` (as a browser that opened it under that name sends it). */
function call(host: string, method: string, path: string, body: unknown, token?: string): Promise<{ status: number; json: unknown }> {
  const { port } = new URL(server.url)
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, headers: { host: `${host}:${port}`, 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as unknown }))
      },
    )
    req.on('error', reject)
    req.end(body === undefined ? undefined : JSON.stringify(body))
  })
}

describe('link origin without PUBLIC_URL', () => {
  it('warns at start-up that links follow the address the server was opened with', () => {
    const warning = server.logs.find((line) => line.includes('PUBLIC_URL is not set'))
    expect(warning).toBeDefined()
    expect(JSON.parse(warning!)).toMatchObject({ level: 'warn' })
  })

  for (const host of ['localhost', '127.0.0.1']) {
    it(`builds every link on the origin of the request (${host})`, async () => {
      const origin = `http://${host}:${new URL(server.url).port}`
      const created = await call(host, 'POST', '/api/boards', { title: 'Eén oorsprong' })
      expect(created.status).toBe(201)
      const board = created.json as CreatedBoard
      expect(Object.values(board.urls).map((url) => new URL(url).origin)).toEqual([origin, origin, origin])

      const regenerated = await call(host, 'POST', `/api/boards/${board.id}/links/editor/regenerate`, undefined, board.tokens.facilitator)
      expect(new URL((regenerated.json as { url: string }).url).origin).toBe(origin)
      expect(((await call(host, 'GET', '/api/config', undefined)).json as ClientConfig).publicUrl).toBe(origin)
    })
  }
})
