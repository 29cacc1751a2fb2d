/**
 * Issue 9, items 10 and 11 on the HTTP side: board creation and heavy requests are rate limited
 * per client address (and per board), a fork needs ADMIN_TOKEN like create and import, the
 * image route keeps its own CSP, and only known host names are answered (DNS rebinding).
 */
import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import type { BoardListing, CreatedBoard, SnapshotInfo, TemplateSummary } from '../shared/api.ts'
import { createBoard } from './testing/api-client.ts'
import { serverForFile } from './testing/server-for-file.ts'

const open = serverForFile({
  BOARDS_PER_HOUR_PER_ADDRESS: '3',
  EXPENSIVE_REQUESTS_PER_MINUTE: '5',
  // Each test speaks from its own addresses (X-Forwarded-For's last hop), so budgets do not mix.
  TRUST_PROXY: 'true',
  ALLOWED_HOSTS: 'bord.example.nl',
})
const ADMIN = 'beheerder-geheim-123'
const guarded = serverForFile({ ADMIN_TOKEN: ADMIN, BOARDS_PER_HOUR_PER_ADDRESS: '3' })

let lastAddress = 0
const nextAddress = () => `198.51.100.${++lastAddress}`

function post(baseUrl: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
}

async function snapshotOf(baseUrl: string, board: CreatedBoard): Promise<SnapshotInfo> {
  const response = await post(baseUrl, `/api/boards/${board.id}/snapshots`, {}, { authorization: `Bearer ${board.tokens.editor}` })
  expect(response.status).toBe(201)
  return (await response.json()) as SnapshotInfo
}

async function exportOf(baseUrl: string, board: CreatedBoard): Promise<unknown> {
  return (await fetch(`${baseUrl}/api/boards/${board.id}/export.json`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })).json()
}

async function boardCount(): Promise<number> {
  const response = await fetch(`${guarded.url}/api/admin/boards`, { headers: { authorization: `Bearer ${ADMIN}` } })
  return ((await response.json()) as BoardListing[]).length
}

/** A raw request with a Host header of our choosing (fetch does not let us set one). */
function answerForHost(baseUrl: string, path: string, host: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const url = new URL(path, baseUrl)
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, headers: { ...headers, host } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.end()
  })
}

async function statusForHost(baseUrl: string, path: string, host: string, headers: Record<string, string> = {}): Promise<number> {
  return (await answerForHost(baseUrl, path, host, headers)).status
}

describe('board creation rate without ADMIN_TOKEN', () => {
  it('allows BOARDS_PER_HOUR_PER_ADDRESS new boards per address, counting create, import and fork, then 429 with Retry-After', async () => {
    const source = await createBoard(open.url, { title: 'Bron' }, { 'x-forwarded-for': nextAddress() })
    const snapshot = await snapshotOf(open.url, source)
    const file = await exportOf(open.url, source)

    const address = nextAddress()
    const from = { 'x-forwarded-for': address }
    expect((await post(open.url, '/api/boards', { title: 'Een' }, from)).status).toBe(201)
    expect((await post(open.url, '/api/boards/import', file, from)).status).toBe(201)
    const fork = await post(open.url, `/api/boards/${source.id}/snapshots/${snapshot.id}/fork`, {}, { ...from, authorization: `Bearer ${source.tokens.facilitator}` })
    expect(fork.status).toBe(201)

    for (const [path, body, extra] of [
      ['/api/boards', { title: 'Vier' }, {}],
      ['/api/boards/import', file, {}],
      [`/api/boards/${source.id}/snapshots/${snapshot.id}/fork`, {}, { authorization: `Bearer ${source.tokens.facilitator}` }],
    ] as const) {
      const refused = await post(open.url, path, body, { ...from, ...extra })
      expect(refused.status, path).toBe(429)
      expect(await refused.json()).toMatchObject({ code: 'rate_limited' })
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(60)
    }
    // Another address is not held back.
    expect((await post(open.url, '/api/boards', { title: 'Buurman' }, { 'x-forwarded-for': nextAddress() })).status).toBe(201)
  })

  it('does not limit the admin when ADMIN_TOKEN is set', async () => {
    for (let n = 0; n < 5; n++) await createBoard(guarded.url, { title: `Beheer ${n}` }, { authorization: `Bearer ${ADMIN}` })
  })

  it('warns once when requests come through a proxy that TRUST_PROXY does not trust (everyone would share one budget)', async () => {
    const board = await createBoard(guarded.url, { title: 'Achter proxy' }, { authorization: `Bearer ${ADMIN}` })
    const warnings = () => guarded.logs.filter((line) => line.includes('TRUST_PROXY is off'))
    expect(warnings()).toEqual([])
    for (let n = 0; n < 2; n++) {
      const response = await fetch(`${guarded.url}/api/boards/${board.id}/report.md`, { headers: { authorization: `Bearer ${board.tokens.viewer}`, 'x-forwarded-for': '203.0.113.9' } })
      expect(response.status).toBe(200)
    }
    // Each request logs a line after it is handled: once both are in, so is any warning they caused.
    const handled = () => guarded.logs.filter((line) => line.includes('"msg":"request"') && line.includes(`${board.id}/report.md`)).length
    await expect.poll(handled).toBe(2)
    expect(warnings()).toHaveLength(1)
    expect(JSON.parse(warnings()[0]!)).toMatchObject({ level: 'warn' })
  })
})

