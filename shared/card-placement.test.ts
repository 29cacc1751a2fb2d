import type { TLShape } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { NOTE_SIZE, noteGrowY } from '../templates/shapes.ts'
import { BoardGeometry, type Box } from './board-geometry.ts'
import { buildOutline, type OutlinePart } from './board-outline.ts'
import { placeCard, isPlaceholder, type PlaceRequest } from './card-placement.ts'
import { TEMPLATES } from '../templates/index.ts'
import { testBoard } from './test-board.ts'

const SIZE = { w: NOTE_SIZE, h: NOTE_SIZE }

/** A casusreconstructie board on which list-view cards are placed one after another. */
function listBoard(options: { fillPlaceholders?: boolean } = {}) {
  const board = testBoard()
  if (options.fillPlaceholders) {
    // Participants wrote on every empty card: none is free any more.
    let n = 0
    for (const record of board.records) if (record.typeName === 'shape' && isPlaceholder(record as never)) (record as TLShape & { props: { richText: unknown } }).props.richText = text(`vol ${++n}`)
  }
  const frameId = (zone: string) => board.frame(zone).id
  /** Places a card as the list view does and puts it on the board; returns its id. */
  const add = (request: Omit<PlaceRequest, 'size'>, label: string, meta: Record<string, string> = {}) => {
    const geometry = new BoardGeometry(board.records)
    const placement = placeCard(geometry, { size: { w: NOTE_SIZE, h: NOTE_SIZE + noteGrowY(label, 'm') }, ...request })
    if (placement.replaces) board.records.splice(board.records.findIndex((r) => r.id === placement.replaces), 1)
    return board.note(null, placement.x, placement.y, label, meta).id
  }
  const outline = () => buildOutline({ records: board.records, templateId: 'casusreconstructie' })
  const part = (zone: string) => outline().find((p) => p.zone === zone)!
  return { ...board, frameId, add, outline, part }
}

function text(value: string) {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: value }] }] }
}

const ids = (part: OutlinePart) => part.cards.map((card) => card.id)

/** Every pair of the given shapes' boxes apart (O(n²), fine for the few cards of a test). */
function overlapping(boxes: readonly { id: string; box: Box }[]): string[][] {
  const pairs: string[][] = []
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      if (a.box.minX < b.box.maxX && a.box.maxX > b.box.minX && a.box.minY < b.box.maxY && a.box.maxY > b.box.minY) pairs.push([a.id, b.id])
    }),
  )
  return pairs
}

function cardBoxes(records: Parameters<typeof buildOutline>[0]['records'], zone: string) {
  const geometry = new BoardGeometry(records)
  return geometry
    .contentItems()
    .filter((item) => geometry.zoneOf(item.shape)?.meta.zone === zone)
    .map((item) => ({ id: item.shape.id, box: item.box }))
}

