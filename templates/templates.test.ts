import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { BoardGeometry } from '../shared/board-geometry.ts'
import { cardInfo, KIND_COLOURS } from '../shared/card-rules.ts'
import { assertValidRecords, documentRecords, FIRST_PAGE_ID } from '../server/initial-document.ts'
import { findTemplate, TEMPLATES } from './index.ts'
import { arrowRecords, BoardBuilder, estimateLineCount, frameRecord, geoRecord, indexKey, noteRecord, textRecord } from './shapes.ts'

const CONTRACT_IDS = ['casusreconstructie', 'bestuurlijke-dialoog', '7v-dialoog', 'stakeholderdialoog', 'gelijkwaardig-gesprek']

type Box = { minX: number; minY: number; maxX: number; maxY: number }
const overlaps = (a: Box, b: Box) => a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY
const contains = (outer: Box, inner: Box) => inner.minX >= outer.minX && inner.maxX <= outer.maxX && inner.minY >= outer.minY && inner.maxY <= outer.maxY

function shapesOf(records: TLRecord[]): TLShape[] {
  return records.filter((r): r is TLShape => r.typeName === 'shape')
}

describe('template registry', () => {
  it('offers leeg first, then the five contract templates with Dutch titles and descriptions', () => {
    expect(TEMPLATES[0]!.id).toBe('leeg')
    expect(TEMPLATES.map((t) => t.id).slice(1)).toEqual(CONTRACT_IDS)
    for (const template of TEMPLATES) {
      expect(findTemplate(template.id)).toBe(template)
      expect(template.title.length).toBeGreaterThan(3)
      expect(template.description.length).toBeGreaterThan(20)
      expect(template.description).not.toContain('\n')
    }
  })

  it('gives casusreconstructie the five required zones, in order', () => {
    const frames = shapesOf(findTemplate('casusreconstructie')!.build(FIRST_PAGE_ID)).filter((s) => s.type === 'frame')
    const zones = frames.sort((a, b) => (a.meta.zoneOrder as number) - (b.meta.zoneOrder as number)).map((f) => f.meta.zone)
    expect(zones).toEqual(['spelregels', 'tijdlijn', 'rode-draden', 'lessen', 'afspraken'])
  })

  it('suggests a timebox for every step, casusreconstructie together two hours', () => {
    for (const template of TEMPLATES.filter((t) => t.id !== 'leeg')) {
      for (const frame of shapesOf(template.build(FIRST_PAGE_ID)).filter((s) => s.type === 'frame')) {
        expect(frame.meta.timebox, `${template.id} ${String(frame.meta.zone)}`).toBeGreaterThan(0)
      }
    }
    const casus = shapesOf(findTemplate('casusreconstructie')!.build(FIRST_PAGE_ID)).filter((s) => s.type === 'frame')
    expect(Object.fromEntries(casus.map((f) => [f.meta.zone, f.meta.timebox]))).toEqual({ spelregels: 10, tijdlijn: 45, 'rode-draden': 30, lessen: 20, afspraken: 15 })
  })
})

