import { atom, toRichText, transact, type Editor, type TLNoteShape, type TLShapeId } from 'tldraw'
import { describe, expect, it, vi } from 'vitest'
import { NoteDetails, SKETCH_BELOW_ZOOM } from './note-detail.ts'
import { canSketch, plainParagraphs } from './note-sketch.tsx'
import { testRecord } from '../../server/testing/sync-client.ts'

const a = 'shape:a' as TLShapeId
const b = 'shape:b' as TLShapeId

/** Just the editor state NoteDetails reads, as signals. */
function fakeEditor() {
  const state = {
    culled: atom<ReadonlySet<TLShapeId>>('culled', new Set([a, b])),
    zoom: atom('zoom', 1),
    editing: atom<TLShapeId | null>('editing', null),
    selected: atom<TLShapeId | null>('selected', null),
    hovered: atom<TLShapeId | null>('hovered', null),
    colorMode: atom<'light' | 'dark'>('colorMode', 'light'),
  }
  const editor = {
    disposables: new Set<() => void>(),
    getCulledShapes: () => state.culled.get(),
    getEfficientZoomLevel: () => state.zoom.get(),
    getEditingShapeId: () => state.editing.get(),
    getOnlySelectedShapeId: () => state.selected.get(),
    getHoveredShapeId: () => state.hovered.get(),
    getCurrentTheme: () => 'default',
    getColorMode: () => state.colorMode.get(),
  }
  return { editor: editor as unknown as Editor, state }
}

describe('NoteDetails', () => {
  it('renders nothing of a note until it is first on screen, and keeps it from then on', () => {
    const { editor, state } = fakeEditor()
    const details = new NoteDetails(editor)
    const listener = vi.fn()
    details.subscribe(a, listener)
    expect(details.detail(a)).toBe('hidden')
    state.culled.set(new Set([b]))
    expect(listener).toHaveBeenCalledTimes(1)
    expect(details.detail(a)).toBe('full')
    state.culled.set(new Set([a, b]))
    expect(details.detail(a)).toBe('full')
  })

  it('sketches notes zoomed out, except the one edited, the only selected one and, while editing, the hovered one', () => {
    const { editor, state } = fakeEditor()
    state.culled.set(new Set())
    const details = new NoteDetails(editor)
    const onA = vi.fn()
    const onB = vi.fn()
    details.subscribe(a, onA)
    details.subscribe(b, onB)
    expect([details.detail(a), details.detail(b)]).toEqual(['full', 'full'])

    state.zoom.set(SKETCH_BELOW_ZOOM - 0.01)
    expect([details.detail(a), details.detail(b)]).toEqual(['sketch', 'sketch'])
    expect([onA.mock.calls.length, onB.mock.calls.length]).toEqual([1, 1])

    state.selected.set(a)
    expect([details.detail(a), details.detail(b)]).toEqual(['full', 'sketch'])
    // Only the note whose detail changed hears of it.
    expect([onA.mock.calls.length, onB.mock.calls.length]).toEqual([2, 1])

    state.hovered.set(b)
    expect(details.detail(b)).toBe('sketch')
    transact(() => {
      state.selected.set(null)
      state.editing.set(a)
    })
    expect([details.detail(a), details.detail(b)]).toEqual(['full', 'full'])

    transact(() => {
      state.editing.set(null)
      state.zoom.set(1)
    })
    expect([details.detail(a), details.detail(b)]).toEqual(['full', 'full'])
  })

  it('gives a sketch a new view when the colour mode changes (sketches are not tracked); a full note keeps its view', () => {
    const { editor, state } = fakeEditor()
    state.culled.set(new Set())
    state.zoom.set(0.1)
    state.selected.set(b)
    const details = new NoteDetails(editor)
    const sketch = details.view(a)
    const full = details.view(b)
    state.colorMode.set('dark')
    expect(sketch).toMatch(/^sketch /)
    expect(details.view(a)).not.toBe(sketch)
    expect(details.view(b)).toBe(full)
  })

  it('stops telling a note once it unsubscribed', () => {
    const { editor, state } = fakeEditor()
    const details = new NoteDetails(editor)
    const listener = vi.fn()
    details.subscribe(a, listener)()
    state.culled.set(new Set())
    expect(listener).not.toHaveBeenCalled()
  })
})

describe('plainParagraphs', () => {
  it('gives the lines of plain text, blank paragraphs and line breaks included', () => {
    expect(plainParagraphs(toRichText('Wat: overleg\n\nWie: Gemeente'))).toEqual([['Wat: overleg'], [''], ['Wie: Gemeente']])
    const withBreak = { type: 'doc', content: [{ type: 'paragraph', attrs: { dir: 'auto' }, content: [{ type: 'text', text: 'een' }, { type: 'hardBreak' }, { type: 'text', text: 'twee' }] }] }
    expect(plainParagraphs(withBreak)).toEqual([['een', 'twee']])
  })

  it('refuses what a sketch cannot show as tldraw does: marks, lists, headings, alignment', () => {
    const bold = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'vet', marks: [{ type: 'bold' }] }] }] }
    const list = { type: 'doc', content: [{ type: 'bulletList', content: [] }] }
    const aligned = { type: 'doc', content: [{ type: 'paragraph', attrs: { textAlign: 'right' }, content: [{ type: 'text', text: 'x' }] }] }
    for (const richText of [bold, list, aligned, null, { type: 'paragraph' }]) expect(plainParagraphs(richText)).toBeNull()
  })
})

describe('canSketch', () => {
  const note = (props: Partial<TLNoteShape['props']> = {}) => {
    const record = testRecord('n', { text: 'Melding bij het wijkteam' }) as unknown as TLNoteShape
    return { ...record, props: { ...record.props, ...props } }
  }

  it('sketches a plain note, and leaves links, names, other scales and formatting to tldraw', () => {
    expect(canSketch(note())).toBe(true)
    expect(canSketch(note({ url: 'https://example.org' }))).toBe(false)
    expect(canSketch(note({ textFirstEditedBy: 'user:anna' }))).toBe(false)
    expect(canSketch(note({ scale: 2 }))).toBe(false)
    const bold = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'vet', marks: [{ type: 'bold' }] }] }] }
    expect(canSketch(note({ richText: bold }))).toBe(false)
  })
})
