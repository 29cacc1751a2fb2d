import { describe, expect, it } from 'vitest'
import { planParts } from './camera.ts'

const limits = { minZoom: 0.6, maxZoom: 1 }

describe('planParts', () => {
  it('shows a step whole when it is readable that way, never zoomed in past 100 %', () => {
    expect(planParts({ x: 0, y: 0, w: 400, h: 300 }, { w: 800, h: 600 }, limits)).toEqual({ zoom: 1, parts: [{ x: 0, y: 0, w: 400, h: 300 }] })
    expect(planParts({ x: 10, y: 20, w: 1200, h: 600 }, { w: 800, h: 600 }, limits).zoom).toBeCloseTo(2 / 3)
  })

  it('shows a timeline wider than the screen in overlapping parts at a readable zoom, left to right, covering all of it', () => {
    const bounds = { x: 100, y: 50, w: 4000, h: 900 }
    const { zoom, parts } = planParts(bounds, { w: 700, h: 600 }, limits)
    expect(zoom).toBe(0.6)
    expect(parts.length).toBe(Math.ceil(4000 / (700 / 0.6)))
    expect(parts[0]).toMatchObject({ x: 100, y: 50 })
    expect(parts.at(-1)!.x + parts.at(-1)!.w).toBeCloseTo(4100)
    for (const part of parts) {
      expect(part.w).toBeCloseTo(700 / 0.6)
      expect(part.h).toBe(900)
    }
    for (let i = 1; i < parts.length; i++) expect(parts[i]!.x).toBeLessThan(parts[i - 1]!.x + parts[i - 1]!.w)
  })

  it('shows a step whole a little below the readable zoom rather than in parts that each cut off a sliver', () => {
    const bounds = { x: 0, y: 0, w: 1208, h: 1070 }
    expect(planParts(bounds, { w: 696, h: 610 }, limits).parts).toHaveLength(4)
    const slack = planParts(bounds, { w: 696, h: 610 }, { ...limits, slack: 0.9 })
    expect(slack.parts).toEqual([bounds])
    expect(slack.zoom).toBeGreaterThanOrEqual(0.54)
    expect(planParts({ ...bounds, w: 4200, h: 800 }, { w: 696, h: 610 }, { ...limits, slack: 0.9 }).zoom).toBe(0.6)
  })

  it('does not split a direction that fits within the slack: one row of parts for a timeline slightly too tall', () => {
    const { zoom, parts } = planParts({ x: 0, y: 0, w: 4208, h: 1070 }, { w: 700, h: 610 }, { ...limits, slack: 0.9 })
    expect(zoom).toBeCloseTo(610 / 1070)
    expect(new Set(parts.map((part) => part.y))).toEqual(new Set([0]))
    expect(parts.length).toBe(Math.ceil(4208 / (700 / zoom)))
  })

  it('splits a step that is too tall as well, row by row', () => {
    const { parts } = planParts({ x: 0, y: 0, w: 2000, h: 2000 }, { w: 700, h: 500 }, limits)
    expect(parts.length).toBe(Math.ceil(2000 / (700 / 0.6)) * Math.ceil(2000 / (500 / 0.6)))
    expect(parts[0]).toMatchObject({ x: 0, y: 0 })
    expect(parts.at(-1)!.y + parts.at(-1)!.h).toBeCloseTo(2000)
  })
})
