import type { TLRecord, TLShape, TLShapeId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import type { HarvestSection } from '../../shared/harvest-model.ts'
import type { ClosedVote } from '../../shared/session.ts'
import { findTemplate } from '../../templates/index.ts'
import { geoRecord, indexKey, noteRecord } from '../../templates/shapes.ts'
import { documentRecords, FIRST_PAGE_ID } from '../initial-document.ts'
import { buildHarvestModel } from './harvest-model.ts'

const CREATED = '2025-03-12T09:00:00.000Z'
let counter = 0

/** A casusreconstructie board plus participants' notes dropped on top of zones. */
function board() {
  const records: TLRecord[] = documentRecords(findTemplate('casusreconstructie')!)
  const frame = (zone: string) => records.find((r): r is TLShape => r.typeName === 'shape' && r.type === 'frame' && r.meta.zone === zone)!
  /** Page position of a point relative to a zone frame (frames may be nested). */
  const at = (zone: string, x: number, y: number) => {
    let f: TLShape | undefined = frame(zone)
    let px = x
    let py = y
    while (f) {
      px += f.x
      py += f.y
      const parentId: string = f.parentId
      f = records.find((r): r is TLShape => r.typeName === 'shape' && r.id === parentId)
    }
    return { x: px, y: py }
  }
  const note = (zone: string, x: number, y: number, text: string, meta: Record<string, string | boolean> = {}) => {
    const record = noteRecord({ id: `shape:m-${++counter}` as TLShapeId, parentId: FIRST_PAGE_ID, index: indexKey(900 + counter), ...at(zone, x, y), text, meta })
    records.push(record)
    return record
  }
  const model = (more: { votes?: ClosedVote[] } = {}) => buildHarvestModel({ title: 'Casus Zuid', createdAt: CREATED, templateId: 'casusreconstructie', records, ...more })
  return { records, frame, at, note, model }
}

function sectionOf<K extends HarvestSection['kind']>(sections: HarvestSection[], zone: string, kind: K): Extract<HarvestSection, { kind: K }> {
  const found = sections.find((section) => section.zone === zone)
  expect(found?.kind).toBe(kind)
  return found as Extract<HarvestSection, { kind: K }>
}

describe('harvest model', () => {
  it('has the head facts and one section per zone in template order, kinds by zone', () => {
    const model = board().model()
    expect(model).toMatchObject({ title: 'Casus Zuid', createdAt: CREATED, template: { id: 'casusreconstructie', title: 'Casusreconstructie' }, generatedAt: null })
    expect(model.sections.map((s) => [s.kind, s.name])).toEqual([
      ['list', '1 Introductie en spelregels'],
      ['timeline', '2 Tijdlijn'],
      ['list', '3 Reflectie en rode draden'],
      ['list', '4 Lessen en vervolgstappen'],
      ['agreements', '5 Werkafspraken en vervolg'],
    ])
    expect(model.votes).toEqual([])
    expect(model.agenda).toEqual([])
    // The template's follow-up card has no date yet.
    expect(model.followUp).toBeNull()
  })

  it('puts timeline moments in time order with their dates (meta or "Datum:" line) and the duidingen beneath them', () => {
    const b = board()
    b.note('tijdlijn', 1500, 280, 'Huisbezoek')
    b.note('tijdlijn', 400, 330, 'Eerste melding', { date: '3 maart 2023' })
    b.note('tijdlijn', 3400, 280, 'Datum: juni 2023\nEvaluatie')
    b.note('tijdlijn', 350, 800, 'Niemand voelde zich eigenaar')
    b.note('tijdlijn', 1900, 800, 'Dichter bij het huisbezoek')
    const timeline = sectionOf(b.model().sections, 'tijdlijn', 'timeline')
    expect(timeline.moments).toEqual([
      { date: '3 maart 2023', text: 'Eerste melding', dots: null, duidingen: [{ text: 'Niemand voelde zich eigenaar', dots: null }] },
      { date: null, text: 'Huisbezoek', dots: null, duidingen: [{ text: 'Dichter bij het huisbezoek', dots: null }] },
      { date: 'juni 2023', text: 'Evaluatie', dots: null, duidingen: [] },
    ])
    expect(timeline.loose).toEqual([])
  })

  it('reads agreements as wie, wat, wanneer and hoe, from labelled lines or meta, as plain text', () => {
    const b = board()
    const { x, y } = b.at('afspraken', 60, 2000)
    ;(b.frame('afspraken').props as { h: number }).h = 2400
    b.records.push(
      geoRecord({ id: 'shape:afspraak' as TLShapeId, parentId: FIRST_PAGE_ID, index: indexKey(800), x, y, w: 500, h: 150, text: 'Casusoverleg | *maandelijks*', meta: { kind: 'afspraak', wie: 'Gemeente', wanneer: '1 juni 2025', hoe: 'Teams' } }),
    )
    const signalen = b.note('afspraken', 700, 2000, 'Wat: Signalen delen\nWie: GGD\nDatum: elke week\nHoe: beveiligde mail')
    const rows = sectionOf(b.model().sections, 'afspraken', 'agreements').rows
    // Each row names its card and the day its wanneer gives, for the calendar file.
    expect(rows.slice(1)).toEqual([
      { id: 'shape:afspraak', date: '2025-06-01', wie: 'Gemeente', wat: 'Casusoverleg | *maandelijks*', wanneer: '1 juni 2025', hoe: 'Teams', dots: null },
      { id: signalen.id, date: null, wie: 'GGD', wat: 'Signalen delen', wanneer: 'elke week', hoe: 'beveiligde mail', dots: null },
    ])
  })

  it('gives cards the latest vote’s dots and lists every closed vote with its zone name and results', () => {
    const b = board()
    const a = b.note('rode-draden', 100, 300, 'Niemand voelde zich eigenaar')
    const c = b.note('rode-draden', 700, 300, 'Informatie bleef hangen')
    const vote: ClosedVote = { id: 'v1', perParticipant: 3, zone: 'rode-draden', voters: 4, closedAt: '2025-03-12T10:30:00.000Z', results: [{ shapeId: c.id, votes: 5 }, { shapeId: a.id, votes: 2 }, { shapeId: 'shape:gone', votes: 1 }] }
    const model = b.model({ votes: [vote] })
    expect(sectionOf(model.sections, 'rode-draden', 'list').items).toEqual([
      { text: 'Niemand voelde zich eigenaar', dots: 2 },
      { text: 'Informatie bleef hangen', dots: 5 },
    ])
    expect(model.votes).toEqual([
      {
        closedAt: '2025-03-12T10:30:00.000Z',
        perParticipant: 3,
        zoneName: '3 Reflectie en rode draden',
        voters: 4,
        results: [
          { text: 'Informatie bleef hangen', dots: 5 },
          { text: 'Niemand voelde zich eigenaar', dots: 2 },
          { text: null, dots: 1 },
        ],
      },
    ])
  })

  it('keeps the agenda as it ran, a nameless step under its zone', () => {
    const model = buildHarvestModel({
      title: 'Casus',
      createdAt: CREATED,
      templateId: 'casusreconstructie',
      records: documentRecords(findTemplate('casusreconstructie')!),
      agendaRun: [
        { zone: 'spelregels', name: '1 Spelregels', startedAt: '2025-03-12T09:00:00.000Z', endedAt: '2025-03-12T09:12:00.000Z', plannedMinutes: 10 },
        { zone: 'tijdlijn', name: ' ', startedAt: '2025-03-12T09:12:00.000Z', endedAt: null, plannedMinutes: null },
      ],
      generatedAt: new Date('2025-03-12T10:00:00.000Z'),
    })
    expect(model.agenda).toEqual([
      { name: '1 Spelregels', startedAt: '2025-03-12T09:00:00.000Z', endedAt: '2025-03-12T09:12:00.000Z', plannedMinutes: 10 },
      { name: 'tijdlijn', startedAt: '2025-03-12T09:12:00.000Z', endedAt: null, plannedMinutes: null },
    ])
    expect(model.generatedAt).toBe('2025-03-12T10:00:00.000Z')
  })

  it('has the follow-up card once its date is set, and no template for the empty board', () => {
    const b = board()
    const card = b.records.find((r): r is TLShape => r.typeName === 'shape' && r.meta.kind === 'vervolgafspraak')!
    card.meta = { ...card.meta, date: '2026-03-01' }
    expect(b.model().followUp).toEqual({ date: '2026-03-01', text: expect.stringContaining('terugblikken op de casus') })
    card.meta = { ...card.meta, date: 'over een paar maanden' }
    expect(b.model().followUp).toBeNull()
    // The card panel's date picker writes the day as people read it, into meta.date too.
    card.meta = { ...card.meta, date: '1 maart 2026' }
    expect(b.model().followUp).toEqual({ date: '2026-03-01', text: expect.stringContaining('terugblikken op de casus') })
    const empty = buildHarvestModel({ title: 'Leeg', createdAt: CREATED, templateId: 'leeg', records: documentRecords(findTemplate('leeg')!) })
    expect(empty.template).toBeNull()
    expect(empty.sections).toEqual([{ kind: 'list', zone: null, name: 'Bord', items: [] }])
  })
})
