import { describe, expect, it } from 'vitest'
import { colorFor, distinctColors, normalizeName, USER_COLORS } from './identity.ts'

/** WCAG relative luminance and CIELAB of a #rrggbb colour. */
function channels(hex: string): number[] {
  return [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
}
function contrastWithWhite(hex: string): number {
  const [r, g, b] = channels(hex) as [number, number, number]
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)
}
function lab(hex: string): [number, number, number] {
  const [r, g, b] = channels(hex) as [number, number, number]
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116)
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047)
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b)
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883)
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)]
}

describe('identity', () => {
  it('gives an id always the same colour, from the accessible palette', () => {
    const id = '3f1c2b7e-0000-4000-8000-000000000000'
    expect(colorFor(id)).toBe(colorFor(id))
    expect(USER_COLORS).toContain(colorFor(id))
    const spread = new Set(Array.from({ length: 60 }, (_, i) => colorFor(`user-${i}`)))
    expect(spread.size).toBeGreaterThan(6)
  })

  it('has fifteen or more colours, readable under white labels and apart from each other', () => {
    expect(USER_COLORS.length).toBeGreaterThanOrEqual(15)
    for (const color of USER_COLORS) expect(contrastWithWhite(color)).toBeGreaterThanOrEqual(4.5)
    for (const [i, a] of USER_COLORS.entries())
      for (const b of USER_COLORS.slice(i + 1)) {
        const [la, lb] = [lab(a), lab(b)]
        expect(Math.hypot(la[0] - lb[0], la[1] - lb[1], la[2] - lb[2]), `${a} vs ${b}`).toBeGreaterThanOrEqual(20)
      }
  })

  it('gives 15 participants 15 distinct colours, the same on every client', () => {
    // Ids whose own colours collide: the hash has only USER_COLORS.length outcomes.
    const participants = Array.from({ length: 15 }, (_, i) => ({ key: 1000 + i * 7919, color: colorFor(`user-${i}`) }))
    const colors = distinctColors(participants)
    expect(new Set(colors.values()).size).toBe(15)
    expect(distinctColors([...participants].reverse())).toEqual(colors)
    // Everyone without a clash keeps their own colour.
    expect(distinctColors([{ key: 1, color: USER_COLORS[3] }, { key: 2, color: USER_COLORS[5] }])).toEqual(
      new Map([
        [1, USER_COLORS[3]],
        [2, USER_COLORS[5]],
      ]),
    )
  })

  it('tidies names', () => {
    expect(normalizeName('  Anna   de  Vries ')).toBe('Anna de Vries')
    expect(normalizeName('x'.repeat(100))).toHaveLength(40)
  })
})
