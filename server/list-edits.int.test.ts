/**
 * The list view's writes (client/list/list-edits.ts) on a store bound to a board's Y.Doc, synced
 * to the real server: accepted from an editor like canvas edits, dropped from a viewer, refused
 * for a locked card; and the harvest (harvest.json, report.md) shows what was made there, in the
 * list's order (new moments by date on the timeline, a moved card among the red threads).
 */
import { CardEditError, addCard, moveToPart, setAgreementField, setDate } from '../client/list/list-edits.ts'
import { bindStoreToDoc } from '../client/sync/binding.ts'
import type { TLShape, TLShapeId, TLStore } from '@tldraw/tlschema'
import { createTLStore, defaultBindingUtils, defaultShapeUtils } from 'tldraw'
import WebSocket from 'ws'
import { afterAll, describe, expect, it } from 'vitest'
import type { HarvestRecord } from '../shared/board-geometry.ts'
import { buildOutline } from '../shared/board-outline.ts'
import type { HarvestModel, HarvestSection } from '../shared/harvest-model.ts'
import { CloseCode } from '../shared/protocol.ts'
import { createBoard } from './testing/api-client.ts'
import { serverForFile } from './testing/server-for-file.ts'
import { SyncClient } from './testing/sync-client.ts'

const server = serverForFile()
const cleanups: Array<() => Promise<void> | void> = []
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

/** A participant on the list page: a raw sync client with a tldraw store bound to its doc. */
async function listClient(boardId: string, token: string, options: { readonly?: boolean } = {}): Promise<{ client: SyncClient; store: TLStore }> {
  const client = await SyncClient.connect(server.url, boardId, token)
  const store = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
  const binding = bindStoreToDoc(store, client.doc, options)
  cleanups.push(() => binding.dispose(), () => client.close())
  return { client, store }
}

/** Writes what the store holds to the doc, and waits until the server stored it. */
async function flushed(store: TLStore, client: SyncClient): Promise<void> {
  store._flushHistory()
  await client.stored()
}

async function newcomerRecords(boardId: string, token: string): Promise<Map<string, unknown>> {
  const look = await SyncClient.connect(server.url, boardId, token)
  const records = new Map([...look.records.map.values()].map((entry) => [entry.val.id, entry.val as unknown]))
  await look.close()
  return records
}

const get = (path: string, token: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } })

function section<K extends HarvestSection['kind']>(model: HarvestModel, zone: string, kind: K): Extract<HarvestSection, { kind: K }> {
  const found = model.sections.find((s) => s.zone === zone)
  expect(found?.kind).toBe(kind)
  return found as Extract<HarvestSection, { kind: K }>
}

const outlineOf = (store: TLStore) => buildOutline({ records: store.allRecords() as readonly HarvestRecord[], templateId: 'casusreconstructie' })

