/**
 * "Bord als PDF": the board as pictures, one landscape page per part (zone frame) in template
 * order with the part's name as the page title. Built in the browser from tldraw's own rendering
 * (`editor.toImage`), so the PDF shows exactly what the canvas shows.
 */
import { PageSizes, PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib'
import type { Box, Editor, TLShapeId } from 'tldraw'
import { editorSteps } from '../session/agenda-steps.ts'

const MARGIN = 36
const TITLE_SIZE = 18
const TITLE_GAP = 12
/** Wider than this (width / height) and a part gets an A3 page: a timeline shrunk to A4 is unreadable. */
const WIDE_RATIO = 2.2
/** The longest side of a page's picture in pixels: sharp when printed, yet light on memory. */
const MAX_PIXELS = 3200

export interface BoardPdfPart {
  id: TLShapeId
  name: string
}

/** The parts the PDF has pages for, in the Stappen panel's order. */
export function boardPdfParts(editor: Editor): BoardPdfPart[] {
  return editorSteps(editor).map((step) => ({ id: step.id as TLShapeId, name: step.name }))
}

/** A4 landscape, or A3 landscape for very wide parts. */
export function pageSizeFor(width: number, height: number): [number, number] {
  const [short, long] = width / Math.max(height, 1) > WIDE_RATIO ? PageSizes.A3 : PageSizes.A4
  return [long, short]
}

/** The PDF's bytes, or null when the board has no parts. */
export async function buildBoardPdf(editor: Editor, title: string, lang: string): Promise<Uint8Array | null> {
  const parts = boardPdfParts(editor)
  if (parts.length === 0) return null
  const pdf = await PDFDocument.create()
  pdf.setTitle(title, { showInWindowTitleBar: true })
  pdf.setLanguage(lang === 'nl' ? 'nl-NL' : 'en-GB')
  pdf.setCreator('Dialoogbord')
  const font = await pdf.embedFont(StandardFonts.HelveticaBold)
  for (const part of parts) {
    const bounds = editor.getShapePageBounds(part.id)
    if (!bounds) continue
    const scale = Math.min(2, MAX_PIXELS / Math.max(bounds.w, bounds.h, 1))
    const { blob } = await editor.toImage(shapesOver(editor, part.id, bounds), { format: 'png', scale, background: true, padding: 0, bounds })
    const image = await pdf.embedPng(new Uint8Array(await blob.arrayBuffer()))
    const [pageWidth, pageHeight] = pageSizeFor(bounds.w, bounds.h)
    const page = pdf.addPage([pageWidth, pageHeight])
    const heading = fitText(encodable(font, part.name), font, TITLE_SIZE, pageWidth - 2 * MARGIN)
    page.drawText(heading, { x: MARGIN, y: pageHeight - MARGIN - TITLE_SIZE, size: TITLE_SIZE, font })
    // The picture fills what is left below the title, keeping its proportions.
    const boxWidth = pageWidth - 2 * MARGIN
    const boxHeight = pageHeight - 2 * MARGIN - TITLE_SIZE - TITLE_GAP
    const fit = Math.min(boxWidth / image.width, boxHeight / image.height)
    const width = image.width * fit
    const height = image.height * fit
    page.drawImage(image, { x: MARGIN + (boxWidth - width) / 2, y: MARGIN + (boxHeight - height), width, height })
  }
  return pdf.save()
}

/**
 * What the page shows: the frame and everything lying over it. Cards are often placed on a part
 * without becoming the frame's children, and exporting the frame alone would leave them out.
 */
function shapesOver(editor: Editor, frameId: TLShapeId, bounds: Box): TLShapeId[] {
  const pageId = editor.getAncestorPageId(frameId)
  if (!pageId) return [frameId]
  const over = [...editor.getPageShapeIds(pageId)].filter((id) => id !== frameId && editor.getShapePageBounds(id)?.collides(bounds))
  return [frameId, ...over]
}

/**
 * The standard fonts speak WinAnsi: Dutch letters (é ë ï ö ü) are fine, an emoji or arrow in a
 * frame's name is not and would abort the whole export, so those become a space.
 */
function encodable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet())
  return Array.from(text, (char) => (supported.has(char.codePointAt(0)!) ? char : ' '))
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
