/**
 * The record each benchmark client moves: a tldraw 5.1.1 note shape on the first page, built
 * with @tldraw/tlschema so that a server validating records with tldraw's schema accepts it.
 * A move carries its stamp (sender, sequence number, send time) as a string in `meta.bench`.
 */
import { createShapeId, createTLSchema, toRichText, type TLNoteShape, type TLParentId } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { writeRecords, type StoredRecord } from '../../shared/doc-layout.ts'
import { formatStamp, parseStamp, scanStamps, type MoveStamp } from './stamp.ts'

export const PAGE_ID = 'page:page' as TLParentId

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

const labels = new Map<number, TLNoteShape['props']['richText']>()

/** The note's text, built once per client (it never changes; only the position and stamp do). */
function label(client: number): TLNoteShape['props']['richText'] {
  let text = labels.get(client)
  if (text === undefined) {
    text = toRichText(`bench note ${client}`)
    labels.set(client, text)
  }
  return text
}

export function noteId(board: number, client: number): TLNoteShape['id'] {
  return createShapeId(`bench-b${board}-c${client}`)
}

/** A note as a tldraw client would write it, at (x, y), stamped with `stamp` (its sender is `stamp.client`). */
export function noteRecord(board: number, x: number, y: number, stamp: MoveStamp): TLNoteShape {
  const { client } = stamp
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
      richText: label(client),
      scale: 1,
      textFirstEditedBy: null,
    },
    meta: { bench: formatStamp(stamp) },
  }
}

/** The layout stores records as plain JSON objects. */
export function asStored(record: TLNoteShape): StoredRecord {
  return record as unknown as StoredRecord
}

/** Reads the stamp a move carries; null for records that are not benchmark moves. */
export function readStamp(record: StoredRecord): MoveStamp | null {
  const meta = record.meta as { bench?: unknown } | undefined
  return parseStamp(meta?.bench)
}

const sameStamp = (a: MoveStamp | null, b: MoveStamp) => a !== null && a.client === b.client && a.seq === b.seq && Math.abs(a.t - b.t) < 0.001

/** The stamps a light client would find in the Yjs update that writes `note`. */
function stampsInUpdate(note: TLNoteShape): MoveStamp[] {
  const doc = new Y.Doc()
  let update: Uint8Array = new Uint8Array()
  doc.on('update', (written: Uint8Array) => (update = written))
  writeRecords(doc, { put: [asStored(note)] })
  const found: MoveStamp[] = []
  scanStamps(Buffer.from(update), (stamp) => found.push(stamp))
  return found
}

/**
 * Throws when tldraw's own schema rejects the benchmark's note, or when its stamp cannot be read
 * back, from the record (full clients) or from the raw update (light clients). Checked once per run.
 */
export function assertNoteIsValid(): void {
  const schema = createTLSchema()
  for (const client of [0, 1, 61, 62, 3843, 3844]) {
    const stamp = { client, seq: 7, t: performance.now() }
    const note = noteRecord(0, 123.5, -45.25, stamp)
    schema.types.shape.validate(note)
    const inUpdate = stampsInUpdate(note)
    if (!sameStamp(readStamp(asStored(note)), stamp) || inUpdate.length !== 1 || !sameStamp(inUpdate[0]!, stamp)) {
      throw new Error(`the note's stamp does not read back: ${JSON.stringify(note.meta)}`)
    }
  }
}
