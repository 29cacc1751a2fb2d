import { describe, expect, it } from 'vitest'
import type { BoardForRole, CreatedBoard } from '../shared/api.ts'
import { createBoard } from './testing/api-client.ts'
import { serverForFile } from './testing/server-for-file.ts'
import { storedBytes } from './testing/stored-data.ts'
import { removeDir, startServerProcess } from './testing/server-process.ts'

const server = serverForFile({ PUBLIC_URL: 'https://dialoog.example.nl' })

function call(path: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  if (init.token) headers.set('authorization', `Bearer ${init.token}`)
  if (init.body) headers.set('content-type', 'application/json')
  return fetch(`${server.url}${path}`, { ...init, headers })
}

describe('HTTP API', () => {
  it('answers health checks and lists templates', async () => {
    expect(await (await call('/healthz')).json()).toEqual({ ok: true })
    const templates = (await (await call('/api/templates')).json()) as { id: string }[]
    expect(templates.map((t) => t.id)).toContain('leeg')
  })

  it('creates a board with three distinct tokens and share links on PUBLIC_URL', async () => {
    const board = await createBoard(server.url, { title: '  Casus Zuid  ', anonymous: true })
    expect(board).toMatchObject({ title: 'Casus Zuid', template: 'leeg', anonymous: true })
    expect(new Set(Object.values(board.tokens)).size).toBe(3)
    for (const token of Object.values(board.tokens)) expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16)
    expect(board.urls.editor).toBe(`https://dialoog.example.nl/b/${board.id}?token=${board.tokens.editor}`)
    expect(Date.parse(board.createdAt)).not.toBeNaN()
  })

  it('never stores a token in the clear', async () => {
    const board = await createBoard(server.url)
    const stored = await storedBytes(server)
    expect(stored.length).toBeGreaterThan(0)
    for (const token of Object.values(board.tokens)) {
      expect(stored.some(({ bytes }) => bytes.includes(Buffer.from(token)))).toBe(false)
    }
  })

  it('tells each token its role and refuses the rest', async () => {
    const board = await createBoard(server.url)
    for (const role of ['facilitator', 'editor', 'viewer'] as const) {
      const answer = (await (await call(`/api/boards/${board.id}`, { token: board.tokens[role] })).json()) as BoardForRole
      expect(answer.role).toBe(role)
    }
    const viaQuery = await call(`/api/boards/${board.id}?token=${board.tokens.viewer}`)
    expect(viaQuery.status).toBe(200)
    expect((await call(`/api/boards/${board.id}`)).status).toBe(401)
    expect((await call(`/api/boards/${board.id}`, { token: 'nope' })).status).toBe(401)
    const missing = await call('/api/boards/DoesNotExist1', { token: board.tokens.viewer })
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ error: 'board not found', code: 'board_not_found' })
  })

  it('lets only the facilitator change a board', async () => {
    const board = await createBoard(server.url)
    const denied = await call(`/api/boards/${board.id}`, { method: 'PATCH', token: board.tokens.editor, body: JSON.stringify({ title: 'x' }) })
    expect(denied.status).toBe(403)
    const ok = await call(`/api/boards/${board.id}`, {
      method: 'PATCH',
      token: board.tokens.facilitator,
      body: JSON.stringify({ title: 'Nieuwe titel', anonymous: true }),
    })
    expect(ok.status).toBe(200)
    expect(await ok.json()).toMatchObject({ title: 'Nieuwe titel', anonymous: true })
    const after = (await (await call(`/api/boards/${board.id}`, { token: board.tokens.viewer })).json()) as BoardForRole
    expect(after.title).toBe('Nieuwe titel')
  })

  it('rejects bad input with a readable 400 and changes nothing', async () => {
    const board = await createBoard(server.url)
    const cases: [string, string, string | undefined][] = [
      ['POST', '/api/boards', '{"title":'],
      ['POST', '/api/boards', JSON.stringify({ title: '' })],
      ['POST', '/api/boards', JSON.stringify({ title: 'x'.repeat(201) })],
      ['POST', '/api/boards', JSON.stringify({ title: 'ok', template: 'bestaat-niet' })],
      ['POST', '/api/boards', JSON.stringify({ title: 'ok', extra: 1 })],
      ['POST', '/api/boards', JSON.stringify(['title'])],
      ['PATCH', `/api/boards/${board.id}`, JSON.stringify({ title: 42 })],
      ['PATCH', `/api/boards/${board.id}`, JSON.stringify({})],
    ]
    for (const [method, path, body] of cases) {
      const response = await call(path, { method, body, token: board.tokens.facilitator })
      expect(response.status, `${method} ${path} ${body}`).toBe(400)
      const answer = (await response.json()) as { error: string }
      expect(answer.error.length).toBeGreaterThan(5)
    }
    const after = (await (await call(`/api/boards/${board.id}`, { token: board.tokens.viewer })).json()) as BoardForRole
    expect(after.title).toBe('Testbord')
  })

  it('answers unknown API routes with a JSON 404', async () => {
    const response = await call('/api/nope')
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ error: 'no such API route', code: 'not_found' })
  })

  it('sends strict security headers', async () => {
    const response = await call('/healthz')
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('keeps tokens out of the logs', async () => {
    const board: CreatedBoard = await createBoard(server.url)
    await call(`/api/boards/${board.id}?token=${board.tokens.viewer}`)
    const logs = server.logs.join('\n')
    for (const token of Object.values(board.tokens)) expect(logs).not.toContain(token)
    expect(server.logs.every((line) => line.trim() === '' || JSON.parse(line))).toBe(true)
  })
})

describe('ADMIN_TOKEN', () => {
  it('guards board creation when set', async () => {
    const guarded = await startServerProcess({ env: { ADMIN_TOKEN: 'geheim-admin-token' } })
    try {
      const refused = await fetch(`${guarded.url}/api/boards`, { method: 'POST', body: JSON.stringify({ title: 'x' }) })
      expect(refused.status).toBe(401)
      const board = await createBoard(guarded.url, { title: 'x' }, { authorization: 'Bearer geheim-admin-token' })
      expect(board.id).toBeTruthy()
    } finally {
      await guarded.stop()
      removeDir(guarded.dataDir)
    }
  })
})
