import MarkdownIt from 'markdown-it'
import { toRichText, type TLRecord, type TLShape, type TLShapeId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { findTemplate } from '../../templates/index.ts'
import { frameRecord, geoRecord, indexKey, noteRecord, textRecord } from '../../templates/shapes.ts'
import { assertValidRecords, documentRecords, FIRST_PAGE_ID } from '../initial-document.ts'
import { richTextToPlain } from '../../shared/board-geometry.ts'
import type { AgendaEntry, ClosedVote } from '../../shared/session.ts'
import { escapeCell, escapeLine, renderHarvest } from './harvest.ts'

const CREATED = '2025-03-12T09:00:00.000Z'
const commonMark = new MarkdownIt('commonmark', { html: true }).enable(['table', 'strikethrough'])
let counter = 0

/** A board made from a template plus extra records. */
function templateBoard(templateId: string) {
  const records: TLRecord[] = documentRecords(findTemplate(templateId)!)
  const frames = new Map(
    records.filter((r): r is TLShape => r.typeName === 'shape' && r.type === 'frame').map((frame) => [frame.meta.zone as string, frame]),
  )
  /** Page position of a point given relative to a zone frame (frames may be nested). */
  const at = (zone: string, x: number, y: number) => {
    let frame: TLShape | undefined = frames.get(zone)!
    let px = x
    let py = y
    while (frame) {
      px += frame.x
      py += frame.y
      const parentId: string = frame.parentId
      frame = records.find((r): r is TLShape => r.typeName === 'shape' && r.id === parentId)
    }
    return { x: px, y: py }
  }
  const add = (record: TLRecord) => {
    records.push(record)
    return record
  }
  /** A participant's note dropped on top of a zone (page-level, as tldraw makes it over a locked frame). */
  const note = (zone: string, x: number, y: number, text: string, meta: Record<string, string | boolean> = {}) =>
    add(noteRecord({ id: `shape:test-${++counter}` as TLShapeId, parentId: FIRST_PAGE_ID, index: indexKey(900 + counter), ...at(zone, x, y), text, meta }))
  const report = (votes?: ClosedVote[]) => {
    assertValidRecords(records)
    return renderHarvest({ title: 'Casus Zuid', createdAt: CREATED, templateId, records, ...(votes ? { votes } : {}) })
  }
  return { records, frames, at, add, note, report }
}

/** The lines of one `## ` section, without blank lines. */
function section(markdown: string, title: string): string[] {
  const lines = markdown.split('\n')
  const start = lines.indexOf(`## ${title}`)
  expect(start, `section ${title}`).toBeGreaterThanOrEqual(0)
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '))
  return lines.slice(start + 1, end === -1 ? undefined : end).filter((line) => line !== '')
}

describe('harvest of a casusreconstructie', () => {
  it('has a title, the date, and one section per zone in template order, headed by the frame names', () => {
    const board = templateBoard('casusreconstructie')
    const md = board.report()
    expect(md.startsWith('# Casus Zuid\n\nDatum: 12 maart 2025 · Werkvorm: Casusreconstructie\n')).toBe(true)
    const headings = md.split('\n').filter((line) => line.startsWith('## '))
    expect(headings).toEqual([
      '## 1 Introductie en spelregels',
      '## 2 Tijdlijn',
      '## 3 Reflectie en rode draden',
      '## 4 Lessen en vervolgstappen',
      '## 5 Werkafspraken en vervolg',
    ])
    // The example rules are content; the prompts, headings and empty cards are not.
    expect(section(md, '1 Introductie en spelregels')).toHaveLength(5)
    expect(section(md, '1 Introductie en spelregels')[4]).toMatch(/^- Chatham House Rule: /)
    expect(md).not.toContain('Start met een kort rondje')
    expect(section(md, '3 Reflectie en rode draden')).toEqual(['_Nog niets ingevuld._'])
  })

  it('keeps the template order even when frames are moved around', () => {
    const board = templateBoard('casusreconstructie')
    const spelregels = board.frames.get('spelregels')!
    const afspraken = board.frames.get('afspraken')!
    ;[spelregels.x, afspraken.x] = [afspraken.x, spelregels.x]
    ;[spelregels.y, afspraken.y] = [afspraken.y, spelregels.y]
    const headings = board.report().split('\n').filter((line) => line.startsWith('## '))
    expect(headings[0]).toBe('## 1 Introductie en spelregels')
    expect(headings.at(-1)).toBe('## 5 Werkafspraken en vervolg')
  })

  it('orders the timeline left to right, with each interpretation beneath the moment it overlaps', () => {
    const board = templateBoard('casusreconstructie')
    // Moments in the upper lane (y 300 is inside it), interpretations in the lower lane (y 800).
    board.note('tijdlijn', 2600, 300, 'Overleg met de woningcorporatie', { date: '2023-05-01' })
    board.note('tijdlijn', 400, 330, 'Eerste melding bij het wijkteam', { date: '3 maart 2023' })
    board.note('tijdlijn', 1500, 280, 'Huisbezoek')
    board.note('tijdlijn', 3400, 280, 'Datum: juni 2023\nEvaluatie')
    // The card panel writes a date to meta and to the card's "Datum:" line: shown once.
    board.note('tijdlijn', 3700, 280, 'Datum: juli 2023\nNazorg', { date: 'juli 2023' })
    board.note('tijdlijn', 2650, 800, 'Opluchting bij de corporatie')
    board.note('tijdlijn', 350, 800, 'Niemand voelde zich eigenaar')
    board.note('tijdlijn', 430, 850, 'Informatie bleef bij één partij')
    board.note('tijdlijn', 1900, 800, 'Dichter bij het huisbezoek dan bij het overleg')
    expect(section(board.report(), '2 Tijdlijn')).toEqual([
      '1. **3 maart 2023**: Eerste melding bij het wijkteam',
      '    - Niemand voelde zich eigenaar',
      '    - Informatie bleef bij één partij',
      '2. Huisbezoek',
      '    - Dichter bij het huisbezoek dan bij het overleg',
      '3. **2023-05-01**: Overleg met de woningcorporatie',
      '    - Opluchting bij de corporatie',
      '4. **juni 2023**: Evaluatie',
      '5. **juli 2023**: Nazorg',
    ])
  })

  it('lists interpretations without any moment separately', () => {
    const board = templateBoard('casusreconstructie')
    board.note('tijdlijn', 800, 800, 'Zonder moment')
    expect(section(board.report(), '2 Tijdlijn')).toEqual(['Duidingen zonder moment:', '- Zonder moment'])
  })

  it('orders other zones top to bottom in rows, each row left to right', () => {
    const board = templateBoard('casusreconstructie')
    board.note('rode-draden', 700, 900, 'Rij 2, rechts')
    board.note('rode-draden', 400, 330, 'Rij 1, midden')
    board.note('rode-draden', 100, 900 + 60, 'Rij 2, links (iets lager)')
    board.note('rode-draden', 1000, 280, 'Rij 1, rechts (iets hoger)')
    board.note('rode-draden', 100, 300, 'Rij 1, links')
    expect(section(board.report(), '3 Reflectie en rode draden')).toEqual([
      '- Rij 1, links',
      '- Rij 1, midden',
      '- Rij 1, rechts (iets hoger)',
      '- Rij 2, links (iets lager)',
      '- Rij 2, rechts',
    ])
  })

  it('renders the agreements as a table from the cards’ meta, or from their labelled lines', () => {
    const board = templateBoard('casusreconstructie')
    const { x, y } = board.at('afspraken', 60, 2000)
    ;(board.frames.get('afspraken')!.props as { h: number }).h = 2400
    board.add(
      geoRecord({
        id: 'shape:afspraak-meta' as TLShapeId,
        parentId: FIRST_PAGE_ID,
        index: indexKey(800),
        x,
        y,
        w: 500,
        h: 150,
        text: 'Maandelijks casusoverleg\nmet alle partners',
        meta: { kind: 'afspraak', wie: 'Gemeente | wijkteam', wanneer: '1 juni 2025', hoe: 'Via *Teams*' },
      }),
    )
    board.note('afspraken', 700, 2000, 'Wat: Signalen delen\nWie: GGD\nDatum: elke week\nHoe: beveiligde mail')
    const rows = section(board.report(), '5 Werkafspraken en vervolg')
    expect(rows).toEqual([
      '| Wie | Wat | Wanneer | Hoe |',
      '| --- | --- | --- | --- |',
      '|  | terugblikken op de casus en de ontwikkelingen bespreken |  |  |',
      '| Gemeente \\| wijkteam | Maandelijks casusoverleg<br>met alle partners | 1 juni 2025 | Via \\*Teams\\* |',
      '| GGD | Signalen delen | elke week | beveiligde mail |',
    ])
  })

  it('escapes card text so it cannot add structure or HTML', () => {
    const board = templateBoard('casusreconstructie')
    const attacks = ['# kop', '<script>alert(1)</script>', '| a | b |', '[x](javascript:alert(1))', '**vet**', '- lijst', '1. genummerd', '> citaat', '`code`', '![img](http://x/y.png)']
    attacks.forEach((text, i) => board.note('lessen', 60 + (i % 4) * 240, 400 + Math.floor(i / 4) * 300, text))
    board.note('afspraken', 60, 200, 'Wat: # kop | <b>x</b>\nWie: [x](javascript:alert(1))')
    const md = board.report()
    const lessen = section(md, '4 Lessen en vervolgstappen')
    expect(lessen).toHaveLength(attacks.length)
    for (const line of lessen) expect(line).toMatch(/^- [^\s]/)
    // A real CommonMark parser finds none of the injected structure: no HTML, link, image, code,
    // quote or emphasis; only our own headings, lists, table and the placeholder's italics.
    const tokens = commonMark.parse(md, {}).flatMap((token) => [token, ...(token.children ?? [])])
    const injected = ['html_block', 'html_inline', 'link_open', 'image', 'code_inline', 'code_block', 'fence', 'blockquote_open', 'strong_open', 's_open', 'hr']
    expect(tokens.filter((token) => injected.includes(token.type)).map((token) => token.type)).toEqual([])
    expect(tokens.filter((token) => token.type === 'heading_open').length).toBe(md.split('\n').filter((line) => /^#{1,2} /.test(line)).length)
    expect(tokens.filter((token) => token.type === 'ordered_list_open')).toEqual([])
    expect(md.split('\n').filter((line) => /^\s*#/.test(line)).every((line) => /^#{1,2} /.test(line) && !line.includes('kop'))).toBe(true)
    expect(lessen).toContain('- \\# kop')
    expect(lessen).toContain('- \\<script>alert(1)\\</script>')
    expect(lessen).toContain('- | a | b |')
    expect(lessen).toContain('- \\[x\\](javascript:alert(1))')
    expect(lessen).toContain('- \\*\\*vet\\*\\*')
    expect(lessen).toContain('- \\- lijst')
    expect(lessen).toContain('- 1\\. genummerd')
    expect(lessen).toContain('- \\> citaat')
    const table = section(md, '5 Werkafspraken en vervolg')
    // Every table row keeps exactly four cells: no unescaped pipe got in.
    for (const row of table) expect(row.split(/(?<!\\)\|/).length).toBe(6)
    expect(table).toContain('| \\[x\\](javascript:alert(1)) | # kop \\| \\<b>x\\</b> |  |  |')
  })

  it('keeps ordinary punctuation as typed, so the report reads well in a mail (issue 10 bug 5)', () => {
    const board = templateBoard('casusreconstructie')
    const ordinary = ['Gemeente (wijkteam)', 'locatie(s) bekijken', 'sneller!', '3.5 uur per week', 'e-mail aan 50% van de partners']
    ordinary.forEach((text, i) => board.note('lessen', 60 + (i % 4) * 240, 400 + Math.floor(i / 4) * 300, text))
    expect(section(board.report(), '4 Lessen en vervolgstappen').sort()).toEqual(ordinary.map((text) => `- ${text}`).sort())
  })

  it('keeps a title and frame names with newlines on their heading line', () => {
    const board = templateBoard('casusreconstructie')
    const frame = board.frames.get('lessen')!
    board.records[board.records.indexOf(frame)] = { ...frame, props: { ...frame.props, name: 'Lessen\n\n## Ingevoegd\r\n- punt' } } as TLShape
    const md = renderHarvest({ title: 'Casus\n\n## Extra\n- x', createdAt: CREATED, templateId: 'casusreconstructie', records: board.records })
    expect(md.split('\n')[0]).toBe('# Casus ## Extra - x')
    expect(md).toContain('\n## Lessen ## Ingevoegd - punt\n')
    expect(md.split('\n').filter((line) => /^(#|- punt|- x)/.test(line) && !/^#{1,2} /.test(line))).toEqual([])
    expect(md).not.toMatch(/^## Ingevoegd|^## Extra/m)
  })

  it('escapes the title too', () => {
    const md = renderHarvest({ title: '<img src=x> # [x](y)', createdAt: CREATED, templateId: 'leeg', records: [] })
    expect(md.split('\n')[0]).toBe('# \\<img src=x> # \\[x\\](y)')
  })
})

describe('harvest zones', () => {
  it('counts a shape parented to a zone frame, and one whose centre lies on it', () => {
    const board = templateBoard('casusreconstructie')
    const lessen = board.frames.get('lessen')!
    // A child of the frame (e.g. after a facilitator unlocked it and someone dropped a note in).
    board.add(noteRecord({ id: 'shape:kind' as TLShapeId, parentId: lessen.id, index: indexKey(500), x: 100, y: 900, text: 'Kind van het frame' }))
    // Page-level, centre inside the frame although its corner sticks out to the left.
    const { x, y } = board.at('lessen', -90, 400)
    board.add(noteRecord({ id: 'shape:erop' as TLShapeId, parentId: FIRST_PAGE_ID, index: indexKey(501), x, y, text: 'Erop gelegd' }))
    // Centre outside every frame.
    board.add(noteRecord({ id: 'shape:los' as TLShapeId, parentId: FIRST_PAGE_ID, index: indexKey(502), x: -5000, y: -5000, text: 'Los op het bord' }))
    const md = board.report()
    expect(section(md, '4 Lessen en vervolgstappen')).toEqual(['- Erop gelegd', '- Kind van het frame'])
    expect(section(md, 'Buiten de onderdelen')).toEqual(['- Los op het bord'])
  })

  it('gives a note on a nested frame to the innermost zone', () => {
    const board = templateBoard('bestuurlijke-dialoog')
    const sub = board.frames.get('sessie-1a-collectief')!
    board.note('sessie-1a-collectief', 40, (sub.props as { h: number }).h - 220, 'Samen een agenda maken')
    board.note('sessie-1a', 60, 400, 'Vertrouwen is de basis')
    const md = board.report()
    expect(section(md, 'Sessie 1A – handelingsperspectief collectief')).toEqual(['- Samen een agenda maken'])
    expect(section(md, 'Sessie 1A – Het waarom ophalen')).toEqual(['- Vertrouwen is de basis'])
  })

  it('renders checklist cards as task-list items', () => {
    const board = templateBoard('stakeholderdialoog')
    const md = board.report()
    const opdracht = section(md, '1 Definieer de opdracht')
    expect(opdracht[0]).toBe('- [ ] Vraag en aanleiding: waartoe doen we dit?')
    const first = board.records.find((r) => r.typeName === 'shape' && r.meta.kind === 'checklist') as TLShape
    first.meta = { ...first.meta, checked: true }
    const second = board.records.filter((r) => r.typeName === 'shape' && r.meta.kind === 'checklist')[1] as TLShape
    ;(second.props as { richText: unknown }).richText = toRichText('☑ Benoem de rollen')
    const after = section(board.report(), '1 Definieer de opdracht')
    expect(after.slice(0, 2)).toEqual(['- [x] Vraag en aanleiding: waartoe doen we dit?', '- [x] Benoem de rollen'])
  })

  it('gives a board without zones one section "Bord", top to bottom', () => {
    const records: TLRecord[] = documentRecords(findTemplate('leeg')!)
    const page = FIRST_PAGE_ID
    records.push(
      textRecord({ id: 'shape:b' as TLShapeId, parentId: page, index: indexKey(2), x: 0, y: 500, text: 'Onder' }),
      noteRecord({ id: 'shape:a' as TLShapeId, parentId: page, index: indexKey(1), x: 300, y: 0, text: 'Boven rechts' }),
      geoRecord({ id: 'shape:c' as TLShapeId, parentId: page, index: indexKey(3), x: 0, y: 20, w: 200, h: 100, text: 'Boven links' }),
      frameRecord({ id: 'shape:f' as TLShapeId, parentId: page, index: indexKey(4), x: 0, y: 1000, w: 400, h: 400, name: 'Eigen frame' }),
      noteRecord({ id: 'shape:d' as TLShapeId, parentId: 'shape:f' as TLShapeId, index: indexKey(1), x: 10, y: 10, text: 'In een frame' }),
      noteRecord({ id: 'shape:e' as TLShapeId, parentId: page, index: indexKey(5), x: 0, y: 2000, text: '' }),
    )
    const md = renderHarvest({ title: 'Leeg', createdAt: CREATED, templateId: 'leeg', records })
    expect(md).toBe('# Leeg\n\nDatum: 12 maart 2025\n\n## Bord\n\n- Boven links\n- Boven rechts\n- Onder\n- In een frame\n')
  })
})

describe('harvest of dot votes', () => {
  const vote = (results: ClosedVote['results'], more: Partial<ClosedVote> = {}): ClosedVote => ({
    id: 'vote-1',
    perParticipant: 3,
    zone: 'rode-draden',
    voters: 4,
    closedAt: '2025-03-12T10:30:00.000Z',
    results,
    ...more,
  })

  it('lists each closed vote in a section "Stemmingen", cards in order of dots, with the zone and who voted', () => {
    const board = templateBoard('casusreconstructie')
    const a = board.note('rode-draden', 100, 300, 'Niemand voelde zich eigenaar')
    const b = board.note('rode-draden', 700, 300, 'Informatie bleef hangen')
    const md = board.report([vote([
      { shapeId: b.id, votes: 5 },
      { shapeId: a.id, votes: 2 },
      { shapeId: 'shape:gone', votes: 1 },
    ])])
    const lines = md.split('\n')
    // The last section, after the zones.
    expect(lines.filter((line) => line.startsWith('## ')).at(-1)).toBe('## Stemmingen')
    expect(section(md, 'Stemmingen')).toEqual([
      '### Stemming, gesloten op 12 maart 2025 om 11:30',
      '3 stippen per deelnemer · Onderdeel: 3 Reflectie en rode draden · 4 deelnemers hebben gestemd',
      '1. Informatie bleef hangen (● 5)',
      '2. Niemand voelde zich eigenaar (● 2)',
      '3. _(kaart verwijderd of zonder tekst)_ (● 1)',
    ])
  })

  it('shows the latest vote’s dots next to each card in its zone section', () => {
    const board = templateBoard('casusreconstructie')
    const a = board.note('rode-draden', 100, 300, 'Eerste')
    const b = board.note('rode-draden', 700, 300, 'Tweede')
    const moment = board.note('tijdlijn', 400, 330, 'Melding')
    const agreement = board.note('afspraken', 60, 200, 'Wat: Casusoverleg\nWie: Wijkteam')
    const first = vote([{ shapeId: a.id, votes: 9 }], { id: 'vote-0', closedAt: '2025-03-12T10:00:00.000Z' })
    const latest = vote([{ shapeId: b.id, votes: 3 }, { shapeId: moment.id, votes: 1 }, { shapeId: agreement.id, votes: 2 }], { zone: null, voters: 1 })
    const md = board.report([first, latest])
    expect(section(md, '3 Reflectie en rode draden')).toEqual(['- Eerste', '- Tweede (● 3)'])
    expect(section(md, '2 Tijdlijn')).toEqual(['1. Melding (● 1)'])
    expect(section(md, '5 Werkafspraken en vervolg')).toContain('| Wijkteam | Casusoverleg (● 2) |  |  |')
    // Both votes listed, oldest first; a vote over the whole board names no zone.
    const votes = section(md, 'Stemmingen')
    expect(votes.filter((line) => line.startsWith('### '))).toEqual([
      '### Stemming 1, gesloten op 12 maart 2025 om 11:00',
      '### Stemming 2, gesloten op 12 maart 2025 om 11:30',
    ])
    expect(votes).toContain('3 stippen per deelnemer · 1 deelnemer heeft gestemd')
    expect(votes).toContain('1. Eerste (● 9)')
  })

  it('says so when nobody placed a dot, and has no section "Stemmingen" without closed votes', () => {
    const board = templateBoard('casusreconstructie')
    expect(board.report()).not.toContain('Stemmingen')
    expect(section(board.report([vote([], { voters: 0, perParticipant: 1 })]), 'Stemmingen').slice(1)).toEqual([
      '1 stip per deelnemer · Onderdeel: 3 Reflectie en rode draden · 0 deelnemers hebben gestemd',
      '_Geen stippen geplaatst._',
    ])
  })

  it('escapes card text in the results like everywhere else', () => {
    const board = templateBoard('casusreconstructie')
    const card = board.note('rode-draden', 100, 300, '# kop\n<b>vet</b>')
    const md = board.report([vote([{ shapeId: card.id, votes: 2 }])])
    const line = section(md, 'Stemmingen').find((candidate) => candidate.startsWith('1. '))!
    expect(line).toBe('1. \\# kop \\<b>vet\\</b> (● 2)')
    expect(commonMark.render(md)).not.toContain('<b>')
  })
})

describe('harvest of the agenda as it ran', () => {
  const entry = (zone: string, name: string, startedAt: string, endedAt: string | null, plannedMinutes: number | null): AgendaEntry => ({ zone, name, startedAt, endedAt, plannedMinutes })
  const render = (agendaRun?: AgendaEntry[]) =>
    renderHarvest({ title: 'Casus', createdAt: CREATED, templateId: 'casusreconstructie', records: documentRecords(findTemplate('casusreconstructie')!), ...(agendaRun ? { agendaRun } : {}) })

  it('adds a last section "Verloop": each step, its start, how long it took and was planned', () => {
    const md = render([
      entry('spelregels', '1 Introductie en spelregels', '2025-03-12T09:00:00.000Z', '2025-03-12T09:12:20.000Z', 10),
      entry('tijdlijn', '2 Tijdlijn | met | strepen', '2025-03-12T09:12:20.000Z', '2025-03-12T09:50:00.000Z', 45),
      entry('lessen', '4 Lessen', '2025-03-12T09:50:00.000Z', null, null),
    ])
    expect(md.split('\n').filter((line) => line.startsWith('## ')).at(-1)).toBe('## Verloop')
    expect(section(md, 'Verloop')).toEqual([
      'Op 12 maart 2025.',
      '| Stap | Start | Duur | Gepland |',
      '| --- | --- | --- | --- |',
      '| 1 Introductie en spelregels | 10:00 | 12 min | 10 min |',
      '| 2 Tijdlijn \\| met \\| strepen | 10:12 | 38 min | 45 min |',
      '| 4 Lessen | 10:50 | loopt nog | – |',
    ])
  })

  it('gives the date with each start when the session took more than one day, and no section without a run', () => {
    const md = render([entry('spelregels', 'Spelregels', '2025-03-12T09:00:00.000Z', '2025-03-12T09:30:00.000Z', 10), entry('tijdlijn', 'Tijdlijn', '2025-03-19T09:00:00.000Z', '2025-03-19T10:00:00.000Z', 45)])
    expect(section(md, 'Verloop').slice(2)).toEqual(['| Spelregels | 12 maart 2025 om 10:00 | 30 min | 10 min |', '| Tijdlijn | 19 maart 2025 om 10:00 | 60 min | 45 min |'])
    expect(render([])).not.toContain('Verloop')
    expect(render()).not.toContain('Verloop')
  })
})

describe('harvest text', () => {
  it('reads tldraw rich text: paragraphs, hard breaks and lists become lines', () => {
    const rich = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Eerste ' }, { type: 'text', text: 'regel', marks: [{ type: 'bold' }] }] },
        { type: 'paragraph' },
        { type: 'paragraph', content: [{ type: 'text', text: 'twee' }, { type: 'hardBreak' }, { type: 'text', text: 'drie' }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'punt' }] }] }] },
      ],
    }
    expect(richTextToPlain(rich)).toBe('Eerste regel\ntwee\ndrie\npunt')
    expect(richTextToPlain(null)).toBe('')
  })

  it('joins lines with spaces in lists and with <br> in tables', () => {
    expect(escapeLine('een\n  twee ')).toBe('een twee')
    expect(escapeCell('een\ntwee | drie')).toBe('een<br>twee \\| drie')
    expect(escapeLine('+ plus')).toBe('\\+ plus')
    expect(escapeLine('A & B')).toBe('A & B')
  })
})
