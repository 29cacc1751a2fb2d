/**
 * For tests: a board made from a real template, with participants' notes dropped at positions
 * relative to a zone frame (as the canvas makes them: page-level notes on top of the frame).
 */
import { DocumentRecordType, PageRecordType, TLDOCUMENT_ID, type TLPage, type TLPageId, type TLRecord, type TLShape, type TLShapeId } from '@tldraw/tlschema'
import type { IndexKey, JsonObject } from '@tldraw/utils'
import { findTemplate } from '../templates/index.ts'
import { indexKey, noteRecord } from '../templates/shapes.ts'

export const TEST_PAGE_ID = PageRecordType.createId('page') as TLPageId

export function testBoard(templateId = 'casusreconstructie') {
  const template = findTemplate(templateId)
  if (!template) throw new Error(`no template ${templateId}`)
  const records: TLRecord[] = [
    DocumentRecordType.create({ id: TLDOCUMENT_ID }),
    PageRecordType.create({ id: TEST_PAGE_ID, name: 'Pagina 1', index: 'a1' as TLPage['index'] }),
    ...template.build(TEST_PAGE_ID),
  ]
  const shapes = new Map(records.filter((r): r is TLShape => r.typeName === 'shape').map((shape) => [shape.id as string, shape]))
  const frame = (zone: string) => [...shapes.values()].find((shape) => shape.type === 'frame' && shape.meta.zone === zone)!
  /** Page position of a point given relative to a zone frame (frames may be nested), or to the page (null). */
  const at = (zone: string | null, x: number, y: number) => {
    let f: TLShape | undefined = zone === null ? undefined : frame(zone)
    let px = x
    let py = y
    while (f) {
      px += f.x
      py += f.y
      f = shapes.get(f.parentId)
    }
    return { x: px, y: py }
  }
  let counter = 0
  const note = (zone: string | null, x: number, y: number, text: string, meta: JsonObject = {}) => {
    counter++
    const record = noteRecord({ id: `shape:t-${counter}` as TLShapeId, parentId: TEST_PAGE_ID, index: noteIndex(counter), ...at(zone, x, y), text, meta })
    records.push(record)
    shapes.set(record.id, record)
    return record
  }
  return { records, frame, at, note }
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** Ascending index keys above the template's, for as many notes as a bench puts down. */
function noteIndex(n: number): IndexKey {
  if (n < 3000) return indexKey(900 + n)
  const digits = [Math.floor(n / 3844) % 62, Math.floor(n / 62) % 62, n % 62].map((d) => BASE62[d]).join('')
  return `c${digits}` as IndexKey
}
