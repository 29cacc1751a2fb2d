/**
 * report.pdf: the harvest as a PDF with real text (pdfkit), rendered from the harvest model in the
 * same structure as report.docx: title, date line, a heading per section (each also a bookmark in
 * the outline), agreements as a table, page numbers. DejaVu Sans is embedded (subset) because
 * the standard PDF fonts only cover WinAnsi: Dutch "ĳ", Czech or Turkish names, arrows would fail.
 *
 * A tagged PDF (accessible, reflowable): a structure tree Document > Title, H1 per section, H2 per
 * moment and vote, P, L > LI > LBody, Table > TR > TH/TD, in reading order; bullets, table borders
 * and page numbers are artifacts, outside that order (a bullet as Lbl would be a third object per
 * card: at 2k cards that made the file 800 kB instead of 630 kB and a third slower to write). Every drawing happens inside a structure
 * element's closure or an artifact, so no marked-content sequence stays open across elements.
 */
import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import type { HarvestModel, HarvestSection } from '../../shared/harvest-model.ts'
import { agendaLine, cardLine, dateLine, dotsLabel, voteHeading, voteSummary } from './harvest-text.ts'

const require = createRequire(import.meta.url)
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')
const MARGIN = 56
/** Where a bullet's text starts, right of the bullet: wrapped lines hang here too. */
const BULLET_INDENT = 16

type Pdf = InstanceType<typeof PDFDocument>
type Struct = PDFKit.PDFStructureElement
type Outline = ReturnType<Pdf['outline']['addItem']>

/** What one rendering needs: the document and the structure element everything goes into. */
interface Writer {
  doc: Pdf
  root: Struct
}

const bodyWidth = (doc: Pdf) => doc.page.width - 2 * MARGIN
const bodyBottom = (doc: Pdf) => doc.page.height - doc.page.margins.bottom

/** A new page when less than `height` is left (a heading with its next lines, a bullet's first line). */
function keepRoom({ doc }: Writer, height: number): void {
  if (doc.y + height > bodyBottom(doc)) doc.addPage()
}

/** Adds a structure element whose content is what `draw` puts on the page. */
function tagged({ doc }: Writer, parent: Struct, type: string, draw: () => void): void {
  parent.add(doc.struct(type, {}, draw))
}

function heading(w: Writer, text: string, level: 1 | 2, parent: Outline | null): Outline {
  const { doc } = w
  doc.moveDown(level === 1 ? 0.8 : 0.4)
  // Keep a heading with at least two lines of what follows it.
  keepRoom(w, 60)
  doc.x = MARGIN
  tagged(w, w.root, level === 1 ? 'H1' : 'H2', () => doc.font(BOLD).fontSize(level === 1 ? 16 : 12.5).fillColor('black').text(text, { width: bodyWidth(doc) }))
  doc.font(FONT).fontSize(11).moveDown(0.2)
  return (parent ?? doc.outline).addItem(text)
}

function paragraph(w: Writer, text: string, colour = 'black'): void {
  const { doc } = w
  doc.x = MARGIN
  tagged(w, w.root, 'P', () => doc.font(FONT).fontSize(11).fillColor(colour).text(text, { width: bodyWidth(doc) }))
  doc.fillColor('black')
}

/**
 * A bulleted list: the text in its own column right of the bullet, so that wrapped lines start
 * under the text, not under the bullet (the list structure already says "list item").
 */
function bullets(w: Writer, texts: readonly string[]): void {
  if (texts.length === 0) return
  const { doc } = w
  const list = doc.struct('L')
  w.root.add(list)
  doc.font(FONT).fontSize(11)
  for (const text of texts) {
    keepRoom(w, doc.currentLineHeight(true))
    const top = doc.y
    const item = doc.struct('LI')
    list.add(item)
    artifact(doc, () => doc.text('•', MARGIN + 2, top, { lineBreak: false }))
    tagged(w, item, 'LBody', () => doc.text(text, MARGIN + BULLET_INDENT, top, { width: bodyWidth(doc) - BULLET_INDENT, paragraphGap: 2 }))
    item.end()
  }
  list.end()
  doc.x = MARGIN
}

