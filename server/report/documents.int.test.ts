/**
 * The harvest as documents over HTTP, against the real server, on a casusreconstructie board with
 * moments and their duidingen, red threads, lessons, agreements, a closed vote and an agenda run:
 * - report.docx: its word/document.xml (text, order, heading styles), and rendered by a word
 *   processor (LibreOffice Writer, headless) to check that Word's layout reads like minutes
 *   (pdftotext: title first, headings in order, the agreements table's cells);
 * - report.pdf: its text (pdftotext), its structure tree (tagged: pdfinfo -struct-text), and a
 *   wrapped bullet's second line starting under the text (pdftotext -bbox);
 * - both documents' pages saved as PNGs under test-results/reports/ to look at;
 * - followup.ics: 404 until the follow-up card has a date, then one VEVENT parsed back.
 */
import { execFile, execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import type { VoteJson } from '../../shared/api.ts'
import type { StoredRecord } from '../../shared/doc-layout.ts'
import { createBoard } from '../testing/api-client.ts'
import { serverForFile } from '../testing/server-for-file.ts'
import { SyncClient, testRecord } from '../testing/sync-client.ts'
import { docxParagraphs } from './docx-text.ts'
import { inZone } from '../testing/template-zones.ts'

// A small budget for whole-board reads, per address (X-Forwarded-For with TRUST_PROXY), for the limit test.
const server = serverForFile({ EXPENSIVE_REQUESTS_PER_MINUTE: '4', TRUST_PROXY: 'true' })
const clients: SyncClient[] = []
const temps: string[] = []
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()))
  for (const dir of temps) rmSync(dir, { recursive: true, force: true })
})

const TITLE = 'Casus Zuid: één ĳzeren les'
const ZONES = ['1 Introductie en spelregels', '2 Tijdlijn', '3 Reflectie en rode draden', '4 Lessen en vervolgstappen', '5 Werkafspraken en vervolg']
/** Long enough to wrap in both documents. */
const LONG =
  'Regievoering: niemand wist wie de regie had, de wijkagent dacht dat de zorgcoördinator zou bellen, de zorgcoördinator wachtte op het verslag van de wijkagent en de school hoorde pas na drie weken wat er speelde'
const AGREEMENT = { wat: 'Casusregisseur per melding', wie: 'Teamleider', wanneer: '1 maart 2027', hoe: 'Werkinstructie' }

let requests = 0
/** Each from its own address, so that these tests stay within the small budget the limit test below spends. */
async function get(path: string, token: string): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': `198.51.100.${++requests}` } })
}

async function post<T>(path: string, token: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return { status: response.status, body: (await response.json()) as T }
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

/** A session as it ran: the timeline filled in, red threads voted on, lessons and agreements, two steps of the agenda. */
async function casusBoard() {
  const { board, client } = await boardWithCards()
  const note = (id: string, zone: string, x: number, y: number, text: string) => client.records.set(`shape:${id}`, testRecord(id, { ...inZone(zone, x, y), text }))
  // Moments in the upper lane, each with its duidingen beneath it.
  note('m1', 'tijdlijn', 100, 300, 'Datum: 2026-01-05\nMelding van de school bij de wijkagent')
  note('m2', 'tijdlijn', 800, 300, 'Datum: 2026-01-26\nEerste overleg zonder zorgcoördinator')
  note('d1', 'tijdlijn', 100, 750, LONG)
  note('d2', 'tijdlijn', 800, 750, 'Informatie bleef bij één partij hangen')
  note('draad2', 'rode-draden', 400, 300, 'Te laat opgeschaald')
  note('les2', 'lessen', 400, 300, 'Eén casusregisseur per gezin')
  note('a1', 'afspraken', 100, 600, `Wat: ${AGREEMENT.wat}\nWie: ${AGREEMENT.wie}\nWanneer: ${AGREEMENT.wanneer}\nHoe: ${AGREEMENT.hoe}`)
  await client.roundTrip()

  const f = board.tokens.facilitator
  const vote = await post<VoteJson>(`/api/boards/${board.id}/votes`, f, { perParticipant: 2, zone: 'rode-draden' })
  expect(vote.status).toBe(201)
  for (const [draftKey, card] of [['a', 'draad1'], ['a', 'draad1'], ['b', 'draad2']] as const) {
    expect((await post(`/api/boards/${board.id}/votes/${vote.body.id}/ballots`, board.tokens.editor, { draftKey: draftKey.repeat(43), shapeId: `shape:${card}` })).status).toBe(201)
  }
  expect((await post(`/api/boards/${board.id}/votes/${vote.body.id}/close`, f)).status).toBe(200)
  for (const step of ['/agenda/spelregels/start', '/agenda/tijdlijn/start', '/agenda/end']) expect((await post(`/api/boards/${board.id}${step}`, f)).status).toBe(200)
  return board
}

let casus: ReturnType<typeof casusBoard> | undefined
/** One session for the document tests below: they only read it. */
const casusOnce = () => (casus ??= casusBoard())

const run = promisify(execFile)

/** A fresh directory, removed after the file's tests. */
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  temps.push(dir)
  return dir
}

