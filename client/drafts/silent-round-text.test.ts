import { describe, expect, it } from 'vitest'
import { translate } from '../i18n.ts'
import { newCardHome } from './DraftsContext.tsx'
import { countLines, formatRemaining } from './silent-round-text.ts'

describe('the silent round in words', () => {
  it('counts cards per numbered participant, never named', () => {
    const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string>) => translate('nl', key, vars)
    expect(countLines(t, [3, 1])).toEqual(['Deelnemer 1: 3 kaarten', 'Deelnemer 2: 1 kaart'])
    expect(countLines((key, vars) => translate('en', key, vars), [2])).toEqual(['Participant 1: 2 cards'])
  })

  it('shows the time left in minutes and seconds, rounded up, never below zero', () => {
    expect(formatRemaining(10 * 60_000)).toBe('10:00')
    expect(formatRemaining(59_001)).toBe('1:00')
    expect(formatRemaining(4 * 60_000 + 5_000)).toBe('4:05')
    expect(formatRemaining(2 * 3600_000 + 61_000)).toBe('2:01:01')
    expect(formatRemaining(-5_000)).toBe('0:00')
  })
})

describe('where a new card goes', () => {
  it('to the draft in a silent round or with Concept, prepared with Voorbereiden, else to the board', () => {
    expect(newCardHome({ concept: false, preparing: false, silentRound: false })).toBe('board')
    expect(newCardHome({ concept: true, preparing: false, silentRound: false })).toBe('draft')
    expect(newCardHome({ concept: false, preparing: false, silentRound: true })).toBe('draft')
    expect(newCardHome({ concept: false, preparing: true, silentRound: true })).toBe('prepared')
  })
})
