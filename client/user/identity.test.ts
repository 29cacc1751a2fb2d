import { describe, expect, it } from 'vitest'
import { colorFor, normalizeName, USER_COLORS } from './identity.ts'

describe('identity', () => {
  it('gives an id always the same colour, from the accessible palette', () => {
    const id = '3f1c2b7e-0000-4000-8000-000000000000'
    expect(colorFor(id)).toBe(colorFor(id))
    expect(USER_COLORS).toContain(colorFor(id))
    const spread = new Set(Array.from({ length: 60 }, (_, i) => colorFor(`user-${i}`)))
    expect(spread.size).toBeGreaterThan(6)
  })

  it('tidies names', () => {
    expect(normalizeName('  Anna   de  Vries ')).toBe('Anna de Vries')
    expect(normalizeName('x'.repeat(100))).toHaveLength(40)
  })
})
