import { describe, expect, it } from 'vitest'
import { dotsLeft, dotsPerCard, ranked, topCards } from './vote-results.ts'

describe('vote results on the cards', () => {
  it('counts your dots per card and what you have left', () => {
    expect([...dotsPerCard(['shape:a', 'shape:b', 'shape:a'])]).toEqual([
      ['shape:a', 2],
      ['shape:b', 1],
    ])
    expect(dotsLeft(3, ['shape:a', 'shape:a'])).toBe(1)
    expect(dotsLeft(2, ['shape:a', 'shape:a', 'shape:b'])).toBe(0)
  })

  it('highlights the top three places, ties included', () => {
    const results = [
      { shapeId: 'a', votes: 5 },
      { shapeId: 'b', votes: 3 },
      { shapeId: 'c', votes: 2 },
      { shapeId: 'd', votes: 2 },
      { shapeId: 'e', votes: 1 },
    ]
    expect([...topCards(results)].sort()).toEqual(['a', 'b', 'c', 'd'])
    expect([...topCards(results.slice(0, 2))].sort()).toEqual(['a', 'b'])
    expect([...topCards(results, 1)]).toEqual(['a'])
    expect(topCards([])).toEqual(new Set())
    expect(topCards([{ shapeId: 'z', votes: 0 }])).toEqual(new Set())
  })

  it('ranks most dots first, ties sharing a rank', () => {
    const order = ranked([
      { shapeId: 'b', votes: 2 },
      { shapeId: 'a', votes: 4 },
      { shapeId: 'c', votes: 2 },
      { shapeId: 'd', votes: 1 },
    ])
    expect(order.map((result) => [result.shapeId, result.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
    ])
  })
})