describe.each(TEMPLATES.filter((t) => t.id !== 'leeg').map((t) => [t.id, t] as const))('template %s', (_id, template) => {
  const records = documentRecords(template)
  const shapes = shapesOf(records)
  const byId = new Map<string, TLRecord>(records.map((r) => [r.id, r]))
  const board = new BoardGeometry(records)
  const frames = shapes.filter((s) => s.type === 'frame')

  it('builds records tldraw accepts, with unique ids and existing parents and binding ends', () => {
    expect(() => assertValidRecords(records)).not.toThrow()
    expect(byId.size).toBe(records.length)
    for (const shape of shapes) expect(byId.has(shape.parentId), `${shape.id} parent ${shape.parentId}`).toBe(true)
    for (const binding of records.filter((r) => r.typeName === 'binding')) {
      expect(byId.get((binding as { fromId: string }).fromId)).toMatchObject({ type: 'arrow' })
      expect(byId.has((binding as { toId: string }).toId)).toBe(true)
    }
  })

  it('gives siblings distinct index keys and puts cards above every frame', () => {
    const seen = new Set<string>()
    for (const shape of shapes) {
      const key = `${shape.parentId} ${shape.index}`
      expect(seen.has(key), key).toBe(false)
      seen.add(key)
    }
    const pageShapes = shapes.filter((s) => s.parentId === FIRST_PAGE_ID)
    const highestFrame = pageShapes.filter((s) => s.type === 'frame').map((s) => s.index).sort().at(-1)!
    for (const card of pageShapes.filter((s) => s.meta.kind)) expect(card.index > highestFrame).toBe(true)
  })

  it('builds the same board every time', () => {
    expect(template.build(FIRST_PAGE_ID)).toEqual(template.build(FIRST_PAGE_ID))
  })

  it('tags every frame with a unique zone and its place, and locks it', () => {
    expect(frames.length).toBeGreaterThan(0)
    const zones = frames.map((f) => f.meta.zone)
    for (const zone of zones) expect(zone).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    expect(new Set(zones).size).toBe(zones.length)
    expect(frames.map((f) => f.meta.zoneOrder)).toEqual(frames.map((_, i) => i))
    for (const frame of frames) {
      expect(frame.isLocked).toBe(true)
      expect(frame.meta.scaffold).toBe(true)
      expect((frame.props as { name: string }).name.length).toBeGreaterThan(0)
    }
  })

  it('numbers its steps once each, 1, 2, 3… in the order of its frames', () => {
    const numbered = [...frames]
      .sort((a, b) => (a.meta.zoneOrder as number) - (b.meta.zoneOrder as number))
      .map((frame) => /^(\d+)\s/.exec((frame.props as { name: string }).name)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number)
    expect(numbered).toEqual(numbered.map((_, i) => i + 1))
  })

  it('gives each lane’s cards the colour of their kind, the colour new cards in that lane get', () => {
    for (const card of shapes.filter((s) => s.meta.scaffold !== true && s.meta.kind !== undefined)) {
      const info = cardInfo(board, board.shape(card.id)!)
      const colour = (KIND_COLOURS as Record<string, string>)[info.kind]
      if (colour && card.type === 'note') expect((card.props as { color: string }).color, `${card.id} (${info.kind})`).toBe(colour)
    }
  })

  it('lays frames out without overlap: siblings apart, nested frames inside their parent', () => {
    for (const a of frames) {
      for (const b of frames) {
        if (a === b) continue
        if (a.parentId === b.parentId) expect(overlaps(board.bounds(board.shape(a.id)!), board.bounds(board.shape(b.id)!)), `${a.meta.zone} × ${b.meta.zone}`).toBe(false)
        if (b.parentId === a.id) expect(contains(board.bounds(board.shape(a.id)!), board.bounds(board.shape(b.id)!)), `${b.meta.zone} in ${a.meta.zone}`).toBe(true)
      }
      // Frames are big enough to work in, not so big they cannot be read at 100%.
      const { w, h } = a.props as { w: number; h: number }
      expect(w).toBeGreaterThanOrEqual(400)
      expect(h).toBeGreaterThanOrEqual(150)
      expect(w).toBeLessThanOrEqual(6400)
    }
  })

  it('locks the scaffolding and leaves the cards free', () => {
    for (const shape of shapes) {
      if (shape.meta.scaffold === true) expect(shape.isLocked, shape.id).toBe(true)
      else {
        expect(shape.isLocked, shape.id).toBe(false)
        expect(typeof shape.meta.kind, shape.id).toBe('string')
        expect(shape.parentId, `${shape.id} must not be a child of a locked frame`).toBe(FIRST_PAGE_ID)
      }
    }
  })

  it('puts every card inside a zone, and every frame child inside its frame', () => {
    for (const shape of shapes) {
      if (shape.type === 'frame' || shape.type === 'arrow') continue
      const parent = byId.get(shape.parentId) as TLShape | undefined
      if (parent?.type === 'frame') expect(contains(board.bounds(board.shape(parent.id)!), board.bounds(board.shape(shape.id)!)), `${shape.id} sticks out of ${parent.meta.zone}`).toBe(true)
      if (shape.meta.scaffold !== true) {
        const zone = board.zoneOf(board.shape(shape.id)!)
        expect(zone, `${shape.id} lies in no zone`).not.toBeNull()
        expect(contains(board.bounds(zone!), board.bounds(board.shape(shape.id)!)), `${shape.id} sticks out of ${zone!.meta.zone}`).toBe(true)
      }
    }
  })

  it('keeps texts and cards clear of each other', () => {
    const solid = shapes.filter((s) => s.type !== 'frame' && s.type !== 'arrow' && s.meta.role !== 'lane')
    for (let i = 0; i < solid.length; i++) {
      for (let j = i + 1; j < solid.length; j++) {
        const a = solid[i]!
        const b = solid[j]!
        expect(overlaps(board.bounds(board.shape(a.id)!), board.bounds(board.shape(b.id)!)), `${a.id} (${text(a)}) overlaps ${b.id} (${text(b)})`).toBe(false)
      }
    }
  })

  it('makes checklist cards checkable and agreement cards fillable', () => {
    for (const shape of shapes) {
      if (shape.meta.kind === 'checklist') {
        expect(shape.meta.checked).toBe(false)
        expect(text(shape)).toMatch(/^☐ \S/)
      }
      if (shape.meta.kind === 'afspraak') expect(shape.meta).toMatchObject({ wie: '', wanneer: '', hoe: '' })
    }
  })
})

