import { describe, expect, it } from 'vitest'
import { BOARD_NAME, OUTSIDE_NAME, type OutlineCard, type OutlinePart } from '../../shared/board-outline.ts'
import { OthersChanges, partName, partsOfCards, type RemoteChange } from './useOutline.ts'

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

describe('OthersChanges', () => {
  const parts = (entries: Record<string, string>) => new Map(Object.entries(entries))
  const remote = (entries: Record<string, RemoteChange>) => new Map(Object.entries(entries))
  const none: ReadonlySet<string> = new Set()

  it('announces others’ cards: added, changed, removed, with their part', () => {
    const others = new OthersChanges()
    expect(others.events(null, parts({ a: 'Tijdlijn', b: 'Lessen' }), remote({}), none)).toEqual([])
    expect(others.events(parts({ a: 'Tijdlijn', b: 'Lessen' }), parts({ a: 'Tijdlijn', c: 'Lessen' }), remote({ a: 'updated', b: 'removed', c: 'added' }), none)).toEqual([
      { kind: 'changed', part: 'Tijdlijn' },
      { kind: 'removed', part: 'Lessen' },
      { kind: 'added', part: 'Lessen' },
    ])
  })

  it('does not announce my own reveal: my draft card coming back from the server changed (its meta.prepared dropped)', () => {
    const others = new OthersChanges()
    // My concept card "mine" is on screen, in my draft.
    others.events(null, parts({ mine: 'Tijdlijn' }), remote({}), new Set(['mine']))
    // "Onthul": the board takes it (a remote update of the same id), the draft lets go.
    expect(others.events(parts({ mine: 'Tijdlijn' }), parts({ mine: 'Tijdlijn' }), remote({ mine: 'updated' }), none)).toEqual([])
    // From now on it is a board card like any other: Bram's edit of it is news.
    expect(others.events(parts({ mine: 'Tijdlijn' }), parts({ mine: 'Tijdlijn' }), remote({ mine: 'updated' }), none)).toEqual([{ kind: 'changed', part: 'Tijdlijn' }])
  })

  it('does not announce my own reveal when the draft let go first and the board brought the card back later', () => {
    const others = new OthersChanges()
    others.events(null, parts({ mine: 'Rode draden', theirs: 'Tijdlijn' }), remote({}), new Set(['mine']))
    // The draft's removal, then the grace period ran out before the board's copy came.
    expect(others.events(parts({ mine: 'Rode draden', theirs: 'Tijdlijn' }), parts({ theirs: 'Tijdlijn' }), remote({ mine: 'removed' }), none)).toEqual([])
    expect(others.events(parts({ theirs: 'Tijdlijn' }), parts({ mine: 'Rode draden', theirs: 'Tijdlijn' }), remote({ mine: 'added' }), none)).toEqual([])
    // Someone else's card in the same burst still counts.
    others.events(parts({ mine: 'Rode draden', theirs: 'Tijdlijn' }), parts({ mine: 'Rode draden', theirs: 'Tijdlijn' }), remote({}), none)
    expect(others.events(parts({ mine: 'Rode draden', theirs: 'Tijdlijn' }), parts({ mine: 'Rode draden' }), remote({ mine: 'updated', theirs: 'removed' }), none)).toEqual([
      { kind: 'changed', part: 'Rode draden' },
      { kind: 'removed', part: 'Tijdlijn' },
    ])
  })

  it('a reveal that changed nothing in the store (no remote event) still ends the card’s quiet time', () => {
    const others = new OthersChanges()
    others.events(null, parts({ mine: 'Tijdlijn' }), remote({}), new Set(['mine']))
    // The board took it unchanged: the store saw no change, only the draft mark went.
    others.events(parts({ mine: 'Tijdlijn' }), parts({ mine: 'Tijdlijn' }), remote({}), none)
    expect(others.events(parts({ mine: 'Tijdlijn' }), parts({ mine: 'Tijdlijn' }), remote({ mine: 'updated' }), none)).toEqual([{ kind: 'changed', part: 'Tijdlijn' }])
  })
})