describe('heavy requests', () => {
  it('allows EXPENSIVE_REQUESTS_PER_MINUTE reports, exports, snapshots per address, then 429; other addresses go on', async () => {
    const first = await createBoard(open.url, { title: 'Druk' }, { 'x-forwarded-for': nextAddress() })
    const second = await createBoard(open.url, { title: 'Ook druk' }, { 'x-forwarded-for': nextAddress() })
    const address = nextAddress()
    const call = (board: CreatedBoard, path: string, method = 'GET', from = address) =>
      fetch(`${open.url}/api/boards/${board.id}${path}`, { method, headers: { authorization: `Bearer ${board.tokens.editor}`, 'x-forwarded-for': from } })
    // Spread over two boards, so only the address's budget runs out.
    const captured = await call(first, '/snapshots', 'POST')
    expect(captured.status).toBe(201)
    const { id } = (await captured.json()) as SnapshotInfo
    for (const [board, path] of [[first, '/report.md'], [first, `/snapshots/${id}`], [second, '/export.json'], [second, '/report.md']] as const) {
      expect((await call(board, path)).status, path).toBe(200)
    }
    const refused = await call(second, '/export.json')
    expect(refused.status).toBe(429)
    expect(await refused.json()).toMatchObject({ code: 'rate_limited' })
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    // Cheap reads are not counted; another address is not held back.
    expect((await call(second, '')).status).toBe(200)
    expect((await call(second, '/snapshots')).status).toBe(200)
    expect((await call(second, '/export.json', 'GET', nextAddress())).status).toBe(200)
  })

  it('also limits one board across addresses, so many addresses cannot pile work on it', async () => {
    const board = await createBoard(open.url, { title: 'Gewild' }, { 'x-forwarded-for': nextAddress() })
    const read = () =>
      fetch(`${open.url}/api/boards/${board.id}/report.md`, { headers: { authorization: `Bearer ${board.tokens.viewer}`, 'x-forwarded-for': nextAddress() } })
    const statuses: number[] = []
    for (let n = 0; n < 6; n++) statuses.push((await read()).status)
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
    // Strangers who only know the id do not spend the board's budget (nor get anything).
    const stranger = await fetch(`${open.url}/api/boards/${board.id}/report.md`, { headers: { authorization: 'Bearer geraden', 'x-forwarded-for': nextAddress() } })
    expect(stranger.status).toBe(401)
    const spared = await createBoard(open.url, { title: 'Bekend id' }, { 'x-forwarded-for': nextAddress() })
    for (let n = 0; n < 6; n++) {
      await fetch(`${open.url}/api/boards/${spared.id}/report.md`, { headers: { authorization: 'Bearer geraden', 'x-forwarded-for': nextAddress() } })
    }
    const member = await fetch(`${open.url}/api/boards/${spared.id}/report.md`, { headers: { authorization: `Bearer ${spared.tokens.viewer}`, 'x-forwarded-for': nextAddress() } })
    expect(member.status).toBe(200)
    const other = await createBoard(open.url, { title: 'Rustig' }, { 'x-forwarded-for': nextAddress() })
    const calm = await fetch(`${open.url}/api/boards/${other.id}/report.md`, { headers: { authorization: `Bearer ${other.tokens.viewer}`, 'x-forwarded-for': nextAddress() } })
    expect(calm.status).toBe(200)
  })
})

