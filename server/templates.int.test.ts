import { afterAll, describe, expect, it } from 'vitest'
import type { StoredRecord } from '../shared/doc-layout.ts'
import { findTemplate } from '../templates/index.ts'
import { documentRecords } from './initial-document.ts'
import { createBoard } from './testing/api-client.ts'
import { serverForFile } from './testing/server-for-file.ts'
import { SyncClient, testRecord } from './testing/sync-client.ts'
import { inZone } from './testing/template-zones.ts'

const CONTRACT_IDS = ['casusreconstructie', 'bestuurlijke-dialoog', '7v-dialoog', 'stakeholderdialoog', 'gelijkwaardig-gesprek']

const server = serverForFile()
const clients: SyncClient[] = []

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()))
})

async function connect(boardId: string, token: string): Promise<SyncClient> {
  const client = await SyncClient.connect(server.url, boardId, token)
  clients.push(client)
  return client
}

function snapshot(client: SyncClient): Record<string, StoredRecord> {
  return Object.fromEntries([...client.records.map.entries()].map(([key, { val }]) => [key, val]))
}

/** Page position of a point relative to a zone frame of the template. */
describe('templates over HTTP and sync', () => {
  it('lists the five contract templates after leeg', async () => {
    const templates = (await (await fetch(`${server.url}/api/templates`)).json()) as { id: string; title: string; description: string }[]
    expect(templates.map((t) => t.id)).toEqual(['leeg', ...CONTRACT_IDS])
  })

  it('makes a 7V board anonymous unless its creator says otherwise, as its method promises; other templates named', async () => {
    const templates = (await (await fetch(`${server.url}/api/templates`)).json()) as { id: string; anonymous?: boolean }[]
    expect(templates.filter((t) => t.anonymous).map((t) => t.id)).toEqual(['7v-dialoog'])
    expect(await createBoard(server.url, { title: '7V', template: '7v-dialoog' })).toMatchObject({ anonymous: true })
    expect(await createBoard(server.url, { title: '7V met namen', template: '7v-dialoog', anonymous: false })).toMatchObject({ anonymous: false })
    const created = await createBoard(server.url, { title: 'Casus', template: 'casusreconstructie' })
    expect(created).toMatchObject({ anonymous: false })
    // The board itself, as any link holder reads it, is anonymous from the start.
    const board = await createBoard(server.url, { title: '7V', template: '7v-dialoog' })
    const read = await fetch(`${server.url}/api/boards/${board.id}`, { headers: { authorization: `Bearer ${board.tokens.editor}` } })
    expect(await read.json()).toMatchObject({ anonymous: true })
  })

  it.each(CONTRACT_IDS)('creates a %s board that two clients see identically', async (templateId) => {
    const board = await createBoard(server.url, { title: `Bord ${templateId}`, template: templateId })
    expect(board.template).toBe(templateId)
    const [a, b] = await Promise.all([connect(board.id, board.tokens.editor), connect(board.id, board.tokens.viewer)])
    const seenByA = snapshot(a)
    expect(seenByA).toEqual(snapshot(b))
    const expected = documentRecords(findTemplate(templateId)!)
    expect(Object.keys(seenByA).sort()).toEqual(expected.map((r) => r.id).sort())
    const frames = Object.values(seenByA).filter((r) => r.type === 'frame')
    expect(frames.length).toBeGreaterThan(0)
    for (const frame of frames) expect(typeof (frame.meta as { zone?: unknown }).zone).toBe('string')
    await Promise.all([a.close(), b.close()])
  })
})

