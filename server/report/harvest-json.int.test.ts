/**
 * GET /api/boards/:id/harvest.json: the harvest model every role may read, following the board
 * (a card a client adds shows up in its zone, in the same order report.md lists it).
 */
import { afterAll, describe, expect, it } from 'vitest'
import type { HarvestModel } from '../../shared/harvest-model.ts'
import { createBoard } from '../testing/api-client.ts'
import { serverForFile } from '../testing/server-for-file.ts'
import { SyncClient, testRecord } from '../testing/sync-client.ts'
import { inZone } from '../testing/template-zones.ts'

const server = serverForFile()
/** A server that allows two whole-board reads a minute. */
const strict = serverForFile({ EXPENSIVE_REQUESTS_PER_MINUTE: '2' })
const clients: SyncClient[] = []

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()))
})

const get = (path: string, token?: string) => fetch(`${server.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {})

describe('harvest.json', () => {
  it('serves the harvest model to every role, up to date with the board and matching report.md', async () => {
    const board = await createBoard(server.url, { title: 'Casus <Zuid>', template: 'casusreconstructie' })
    const client = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    clients.push(client)
    const path = `/api/boards/${board.id}/harvest.json`

    const before = (await (await get(path, board.tokens.viewer)).json()) as HarvestModel
    expect(before.title).toBe('Casus <Zuid>')
    expect(before.template).toEqual({ id: 'casusreconstructie', title: 'Casusreconstructie' })
    expect(before.sections.map((section) => section.kind)).toEqual(['list', 'timeline', 'list', 'list', 'agreements'])
    expect(before.sections.find((section) => section.zone === 'rode-draden')).toMatchObject({ kind: 'list', items: [] })

    client.records.set('shape:r2', testRecord('r2', { ...inZone('rode-draden', 700, 300), text: '**Informatie** bleef hangen' }))
    client.records.set('shape:r1', testRecord('r1', { ...inZone('rode-draden', 100, 300), text: 'Niemand voelde zich eigenaar' }))
    await client.roundTrip()

    for (const token of [board.tokens.viewer, board.tokens.editor, board.tokens.facilitator]) {
      const response = await get(path, token)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^application\/json/)
      const model = (await response.json()) as HarvestModel
      // Plain text, as typed: the Markdown escaping is report.md's business.
      expect(model.sections.find((section) => section.zone === 'rode-draden')).toMatchObject({
        kind: 'list',
        items: [
          { text: 'Niemand voelde zich eigenaar', dots: null },
          { text: '**Informatie** bleef hangen', dots: null },
        ],
      })
      expect(Date.parse(model.generatedAt!)).toBeGreaterThan(0)
    }
    const md = await (await get(`/api/boards/${board.id}/report.md`, board.tokens.viewer)).text()
    expect(md).toContain('- Niemand voelde zich eigenaar\n- \\*\\*Informatie\\*\\* bleef hangen\n')

    expect((await get(path)).status).toBe(401)
    expect((await get(`/api/boards/nope/harvest.json`, board.tokens.viewer)).status).toBeGreaterThanOrEqual(400)
  })

  it('counts as a whole-board read: it shares the budget of report.md', async () => {
    const board = await createBoard(strict.url, { title: 'Druk' })
    const read = (path: string) => fetch(`${strict.url}/api/boards/${board.id}${path}`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })
    expect((await read('/harvest.json')).status).toBe(200)
    expect((await read('/report.md')).status).toBe(200)
    const refused = await read('/harvest.json')
    expect(refused.status).toBe(429)
    expect(await refused.json()).toMatchObject({ code: 'rate_limited' })
  })
})