/** Draws outside the reading order (borders, repeated headers, page numbers). */
function artifact(doc: Pdf, draw: () => void, type?: 'Pagination' | 'Layout'): void {
  doc.markContent('Artifact', type ? { type } : undefined)
  draw()
  doc.endMarkedContent()
}

const AGREEMENT_COLUMNS = ['Wie', 'Wat', 'Wanneer', 'Hoe'] as const

function agreementsTable(w: Writer, rows: { wie: string; wat: string; wanneer: string; hoe: string }[]): void {
  const { doc } = w
  const columns = [0.2, 0.35, 0.2, 0.25].map((share) => share * bodyWidth(doc))
  const table = doc.struct('Table')
  w.root.add(table)
  const heightOf = (cells: readonly string[], bold: boolean) => {
    doc.font(bold ? BOLD : FONT).fontSize(10)
    return Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: columns[i]! - 8 }))) + 8
  }
  // Cell borders (and the header fill) as an artifact; the cells' text goes where `cellText` says.
  const drawRow = (cells: readonly string[], bold: boolean, height: number, cellText: (i: number, draw: () => void) => void) => {
    const top = doc.y
    artifact(doc, () => {
      // The header's fill first, as one rectangle, so it does not cover half of a cell's border.
      if (bold) doc.rect(MARGIN, top, bodyWidth(doc), height).fill('#eeeeee')
      let x = MARGIN
      columns.forEach((width) => {
        doc.rect(x, top, width, height).stroke('#999999')
        x += width
      })
    })
    let x = MARGIN
    cells.forEach((text, i) => {
      const left = x
      cellText(i, () => doc.font(bold ? BOLD : FONT).fontSize(10).fillColor('black').text(text, left + 4, top + 4, { width: columns[i]! - 8 }))
      x += columns[i]!
    })
    doc.x = MARGIN
    doc.y = top + height
  }
  const headerHeight = heightOf(AGREEMENT_COLUMNS, true)
  keepRoom(w, headerHeight + 30)
  const header = doc.struct('TR')
  table.add(header)
  // Scope: screen readers announce "Wie", "Wat"… with each cell of that column.
  const columnHeader: PDFKit.Mixins.StructureElementOptions & { scope: 'Column' } = { scope: 'Column' }
  drawRow(AGREEMENT_COLUMNS, true, headerHeight, (_, draw) => header.add(doc.struct('TH', columnHeader, draw)))
  header.end()
  // The header again, for the eye only: it is already in the table once.
  const headerAgain = () => drawRow(AGREEMENT_COLUMNS, true, headerHeight, (_, draw) => artifact(doc, draw))
  // A row taller than a page below the header cannot be drawn as a row (a card holds up to 256 KB).
  const pageRoom = bodyBottom(doc) - doc.page.margins.top - headerHeight
  for (const [index, agreement] of rows.entries()) {
    const cells = [agreement.wie, agreement.wat, agreement.wanneer, agreement.hoe]
    const row = doc.struct('TR')
    table.add(row)
    const height = heightOf(cells, false)
    if (height > pageRoom) {
      stackedRow(w, cells, row)
      if (index < rows.length - 1) {
        keepRoom(w, headerHeight + 30)
        headerAgain()
      }
    } else {
      if (doc.y + height > bodyBottom(doc)) {
        doc.addPage()
        headerAgain()
      }
      drawRow(cells, false, height, (_, draw) => row.add(doc.struct('TD', {}, draw)))
    }
    row.end()
  }
  table.end()
  doc.font(FONT).fontSize(11).moveDown(0.5)
}

/**
 * A row too tall for a page, its cells one after another across the body's width, each under its
 * column's name, running onto as many pages as they need. Still a TR of four TDs (the names are
 * artifacts: the column headers already say them), so the table reads the same.
 */