describe('GET /api/boards/:id/report.md', () => {
  it('lists the notes a client added, per zone and in the contract order', async () => {
    const board = await createBoard(server.url, { title: 'Casus Zuid: wijkaanpak', template: 'casusreconstructie' })
    const client = await connect(board.id, board.tokens.editor)
    const note = (id: string, zone: string, x: number, y: number, text: string, meta: Record<string, unknown> = {}) => {
      const record = testRecord(id, { ...inZone(zone, x, y, 'casusreconstructie'), text })
      client.records.set(record.id, { ...record, meta })
    }
    note('m2', 'tijdlijn', 2600, 300, 'Overleg met de corporatie', { date: '1 mei 2023' })
    note('m1', 'tijdlijn', 400, 300, 'Melding bij het wijkteam', { date: '3 maart 2023' })
    note('d1', 'tijdlijn', 420, 800, 'Niemand voelde zich eigenaar')
    note('l2', 'lessen', 500, 420, 'Deel signalen eerder')
    note('l1', 'lessen', 100, 400, 'Eén regisseur per casus')
    note('l3', 'lessen', 100, 700, 'Evalueer na drie maanden')
    note('a1', 'afspraken', 60, 200, 'Wat: Casusoverleg\nWie: Gemeente\nWanneer: elke maand\nHoe: Teams')
    await client.roundTrip()

    const response = await fetch(`${server.url}/api/boards/${board.id}/report.md`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="casus-zuid-wijkaanpak-oogst.md"')
    const md = await response.text()
    expect(md.startsWith('# Casus Zuid: wijkaanpak\n')).toBe(true)
    const after = (heading: string) => md.slice(md.indexOf(`## ${heading}\n`)).split('\n## ')[0]!
    expect(after('2 Tijdlijn')).toBe(
      '## 2 Tijdlijn\n\n1. **3 maart 2023**: Melding bij het wijkteam\n    - Niemand voelde zich eigenaar\n2. **1 mei 2023**: Overleg met de corporatie\n',
    )
    expect(after('4 Lessen en vervolgstappen')).toBe('## 4 Lessen en vervolgstappen\n\n- Eén regisseur per casus\n- Deel signalen eerder\n- Evalueer na drie maanden\n')
    expect(after('5 Werkafspraken en vervolg')).toContain('| Gemeente | Casusoverleg | elke maand | Teams |')
    expect(md.indexOf('## 1 Introductie')).toBeLessThan(md.indexOf('## 2 Tijdlijn'))
    expect(md.indexOf('## 3 Reflectie')).toBeLessThan(md.indexOf('## 4 Lessen'))
    expect(md).not.toContain('Buiten de onderdelen')
  })

  it('says what the cards say: an agreement line typed over a value the panel had set, a typed date line on a moment', async () => {
    const board = await createBoard(server.url, { title: 'Casus Noord', template: 'casusreconstructie' })
    const client = await connect(board.id, board.tokens.editor)
    const note = (id: string, zone: string, x: number, y: number, text: string, meta: Record<string, unknown> = {}) => {
      const record = testRecord(id, { ...inZone(zone, x, y, 'casusreconstructie'), text })
      client.records.set(record.id, { ...record, meta })
    }
    // The panel had written Wie and Wanneer to meta (and the lines); then someone retyped the lines on the card.
    note('a1', 'afspraken', 60, 200, 'Wat: Casusoverleg\nWie: Wijkteam\nWanneer: elke week\nHoe: Teams', { kind: 'afspraak', wie: 'Gemeente', wanneer: 'elke maand' })
    note('m1', 'tijdlijn', 400, 300, 'Date: 4 May 2023\nHuisbezoek', { kind: 'moment', date: '' })
    await client.roundTrip()
    const md = await (await fetch(`${server.url}/api/boards/${board.id}/report.md`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })).text()
    expect(md).toContain('| Wijkteam | Casusoverleg | elke week | Teams |')
    expect(md).not.toContain('Gemeente')
    expect(md).toContain('1. **4 May 2023**: Huisbezoek')
  })

  it('reads a board whose room is not loaded, and refuses a missing token', async () => {
    const board = await createBoard(server.url, { title: 'Leeg bord' })
    const ok = await fetch(`${server.url}/api/boards/${board.id}/report.md?token=${board.tokens.viewer}`)
    expect(ok.status).toBe(200)
    expect(await ok.text()).toMatch(/^# Leeg bord\n\nDatum: .+\n\nOogst gemaakt op .+\n\n## Bord\n\n_Nog niets ingevuld._\n$/)
    const denied = await fetch(`${server.url}/api/boards/${board.id}/report.md`)
    expect(denied.status).toBe(401)
    expect(await denied.json()).toEqual({ error: 'missing or invalid token', code: 'invalid_token' })
    expect((await fetch(`${server.url}/api/boards/${board.id}/report.md`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401)
    expect((await fetch(`${server.url}/api/boards/DoesNotExist1/report.md?token=${board.tokens.viewer}`)).status).toBe(404)
  })
})
