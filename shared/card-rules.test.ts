import { type TLRecord, type TLShape, type TLShapeId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { documentRecords, FIRST_PAGE_ID } from '../server/initial-document.ts'
import { findTemplate } from '../templates/index.ts'
import { geoRecord, indexKey, noteRecord, textRecord } from '../templates/shapes.ts'
import { BoardGeometry } from './board-geometry.ts'
import { AGREEMENT_TEXT, agreementOf, cardDate, cardInfo, isCard, isChecked, isVotableCard, KIND_COLOURS, labelledValue } from './card-rules.ts'

let counter = 0

/** A board from a template, plus cards dropped at positions relative to a zone frame. */
function board(templateId: string) {
  const records: TLRecord[] = documentRecords(findTemplate(templateId)!)
  const frame = (zone: string) => records.find((r): r is TLShape => r.typeName === 'shape' && r.type === 'frame' && r.meta.zone === zone)!
  const note = (zone: string, x: number, y: number, text = 'Kaart', meta: Record<string, string | boolean> = {}) => {
    const f = frame(zone)
    const record = noteRecord({ id: `shape:c${++counter}` as TLShapeId, parentId: FIRST_PAGE_ID, index: indexKey(900 + counter), x: f.x + x, y: f.y + y, text, meta })
    records.push(record)
    return record.id
  }
  const info = (id: string) => {
    const geometry = new BoardGeometry(records)
    return cardInfo(geometry, geometry.shape(id)!)
  }
  return { records, frame, note, info }
}

describe('cardInfo', () => {
  it('tells moments (upper lane) from interpretations (lower lane) on the timeline', () => {
    const b = board('casusreconstructie')
    const upper = b.note('tijdlijn', 800, 300)
    const lower = b.note('tijdlijn', 800, 800)
    expect(b.info(upper)).toMatchObject({ kind: 'moment', zone: { zone: 'tijdlijn', name: '2 Tijdlijn' } })
    expect(b.info(lower)).toMatchObject({ kind: 'duiding', zone: { zone: 'tijdlijn' } })
  })

  it('follows the card when it is moved into another lane, whatever its meta.kind says', () => {
    const b = board('casusreconstructie')
    const id = b.note('tijdlijn', 800, 800, 'Verhuisd', { kind: 'moment' })
    expect(b.info(id).kind).toBe('duiding')
  })

  it('names red threads, lessons and agreements by their zone, other zones and the page plain cards', () => {
    const b = board('casusreconstructie')
    const rodeDraden = b.frame('rode-draden')
    const w = (rodeDraden.props as { w: number }).w
    expect(b.info(b.note('rode-draden', w - 300, 300)).kind).toBe('rode-draad')
    expect(b.info(b.note('lessen', 100, 400)).kind).toBe('les')
    expect(b.info(b.note('afspraken', 100, 400)).kind).toBe('afspraak')
    expect(b.info(b.note('spelregels', 100, 400))).toMatchObject({ kind: 'kaart', zone: { zone: 'spelregels' } })
    const outside = noteRecord({ id: 'shape:outside' as TLShapeId, parentId: FIRST_PAGE_ID, index: indexKey(999), x: -5000, y: -5000, text: 'Los' })
    b.records.push(outside)
    expect(b.info(outside.id)).toEqual({ kind: 'kaart', zone: null })
  })

  it('recognises checklist items of the stakeholder dialogue and agreements in its last column', () => {
    const b = board('stakeholderdialoog')
    const geometry = new BoardGeometry(b.records)
    const items = b.records.filter((r): r is TLShape => r.typeName === 'shape' && r.meta.kind === 'checklist')
    expect(items.length).toBeGreaterThan(5)
    for (const item of items) expect(cardInfo(geometry, geometry.shape(item.id)!).kind).toBe('checklist')
    const agreement = b.records.find((r): r is TLShape => r.typeName === 'shape' && r.meta.kind === 'afspraak')!
    expect(cardInfo(geometry, geometry.shape(agreement.id)!).kind).toBe('afspraak')
  })
})

describe('isCard and isChecked', () => {
  const shape = (record: TLShape) => new BoardGeometry([record]).shape(record.id)!
  const base = { parentId: FIRST_PAGE_ID, index: indexKey(1), x: 0, y: 0 }
  it('counts notes (even empty) and texts or geo shapes with text, never scaffolding', () => {
    expect(isCard(shape(noteRecord({ ...base, id: 'shape:n' as TLShapeId })))).toBe(true)
    expect(isCard(shape(geoRecord({ ...base, id: 'shape:g' as TLShapeId, w: 10, h: 10 })))).toBe(false)
    expect(isCard(shape(geoRecord({ ...base, id: 'shape:g2' as TLShapeId, w: 10, h: 10, text: 'Wat: iets' })))).toBe(true)
    expect(isCard(shape(textRecord({ ...base, id: 'shape:t' as TLShapeId, text: 'Kop', meta: { scaffold: true } })))).toBe(false)
  })
  it('lets a vote take only cards with text: a blank note offers nothing to choose', () => {
    expect(isVotableCard(shape(noteRecord({ ...base, id: 'shape:leeg' as TLShapeId })))).toBe(false)
    expect(isVotableCard(shape(noteRecord({ ...base, id: 'shape:vol' as TLShapeId, text: 'Rode draad' })))).toBe(true)
    expect(isVotableCard(shape(textRecord({ ...base, id: 'shape:k' as TLShapeId, text: 'Kop', meta: { scaffold: true } })))).toBe(false)
  })
  it('reads a tick from meta.checked or a check glyph, like the harvest', () => {
    expect(isChecked(shape(geoRecord({ ...base, id: 'shape:a' as TLShapeId, w: 9, h: 9, text: '☐ Opdracht', meta: { checked: true } })))).toBe(true)
    expect(isChecked(shape(geoRecord({ ...base, id: 'shape:b' as TLShapeId, w: 9, h: 9, text: '☑ Opdracht' })))).toBe(true)
    expect(isChecked(shape(geoRecord({ ...base, id: 'shape:c' as TLShapeId, w: 9, h: 9, text: '☐ Opdracht', meta: { checked: false } })))).toBe(false)
  })
})


describe('labelled lines', () => {
  it('reads the value of the first line with one of the labels', () => {
    expect(labelledValue('Wat: a\nDatum: mei 2023', ['wanneer', 'datum'])).toBe('mei 2023')
    expect(labelledValue('Geen regels', ['wie'])).toBeNull()
  })
})

describe('a moment’s date', () => {
  it('is meta.date, else a typed "Datum:" (or "Date:") line, which then leaves the text', () => {
    expect(cardDate({ text: 'Melding bij het wijkteam', meta: { date: '3 maart 2023' } })).toEqual({ date: '3 maart 2023', text: 'Melding bij het wijkteam' })
    expect(cardDate({ text: 'Datum: mei 2023\nHuisbezoek', meta: {} })).toEqual({ date: 'mei 2023', text: 'Huisbezoek' })
    expect(cardDate({ text: 'Huisbezoek\n  datum :  juni 2023 ', meta: { date: '' } })).toEqual({ date: 'juni 2023', text: 'Huisbezoek' })
    expect(cardDate({ text: 'Date: 4 May 2023\nVisit', meta: {} }).date).toBe('4 May 2023')
    expect(cardDate({ text: 'Datum: juli 2023\nNazorg', meta: { date: 'juli 2023' } })).toEqual({ date: 'juli 2023', text: 'Nazorg' })
    expect(cardDate({ text: 'Geen datum', meta: { date: 12 } })).toEqual({ date: '', text: 'Geen datum' })
  })
})

describe('agreement fields', () => {
  it('are the card’s labelled lines, Wat / Wie / Wanneer / Hoe, with unlabelled text as Wat', () => {
    expect(agreementOf({ text: 'Wat: x\nWie: y\nWanneer: z\nHoe: w', meta: {} })).toEqual({ wat: 'x', wie: 'y', wanneer: 'z', hoe: 'w' })
    expect(agreementOf({ text: 'Zomaar een afspraak', meta: {} })).toEqual({ wat: 'Zomaar een afspraak', wie: '', wanneer: '', hoe: '' })
    expect(agreementOf({ text: 'Wat: delen\nmet iedereen\nDatum: elke week', meta: {} })).toEqual({ wat: 'delen\nmet iedereen', wie: '', wanneer: 'elke week', hoe: '' })
  })

  it('say what the card says: a line wins over meta, meta fills a field the card has no line for', () => {
    // Typed over on the board after the panel had set meta: the report follows the card.
    expect(agreementOf({ text: 'Wat: x\nWie: y\nWanneer: \nHoe: w', meta: { wie: 'oud', wanneer: 'oud', date: 'oud' } })).toEqual({ wat: 'x', wie: 'y', wanneer: '', hoe: 'w' })
    expect(agreementOf({ text: 'Maandelijks overleg', meta: { wie: 'Gemeente', date: '1 juni 2025', hoe: 'Teams' } })).toEqual({
      wat: 'Maandelijks overleg',
      wie: 'Gemeente',
      wanneer: '1 juni 2025',
      hoe: 'Teams',
    })
  })

  it('start as four empty prompt lines on a new agreement card', () => {
    expect(AGREEMENT_TEXT).toBe('Wat: \nWie: \nWanneer: \nHoe: ')
    expect(agreementOf({ text: plainTextOf(AGREEMENT_TEXT), meta: {} })).toEqual({ wat: '', wie: '', wanneer: '', hoe: '' })
  })
})

describe('lane colours', () => {
  it('give each lane kind one colour: moments yellow, interpretations blue, red threads red, lessons green, agreements orange', () => {
    expect(KIND_COLOURS).toEqual({ moment: 'yellow', duiding: 'light-blue', 'rode-draad': 'light-red', les: 'light-green', afspraak: 'orange' })
  })

  it('follow the place a card lies in on the case reconstruction board', () => {
    const b = board('casusreconstructie')
    const colourAt = (zone: string, x: number, y: number) => {
      const kind = b.info(b.note(zone, x, y)).kind
      return (KIND_COLOURS as Record<string, string>)[kind] ?? null
    }
    expect(colourAt('tijdlijn', 800, 300)).toBe('yellow')
    expect(colourAt('tijdlijn', 800, 800)).toBe('light-blue')
    expect(colourAt('rode-draden', 2200, 300)).toBe('light-red')
    expect(colourAt('lessen', 100, 400)).toBe('light-green')
    expect(colourAt('afspraken', 100, 400)).toBe('orange')
    expect(colourAt('spelregels', 100, 400)).toBeNull()
  })
})

function plainTextOf(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
}
