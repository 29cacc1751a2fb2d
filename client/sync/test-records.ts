/** Test fixtures: small, valid tldraw records written out by hand (no editor needed). */
import {
  createBindingId,
  createShapeId,
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  type TLArrowBinding,
  type TLArrowShape,
  type TLGeoShape,
  type TLNoteShape,
  type TLPage,
  type TLPageId,
  type TLRecord,
  type TLRichText,
  type TLShape,
  type TLShapeId,
} from '@tldraw/tlschema'

export const PAGE_ID = PageRecordType.createId('page') as TLPageId

/** What the server puts in every new board: the document record and one page. */
export function initialRecords(): TLRecord[] {
  return [
    DocumentRecordType.create({ id: TLDOCUMENT_ID }),
    PageRecordType.create({ id: PAGE_ID, name: 'Pagina 1', index: 'a1' as TLPage['index'] }),
  ]
}

/** Same shape as tldraw's (untyped-export) toRichText: one paragraph per line. */
export function richText(text: string): TLRichText {
  return {
    type: 'doc',
    content: text.split('\n').map((line) => (line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' })),
  }
}

const shapeBase = (id: TLShapeId, x: number, y: number, index: string) => ({
  id,
  typeName: 'shape' as const,
  parentId: PAGE_ID,
  index: index as TLShape['index'],
  x,
  y,
  rotation: 0,
  isLocked: false,
  opacity: 1,
  meta: {},
})

export function note(name: string, text: string, x = 0, y = 0): TLNoteShape {
  return {
    ...shapeBase(createShapeId(name), x, y, 'a1'),
    type: 'note',
    props: {
      color: 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 1,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: richText(text),
      scale: 1,
      textFirstEditedBy: null,
    },
  }
}

export function box(name: string, x = 0, y = 0): TLGeoShape {
  return {
    ...shapeBase(createShapeId(name), x, y, 'a2'),
    type: 'geo',
    props: {
      geo: 'rectangle',
      dash: 'draw',
      url: '',
      w: 100,
      h: 80,
      growY: 0,
      scale: 1,
      labelColor: 'black',
      color: 'black',
      fill: 'none',
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      richText: richText(''),
    },
  }
}

export function arrow(name: string): TLArrowShape {
  return {
    ...shapeBase(createShapeId(name), 0, 0, 'a3'),
    type: 'arrow',
    props: {
      kind: 'arc',
      labelColor: 'black',
      color: 'black',
      fill: 'none',
      dash: 'draw',
      size: 'm',
      arrowheadStart: 'none',
      arrowheadEnd: 'arrow',
      font: 'draw',
      start: { x: 0, y: 0 },
      end: { x: 200, y: 0 },
      bend: 0,
      richText: richText(''),
      labelPosition: 0.5,
      scale: 1,
      elbowMidPoint: 0.5,
    },
  }
}

export function arrowBinding(name: string, arrowId: TLShapeId, toId: TLShapeId, terminal: 'start' | 'end'): TLArrowBinding {
  return {
    id: createBindingId(name),
    typeName: 'binding',
    type: 'arrow',
    fromId: arrowId,
    toId,
    meta: {},
    props: { terminal, normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' },
  }
}
