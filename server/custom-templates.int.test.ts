import type { TLShape } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import type { TemplateDetail, TemplateSummary } from '../shared/api.ts'
import type { StoredRecord } from '../shared/doc-layout.ts'
import { findTemplate } from '../templates/index.ts'
import { documentRecords } from './initial-document.ts'
import { createBoard } from './testing/api-client.ts'
import { serverForFile } from './testing/server-for-file.ts'
import { storedPlacesMentioning } from './testing/stored-data.ts'
import { SyncClient, testRecord } from './testing/sync-client.ts'

const server = serverForFile()

function saveTemplate(body: unknown, token?: string): Promise<Response> {
  return fetch(`${server.url}/api/templates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** Built-in templates, plus those saved from `board` when its facilitator token is shown. */
async function listTemplates(board?: { id: string; token: string }): Promise<TemplateSummary[]> {
  const response = board
    ? await fetch(`${server.url}/api/templates?board=${board.id}`, { headers: { authorization: `Bearer ${board.token}` } })
    : await fetch(`${server.url}/api/templates`)
  expect(response.status).toBe(200)
  return (await response.json()) as TemplateSummary[]
}

const BUILT_IN = ['leeg', 'casusreconstructie', 'bestuurlijke-dialoog', '7v-dialoog', 'stakeholderdialoog', 'gelijkwaardig-gesprek']

function deleteTemplate(id: string, token?: string): Promise<Response> {
  return fetch(`${server.url}/api/templates/${id}`, { method: 'DELETE', headers: token ? { authorization: `Bearer ${token}` } : {} })
}

async function structuredBoard(title: string) {
  const board = await createBoard(server.url, { title, template: 'casusreconstructie' })
  return { board, facilitator: { id: board.id, token: board.tokens.facilitator } }
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
    const listed = await listTemplates({ id: board.id, token: board.tokens.facilitator })
    expect(listed.map((t) => t.id)).toEqual([...BUILT_IN, saved.id, second.id])
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
    const before = await listTemplates({ id: board.id, token: board.tokens.facilitator })
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
    const { board, facilitator } = await structuredBoard('Blijvend')
    expect((await saveTemplate({ boardId: board.id, title: 'Na herstart' }, board.tokens.facilitator)).status).toBe(201)
    const before = await listTemplates(facilitator)
    expect(before.map((t) => t.title)).toContain('Na herstart')
    await server.restart('stop')
    expect(await listTemplates(facilitator)).toEqual(before)
  })
})

describe('saved templates belong to their board', () => {
  it('lists saved templates only to the facilitators of the board they came from; by id they stay usable', async () => {
    const { board, facilitator } = await structuredBoard('Bron')
    const other = await structuredBoard('Ander bord')
    const saved = (await (await saveTemplate({ boardId: board.id, title: 'Alleen van Bron' }, board.tokens.facilitator)).json()) as TemplateSummary

    // Anyone: only the built-in ones (before, every saved template on the server was listed).
    expect((await listTemplates()).map((t) => t.id)).toEqual(BUILT_IN)
    // Another board's facilitator: that board's own (none), not this one's.
    expect((await listTemplates(other.facilitator)).map((t) => t.id)).toEqual(BUILT_IN)
    expect((await listTemplates(facilitator)).map((t) => t.id)).toEqual([...BUILT_IN, saved.id])
    // Lower roles and wrong tokens do not list them.
    const asEditor = await fetch(`${server.url}/api/templates?board=${board.id}`, { headers: { authorization: `Bearer ${board.tokens.editor}` } })
    expect(asEditor.status).toBe(403)
    const wrong = await fetch(`${server.url}/api/templates?board=${board.id}`, { headers: { authorization: `Bearer ${other.board.tokens.facilitator}` } })
    expect(wrong.status).toBe(401)
    // The id is a capability: a board can be made from it, and its detail read.
    expect((await fetch(`${server.url}/api/templates/${saved.id}`)).status).toBe(200)
    expect((await createBoard(server.url, { title: 'Uit sjabloon', template: saved.id })).template).toBe(saved.id)
  })

  it('deletes a saved template for the facilitator of its board only (204, then 404)', async () => {
    const { board, facilitator } = await structuredBoard('Opruimen')
    const other = await structuredBoard('Buurman')
    const saved = (await (await saveTemplate({ boardId: board.id, title: 'Weg ermee' }, board.tokens.facilitator)).json()) as TemplateSummary

    expect((await deleteTemplate(saved.id)).status).toBe(401)
    expect((await deleteTemplate(saved.id, board.tokens.editor)).status).toBe(403)
    expect((await deleteTemplate(saved.id, other.board.tokens.facilitator)).status).toBe(401)
    expect((await listTemplates(facilitator)).map((t) => t.id)).toContain(saved.id)

    expect((await deleteTemplate(saved.id, board.tokens.facilitator)).status).toBe(204)
    expect((await listTemplates(facilitator)).map((t) => t.id)).toEqual(BUILT_IN)
    expect((await fetch(`${server.url}/api/templates/${saved.id}`)).status).toBe(404)
    expect((await deleteTemplate(saved.id, board.tokens.facilitator)).status).toBe(404)
    expect((await deleteTemplate('casusreconstructie', board.tokens.facilitator)).status).toBe(404)
  })

  it('goes with its board when the board is deleted, unless it was kept on purpose', async () => {
    const { board } = await structuredBoard('Tijdelijk')
    const gone = (await (await saveTemplate({ boardId: board.id, title: 'Gaat mee' }, board.tokens.facilitator)).json()) as TemplateSummary
    const kept = (await (await saveTemplate({ boardId: board.id, title: 'Blijft', keep: true }, board.tokens.facilitator)).json()) as TemplateSummary
    expect((await storedPlacesMentioning(server, board.id)).length).toBeGreaterThan(0)
    const deleted = await fetch(`${server.url}/api/boards/${board.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${board.tokens.facilitator}` } })
    expect(deleted.status).toBe(204)

    expect((await fetch(`${server.url}/api/templates/${gone.id}`)).status).toBe(404)
    expect((await fetch(`${server.url}/api/templates/${kept.id}`)).status).toBe(200)
    // No trace of the deleted board: the kept template no longer names it.
    expect(await storedPlacesMentioning(server, board.id)).toEqual([])
  })
})