/** test-results/reports/<name>-<page>.png for each page, at 60 dpi; a previous run's pages go first. */
function savePages(pdf: string, name: string): void {
  const shots = join(process.cwd(), 'test-results', 'reports')
  mkdirSync(shots, { recursive: true })
  for (const file of readdirSync(shots)) if (file.startsWith(`${name}-`) && file.endsWith('.png')) rmSync(join(shots, file))
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(shots, name)])
}

/**
 * report.docx as a word processor lays it out: LibreOffice Writer converts it to PDF. Its own
 * profile in a temp directory, so parallel runs do not share (and lock) one.
 */
async function docxAsPdf(docx: string): Promise<string> {
  const dir = tempDir('report-docx-lo-')
  try {
    await run('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 45_000 })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('soffice not found: rendering report.docx needs LibreOffice Writer (Debian: apt-get install libreoffice-writer-nogui; .ci/run installs it)')
    }
    throw error
  }
  return join(dir, 'report.pdf')
}

/** Where each part first occurs in `text` (-1: missing), for checking order. */
function positions(text: string, parts: readonly string[]): number[] {
  return parts.map((part) => text.indexOf(part))
}

function expectInOrder(text: string, parts: readonly string[]): void {
  const at = positions(text, parts)
  expect(parts.filter((_, i) => at[i] === -1), `missing in:\n${text}`).toEqual([])
  expect(at, `out of order in:\n${text}`).toEqual([...at].sort((a, b) => a - b))
}

/** The headings and text a reader of the minutes expects, in this order. */
const MINUTES_ORDER = [
  TITLE,
  'Datum:',
  ZONES[0]!,
  ZONES[1]!,
  '2026-01-05 — Melding van de school bij de wijkagent',
  'Regievoering: niemand wist',
  '2026-01-26 — Eerste overleg zonder zorgcoördinator',
  'Informatie bleef bij één partij hangen',
  ZONES[2]!,
  'Niemand voelde zich eigenaar (2 stippen)',
  ZONES[3]!,
  'Eerder de wijkagent bellen',
  'Eén casusregisseur per gezin',
  ZONES[4]!,
  'Stemmingen',
  'Verloop',
]

