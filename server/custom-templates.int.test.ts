import type { TLShape } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import type { TemplateDetail, TemplateSummary } from '../shared/api.ts'
import type { StoredRecord } from '../shared/doc-layout.ts'
import { findTemplate } from '../templates/index.ts'
import { documentRecords } from './initial-document.ts'
import { createBoard } from './testing/api-client.ts'
import { serverForFile } from './testing/server-for-file.ts'
import { SyncClient, testRecord } from './testing/sync-client.ts'

const server = serverForFile()

function saveTemplate(body: unknown, token?: string): Promise<Response> {
  return fetch(`${server.url}/api/templates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

async function listTemplates(): Promise<TemplateSummary[]> {
  return (await (await fetch(`${server.url}/api/templates`)).json()) as TemplateSummary[]
}

function records(client: SyncClient): StoredRecord[] {
  return [...client.records.map.values()].map(({ val }) => val)
}

const casusFrames = documentRecords(findTemplate('casusreconstructie')!).filter((r): r is TLShape => r.typeName === 'shape' && r.type === 'frame')

describe('save as template', () => {
  it('keeps a board’s structure, lists it after the built-in ones and makes boards from it without cards', async () => {
    const board = await createBoard(server.url, { title: 'Casus Noord', template: 'casusreconstructie' })
    const participant = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    const tijdlijn = casusFrames.find((frame) => frame.meta.zone === 'tijdlijn')!
    participant.records.set('shape:mine', testRecord('mine', { x: tijdlijn.x + 400, y: tijdlijn.y + 300, text: 'Melding bij het wijkteam' }))
    await participant.roundTrip()
    await participant.close()

    const response = await saveTemplate({ boardId: board.id, title: '  Casus, onze variant ', description: 'Met onze spelregels' }, board.tokens.facilitator)
    expect(response.status).toBe(201)
    const saved = (await response.json()) as TemplateSummary
    expect(saved).toMatchObject({ title: 'Casus, onze variant', description: 'Met onze spelregels' })
    expect(saved.id).toMatch(/^custom-[A-Za-z0-9_-]+$/)

    const second = (await (await saveTemplate({ boardId: board.id, title: 'Tweede' }, board.tokens.facilitator)).json()) as TemplateSummary
    expect(second.description).toBe('')
    const listed = await listTemplates()
    expect(listed.map((t) => t.id)).toEqual(['leeg', 'casusreconstructie', 'bestuurlijke-dialoog', '7v-dialoog', 'stakeholderdialoog', 'gelijkwaardig-gesprek', saved.id, second.id])
    expect(listed.at(-2)).toEqual({ id: saved.id, title: 'Casus, onze variant', description: 'Met onze spelregels', custom: true })

    const detail = (await (await fetch(`${server.url}/api/templates/${saved.id}`)).json()) as TemplateDetail
    expect(detail).toMatchObject({ id: saved.id, title: 'Casus, onze variant', custom: true })
    const detailFrames = detail.records.filter((r) => r.type === 'frame')
    expect(detailFrames.map((f) => f.id).sort()).toEqual(casusFrames.map((f) => f.id).sort())
    expect(detail.records.some((r) => r.type === 'note')).toBe(false)

    const fromTemplate = await createBoard(server.url, { title: 'Casus Zuid', template: saved.id })
    expect(fromTemplate.template).toBe(saved.id)
    const viewer = await SyncClient.connect(server.url, fromTemplate.id, fromTemplate.tokens.viewer)
    const content = records(viewer)
    await viewer.close()
    const shapes = content.filter((r) => r.typeName === 'shape')
    const zoneOrder = (meta: unknown) => (meta as { zoneOrder: number }).zoneOrder
    const frameMeta = shapes.filter((s) => s.type === 'frame').map((s) => s.meta).sort((a, b) => zoneOrder(a) - zoneOrder(b))
    expect(frameMeta).toEqual(casusFrames.map((f) => f.meta))
    for (const shape of shapes) {
      expect((shape.meta as { kind?: unknown }).kind, shape.id).toBeUndefined()
      expect(shape.isLocked, shape.id).toBe(true)
    }
    expect(shapes.some((s) => s.id === 'shape:mine')).toBe(false)
    const pages = content.filter((r) => r.typeName === 'page')
    expect(pages).toHaveLength(1)
    for (const shape of shapes.filter((s) => typeof s.parentId === 'string' && s.parentId.startsWith('page:'))) expect(shape.parentId).toBe(pages[0]!.id)

    // The harvest of the new board knows its template: its name and the zones in order.
    const report = await (await fetch(`${server.url}/api/boards/${fromTemplate.id}/report.md?token=${fromTemplate.tokens.viewer}`)).text()
    expect(report).toContain('Werkvorm: Casus, onze variant')
    const headings = report.split('\n').filter((line) => line.startsWith('## '))
    expect(headings).toEqual(casusFrames.map((f) => `## ${(f.props as { name: string }).name}`))
  })

  it('answers 401, 403 and 404 like the board routes, and 400 for bad bodies', async () => {
    const board = await createBoard(server.url, { title: 'Rollen', template: 'stakeholderdialoog' })
    const body = { boardId: board.id, title: 'Sjabloon' }
    const cases: [unknown, string | undefined, number][] = [
      [body, undefined, 401],
      [body, 'not-a-token', 401],
      [body, board.tokens.viewer, 403],
      [body, board.tokens.editor, 403],
      [{ ...body, boardId: 'DoesNotExist12' }, board.tokens.facilitator, 404],
      [{ ...body, title: '   ' }, board.tokens.facilitator, 400],
      [{ ...body, title: 'x'.repeat(201) }, board.tokens.facilitator, 400],
      [{ ...body, description: 'x'.repeat(501) }, board.tokens.facilitator, 400],
      [{ ...body, records: [] }, board.tokens.facilitator, 400],
      [{ title: 'Zonder bord' }, board.tokens.facilitator, 400],
      ['{not json', board.tokens.facilitator, 400],
    ]
    for (const [payload, token, status] of cases) {
      const response = await saveTemplate(payload, token)
      expect(response.status, JSON.stringify(payload).slice(0, 60)).toBe(status)
      expect(typeof ((await response.json()) as { error?: unknown }).error).toBe('string')
    }
    const before = await listTemplates()
    expect(before.some((t) => t.title === 'Sjabloon')).toBe(false)
  })

  it('refuses a board without frames or scaffolding, and unknown template ids', async () => {
    const board = await createBoard(server.url, { title: 'Leeg' })
    const response = await saveTemplate({ boardId: board.id, title: 'Niets' }, board.tokens.facilitator)
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: string }).error).toMatch(/no frames/)
    expect((await fetch(`${server.url}/api/templates/custom-doesnotexist`)).status).toBe(404)
    expect((await fetch(`${server.url}/api/templates/..%2Fboards`)).status).toBe(404)
    const create = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'X', template: 'custom-doesnotexist' }),
    })
    expect(create.status).toBe(400)
  })

  it('shows built-in templates in detail too, and keeps saved ones across a restart', async () => {
    const detail = (await (await fetch(`${server.url}/api/templates/casusreconstructie`)).json()) as TemplateDetail
    expect(detail.records.filter((r) => r.type === 'frame')).toHaveLength(casusFrames.length)
    const before = await listTemplates()
    await server.restart('stop')
    expect(await listTemplates()).toEqual(before)
  })
})
