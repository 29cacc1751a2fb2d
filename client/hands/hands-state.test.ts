import { describe, expect, it } from 'vitest'
import { MAX_LOWERED_HANDS } from '../../shared/awareness.ts'
import { handQueue, isLowered, loweredAfter, makeRateLimit, ReactionTracker, sinceRaised } from './hands-state.ts'

const user = (name: string) => ({ name, color: '#1971c2' })

describe('handQueue', () => {
  it('lists raised hands oldest first, ties by client id, with names', () => {
    const states = new Map<number, unknown>([
      [3, { user: user('Cor'), hand: { raisedAt: 300 } }],
      [1, { user: user('Anna'), hand: { raisedAt: 100 } }],
      [2, { user: user('Bram'), hand: null }],
      [5, { user: user('Eva'), hand: { raisedAt: 300 } }],
      [4, { user: user('Dirk'), hand: { raisedAt: 'x' } }],
    ])
    expect(handQueue(states, 5, false)).toEqual([
      { clientId: 1, name: 'Anna', raisedAt: 100, mine: false },
      { clientId: 3, name: 'Cor', raisedAt: 300, mine: false },
      { clientId: 5, name: 'Eva', raisedAt: 300, mine: true },
    ])
  })

  it('shows only pseudonyms on anonymous boards', () => {
    const states = new Map<number, unknown>([
      [1, { user: user('Deelnemer 2'), hand: { raisedAt: 1 } }],
      [2, { user: user('Anna de Vries'), hand: { raisedAt: 2 } }],
    ])
    expect(handQueue(states, 9, true).map((hand) => hand.name)).toEqual(['Deelnemer 2', null])
  })
})

describe('isLowered', () => {
  const mine = 7
  it("follows a facilitator's lowered entry for my hand as raised then, and nobody else's", () => {
    const by = (role: string, raisedAt: number) => new Map<number, unknown>([[1, { role, lowered: { '7': raisedAt } }]])
    expect(isLowered(by('facilitator', 50), mine, 50)).toBe(true)
    expect(isLowered(by('facilitator', 40), mine, 50)).toBe(false) // an earlier hand of mine
    expect(isLowered(by('editor', 50), mine, 50)).toBe(false)
    expect(isLowered(new Map([[mine, { role: 'facilitator', lowered: { '7': 50 } }]]), mine, 50)).toBe(false)
  })
})

describe('loweredAfter', () => {
  it('adds the lowered hands and keeps only earlier entries whose hand is still up', () => {
    const states = new Map<number, unknown>([
      [1, { hand: { raisedAt: 10 } }],
      [2, { hand: null }],
      [3, { hand: { raisedAt: 99 } }],
    ])
    expect(loweredAfter({ '1': 10, '2': 20, '3': 30 }, [{ clientId: 4, raisedAt: 40 }], states)).toEqual({ '4': 40, '1': 10 })
  })

  it('never holds more entries than the server keeps', () => {
    const hands = Array.from({ length: MAX_LOWERED_HANDS + 5 }, (_, i) => ({ clientId: i + 1, raisedAt: i }))
    expect(Object.keys(loweredAfter(undefined, hands, new Map()))).toHaveLength(MAX_LOWERED_HANDS)
  })
})

describe('ReactionTracker', () => {
  it('floats each new reaction once, but not ones that were there before it saw the client', () => {
    const states = new Map<number, unknown>([[1, { user: user('Anna'), reaction: { emoji: '👍', n: 3 } }]])
    const tracker = new ReactionTracker(states)
    expect(tracker.changed(states, [1], [], false)).toEqual([])
    states.set(1, { user: user('Anna'), presence: { cursor: { x: 5, y: 6 } }, reaction: { emoji: '💡', n: 4 } })
    expect(tracker.changed(states, [1], [], false)).toEqual([{ clientId: 1, emoji: '💡', at: { x: 5, y: 6 }, name: 'Anna', color: '#1971c2' }])
    expect(tracker.changed(states, [1], [], false)).toEqual([])
    // A newcomer's first state shows nothing; its next reaction does.
    states.set(2, { user: user('Deelnemer 1'), reaction: { emoji: '❓', n: 9 } })
    expect(tracker.changed(states, [2], [], true)).toEqual([])
    states.set(2, { user: user('Deelnemer 1'), reaction: { emoji: '❓', n: 10 } })
    expect(tracker.changed(states, [2], [], true)).toEqual([{ clientId: 2, emoji: '❓', at: null, name: 'Deelnemer 1', color: '#1971c2' }])
  })

  it('floats the first reaction of someone it saw without one', () => {
    const states = new Map<number, unknown>([[1, { user: user('Anna') }]])
    const tracker = new ReactionTracker(states)
    states.set(1, { user: user('Anna'), reaction: { emoji: '❤️', n: 1 } })
    expect(tracker.changed(states, [1], [], false).map((event) => event.emoji)).toEqual(['❤️'])
  })
})

describe('makeRateLimit', () => {
  it('lets one through per gap', () => {
    let now = 1000
    const allowed = makeRateLimit(500, () => now)
    expect(allowed()).toBe(true)
    now += 499
    expect(allowed()).toBe(false)
    now += 1
    expect(allowed()).toBe(true)
  })
})

describe('sinceRaised', () => {
  it('is coarse', () => {
    expect(sinceRaised(3000)).toEqual({ unit: 'justNow' })
    expect(sinceRaised(25_000)).toEqual({ unit: 'seconds', n: 20 })
    expect(sinceRaised(130_000)).toEqual({ unit: 'minutes', n: 2 })
  })
})
