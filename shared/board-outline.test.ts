import { describe, expect, it } from 'vitest'
import type { Box } from './board-geometry.ts'
import { buildOutline, MomentIndex } from './board-outline.ts'
import { testBoard } from './test-board.ts'

const outline = (records: Parameters<typeof buildOutline>[0]['records'], votes?: Parameters<typeof buildOutline>[0]['votes']) =>
  buildOutline({ records, templateId: 'casusreconstructie', ...(votes ? { votes } : {}) })

describe('buildOutline', () => {
  it('has one part per zone in template order, each with its kind and frame', () => {
    const { records, frame } = testBoard()
    const parts = outline(records)
    expect(parts.map((p) => [p.kind, p.zone, p.name])).toEqual([
      ['list', 'spelregels', '1 Introductie en spelregels'],
      ['timeline', 'tijdlijn', '2 Tijdlijn'],
      ['list', 'rode-draden', '3 Reflectie en rode draden'],
      ['list', 'lessen', '4 Lessen en vervolgstappen'],
      ['agreements', 'afspraken', '5 Werkafspraken en vervolg'],
    ])
    expect(parts[1]!.frameId).toBe(frame('tijdlijn').id)
  })

  it('orders the timeline by x with dates and duidingen beneath, and locked/dots per card', () => {
    const { records, note } = testBoard()
    const later = note('tijdlijn', 1500, 300, 'Overleg', { date: '2024-03-12' })
    const earlier = note('tijdlijn', 300, 300, 'Melding\nDatum: 1 maart 2024')
    const under = note('tijdlijn', 1520, 800, 'Spanning')
    const thread = note('rode-draden', 1900, 300, 'Te laat gedeeld')
    const parts = outline(records, [{ id: 'v', perParticipant: 3, zone: null, voters: 2, closedAt: '2024-01-01T00:00:00Z', results: [{ shapeId: under.id, votes: 2 }] }])
    const timeline = parts.find((p) => p.zone === 'tijdlijn')!
    expect(timeline.cards.map((c) => [c.id, c.kind, c.text, c.date])).toEqual([
      [earlier.id, 'moment', 'Melding', '1 maart 2024'],
      [later.id, 'moment', 'Overleg', '2024-03-12'],
    ])
    expect(timeline.cards[1]!.duidingen).toEqual([{ id: under.id, kind: 'duiding', text: 'Spanning', locked: false, dots: 2 }])
    expect(timeline.loose).toEqual([])
    const threads = parts.find((p) => p.zone === 'rode-draden')!
    expect(threads.cards).toEqual([{ id: thread.id, kind: 'rode-draad', text: 'Te laat gedeeld', locked: false, dots: null }])
  })

  it('gives agreements their fields and keeps the template’s empty agreement cards', () => {
    const { records } = testBoard()
    const agreements = outline(records).find((p) => p.kind === 'agreements')!
    expect(agreements.cards.length).toBeGreaterThanOrEqual(4)
    expect(agreements.cards.every((c) => c.kind === 'afspraak' && c.agreement !== undefined)).toBe(true)
    expect(agreements.cards[0]!.agreement).toEqual({ wat: '', wie: '', wanneer: '', hoe: '' })
  })

  it('puts cards in no zone in a last part, and a board without frames is one part "Bord"', () => {
    const board = testBoard()
    const outside = board.note('tijdlijn', -3000, -3000, 'Ergens')
    expect(outline(board.records).at(-1)).toMatchObject({ kind: 'list', zone: null, frameId: null, name: 'Buiten de onderdelen', cards: [{ id: outside.id, kind: 'kaart' }] })
    const empty = testBoard('leeg')
    const first = empty.note(null, 0, 0, 'Een')
    expect(buildOutline({ records: empty.records, templateId: 'leeg' })).toEqual([
      { kind: 'list', zone: null, frameId: null, name: 'Bord', cards: [{ id: first.id, kind: 'kaart', text: 'Een', locked: false, dots: null }], loose: [] },
    ])
  })
})

describe('MomentIndex', () => {
  /** The rule as the harvest first wrote it: every moment looked at, in order (quadratic over a timeline). */
  function bruteForce<T extends { box: Box; centre: { x: number; y: number } }>(moments: readonly T[], duiding: T): T | undefined {
    const ordered = [...moments].sort((a, b) => a.box.minX - b.box.minX || a.box.minY - b.box.minY)
    let best: T | undefined
    let bestOverlap = 0
    for (const moment of ordered) {
      const overlap = Math.min(moment.box.maxX, duiding.box.maxX) - Math.max(moment.box.minX, duiding.box.minX)
      if (overlap > bestOverlap) {
        best = moment
        bestOverlap = overlap
      }
    }
    if (best) return best
    let bestDistance = Infinity
    for (const moment of ordered) {
      const distance = Math.abs(moment.centre.x - duiding.centre.x)
      if (distance < bestDistance) {
        best = moment
        bestDistance = distance
      }
    }
    return best
  }

  it('finds the same moment as looking through all of them, ties included', () => {
    let seed = 7
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647)
    // Coarse positions and a few widths, so overlaps, equal centres and gaps all occur.
    const card = (i: number) => {
      const minX = Math.floor(random() * 40) * 50
      const minY = Math.floor(random() * 3) * 10
      const w = [200, 200, 100, 400][Math.floor(random() * 4)]!
      return { id: i, box: { minX, minY, maxX: minX + w, maxY: minY + 200 }, centre: { x: minX + w / 2, y: minY + 100 } }
    }
    for (let round = 0; round < 50; round++) {
      const moments = Array.from({ length: 1 + Math.floor(random() * 20) }, (_, i) => card(i))
      const index = new MomentIndex(moments)
      for (let d = 0; d < 30; d++) {
        const duiding = card(1000 + d)
        expect(index.closest(duiding)?.id).toBe(bruteForce(moments, duiding)?.id)
      }
    }
    expect(new MomentIndex([]).closest(card(0))).toBeUndefined()
  })
})
