import { toRichText, type TLRecord, type TLShape, type TLShapeId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { documentRecords, FIRST_PAGE_ID } from '../../server/initial-document.ts'
import { BoardGeometry, plainText, type Shape } from '../../shared/board-geometry.ts'
import { findTemplate } from '../../templates/index.ts'
import { geoRecord, indexKey, noteRecord, textRecord } from '../../templates/shapes.ts'
import { cardInfo, isCard, isChecked } from './card-kind.ts'
import { labelledValue, withCheckbox, withLabelledLine } from './rich-text-lines.ts'

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
  it('reads a tick from meta.checked or a check glyph, like the harvest', () => {
    expect(isChecked(shape(geoRecord({ ...base, id: 'shape:a' as TLShapeId, w: 9, h: 9, text: '☐ Opdracht', meta: { checked: true } })))).toBe(true)
    expect(isChecked(shape(geoRecord({ ...base, id: 'shape:b' as TLShapeId, w: 9, h: 9, text: '☑ Opdracht' })))).toBe(true)
    expect(isChecked(shape(geoRecord({ ...base, id: 'shape:c' as TLShapeId, w: 9, h: 9, text: '☐ Opdracht', meta: { checked: false } })))).toBe(false)
  })
})

describe('rich text lines', () => {
  const text = (richText: ReturnType<typeof toRichText> | null) => (richText ? plainText({ props: { richText } }) : null)

  it('sets an agreement line and leaves the others, keeping the label as written', () => {
    const card = toRichText('Wat: Casusoverleg\nWIE: \nWanneer: \nHoe: Teams')
    expect(text(withLabelledLine(card, ['wie'], 'Gemeente'))).toBe('Wat: Casusoverleg\nWIE: Gemeente\nWanneer:\nHoe: Teams')
    expect(text(withLabelledLine(card, ['wanneer', 'datum'], 'elke\nmaand'))).toBe('Wat: Casusoverleg\nWIE:\nWanneer: elke maand\nHoe: Teams')
    expect(withLabelledLine(toRichText('Alleen tekst'), ['wie'], 'x')).toBeNull()
    expect(labelledValue('Wat: a\nDatum: mei 2023', ['wanneer', 'datum'])).toBe('mei 2023')
    expect(labelledValue('Geen regels', ['wie'])).toBeNull()
  })

  it('turns a leading checkbox on and off, whichever glyph it had', () => {
    expect(text(withCheckbox(toRichText('☐ Opdracht helder'), true))).toBe('☑ Opdracht helder')
    expect(text(withCheckbox(toRichText('✅ Klaar'), false))).toBe('☐ Klaar')
    expect(withCheckbox(toRichText('Geen vakje'), true)).toBeNull()
  })
})
