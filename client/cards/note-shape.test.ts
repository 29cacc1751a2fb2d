import { DEFAULT_THEME, defaultAddFontsFromNode, Geometry2dFilters, NoteShapeUtil, Rectangle2d, tipTapDefaultExtensions, toRichText, Vec, type Editor, type TLNoteShape } from 'tldraw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { testRecord } from '../../server/testing/sync-client.ts'
import { LazyGeometry2d } from './lazy-geometry.ts'
import { BoardNoteShapeUtil } from './note-shape.tsx'

/** Just what a note's geometry reads from its editor; measuring text is counted, never done. */
function fakeEditor() {
  const measureHtml = vi.fn(() => ({ x: 0, y: 0, w: 120, h: 60, scrollWidth: 120 }))
  const editor = { getCurrentTheme: () => DEFAULT_THEME, getColorMode: () => 'light', textMeasure: { measureHtml }, getTextOptions: () => ({}) }
  return { editor: editor as unknown as Editor, measureHtml }
}

function note(props: Partial<TLNoteShape['props']> = {}, text = ''): TLNoteShape {
  const record = testRecord('n', { text }) as unknown as TLNoteShape
  return { ...record, props: { ...record.props, richText: toRichText(text), ...props } }
}

afterEach(() => vi.restoreAllMocks())

describe('BoardNoteShapeUtil geometry', () => {
  it("has tldraw's bounds and label, whatever the note's size, scale and alignment", () => {
    const { editor } = fakeEditor()
    const ours = new BoardNoteShapeUtil(editor)
    const theirs = new NoteShapeUtil(editor)
    const variants = [note(), note({ growY: 140 }), note({ scale: 2.5 }), note({ align: 'start', verticalAlign: 'end', size: 'xl' }), note({ scale: 0.5, growY: 33 })]
    for (const shape of variants) {
      const a = ours.getGeometry(shape)
      const b = theirs.getGeometry(shape)
      expect(a.bounds.toJson()).toEqual(b.bounds.toJson())
      const label = (group: typeof a) => group.children.find((child) => child.isLabel)!
      expect(label(a).bounds.toJson()).toEqual(label(b).bounds.toJson())
      expect(label(a).isLabel && label(a).excludeFromShapeBounds).toBe(true)
      const inside = new Vec(a.bounds.w / 2, a.bounds.h / 2)
      expect(a.hitTestPoint(inside, 0, true, Geometry2dFilters.INCLUDE_ALL)).toBe(b.hitTestPoint(inside, 0, true, Geometry2dFilters.INCLUDE_ALL))
    }
  })

  it('does not measure the text for the bounds (what the editor needs of every note on open)', () => {
    const { editor } = fakeEditor()
    const full = vi.spyOn(NoteShapeUtil.prototype, 'getGeometry')
    const geometry = new BoardNoteShapeUtil(editor).getGeometry(note({}, 'Moment 1: overleg over de casus'))
    expect(geometry.bounds.toJson()).toEqual({ x: 0, y: 0, w: 200, h: 200 })
    expect(geometry.hitTestPoint(new Vec(10, 10), 0, true)).toBe(true)
    expect(full).not.toHaveBeenCalled()
  })
})

describe('BoardNoteShapeUtil fonts', () => {
  it("names no fonts while the board opens (each font's load state would recompute every note), then tldraw's", () => {
    vi.useFakeTimers()
    try {
      const { editor } = fakeEditor()
      Object.assign(editor, { disposables: new Set(), getTextOptions: () => ({ tipTapConfig: { extensions: tipTapDefaultExtensions }, addFontsFromNode: defaultAddFontsFromNode }) })
      const shape = note({}, 'Moment 1')
      const theirs = new NoteShapeUtil(editor).getFontFaces(shape)
      expect(theirs.length).toBeGreaterThan(0)
      const ours = new BoardNoteShapeUtil(editor)
      expect(ours.getFontFaces(shape)).toEqual([])
      vi.runAllTimers()
      expect(ours.getFontFaces(shape)).toEqual(theirs)
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('LazyGeometry2d', () => {
  const rectangle = () => new Rectangle2d({ x: 10, y: 20, width: 30, height: 40, isFilled: true })

  it('builds the real geometry once, on the first question about its shape', () => {
    const build = vi.fn(rectangle)
    const lazy = new LazyGeometry2d(build, { isFilled: true, isClosed: true, isLabel: true, excludeFromShapeBounds: true })
    expect(lazy.boundsVertices).toEqual([])
    expect(lazy.isExcludedByFilter(Geometry2dFilters.EXCLUDE_LABELS)).toBe(true)
    expect(build).not.toHaveBeenCalled()
    expect(lazy.bounds.toJson()).toEqual({ x: 10, y: 20, w: 30, h: 40 })
    expect(lazy.hitTestPoint(new Vec(25, 30), 0, true)).toBe(true)
    expect(lazy.distanceToPoint(new Vec(0, 20))).toBe(10)
    expect(build).toHaveBeenCalledTimes(1)
  })

  it('answers like the geometry it stands for', () => {
    const real = rectangle()
    const lazy = new LazyGeometry2d(rectangle, { isFilled: true, isClosed: true })
    const A = new Vec(0, 0)
    const B = new Vec(100, 100)
    expect(lazy.vertices).toEqual(real.vertices)
    expect(lazy.boundsVertices).toEqual(real.boundsVertices)
    expect(lazy.intersectLineSegment(A, B)).toEqual(real.intersectLineSegment(A, B))
    expect(lazy.nearestPoint(B)).toEqual(real.nearestPoint(B))
    expect(lazy.getSvgPathData(true)).toEqual(real.getSvgPathData())
    expect(lazy.area).toBe(real.area)
    expect(lazy.length).toBe(real.length)
  })
})