describe('placeCard in rows', () => {
  it('takes the first empty placeholder card of the zone, then free slots inside the frame without overlap', () => {
    const board = listBoard()
    const placeholders = board.records.filter((r) => r.typeName === 'shape' && isPlaceholder(r as never) && (r as TLShape).meta.kind === 'rode-draad').map((r) => r.id)
    expect(placeholders).toHaveLength(4)
    const added: string[] = []
    for (let i = 0; i < 8; i++) added.push(board.add({ frameId: board.frameId('rode-draden') }, `Rode draad ${i + 1}`))
    // The four placeholders were replaced in reading order, by the first four cards.
    expect(board.records.filter((r) => placeholders.includes(r.id))).toEqual([])
    const part = board.part('rode-draden')
    expect(ids(part).slice(0, 4)).toEqual(added.slice(0, 4))
    expect(new Set(ids(part))).toEqual(new Set(added))
    expect(part.cards.every((card) => card.kind === 'rode-draad')).toBe(true)
    // Nothing overlaps: neither each other nor the frame's headings, prompts and triangle.
    const geometry = new BoardGeometry(board.records)
    const frameBox = geometry.bounds(geometry.shape(board.frameId('rode-draden'))!)
    const inFrame = [...geometry.allShapes()].filter((s) => s.type !== 'frame' && s.type !== 'arrow' && s.meta.role !== 'lane' && geometry.zoneOf(s)?.meta.zone === 'rode-draden')
    expect(overlapping(inFrame.map((s) => ({ id: s.id, box: geometry.bounds(s) })))).toEqual([])
    for (const id of added) {
      const box = geometry.bounds(geometry.shape(id)!)
      expect(box.minX >= frameBox.minX && box.maxX <= frameBox.maxX && box.minY >= frameBox.minY && box.maxY <= frameBox.maxY).toBe(true)
    }
  })

  it('keeps the centre inside the frame when the zone is full, and never moves another card', () => {
    const board = listBoard({ fillPlaceholders: true })
    const before = JSON.stringify(board.records)
    for (let i = 0; i < 25; i++) board.add({ frameId: board.frameId('lessen') }, `Les ${i}`)
    expect(JSON.stringify(board.records).startsWith(before.slice(0, -1))).toBe(true)
    expect(board.part('lessen').cards.filter((card) => card.text.startsWith('Les '))).toHaveLength(25)
  })

  it('takes a free slot before a later empty card, in reading order', () => {
    const board = listBoard()
    const frameId = board.frameId('lessen')
    const first = board.add({ frameId }, 'Eerste les')
    // Someone takes the first card elsewhere: its slot is free again, before the empty cards.
    const record = board.records.find((r) => r.id === first) as TLShape
    const slot = { x: record.x, y: record.y }
    Object.assign(record, { x: -5000, y: -5000 })
    const next = board.add({ frameId }, 'Tweede les')
    const placed = board.records.find((r) => r.id === next) as TLShape
    expect({ x: placed.x, y: placed.y }).toEqual(slot)
  })

  it('covers as little as it can of the others when the zone is full', () => {
    const board = listBoard({ fillPlaceholders: true })
    const frameId = board.frameId('afspraken')
    const id = board.add({ frameId }, 'Nog een afspraak')
    const geometry = new BoardGeometry(board.records)
    const box = geometry.bounds(geometry.shape(id)!)
    const covered = [...geometry.allShapes()]
      .filter((s) => s.id !== id && s.type !== 'frame' && s.type !== 'arrow' && s.meta.role !== 'lane')
      .map((s) => geometry.bounds(s))
      .reduce((sum, b) => sum + Math.max(0, Math.min(box.maxX, b.maxX) - Math.max(box.minX, b.minX)) * Math.max(0, Math.min(box.maxY, b.maxY) - Math.max(box.minY, b.minY)), 0)
    // The frame has no free spot for a note, but one that covers only a little (a line of prompt).
    expect(covered).toBeGreaterThan(0)
    expect(covered).toBeLessThan(0.25 * NOTE_SIZE * NOTE_SIZE)
    expect(board.part('afspraken').cards.map((c) => c.id)).toContain(id)
  })

  it('counts a moving card’s own place as free', () => {
    const board = listBoard({ fillPlaceholders: true })
    const id = board.add({ frameId: board.frameId('lessen') }, 'Eerste les')
    const geometry = new BoardGeometry(board.records)
    const where = geometry.bounds(geometry.shape(id)!)
    expect(placeCard(geometry, { frameId: board.frameId('lessen'), size: SIZE, moving: id })).toEqual({ x: where.minX, y: where.minY, replaces: null })
  })

  it('puts cards on a board without frames in rows over its cards, overlapping none', () => {
    const board = testBoard('leeg')
    board.note(null, 100, 100, 'Er al')
    for (let i = 0; i < 8; i++) {
      const placement = placeCard(new BoardGeometry(board.records), { frameId: null, size: SIZE })
      board.note(null, placement.x, placement.y, `Kaart ${i}`)
    }
    const geometry = new BoardGeometry(board.records)
    const items = geometry.contentItems()
    expect(overlapping(items.map((item) => ({ id: item.shape.id, box: item.box })))).toEqual([])
    // The first row goes on from the card that was there.
    expect(items.filter((item) => item.box.minY === 100)).toHaveLength(5)
    expect(buildOutline({ records: board.records, templateId: 'leeg' })[0]!.cards.map((card) => card.text)).toEqual(['Er al', ...Array.from({ length: 8 }, (_, i) => `Kaart ${i}`)])
  })

  it('puts a card outside every zone below the frames', () => {
    const board = listBoard()
    const id = board.add({ frameId: null }, 'Los')
    const second = board.add({ frameId: null }, 'Ook los')
    expect(board.outline().at(-1)).toMatchObject({ zone: null, cards: [{ id }, { id: second }] })
  })
})

