/**
 * "Bord als PDF": the board as pictures, one landscape page per part (zone frame) in template
 * order with the part's name as the page title. A board without parts (the empty template, frames
 * drawn by hand) gets a page per frame in reading order, and a board without frames one page of
 * everything on it, titled with the board's name. Built in the browser from tldraw's own
 * rendering (`editor.toImage`), so the PDF shows exactly what the canvas shows — except my draft's
 * cards: the store holds them too, but a PDF is made to be shared.
 */
import { PageSizes, PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib'
import { Box, type Editor, type TLShape, type TLShapeId } from 'tldraw'
import { sortRows } from '../../shared/board-geometry.ts'
import { editorSteps } from '../session/agenda-steps.ts'

const MARGIN = 36
const TITLE_SIZE = 18
const TITLE_GAP = 12
/** Wider than this (width / height) and a part gets an A3 page: a timeline shrunk to A4 is unreadable. */
const WIDE_RATIO = 2.2
/** The longest side of a page's picture in pixels: sharp when printed, yet light on memory. */
const MAX_PIXELS = 3200

export interface BoardPdfPart {
  /** The frame the page shows; null: everything on the tldraw page `pageIndex`. */
  id: TLShapeId | null
  name: string
}

/**
 * The pages of the PDF: the zone frames in the Stappen panel's order; else every frame in reading
 * order (tldraw page by page); else one page for the current page, titled `title`.
 */
export function boardPdfParts(editor: Editor, title: string): BoardPdfPart[] {
  const steps = editorSteps(editor)
  if (steps.length > 0) return steps.map((step) => ({ id: step.id as TLShapeId, name: step.name }))
  const frames = editor.getPages().flatMap((page) =>
    sortRows(
      [...editor.getPageShapeIds(page.id)]
        .map((id) => editor.getShape(id)!)
        .filter((shape) => shape.type === 'frame')
        .map((shape) => ({ shape, box: editor.getShapePageBounds(shape.id) ?? new Box() })),
    ),
  )
  if (frames.length > 0) return frames.map(({ shape }) => ({ id: shape.id, name: frameName(shape) || title }))
  return [{ id: null, name: title }]
}

/** A4 landscape, or A3 landscape for very wide parts. */
export function pageSizeFor(width: number, height: number): [number, number] {
  const [short, long] = width / Math.max(height, 1) > WIDE_RATIO ? PageSizes.A3 : PageSizes.A4
  return [long, short]
}

/** A shape on the page, as far as choosing a page's shapes is concerned. */
export interface PageShape {
  id: string
  /** A shape's id, or the page's. */
  parentId: string
  /** Whether it lies (partly) on the page's part. */
  overlaps: boolean
}

/**
 * The shapes to hand to `toImage` for one page: the frame (null: none) and everything lying over
 * it — cards are often placed on a part without becoming the frame's children — but none of
 * `hidden` (my draft's cards). toImage draws each shape with all its descendants, so a shape with
 * a hidden card inside (a frame holding my draft card) is left out itself; its other children
 * lying on the part are still drawn, only the frame's own border and label are missing then.
 */
export function shapesForPage(frameId: string | null, shapes: readonly PageShape[], hidden: ReadonlySet<string>): string[] {
  const parentOf = new Map(shapes.map((shape) => [shape.id, shape.parentId]))
  const ancestors = (id: string): string[] => {
    const found: string[] = []
    for (let parent = parentOf.get(id); parent !== undefined && found.length < shapes.length; parent = parentOf.get(parent)) found.push(parent)
    return found
  }
  // Hidden shapes and their ancestors would bring a hidden card along.
  const holdsHidden = new Set<string>()
  for (const id of hidden) if (parentOf.has(id)) for (const each of [id, ...ancestors(id)]) holdsHidden.add(each)
  const inside = (id: string) => ancestors(id).some((parent) => hidden.has(parent))
  const candidates = [...(frameId === null ? [] : [frameId]), ...shapes.filter((shape) => shape.overlaps && shape.id !== frameId).map((shape) => shape.id)]
  return candidates.filter((id) => !holdsHidden.has(id) && !hidden.has(id) && !inside(id))
}

/** The PDF's bytes. `hidden`: shapes not to show (my draft's cards). */
export async function buildBoardPdf(editor: Editor, title: string, lang: string, hidden: ReadonlySet<string> = new Set()): Promise<Uint8Array> {
  const parts = boardPdfParts(editor, title)
  const pdf = await PDFDocument.create()
  pdf.setTitle(title, { showInWindowTitleBar: true })
  pdf.setLanguage(lang === 'nl' ? 'nl-NL' : 'en-GB')
  pdf.setCreator('Dialoogbord')
  const font = await pdf.embedFont(StandardFonts.HelveticaBold)
  for (const part of parts) {
    const pageId = part.id ? editor.getAncestorPageId(part.id) : editor.getCurrentPageId()
    if (!pageId) continue
    const frameBounds = part.id ? editor.getShapePageBounds(part.id) : undefined
    const shapes = [...editor.getPageShapeIds(pageId)].map((id) => editor.getShape(id)!)
    const ids = shapesForPage(
      part.id,
      shapes.map((shape) => ({ id: shape.id, parentId: shape.parentId, overlaps: frameBounds ? (editor.getShapePageBounds(shape.id)?.collides(frameBounds) ?? false) : true })),
      hidden,
    ) as TLShapeId[]
    // The whole page: as far as what is shown reaches.
    const bounds = frameBounds ?? Box.Common(ids.flatMap((id) => editor.getShapePageBounds(id) ?? []))
    if (ids.length === 0 || !bounds || bounds.w === 0 || bounds.h === 0) {
      // Nothing to draw (an empty board): a page with only the title.
      drawTitle(pdf.addPage(pageSizeFor(1, 1)), part.name, font)
      continue
    }
    const scale = Math.min(2, MAX_PIXELS / Math.max(bounds.w, bounds.h, 1))
    const { blob } = await editor.toImage(ids, { format: 'png', scale, background: true, padding: 0, bounds })
    const image = await pdf.embedPng(new Uint8Array(await blob.arrayBuffer()))
    const page = pdf.addPage(pageSizeFor(bounds.w, bounds.h))
    drawTitle(page, part.name, font)
    // The picture fills what is left below the title, keeping its proportions.
    const [pageWidth, pageHeight] = [page.getWidth(), page.getHeight()]
    const boxWidth = pageWidth - 2 * MARGIN
    const boxHeight = pageHeight - 2 * MARGIN - TITLE_SIZE - TITLE_GAP
    const fit = Math.min(boxWidth / image.width, boxHeight / image.height)
    const width = image.width * fit
    const height = image.height * fit
    page.drawImage(image, { x: MARGIN + (boxWidth - width) / 2, y: MARGIN + (boxHeight - height), width, height })
  }
  return pdf.save()
}

function drawTitle(page: PDFPage, name: string, font: PDFFont): void {
  const heading = fitText(encodable(name, new Set(font.getCharacterSet())), font, TITLE_SIZE, page.getWidth() - 2 * MARGIN)
  page.drawText(heading, { x: MARGIN, y: page.getHeight() - MARGIN - TITLE_SIZE, size: TITLE_SIZE, font })
}

function frameName(shape: TLShape): string {
  const name = (shape.props as { name?: unknown }).name
  return typeof name === 'string' ? name.trim() : ''
}

/** Letters the standard fonts lack, written as they are where those are lacking (Dutch ĳ as ij). */
const SPELLED: Record<string, string> = { ĳ: 'ij', Ĳ: 'IJ', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i', '→': '->', '←': '<-', '≤': '<=', '≥': '>=', '−': '-', '‐': '-', '‑': '-' }

/**
 * The standard fonts speak WinAnsi (`supported`: its code points): Dutch letters (é ë ï ö ü) and
 * typographic quotes are fine, anything else would abort the whole export. So a letter outside it
 * is spelled with ones inside (ĳ → ij, ő → o), an unknown letter becomes "?" (a word keeps its
 * length), and other signs (an emoji, a symbol) a space.
 */
export function encodable(text: string, supported: ReadonlySet<number>): string {
  const fits = (value: string) => value !== '' && Array.from(value).every((char) => supported.has(char.codePointAt(0)!))
  return Array.from(text, (char) => {
    if (fits(char)) return char
    const spelled = SPELLED[char]
    if (spelled !== undefined && fits(spelled)) return spelled
    const bare = char.normalize('NFKD').replace(/\p{M}/gu, '')
    if (fits(bare)) return bare
    return /\p{L}/u.test(char) ? '?' : ' '
  })
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
}

/** A title longer than the page gets an ellipsis instead of running off the edge. */
function fitText(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text
  let chars = Array.from(text)
  while (chars.length > 1 && font.widthOfTextAtSize(`${chars.join('').trimEnd()}...`, size) > width) chars = chars.slice(0, -1)
  return `${chars.join('').trimEnd()}...`
}
