/**
 * The harvest as documents over HTTP, against the real server: report.docx (its word/document.xml:
 * text, order, Heading1 styles), report.pdf (its text through pdftotext, its pages saved as PNGs
 * under test-results/reports/ to look at) and followup.ics (404 until the follow-up card has a
 * date, then one VEVENT parsed back from its lines).
 */
import type { TLShape } from '@tldraw/tlschema'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { StoredRecord } from '../../shared/doc-layout.ts'
import { findTemplate } from '../../templates/index.ts'
import { documentRecords } from '../initial-document.ts'
import { createBoard } from '../testing/api-client.ts'
import { serverForFile } from '../testing/server-for-file.ts'
import { SyncClient, testRecord } from '../testing/sync-client.ts'
import { docxParagraphs } from './docx-text.ts'

// A small budget for whole-board reads, per address (X-Forwarded-For with TRUST_PROXY), for the limit test.
const server = serverForFile({ EXPENSIVE_REQUESTS_PER_MINUTE: '4', TRUST_PROXY: 'true' })
const clients: SyncClient[] = []
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()))
})

const TITLE = 'Casus Zuid: één ĳzeren les'

function inZone(zone: string, x: number, y: number) {
  const frame = documentRecords(findTemplate('casusreconstructie')!).find((r): r is TLShape => r.typeName === 'shape' && r.type === 'frame' && r.meta.zone === zone)!
  return { x: frame.x + x, y: frame.y + y }
}

async function get(path: string, token: string): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } })
}

async function boardWithCards() {
  const board = await createBoard(server.url, { title: TITLE, template: 'casusreconstructie' })
  const client = await SyncClient.connect(server.url, board.id, board.tokens.editor)
  clients.push(client)
  client.records.set('shape:les1', testRecord('les1', { ...inZone('lessen', 100, 300), text: 'Eerder de wijkagent bellen' }))
  client.records.set('shape:draad1', testRecord('draad1', { ...inZone('rode-draden', 100, 300), text: 'Niemand voelde zich eigenaar' }))
  await client.roundTrip()
  return { board, client }
}

describe('report.docx and report.pdf', () => {
  it('read like minutes: title, date line and the sections as headings in template order', async () => {
    const { board } = await boardWithCards()
    const docx = await get(`/api/boards/${board.id}/report.docx`, board.tokens.viewer)
    expect(docx.status).toBe(200)
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(docx.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(`${TITLE}.docx`)}`)
    expect(docx.headers.get('content-disposition')).toMatch(/filename="[\x20-\x7e]+\.docx"/)
    const paragraphs = docxParagraphs(new Uint8Array(await docx.arrayBuffer()))
    expect(paragraphs[0]).toEqual(['Title', TITLE])
    expect(paragraphs[1]![1]).toMatch(/^Datum: .* · Werkvorm: /)
    const headings = paragraphs.filter(([style]) => style === 'Heading1').map(([, text]) => text)
    expect(headings).toEqual(['1 Introductie en spelregels', '2 Tijdlijn', '3 Reflectie en rode draden', '4 Lessen en vervolgstappen', '5 Werkafspraken en vervolg'])
    const texts = paragraphs.map(([, text]) => text)
    expect(texts.indexOf('Niemand voelde zich eigenaar')).toBeGreaterThan(texts.indexOf('3 Reflectie en rode draden'))
    expect(texts.indexOf('Eerder de wijkagent bellen')).toBeGreaterThan(texts.indexOf('4 Lessen en vervolgstappen'))

    const pdf = await get(`/api/boards/${board.id}/report.pdf`, board.tokens.viewer)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'))
    const file = join(dir, 'report.pdf')
    writeFileSync(file, new Uint8Array(await pdf.arrayBuffer()))
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    const order = [TITLE, 'Datum:', '1 Introductie en spelregels', '2 Tijdlijn', '3 Reflectie en rode draden', 'Niemand voelde zich eigenaar', '4 Lessen en vervolgstappen', 'Eerder de wijkagent bellen', '5 Werkafspraken en vervolg', 'Pagina 1 van']
    const positions = order.map((part) => text.indexOf(part))
    expect(positions.every((position) => position >= 0), `missing in ${text}`).toBe(true)
    expect(positions.slice(0, -1)).toEqual([...positions.slice(0, -1)].sort((a, b) => a - b))
    // The pages as pictures, to look at (test-results/reports/ is kept by CI).
    const shots = join(process.cwd(), 'test-results', 'reports')
    mkdirSync(shots, { recursive: true })
    execFileSync('pdftoppm', ['-png', '-r', '60', file, join(shots, 'report-pdf')])
  })
})

describe('followup.ics', () => {
  it('is 404 no_followup until the follow-up card has a date, then one all-day VEVENT with a stable UID', async () => {
    const { board, client } = await boardWithCards()
    const path = `/api/boards/${board.id}/followup.ics`
    const before = await get(path, board.tokens.viewer)
    expect(before.status).toBe(404)
    expect(((await before.json()) as { code: string }).code).toBe('no_followup')

    const metaOf = (record: StoredRecord) => (record.meta ?? {}) as Record<string, unknown>
    const [id, { val: card }] = [...client.records.map.entries()].find(([, entry]) => metaOf(entry.val).kind === 'vervolgafspraak')!
    client.records.set(id, { ...card, meta: { ...metaOf(card), date: '2027-03-01' } })
    await client.roundTrip()

    const after = await get(path, board.tokens.viewer)
    expect(after.status).toBe(200)
    expect(after.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    const body = await after.text()
    const lines = body.replace(/\r\n /g, '').split('\r\n')
    expect(lines[0]).toBe('BEGIN:VCALENDAR')
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1)
    expect(lines).toContain('DTSTART;VALUE=DATE:20270301')
    expect(lines).toContain(`UID:${board.id}-vervolg@dialoogbord`)
    expect(lines).toContain(`SUMMARY:Vervolgafspraak: ${TITLE.replace(/[,;\\]/g, (c) => `\\${c}`)}`)
    expect(lines.some((line) => line.startsWith('DESCRIPTION:'))).toBe(true)
    // The same UID on a second download: a calendar updates the event instead of adding another.
    expect((await (await get(path, board.tokens.viewer)).text()).replace(/\r\n /g, '')).toContain(`UID:${board.id}-vervolg@dialoogbord`)
  })
})

describe('report.docx and report.pdf as whole-board reads', () => {
  it('count towards EXPENSIVE_REQUESTS_PER_MINUTE: the fifth from one address is 429', async () => {
    const board = await createBoard(server.url, { title: 'Limiet', template: 'leeg' })
    const from = (path: string) => fetch(`${server.url}/api/boards/${board.id}/${path}`, { headers: { authorization: `Bearer ${board.tokens.viewer}`, 'x-forwarded-for': '203.0.113.77' } })
    for (const path of ['report.docx', 'report.pdf', 'report.docx', 'report.pdf']) expect((await from(path)).status).toBe(200)
    expect((await from('report.pdf')).status).toBe(429)
  })
})