describe('placeCard on the timeline', () => {
  it('puts moments at the x their date implies among the dated moments, without overlap while there is room', () => {
    const board = listBoard()
    const frameId = board.frameId('tijdlijn')
    const moment = (label: string, date?: string) => board.add({ frameId, ...(date ? { date } : {}) }, label, date ? { date } : {})
    // Entered in order first (taking the template's three empty moments), then filled in.
    const jan = moment('Januari', '3 januari 2024')
    const june = moment('Juni', '2024-06-01')
    const dec = moment('December', 'december 2024')
    const march = moment('Maart', '2024-03-10')
    const before = moment('Begin', '2020')
    const undated = moment('Zonder datum')
    const may = moment('Mei', '12-5-2024')
    const sept = moment('September', '2024-09-15')
    expect(ids(board.part('tijdlijn'))).toEqual([before, jan, march, may, june, sept, dec, undated])
    expect(board.part('tijdlijn').cards.every((card) => card.kind === 'moment')).toBe(true)
    expect(overlapping(cardBoxes(board.records, 'tijdlijn'))).toEqual([])
  })

  it('keeps the date order when there is no room between the neighbours (overlapping then)', () => {
    const board = listBoard({ fillPlaceholders: true })
    const frameId = board.frameId('tijdlijn')
    const dated = (label: string, date: string) => board.add({ frameId, date }, label, { date })
    const a = dated('A', '2024-01-01')
    const c = dated('C', '2024-03-01')
    const b = dated('B', '2024-02-01')
    const b2 = dated('B2', '2024-02-02')
    const order = ids(board.part('tijdlijn')).filter((id) => ([a, b, b2, c] as string[]).includes(id))
    expect(order).toEqual([a, b, b2, c])
  })

  it('takes an empty moment placeholder that lies in order, and goes beside a given neighbour', () => {
    const board = listBoard()
    const frameId = board.frameId('tijdlijn')
    const a = board.add({ frameId, date: '2024-01-01' }, 'A', { date: '2024-01-01' })
    const b = board.add({ frameId, date: '2024-02-01' }, 'B', { date: '2024-02-01' })
    // The template's three empty moments were taken left to right.
    expect(board.records.filter((r) => r.typeName === 'shape' && isPlaceholder(r as never) && (r as TLShape).meta.kind === 'moment')).toHaveLength(1)
    const between = board.add({ frameId, after: a }, 'Tussen')
    const before = board.add({ frameId, before: a }, 'Ervoor')
    expect(ids(board.part('tijdlijn'))).toEqual([before, a, between, b])
    expect(overlapping(cardBoxes(board.records, 'tijdlijn'))).toEqual([])
  })

  it('puts interpretations in the lower lane under their moment', () => {
    const board = listBoard({ fillPlaceholders: true })
    const frameId = board.frameId('tijdlijn')
    const a = board.add({ frameId, date: '2024-01-01' }, 'A', { date: '2024-01-01' })
    const b = board.add({ frameId, date: '2024-02-01' }, 'B', { date: '2024-02-01' })
    const underB = [board.add({ frameId, duidingOf: b }, 'Duiding B1'), board.add({ frameId, duidingOf: b }, 'Duiding B2')]
    const underA = board.add({ frameId, duidingOf: a }, 'Duiding A')
    const timeline = board.part('tijdlijn')
    expect(timeline.cards.find((card) => card.id === b)!.duidingen!.map((d) => d.id)).toEqual(underB)
    expect(timeline.cards.find((card) => card.id === a)!.duidingen!.map((d) => d.id)).toEqual([underA])
    expect(overlapping(cardBoxes(board.records, 'tijdlijn'))).toEqual([])
  })
})

describe('placeCard on every template', () => {
  for (const template of TEMPLATES.filter((t) => t.id !== 'leeg')) {
    it(`keeps new cards in the zone they were added to (centre inside its frame, nested frames too): ${template.id}`, () => {
      const board = testBoard(template.id)
      const geometry = new BoardGeometry(board.records)
      const frames = geometry.zoneFrames()
      expect(frames.length).toBeGreaterThan(0)
      for (const frame of frames) {
        const added: string[] = []
        for (let i = 0; i < 3; i++) {
          const placement = placeCard(new BoardGeometry(board.records), { frameId: frame.id, size: SIZE })
          if (placement.replaces) board.records.splice(board.records.findIndex((r) => r.id === placement.replaces), 1)
          added.push(board.note(null, placement.x, placement.y, `${String(frame.meta.zone)} ${i}`).id)
        }
        const after = new BoardGeometry(board.records)
        for (const id of added) expect(after.zoneOf(after.shape(id)!)?.id, `${id} in ${String(frame.meta.zone)}`).toBe(frame.id)
      }
    })
  }
})