function stackedRow({ doc }: Writer, cells: readonly string[], row: Struct): void {
  const rule = () => {
    const y = doc.y + 2
    artifact(doc, () => doc.moveTo(MARGIN, y).lineTo(MARGIN + bodyWidth(doc), y).stroke('#999999'))
    doc.y = y + 4
  }
  rule()
  cells.forEach((text, i) => {
    // The column's name stays with the first lines of its text.
    if (doc.y + 3 * doc.font(FONT).fontSize(10).currentLineHeight(true) > bodyBottom(doc)) doc.addPage()
    artifact(doc, () => doc.font(BOLD).fontSize(10).fillColor('#444444').text(AGREEMENT_COLUMNS[i]!, MARGIN, doc.y, { width: bodyWidth(doc) }))
    row.add(doc.struct('TD', {}, () => doc.font(FONT).fontSize(10).fillColor('black').text(text, MARGIN, doc.y, { width: bodyWidth(doc), paragraphGap: 6 })))
  })
  rule()
  doc.x = MARGIN
}

function section(w: Writer, part: HarvestSection): void {
  const item = heading(w, part.name, 1, null)
  const none = () => paragraph(w, 'Niets op dit onderdeel.', '#555555')
  switch (part.kind) {
    case 'list':
      if (part.items.length === 0) none()
      bullets(w, part.items.map(cardLine))
      return
    case 'timeline':
      if (part.moments.length === 0 && part.loose.length === 0) none()
      for (const moment of part.moments) {
        const dots = dotsLabel(moment.dots)
        heading(w, `${moment.date ? `${moment.date} — ` : ''}${moment.text}${dots ? ` (${dots})` : ''}`, 2, item)
        bullets(w, moment.duidingen.map(cardLine))
      }
      if (part.loose.length > 0) {
        heading(w, 'Zonder moment', 2, item)
        bullets(w, part.loose.map(cardLine))
      }
      return
    case 'agreements':
      if (part.rows.length === 0) none()
      else agreementsTable(w, part.rows.map((row) => ({ ...row, wat: `${row.wat}${dotsLabel(row.dots) ? ` (${dotsLabel(row.dots)})` : ''}` })))
      return
  }
}

export function harvestPdf(model: HarvestModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    // Marked content (MarkInfo) and Lang came with PDF 1.4; pdfkit would write 1.3 in the header.
    pdfVersion: '1.7',
    tagged: true,
    lang: 'nl-NL',
    displayTitle: true,
    info: { Title: model.title, Creator: 'Dialoogbord' },
  })
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  // "Title" is not a standard structure type before PDF 2.0: the role map says it is the top heading.
  ;(doc.getStructTreeRoot().data as { RoleMap?: Record<string, string> }).RoleMap = { Title: 'H1' }
  const root = doc.struct('Document')
  doc.addStructure(root)
  const w: Writer = { doc, root }

  tagged(w, root, 'Title', () => doc.font(BOLD).fontSize(22).text(model.title, { width: bodyWidth(doc) }))
  doc.outline.addItem(model.title)
  paragraph(w, dateLine(model), '#444444')
  for (const part of model.sections) section(w, part)
  if (model.votes.length > 0) {
    const item = heading(w, 'Stemmingen', 1, null)
    for (const vote of model.votes) {
      heading(w, voteHeading(vote), 2, item)
      paragraph(w, voteSummary(vote))
      bullets(w, vote.results.map((result) => `${result.text ?? '(kaart verwijderd)'}: ${dotsLabel(result.dots) || '0 stippen'}`))
    }
  }
  if (model.agenda.length > 0) {
    heading(w, 'Verloop', 1, null)
    bullets(w, model.agenda.map(agendaLine))
  }
  root.end()
  // Page numbers last, when the page count is known (bufferPages keeps every page open until now).
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0 // writing inside the bottom margin must not start a new page
    artifact(
      doc,
      () => doc.font(FONT).fontSize(9).fillColor('#666666').text(`Pagina ${i + 1} van ${range.count}`, MARGIN, doc.page.height - 36, { width: bodyWidth(doc), align: 'center', lineBreak: false }),
      'Pagination',
    )
    doc.page.margins.bottom = bottom
  }
  doc.end()
  return done
}
