import { PDFDocument, StandardFonts } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { encodable, shapesForPage, type PageShape } from './board-pdf.ts'

const PAGE = 'page:page'

describe('shapesForPage', () => {
  const shapes: PageShape[] = [
    { id: 'frame', parentId: PAGE, overlaps: true },
    { id: 'child', parentId: 'frame', overlaps: true },
    { id: 'over', parentId: PAGE, overlaps: true },
    { id: 'elsewhere', parentId: PAGE, overlaps: false },
  ]

  it('is the frame and what lies over it', () => {
    expect(shapesForPage('frame', shapes, new Set())).toEqual(['frame', 'child', 'over'])
  })

  it('leaves out my draft card lying over the part', () => {
    const withDraft = [...shapes, { id: 'draft', parentId: PAGE, overlaps: true }]
    expect(shapesForPage('frame', withDraft, new Set(['draft']))).toEqual(['frame', 'child', 'over'])
  })

  it('leaves out the frame itself when my draft card is its child (toImage would draw it along), keeping the other cards', () => {
    const withDraft = [...shapes, { id: 'draft', parentId: 'frame', overlaps: true }]
    const ids = shapesForPage('frame', withDraft, new Set(['draft']))
    expect(ids).toEqual(['child', 'over'])
  })

  it('leaves out what lies inside a hidden shape, and a group holding one', () => {
    const nested: PageShape[] = [
      { id: 'group', parentId: PAGE, overlaps: true },
      { id: 'draft', parentId: 'group', overlaps: true },
      { id: 'inner', parentId: 'draft', overlaps: true },
      { id: 'sibling', parentId: 'group', overlaps: true },
    ]
    expect(shapesForPage(null, nested, new Set(['draft']))).toEqual(['sibling'])
  })

  it('is everything on the page without a frame (all of it lies on the page), but for what is hidden', () => {
    const all = shapes.map((shape) => ({ ...shape, overlaps: true }))
    expect(shapesForPage(null, all, new Set(['over']))).toEqual(['frame', 'child', 'elsewhere'])
  })
})

describe('encodable', async () => {
  const font = await (await PDFDocument.create()).embedFont(StandardFonts.HelveticaBold)
  const winAnsi = new Set(font.getCharacterSet())

  it('keeps Dutch letters and typographic quotes, and spells ĳ as ij', () => {
    expect(encodable('Ĳsselmonde: ‘wĳk’ “café” – één', winAnsi)).toBe('IJsselmonde: ‘wijk’ “café” – één')
  })

  it('spells other letters without their accent, an unknown letter as ? and drops signs', () => {
    expect(encodable('Gdańsk Łódź Erdős', winAnsi)).toBe('Gdansk Lódz Erdos')
    expect(encodable('Stap 1 → 2', winAnsi)).toBe('Stap 1 -> 2')
    expect(encodable('Kyiv Київ 🎯 klaar', winAnsi)).toBe('Kyiv ???? klaar')
  })

  it('gives text the font can draw', () => {
    const text = encodable('Ĳs 🎯 ő → Київ ‘x’', winAnsi)
    expect(() => font.encodeText(text)).not.toThrow()
  })
})
