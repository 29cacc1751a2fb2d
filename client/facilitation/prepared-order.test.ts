import { type TLRecord, type TLShape, type TLShapeId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { documentRecords, FIRST_PAGE_ID } from '../../server/initial-document.ts'
import { findTemplate } from '../../templates/index.ts'
import { indexKey, noteRecord } from '../../templates/shapes.ts'
import { preparedInOrder } from './prepared-order.ts'

let counter = 0

function casus() {
  const records: TLRecord[] = documentRecords(findTemplate('casusreconstructie')!)
  const frame = (zone: string) => records.find((r): r is TLShape => r.typeName === 'shape' && r.type === 'frame' && r.meta.zone === zone)!
  const card = (zone: string, x: number, y: number, text: string) => {
    const f = frame(zone)
    const record = noteRecord({ id: `shape:p${++counter}` as TLShapeId, parentId: FIRST_PAGE_ID, index: indexKey(900 + counter), x: f.x + x, y: f.y + y, text, meta: { prepared: true } })
    records.push(record)
    return record.id
  }
  return { records, card }
}

describe('preparedInOrder', () => {
  it('lists timeline cards left to right (a moment before its interpretation), then the rest top to bottom', () => {
    const b = casus()
    const later = b.card('tijdlijn', 1400, 300, 'Tweede moment')
    const duiding = b.card('tijdlijn', 800, 800, 'Duiding bij het eerste')
    const first = b.card('tijdlijn', 800, 300, 'Eerste moment')
    const lesson = b.card('lessen', 100, 400, 'Les onder')
    const above = b.card('lessen', 100, 100, 'Les boven')
    const notPrepared = b.card('tijdlijn', 100, 300, 'Niet van mij')
    const list = preparedInOrder(b.records, new Set([later, duiding, first, lesson, above]))
    expect(list.map((card) => card.text)).toEqual(['Eerste moment', 'Duiding bij het eerste', 'Tweede moment', 'Les boven', 'Les onder'])
    expect(list.map((card) => card.onTimeline)).toEqual([true, true, true, false, false])
    expect(list.some((card) => card.id === notPrepared)).toBe(false)
  })

  it('is empty without prepared cards, and skips ids that are not on the board', () => {
    const b = casus()
    expect(preparedInOrder(b.records, new Set())).toEqual([])
    expect(preparedInOrder(b.records, new Set(['shape:gone']))).toEqual([])
  })
})
