import { describe, expect, it } from 'vitest'
import { BOARD_NAME, OUTSIDE_NAME, type OutlineCard, type OutlinePart } from '../../shared/board-outline.ts'
import { partName, partsOfCards } from './useOutline.ts'

const card = (id: string, extra: Partial<OutlineCard> = {}): OutlineCard => ({ id, kind: 'kaart', text: id, locked: false, dots: null, ...extra })
const texts = { outside: 'Outside the parts', wholeBoard: 'Board' }

describe('partName', () => {
  it('keeps a frame’s own name and translates the two parts without a frame', () => {
    const base = { kind: 'list' as const, zone: null, cards: [], loose: [] }
    expect(partName({ ...base, zone: 'lessen', frameId: 'shape:f', name: '4 Lessen' }, texts)).toBe('4 Lessen')
    expect(partName({ ...base, frameId: null, name: OUTSIDE_NAME }, texts)).toBe('Outside the parts')
    expect(partName({ ...base, frameId: null, name: BOARD_NAME }, texts)).toBe('Board')
  })
})

describe('partsOfCards', () => {
  it('knows the part of every card, interpretations under a moment and loose ones included (for announcing others’ changes)', () => {
    const outline: OutlinePart[] = [
      { kind: 'timeline', zone: 'tijdlijn', frameId: 'shape:t', name: '2 Tijdlijn', cards: [card('m1', { kind: 'moment', duidingen: [card('d1', { kind: 'duiding' })] })], loose: [card('d2', { kind: 'duiding' })] },
      { kind: 'list', zone: 'rode-draden', frameId: 'shape:r', name: '3 Rode draden', cards: [card('r1')], loose: [] },
    ]
    expect([...partsOfCards(outline, (part) => part.name)]).toEqual([
      ['m1', '2 Tijdlijn'],
      ['d1', '2 Tijdlijn'],
      ['d2', '2 Tijdlijn'],
      ['r1', '3 Rode draden'],
    ])
  })
})
