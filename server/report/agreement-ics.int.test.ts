/**
 * The calendar file of one agreement (GET /api/boards/:id/agreements/:cardId/event.ics) against the
 * real server, parsed back; and followup.ics for a follow-up card dated the way the card panel
 * writes it ("15 maart 2027", not only 2027-03-15).
 */
import { afterAll, describe, expect, it } from 'vitest'
import type { StoredRecord } from '../../shared/doc-layout.ts'
import { createBoard } from '../testing/api-client.ts'
import { serverForFile } from '../testing/server-for-file.ts'
import { SyncClient, testRecord } from '../testing/sync-client.ts'
import { inZone } from '../testing/template-zones.ts'

const server = serverForFile()
const clients: SyncClient[] = []
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()))
})

async function get(path: string, token: string): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } })
}

/** The calendar's lines unfolded (RFC 5545 §3.1), as a calendar reads them. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n')
const property = (lines: string[], name: string) => lines.find((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`))

async function board() {
  const made = await createBoard(server.url, { title: 'Casus West', template: 'casusreconstructie' })
  const client = await SyncClient.connect(server.url, made.id, made.tokens.editor)
  clients.push(client)
  return { made, client }
}

const metaOf = (record: StoredRecord) => (record.meta ?? {}) as Record<string, unknown>

/** The template's follow-up card with `text` and these `meta` fields, as the card panel writes them. */
function setFollowUp(client: SyncClient, text: string, meta: Record<string, unknown>): void {
  const [id, { val: card }] = [...client.records.map.entries()].find(([, entry]) => metaOf(entry.val).kind === 'vervolgafspraak')!
  const props = { ...(card.props as Record<string, unknown>), richText: (testRecord('x', { text }).props as { richText: unknown }).richText }
  client.records.set(id, { ...card, props, meta: { ...metaOf(card), ...meta } })
}

describe('an agreement’s event.ics', () => {
  it('is an all-day event on the day its Wanneer names, with the agreement as summary and a UID stable per card', async () => {
    const { made, client } = await board()
    client.records.set('shape:evaluatie', testRecord('evaluatie', { ...inZone('afspraken', 700, 900), text: 'Wat: Evaluatie plannen, met iedereen\nWie: Anna; Bram\nWanneer: 15 maart 2027\nHoe: Teams' }))
    await client.roundTrip()

    const path = `/api/boards/${made.id}/agreements/${encodeURIComponent('shape:evaluatie')}/event.ics`
    const first = await get(path, made.tokens.viewer)
    expect(first.status).toBe(200)
    expect(first.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    expect(first.headers.get('content-disposition')).toMatch(/^attachment; filename="[\x20-\x7e]+\.ics"/)
    const lines = unfold(await first.text())
    expect(lines[0]).toBe('BEGIN:VCALENDAR')
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1)
    expect(property(lines, 'DTSTART')).toBe('DTSTART;VALUE=DATE:20270315')
    expect(property(lines, 'DTEND')).toBe('DTEND;VALUE=DATE:20270316')
    expect(property(lines, 'SUMMARY')).toBe('SUMMARY:Afspraak: Evaluatie plannen\\, met iedereen')
    expect(property(lines, 'DESCRIPTION')).toBe('DESCRIPTION:Wat: Evaluatie plannen\\, met iedereen\\nWie: Anna\\; Bram\\nWanneer: 15 maart 2027\\nHoe: Teams\\nBord: Casus West')
    const uid = property(lines, 'UID')
    expect(uid).toBe(`UID:${made.id}-evaluatie@dialoogbord`)

    // The day moves: the same UID, so a calendar updates the event instead of adding one.
    const record = client.records.get('shape:evaluatie')!
    client.records.set('shape:evaluatie', { ...testRecord('evaluatie', { ...inZone('afspraken', 700, 900), text: 'Wat: Evaluatie plannen, met iedereen\nWanneer: 1-4-2027' }), index: record.index })
    await client.roundTrip()
    const second = unfold(await (await get(path, made.tokens.viewer)).text())
    expect(property(second, 'UID')).toBe(uid)
    expect(property(second, 'DTSTART')).toBe('DTSTART;VALUE=DATE:20270401')
  })

  it('is 404 no_agreement_date for an agreement without a day, a card that is no agreement, and a card that is not there', async () => {
    const { made, client } = await board()
    client.records.set('shape:wekelijks', testRecord('wekelijks', { ...inZone('afspraken', 700, 900), text: 'Wat: Signalen delen\nWanneer: elke week' }))
    client.records.set('shape:les', testRecord('les', { ...inZone('lessen', 100, 300), text: 'Eerder bellen op 15 maart 2027' }))
    await client.roundTrip()
    for (const id of ['shape:wekelijks', 'shape:les', 'shape:bestaat-niet']) {
      const response = await get(`/api/boards/${made.id}/agreements/${encodeURIComponent(id)}/event.ics`, made.tokens.viewer)
      expect(response.status, id).toBe(404)
      expect(((await response.json()) as { code: string }).code, id).toBe('no_agreement_date')
    }
    // The harvest model says the same: which rows have a day (and so a calendar file).
    const model = (await (await get(`/api/boards/${made.id}/harvest.json`, made.tokens.viewer)).json()) as { sections: { kind: string; rows?: { id: string; date: string | null }[] }[] }
    const rows = model.sections.flatMap((section) => section.rows ?? [])
    expect(rows.find((row) => row.id === 'shape:wekelijks')).toMatchObject({ date: null })
  })
})

describe('followup.ics', () => {
  it('takes the follow-up card’s day as the card panel writes it (Wanneer line and meta.date "15 maart 2027")', async () => {
    const { made, client } = await board()
    setFollowUp(client, 'Wat: terugblikken op de casus\nWie: Anna\nWanneer: 15 maart 2027\nHoe: stadhuis', { wanneer: '15 maart 2027', date: '15 maart 2027' })
    await client.roundTrip()

    const response = await get(`/api/boards/${made.id}/followup.ics`, made.tokens.viewer)
    expect(response.status).toBe(200)
    expect(unfold(await response.text())).toContain('DTSTART;VALUE=DATE:20270315')
  })

  it('falls on a YYYY-MM-DD meta.date even when the Wanneer line names another day (CONTRACT), and so does an agreement', async () => {
    const { made, client } = await board()
    setFollowUp(client, 'Wat: terugblikken\nWanneer: uiterlijk 1-4-2027', { date: '2027-03-15' })
    const agreement = testRecord('evaluatie', { ...inZone('afspraken', 700, 900), text: 'Wat: Evaluatie\nWanneer: uiterlijk 1-4-2027' })
    client.records.set('shape:evaluatie', { ...agreement, meta: { date: '2027-03-15' } })
    await client.roundTrip()

    const followUp = await get(`/api/boards/${made.id}/followup.ics`, made.tokens.viewer)
    expect(followUp.status).toBe(200)
    expect(unfold(await followUp.text())).toContain('DTSTART;VALUE=DATE:20270315')
    const event = await get(`/api/boards/${made.id}/agreements/${encodeURIComponent('shape:evaluatie')}/event.ics`, made.tokens.viewer)
    expect(event.status).toBe(200)
    expect(unfold(await event.text())).toContain('DTSTART;VALUE=DATE:20270315')
  })
})
