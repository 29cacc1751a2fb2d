/**
 * The harvest of a dot vote over HTTP: nothing of an open vote's counts in report.md, and once the
 * facilitator closes it, the results in order in "Stemmingen" and next to each card.
 */
import { afterAll, describe, expect, it } from 'vitest'
import type { VoteJson } from '../../shared/api.ts'
import { createBoard } from '../testing/api-client.ts'
import { serverForFile } from '../testing/server-for-file.ts'
import { SyncClient, testRecord } from '../testing/sync-client.ts'
import { inZone } from '../testing/template-zones.ts'

const server = serverForFile()
const clients: SyncClient[] = []

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()))
})

const KEY_A = 'a'.repeat(43)
const KEY_B = 'b'.repeat(43)

async function api<T>(path: string, token: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  })
  return { status: response.status, body: (await response.json()) as T }
}

describe('report.md with a dot vote', () => {
  it('shows no counts while the vote is open, and the results in order (and next to each card) once it is closed', async () => {
    const board = await createBoard(server.url, { title: 'Casus', template: 'casusreconstructie' })
    const client = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    clients.push(client)
    const note = (id: string, x: number, y: number, text: string) => client.records.set(`shape:${id}`, testRecord(id, { ...inZone('rode-draden', x, y), text }))
    note('r1', 100, 300, 'Niemand voelde zich eigenaar')
    note('r2', 700, 300, 'Informatie bleef hangen')
    note('r3', 1300, 300, 'Te laat opgeschaald')
    await client.roundTrip()

    const opened = await api<VoteJson>(`/api/boards/${board.id}/votes`, board.tokens.facilitator, { method: 'POST', body: { perParticipant: 3, zone: 'rode-draden' } })
    expect(opened.status).toBe(201)
    const ballots = `/api/boards/${board.id}/votes/${opened.body.id}/ballots`
    const cast = (draftKey: string, shapeId: string) => api(ballots, board.tokens.editor, { method: 'POST', body: { draftKey, shapeId } })
    for (const [key, card] of [[KEY_A, 'r2'], [KEY_A, 'r2'], [KEY_A, 'r1'], [KEY_B, 'r2'], [KEY_B, 'r3']] as const) expect((await cast(key, `shape:${card}`)).status).toBe(201)

    const report = async () => (await fetch(`${server.url}/api/boards/${board.id}/report.md`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })).text()
    const whileOpen = await report()
    expect(whileOpen).not.toContain('●')
    expect(whileOpen).not.toContain('## Stemmingen')

    expect((await api(`/api/boards/${board.id}/votes/${opened.body.id}/close`, board.tokens.facilitator, { method: 'POST' })).status).toBe(200)
    const md = await report()
    const votes = md.slice(md.indexOf('## Stemmingen\n'))
    expect(votes).toMatch(/^## Stemmingen\n\n### Stemming, gesloten op .+\n\n3 stippen per deelnemer · Onderdeel: 3 Reflectie en rode draden · 2 deelnemers hebben gestemd\n\n/)
    const ranked = votes.split('\n').filter((line) => /^\d+\. /.test(line))
    expect(ranked[0]).toBe('1. Informatie bleef hangen (● 3)')
    expect(ranked).toHaveLength(3)
    // A tie: either order, numbered 2 and 3.
    expect(ranked.slice(1).map((line) => line.slice(3)).sort()).toEqual(['Niemand voelde zich eigenaar (● 1)', 'Te laat opgeschaald (● 1)'])
    const zone = md.slice(md.indexOf('## 3 Reflectie en rode draden\n')).split('\n## ')[0]!
    expect(zone).toContain('- Informatie bleef hangen (● 3)')
    expect(zone).toContain('- Niemand voelde zich eigenaar (● 1)')
  })
})
