/**
 * `npm run dev`: Vite serves the client's modules and proxies API and websocket traffic to the
 * Node server. client/api/ and client/sync/ share their first path segment with the server's
 * routes, so the proxy must leave module requests to Vite (it once sent /api/client.ts to the
 * server, and the dev page stayed blank).
 */
import { once } from 'node:events'
import { createServer as createHttpServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type ViteDevServer } from 'vite'

let standIn: Server
let vite: ViteDevServer
let base = ''

beforeAll(async () => {
  // Stands in for the Node server: says who answered.
  standIn = createHttpServer((_req, res) => res.end('node server'))
  standIn.listen(0, '127.0.0.1')
  await once(standIn, 'listening')
  process.env.PORT = String((standIn.address() as AddressInfo).port) // read by vite.config.ts
  vite = await createServer({ configFile: 'vite.config.ts', logLevel: 'silent', server: { port: 0, host: '127.0.0.1' }, optimizeDeps: { noDiscovery: true } })
  await vite.listen()
  base = `http://127.0.0.1:${(vite.httpServer!.address() as AddressInfo).port}`
})

afterAll(async () => {
  await vite?.close()
  standIn?.close()
  delete process.env.PORT
})

async function get(path: string): Promise<{ status: number; body: string }> {
  const response = await fetch(base + path)
  return { status: response.status, body: await response.text() }
}

describe('the dev server', () => {
  it('serves the client modules whose paths start like server routes', async () => {
    for (const path of ['/api/client.ts', '/sync/binding.ts', '/sync/connection.ts?t=1']) {
      const { status, body } = await get(path)
      expect(status, path).toBe(200)
      expect(body, path).toContain('export')
    }
  })

  it('sends API, health and sync requests to the Node server', async () => {
    for (const path of ['/api/boards', '/api/boards/abc/snapshots', '/healthz', '/sync/abc']) {
      expect((await get(path)).body, path).toBe('node server')
    }
  })
})