describe('list edits on the real server', () => {
  it('are accepted from an editor, and the harvest shows new moments by date and a moved card among the red threads', async () => {
    const board = await createBoard(server.url, { title: 'Casus Lijst', template: 'casusreconstructie' })
    const { client, store } = await listClient(board.id, board.tokens.editor)
    const part = (zone: string) => outlineOf(store).find((p) => p.zone === zone)!

    const overleg = addCard(store, { part: part('tijdlijn'), date: '2024-03-01' }, 'Overleg met de wijkagent')
    const melding = addCard(store, { part: part('tijdlijn'), date: '2024-01-15' }, 'Eerste melding')
    const later = addCard(store, { part: part('tijdlijn') }, 'Dossier gesloten')
    setDate(store, later, '2024-06-30')
    addCard(store, { duidingOf: melding }, 'Niemand voelde zich eigenaar')
    const moved = addCard(store, { part: part('lessen') }, 'Informatie bleef hangen')
    moveToPart(store, moved, 'rode-draden')
    const agreement = part('afspraken').cards[0]!.id as TLShapeId
    setAgreementField(store, agreement, 'wat', 'Casusoverleg elke maand')
    setAgreementField(store, agreement, 'wie', 'Gemeente')
    await flushed(store, client)
    // Accepted: the socket is still open and a newcomer gets every card as the store has it.
    expect(client.socket.readyState).toBe(WebSocket.OPEN)
    const stored = await newcomerRecords(board.id, board.tokens.viewer)
    for (const id of [overleg, melding, later, moved, agreement]) expect(stored.get(id)).toEqual(store.get(id))

    const model = (await (await get(`/api/boards/${board.id}/harvest.json`, board.tokens.viewer)).json()) as HarvestModel
    expect(section(model, 'tijdlijn', 'timeline').moments).toEqual([
      { date: '2024-01-15', text: 'Eerste melding', dots: null, duidingen: [{ text: 'Niemand voelde zich eigenaar', dots: null }] },
      { date: '2024-03-01', text: 'Overleg met de wijkagent', dots: null, duidingen: [] },
      { date: '2024-06-30', text: 'Dossier gesloten', dots: null, duidingen: [] },
    ])
    expect(section(model, 'rode-draden', 'list').items).toEqual([{ text: 'Informatie bleef hangen', dots: null }])
    expect(section(model, 'lessen', 'list').items).toEqual([])
    // (After it, the template's follow-up card, which already says what.)
    expect(section(model, 'afspraken', 'agreements').rows[0]).toEqual({ id: agreement, date: null, wat: 'Casusoverleg elke maand', wie: 'Gemeente', wanneer: '', hoe: '', dots: null })
    const md = await (await get(`/api/boards/${board.id}/report.md`, board.tokens.viewer)).text()
    expect(md.indexOf('Eerste melding')).toBeGreaterThan(-1)
    expect(md.indexOf('Eerste melding')).toBeLessThan(md.indexOf('Overleg met de wijkagent'))
    expect(md.indexOf('Overleg met de wijkagent')).toBeLessThan(md.indexOf('Dossier gesloten'))
    expect(md).toContain('- Informatie bleef hangen\n')
  })

  it('are dropped from a viewer: nobody else ever gets them', async () => {
    const board = await createBoard(server.url, { title: 'Alleen kijken', template: 'casusreconstructie' })
    const { client, store } = await listClient(board.id, board.tokens.viewer)
    const id = addCard(store, { part: outlineOf(store).find((p) => p.zone === 'rode-draden')! }, 'Van een kijker')
    store._flushHistory()
    await client.roundTrip()
    expect((await newcomerRecords(board.id, board.tokens.editor)).has(id)).toBe(false)
  })

  it('refuse a locked card, and the server refuses a forced change to it', async () => {
    const board = await createBoard(server.url, { title: 'Vast', template: 'casusreconstructie' })
    const { client, store } = await listClient(board.id, board.tokens.editor)
    const id = addCard(store, { part: outlineOf(store).find((p) => p.zone === 'lessen')! }, 'Vastgezette les')
    await flushed(store, client)
    // The facilitator locks it (on the canvas: Lock).
    const facilitator = await SyncClient.connect(server.url, board.id, board.tokens.facilitator)
    cleanups.push(() => facilitator.close())
    await facilitator.waitFor((f) => f.records.has(id))
    facilitator.records.set(id, { ...facilitator.records.get(id)!, isLocked: true })
    await facilitator.stored()
    await client.waitFor((c) => c.records.get(id)?.isLocked === true)
    expect(outlineOf(store).find((p) => p.zone === 'lessen')!.cards).toMatchObject([{ id, locked: true }])

    expect(() => moveToPart(store, id, 'rode-draden')).toThrow(new CardEditError('locked'))
    const locked = store.get(id) as TLShape
    // Past the list's check, straight into the store: the server closes the socket, the card stays.
    store.put([{ ...locked, x: locked.x + 5000 }])
    store._flushHistory()
    expect((await client.closed).code).toBe(CloseCode.invalidContent)
    expect((await newcomerRecords(board.id, board.tokens.viewer)).get(id)).toMatchObject({ x: locked.x, isLocked: true })
  })
})