function text(shape: TLShape): string {
  const rich = (shape.props as { richText?: { content: { content?: { text: string }[] }[] } }).richText
  return rich?.content.map((p) => p.content?.map((t) => t.text).join('') ?? '').join('\n') ?? ''
}

describe('casusreconstructie', () => {
  const shapes = shapesOf(findTemplate('casusreconstructie')!.build(FIRST_PAGE_ID))
  it('holds the example ground rules, including the Chatham House Rule, as notes', () => {
    const rules = shapes.filter((s) => s.meta.kind === 'spelregel' && text(s))
    expect(rules.length).toBeGreaterThanOrEqual(4)
    expect(rules.every((s) => s.type === 'note')).toBe(true)
    expect(rules.some((s) => text(s).startsWith('Chatham House Rule'))).toBe(true)
  })

  it('draws a time axis between a lane of moments and a lane of interpretations', () => {
    const axis = shapes.find((s) => s.meta.role === 'axis')!
    const lanes = shapes.filter((s) => s.meta.role === 'lane')
    expect(axis.type).toBe('arrow')
    expect(lanes.map((l) => l.meta.lane)).toEqual(['momenten', 'duidingen'])
    expect(lanes[0]!.y).toBeLessThan(axis.y)
    expect(lanes[1]!.y).toBeGreaterThan(axis.y)
    expect(shapes.filter((s) => s.meta.kind === 'moment').every((s) => s.meta.date === '')).toBe(true)
  })

  it('draws the collaboration triangle and leaves room for 3 to 4 red threads', () => {
    const corners = shapes.filter((s) => s.id.includes('driehoek')).map((s) => text(s))
    expect(corners).toEqual(['Doel en inhoud', 'Speelveld en spelregels', 'Relatienetwerk'])
    expect(shapes.filter((s) => s.meta.kind === 'rode-draad')).toHaveLength(4)
    expect(shapes.filter((s) => s.meta.kind === 'vervolgafspraak')).toHaveLength(1)
  })
})

describe('shape builders', () => {
  it('fill in every default prop so tldraw accepts the records', () => {
    const page = FIRST_PAGE_ID
    const frame = frameRecord({ id: 'shape:f' as never, parentId: page, index: indexKey(1), x: 0, y: 0, w: 500, h: 400, name: 'Frame' })
    const note = noteRecord({ id: 'shape:n' as never, parentId: frame.id, index: indexKey(1), x: 10, y: 10, text: 'Hallo' })
    const text = textRecord({ id: 'shape:t' as never, parentId: frame.id, index: indexKey(2), x: 10, y: 250, text: 'Kop' })
    const geo = geoRecord({ id: 'shape:g' as never, parentId: frame.id, index: indexKey(3), x: 250, y: 10, w: 100, h: 100, text: 'Vak' })
    const arrows = arrowRecords({
      id: 'shape:a' as never,
      parentId: frame.id,
      index: indexKey(4),
      x: 110,
      y: 110,
      start: { point: { x: 0, y: 0 }, to: note.id },
      end: { point: { x: 200, y: 0 }, to: geo.id },
    })
    expect(arrows).toHaveLength(3)
    expect(() => assertValidRecords([frame, note, text, geo, ...arrows])).not.toThrow()
    expect(text.props.autoSize).toBe(true)
    expect(textRecord({ ...text, text: 'x', w: 300 }).props).toMatchObject({ autoSize: false, w: 300 })
  })

  it('grows a note for long text', () => {
    const long = noteRecord({ id: 'shape:n' as never, parentId: FIRST_PAGE_ID, index: indexKey(1), x: 0, y: 0, size: 's', text: 'woord '.repeat(60) })
    expect(long.props.growY).toBeGreaterThan(0)
    expect(noteRecord({ ...long, text: 'kort' }).props.growY).toBe(0)
  })

  it('makes ordered, valid fractional index keys', () => {
    const keys = Array.from({ length: 200 }, (_, i) => indexKey(i + 1))
    expect([...keys].sort()).toEqual(keys)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys.slice(0, 3)).toEqual(['a1', 'a2', 'a3'])
  })

  it('refuses duplicate ids and estimates wrapped lines', () => {
    const b = new BoardBuilder(FIRST_PAGE_ID, 'x')
    b.id('een')
    expect(() => b.id('een')).toThrow(/duplicate/)
    expect(estimateLineCount('een\ntwee', 18, 1000)).toBe(2)
    expect(estimateLineCount('woord '.repeat(50), 18, 200)).toBeGreaterThan(10)
  })
})
