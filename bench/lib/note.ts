/**
 * The record each benchmark client moves: a tldraw 5.1.1 note shape on the first page, built
 * with @tldraw/tlschema so that a server validating records with tldraw's schema accepts it.
 * A move carries its send time and sequence number in `meta`.
 */
import { createShapeId, createTLSchema, toRichText, type TLNoteShape, type TLParentId } from '@tldraw/tlschema'
import type { StoredRecord } from '../../shared/doc-layout.ts'

export const PAGE_ID = 'page:page' as TLParentId

/** What a move stamps into `meta`: the sender's clock (ms, performance.now()) and a counter. */
export interface MoveStamp {
  t: number
  seq: number
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

function base62(n: number): string {
  let out = ''
  do {
    out = BASE62[n % 62]! + out
    n = Math.floor(n / 62)
  } while (n > 0)
  return out
}

/** Distinct, valid fractional index keys in ascending order: a1, a11V, a12V, … */
export function noteIndex(i: number): TLNoteShape['index'] {
  return (i === 0 ? 'a1' : `a1${base62(i)}V`) as TLNoteShape['index']
}

export function noteId(board: number, client: number): TLNoteShape['id'] {
  return createShapeId(`bench-b${board}-c${client}`)
}

/** A note as a tldraw client would write it, at (x, y), stamped with `stamp`. */
export function noteRecord(board: number, client: number, x: number, y: number, stamp: MoveStamp): TLNoteShape {
  return {
    id: noteId(board, client),
    typeName: 'shape',
    type: 'note',
    x,
    y,
    rotation: 0,
    index: noteIndex(client),
    parentId: PAGE_ID,
    isLocked: false,
    opacity: 1,
    props: {
      color: 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: null,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: toRichText(`bench note ${client}`),
      scale: 1,
      textFirstEditedBy: null,
    },
    meta: { t: stamp.t, seq: stamp.seq },
  }
}

/** The layout stores records as plain JSON objects. */
export function asStored(record: TLNoteShape): StoredRecord {
  return record as unknown as StoredRecord
}

/** Reads the stamp a move carries; null for records that are not benchmark moves. */
export function readStamp(record: StoredRecord): MoveStamp | null {
  const meta = record.meta as Partial<MoveStamp> | undefined
  return typeof meta?.t === 'number' && typeof meta.seq === 'number' ? { t: meta.t, seq: meta.seq } : null
}

/** Throws when tldraw's own schema rejects the benchmark's note (checked once per run). */
export function assertNoteIsValid(): void {
  const schema = createTLSchema()
  for (const client of [0, 1, 61, 62, 3843, 3844]) {
    schema.types.shape.validate(noteRecord(0, client, 123.5, -45.25, { t: performance.now(), seq: 7 }))
  }
}