describe('report.docx and report.pdf', () => {
  it('read like minutes: title, date line, the sections as headings in template order, the agreements as a table, votes and agenda', async () => {
    const board = await casusOnce()
    const dir = tempDir('report-')

    const docx = await get(`/api/boards/${board.id}/report.docx`, board.tokens.viewer)
    expect(docx.status).toBe(200)
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(docx.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(`${TITLE}.docx`)}`)
    expect(docx.headers.get('content-disposition')).toMatch(/filename="[\x20-\x7e]+\.docx"/)
    const docxBytes = new Uint8Array(await docx.arrayBuffer())
    const paragraphs = docxParagraphs(docxBytes)
    expect(paragraphs[0]).toEqual(['Title', TITLE])
    expect(paragraphs[1]![1]).toMatch(/^Datum: .* · Werkvorm: /)
    const headings = paragraphs.filter(([style]) => style === 'Heading1').map(([, text]) => text)
    expect(headings).toEqual([...ZONES, 'Stemmingen', 'Verloop'])
    const texts = paragraphs.map(([, text]) => text)
    expect(texts.indexOf('Niemand voelde zich eigenaar (2 stippen)')).toBeGreaterThan(texts.indexOf(ZONES[2]!))
    expect(texts.indexOf('Eerder de wijkagent bellen')).toBeGreaterThan(texts.indexOf(ZONES[3]!))

    // Word's layout, through a word processor: reads like minutes, the agreements as a table.
    const docxFile = join(dir, 'report.docx')
    writeFileSync(docxFile, docxBytes)
    const rendered = await docxAsPdf(docxFile)
    const wordText = execFileSync('pdftotext', ['-enc', 'UTF-8', rendered, '-'], { encoding: 'utf8' }).replace(/[ \n]+/g, ' ')
    expect(wordText.trimStart().startsWith(TITLE), wordText.slice(0, 200)).toBe(true)
    expectInOrder(wordText, MINUTES_ORDER)
    const agreements = wordText.slice(wordText.indexOf(ZONES[4]!), wordText.indexOf('Stemmingen'))
    expectInOrder(agreements, ['Wie', 'Wat', 'Wanneer', 'Hoe'])
    for (const cell of Object.values(AGREEMENT)) expect(agreements).toContain(cell)
    expect(wordText).toContain('Pagina 1 van')
    savePages(rendered, 'report-docx')

    const pdf = await get(`/api/boards/${board.id}/report.pdf`, board.tokens.viewer)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    const file = join(dir, 'report.pdf')
    writeFileSync(file, new Uint8Array(await pdf.arrayBuffer()))
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    expectInOrder(text.replace(/[ \n]+/g, ' '), [...MINUTES_ORDER, 'Pagina 1 van'])
    const agreementsText = text.slice(text.indexOf(ZONES[4]!), text.indexOf('Stemmingen'))
    for (const cell of ['Wie', 'Wat', 'Wanneer', 'Hoe', ...Object.values(AGREEMENT)]) expect(agreementsText).toContain(cell)
    savePages(file, 'report-pdf')
    // LibreOffice starts in a second or two, more on a busy machine.
  }, 60_000)

  it('report.pdf is tagged: a structure tree in reading order with the title and a heading per section, page numbers and bullets left out', async () => {
    const board = await casusOnce()
    const file = join(tempDir('report-tagged-'), 'report.pdf')
    writeFileSync(file, new Uint8Array(await (await get(`/api/boards/${board.id}/report.pdf`, board.tokens.viewer)).arrayBuffer()))
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    expect(info).toMatch(/^Tagged:\s+yes$/m)
    expect(info).toMatch(new RegExp(`^Title:\\s+${TITLE}$`, 'm'))
    const raw = readFileSync(file).toString('latin1')
    expect(raw).toContain('/StructTreeRoot')
    expect(raw).toContain('/Lang (nl-NL)')
    // A heading (H1) per section, the votes and the agenda; the title is one more (role-mapped to H1).
    expect(raw.match(/\/S \/H1\b/g)).toHaveLength(ZONES.length + 2)
    expect(raw.match(/\/S \/Title\b/g)).toHaveLength(1)

    // poppler's reading of the structure: each element with its text, in order.
    const structure = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' })
    const lines = structure.split('\n')
    const textAfter = (tag: string) => lines.flatMap((line, i) => (line.trim() === `${tag} (block)` ? [JSON.parse(lines[i + 1]!.trim()) as string] : []))
    expect(textAfter('H1')).toEqual([TITLE, ...ZONES, 'Stemmingen', 'Verloop'])
    expect(textAfter('H2')[0]).toBe('2026-01-05 — Melding van de school bij de wijkagent')
    expect(textAfter('LBody')).toContain(LONG)
    expect(structure).toMatch(/Table \(block\)\s+TR\s+TH/)
    for (const cell of Object.values(AGREEMENT)) expect(structure).toContain(`"${cell}"`)
    // Artifacts, not content: page numbers and bullets are not read out.
    expect(structure).not.toContain('Pagina')
    expect(structure).not.toContain('•')
  })

  it('report.pdf hangs a wrapped bullet: its second line starts under the text, not under the bullet', async () => {
    const board = await casusOnce()
    const file = join(tempDir('report-bullet-'), 'report.pdf')
    writeFileSync(file, new Uint8Array(await (await get(`/api/boards/${board.id}/report.pdf`, board.tokens.viewer)).arrayBuffer()))
    const words = [...execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' }).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map(
      ([, x, y, word]) => ({ x: Number(x), y: Number(y), word: word! }),
    )
    const first = words.findIndex(({ word }) => word === 'Regievoering:')
    expect(first).toBeGreaterThan(0)
    const bullet = words[first - 1]!
    expect(bullet.word).toBe('•')
    const secondLine = words.slice(first).find(({ y }) => y > words[first]!.y + 1)!
    expect(secondLine.x).toBeCloseTo(words[first]!.x, 0)
    expect(secondLine.x).toBeGreaterThan(bullet.x + 8)
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

describe('report.docx, report.pdf and the calendar files as whole-board reads', () => {
  it('count towards EXPENSIVE_REQUESTS_PER_MINUTE: the fifth from one address is 429', async () => {
    const board = await createBoard(server.url, { title: 'Limiet', template: 'leeg' })
    const from = (path: string) => fetch(`${server.url}/api/boards/${board.id}/${path}`, { headers: { authorization: `Bearer ${board.tokens.viewer}`, 'x-forwarded-for': '203.0.113.77' } })
    for (const path of ['report.docx', 'report.pdf', 'report.docx', 'report.pdf']) expect((await from(path)).status).toBe(200)
    expect((await from('report.pdf')).status).toBe(429)
  })

  it('followup.ics and an agreement\'s event.ics are counted too (no date: 404 until the budget is spent, then 429)', async () => {
    const board = await createBoard(server.url, { title: 'Agenda-limiet', template: 'leeg' })
    const from = (path: string) => fetch(`${server.url}/api/boards/${board.id}/${path}`, { headers: { authorization: `Bearer ${board.tokens.viewer}`, 'x-forwarded-for': '203.0.113.78' } })
    const agreement = `agreements/${encodeURIComponent('shape:geen')}/event.ics`
    for (const path of ['followup.ics', agreement, 'followup.ics', agreement]) expect((await from(path)).status).toBe(404)
    expect((await from('followup.ics')).status).toBe(429)
    expect((await from(agreement)).status).toBe(429)
  })
})
