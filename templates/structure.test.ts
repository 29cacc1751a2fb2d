import { PageRecordType, type TLPage, type TLPageId, type TLRecord, type TLShape, type TLShapeId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { assertValidRecords, documentRecords, FIRST_PAGE_ID } from '../server/initial-document.ts'
import type { StoredRecord } from '../shared/doc-layout.ts'
import { findTemplate } from './index.ts'
import { arrowRecords, frameRecord, indexKey, noteRecord, textRecord } from './shapes.ts'
import { extractStructure, placeOnPage, STRUCTURE_PAGE_ID } from './structure.ts'

const id = (key: string) => `shape:${key}` as TLShapeId

/** A casusreconstructie board as it looks after a session: cards added, scaffolding unlocked. */
function usedBoard(): TLRecord[] {
  const records = documentRecords(findTemplate('casusreconstructie')!).map((record) =>
    record.typeName === 'shape' && record.meta.scaffold === true ? { ...record, isLocked: false } : record,
  )
  const frames = records.filter((r): r is TLShape => r.typeName === 'shape' && r.type === 'frame')
  const [first, second] = frames
  const secondPage = PageRecordType.create({ id: 'page:second' as TLPageId, name: 'Pagina 2', index: 'a2' as TLPage['index'] })
  records.push(
    noteRecord({ id: id('card'), parentId: FIRST_PAGE_ID, index: indexKey(300), x: first!.x + 40, y: first!.y + 40, text: 'Melding', textFirstEditedBy: 'user:anna' }),
    // A facilitator's arrow from one frame to the next: structure.
    ...arrowRecords({
      id: id('flow'),
      parentId: FIRST_PAGE_ID,
      index: indexKey(301),
      x: first!.x,
      y: first!.y,
      start: { point: { x: 0, y: 0 }, to: first!.id },
      end: { point: { x: 100, y: 0 }, to: second!.id },
    }),
    // A participant's arrow from a card to a frame: not structure.
    ...arrowRecords({
      id: id('pointer'),
      parentId: FIRST_PAGE_ID,
      index: indexKey(302),
      x: 0,
      y: 0,
      start: { point: { x: 0, y: 0 }, to: id('card') },
      end: { point: { x: 100, y: 0 }, to: second!.id },
    }),
    secondPage,
    frameRecord({ id: id('elsewhere'), parentId: secondPage.id, index: indexKey(1), x: 0, y: 0, w: 100, h: 100, name: 'Elders' }),
  )
  return records
}

const shapes = (records: readonly StoredRecord[]) => records.filter((r) => r.typeName === 'shape')

describe('extractStructure', () => {
  const board = usedBoard()
  const structure = extractStructure(board as unknown as StoredRecord[])
  const byId = new Map(structure.map((record) => [record.id, record]))

  it('keeps every frame and scaffold shape of the first page, locked, and no card', () => {
    const template = board.filter((r): r is TLShape => r.typeName === 'shape' && r.parentId !== 'page:second')
    const expected = template.filter((shape) => shape.type === 'frame' || shape.meta.scaffold === true).map((shape) => shape.id)
    expect(expected.length).toBeGreaterThan(20)
    for (const shapeId of expected) expect(byId.get(shapeId), shapeId).toMatchObject({ isLocked: true })
    expect(shapes(structure).filter((shape) => shape.type === 'note')).toEqual([])
    expect(shapes(structure).some((shape) => (shape.meta as { kind?: string }).kind)).toBe(false)
    expect(byId.has(id('elsewhere'))).toBe(false)
  })

  it('keeps arrows between kept shapes with their bindings, and drops the others', () => {
    expect(byId.get(id('flow'))).toMatchObject({ type: 'arrow', isLocked: true })
    expect(structure.filter((r) => r.typeName === 'binding' && r.fromId === id('flow'))).toHaveLength(2)
    expect(byId.has(id('pointer'))).toBe(false)
    expect(structure.some((r) => r.typeName === 'binding' && r.fromId === id('pointer'))).toBe(false)
    // The template's own locked connectors (the collaboration triangle) come along too.
    expect(shapes(structure).filter((shape) => (shape.meta as { role?: string }).role === 'connector')).toHaveLength(3)
  })

  it('puts page-level shapes on a neutral page that placeOnPage swaps for a new one', () => {
    for (const shape of shapes(structure)) {
      const parent = shape.parentId as string
      expect(parent === STRUCTURE_PAGE_ID || byId.has(parent), `${shape.id} parent ${parent}`).toBe(true)
    }
    const placed = placeOnPage(structure, 'page:new')
    expect(shapes(placed).filter((shape) => shape.parentId === 'page:new').length).toBeGreaterThan(5)
    expect(shapes(placed).some((shape) => shape.parentId === STRUCTURE_PAGE_ID)).toBe(false)
    expect(structure.some((r) => r.parentId === 'page:new')).toBe(false) // copies, not the same objects
  })

  it('gives records tldraw accepts on a new board', () => {
    expect(() => assertValidRecords(placeOnPage(structure, FIRST_PAGE_ID) as unknown as TLRecord[])).not.toThrow()
  })

  it('moves scaffolding out of a parent that is not kept without moving it on the page', () => {
    const page = PageRecordType.create({ id: FIRST_PAGE_ID, name: 'Pagina 1', index: 'a1' as TLPage['index'] })
    const group: StoredRecord = {
      id: id('group'),
      typeName: 'shape',
      type: 'group',
      parentId: FIRST_PAGE_ID,
      index: indexKey(1),
      x: 100,
      y: 50,
      rotation: 0,
      isLocked: false,
      opacity: 1,
      meta: {},
      props: {},
    }
    const label = textRecord({ id: id('label'), parentId: id('group'), index: indexKey(1), x: 10, y: 20, text: 'Kop', meta: { scaffold: true } })
    const [kept] = extractStructure([page, group, label] as unknown as StoredRecord[])
    expect(kept).toMatchObject({ id: id('label'), parentId: STRUCTURE_PAGE_ID, x: 110, y: 70, isLocked: true })
  })

  it('finds nothing on a board without structure', () => {
    const records = documentRecords(findTemplate('leeg')!)
    records.push(noteRecord({ id: id('n'), parentId: FIRST_PAGE_ID, index: indexKey(1), x: 0, y: 0, text: 'Los' }))
    expect(extractStructure(records as unknown as StoredRecord[])).toEqual([])
  })
})