describe('fork with ADMIN_TOKEN set', () => {
  it('needs the admin token (X-Admin-Token) next to the facilitator token, like creating and importing', async () => {
    const board = await createBoard(guarded.url, { title: 'Bron' }, { authorization: `Bearer ${ADMIN}` })
    const snapshot = await snapshotOf(guarded.url, board)
    const fork = (headers: Record<string, string>) => post(guarded.url, `/api/boards/${board.id}/snapshots/${snapshot.id}/fork`, {}, { authorization: `Bearer ${board.tokens.facilitator}`, ...headers })
    const before = await boardCount()
    for (const headers of [{}, { 'x-admin-token': 'geraden' }] as Record<string, string>[]) {
      const refused = await fork(headers)
      expect(refused.status).toBe(401)
      expect(await refused.json()).toMatchObject({ code: 'admin_token_required' })
    }
    expect(await boardCount()).toBe(before)
    expect((await fork({ 'x-admin-token': ADMIN })).status).toBe(201)
    expect(await boardCount()).toBe(before + 1)
  })
})

describe('saved templates and the admin', () => {
  it('lists every saved template to the admin, and lets the admin delete any', async () => {
    const board = await createBoard(guarded.url, { title: 'Casus', template: 'casusreconstructie' }, { authorization: `Bearer ${ADMIN}` })
    const saved = (await (await post(guarded.url, '/api/templates', { boardId: board.id, title: 'Van de casus' }, { authorization: `Bearer ${board.tokens.facilitator}` })).json()) as TemplateSummary
    const asAdmin = async () => ((await (await fetch(`${guarded.url}/api/templates`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as TemplateSummary[]).map((t) => t.id)
    expect(await asAdmin()).toContain(saved.id)
    expect(((await (await fetch(`${guarded.url}/api/templates`)).json()) as TemplateSummary[]).map((t) => t.id)).not.toContain(saved.id)
    const deleted = await fetch(`${guarded.url}/api/templates/${saved.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${ADMIN}` } })
    expect(deleted.status).toBe(204)
    expect(await asAdmin()).not.toContain(saved.id)
  })
})

describe('response headers', () => {
  it('serves pasted images with their own CSP (nothing runs, sandboxed), not the app-wide one', async () => {
    const board = await createBoard(open.url, { title: 'Plaatje' }, { 'x-forwarded-for': nextAddress() })
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82])
    const uploaded = await fetch(`${open.url}/api/boards/${board.id}/assets`, { method: 'POST', headers: { authorization: `Bearer ${board.tokens.editor}` }, body: png })
    const { src } = (await uploaded.json()) as { src: string }
    const served = await fetch(`${open.url}${src}`)
    expect(served.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
    // Everything else keeps the app-wide policy.
    expect((await fetch(`${open.url}/healthz`)).headers.get('content-security-policy')).toContain("default-src 'self'")
  })
})

describe('host names (DNS rebinding)', () => {
  it('answers 421 bad_host to a name it does not know, over HTTP and on the websocket upgrade', async () => {
    const board = await createBoard(open.url, { title: 'Thuis' }, { 'x-forwarded-for': nextAddress() })
    const path = `/api/boards/${board.id}?token=${board.tokens.viewer}`
    const refused = await answerForHost(open.url, path, 'aanvaller.example:8080')
    expect(refused.status).toBe(421)
    expect(JSON.parse(refused.body)).toMatchObject({ code: 'bad_host' })
    // A page (no client to translate a code) says it in words.
    const page = await answerForHost(open.url, `/b/${board.id}`, 'aanvaller.example')
    expect(page).toMatchObject({ status: 421, body: expect.stringContaining('niet bereikbaar onder dit adres') })
    expect(await statusForHost(open.url, '/healthz', 'rebind.aanvaller.example')).toBe(421)
    const upgrade = { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' }
    expect(await statusForHost(open.url, `/sync/${board.id}?token=${board.tokens.viewer}`, 'aanvaller.example', upgrade)).toBe(421)

    const port = new URL(open.url).port
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'localhost:5173', `[::1]:${port}`, 'bord.example.nl', 'bord.example.nl:443']) {
      expect(await statusForHost(open.url, path, host), host).toBe(200)
    }
  })
})
