/**
 * report.pdf: the harvest as a PDF with real text (pdfkit), rendered from the harvest model in the
 * same structure as report.docx: title, date line, a heading per section (each also a bookmark in
 * the outline), agreements as a table, page numbers. DejaVu Sans is embedded (subset) because
 * the standard PDF fonts only cover WinAnsi: Dutch "ĳ", Czech or Turkish names, arrows would fail.
 */
import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import type { HarvestModel, HarvestSection } from '../../shared/harvest-model.ts'
import { agendaLine, cardLine, dateLine, dotsLabel, voteHeading, voteSummary } from './harvest-text.ts'

const require = createRequire(import.meta.url)
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')
const MARGIN = 56

type Pdf = InstanceType<typeof PDFDocument>

function heading(doc: Pdf, text: string, level: 1 | 2, parent: ReturnType<Pdf['outline']['addItem']> | null) {
  doc.moveDown(level === 1 ? 0.8 : 0.4)
  // Keep a heading with at least two lines of what follows it.
  if (doc.y > doc.page.height - MARGIN - 60) doc.addPage()
  doc.font(BOLD).fontSize(level === 1 ? 16 : 12.5).text(text)
  doc.font(FONT).fontSize(11).moveDown(0.2)
  return (parent ?? doc.outline).addItem(text)
}

function bullet(doc: Pdf, text: string): void {
  doc.font(FONT).fontSize(11).text(`•  ${text}`, { indent: 0, paragraphGap: 2 })
}

function agreementsTable(doc: Pdf, rows: { wie: string; wat: string; wanneer: string; hoe: string }[]): void {
  const width = doc.page.width - 2 * MARGIN
  const columns = [0.2, 0.35, 0.2, 0.25].map((share) => share * width)
  const row = (cells: string[], bold: boolean) => {
    doc.font(bold ? BOLD : FONT).fontSize(10)
    const height = Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: columns[i]! - 8 }))) + 8
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage()
    const top = doc.y
    let x = MARGIN
    cells.forEach((text, i) => {
      doc.rect(x, top, columns[i]!, height).stroke('#999999')
      doc.fillColor('black').text(text, x + 4, top + 4, { width: columns[i]! - 8 })
      x += columns[i]!
    })
    doc.x = MARGIN
    doc.y = top + height
  }
  row(['Wie', 'Wat', 'Wanneer', 'Hoe'], true)
  for (const agreement of rows) row([agreement.wie, agreement.wat, agreement.wanneer, agreement.hoe], false)
  doc.font(FONT).fontSize(11).moveDown(0.5)
}

function section(doc: Pdf, part: HarvestSection): void {
  const item = heading(doc, part.name, 1, null)
  const none = () => doc.font(FONT).fontSize(11).fillColor('#555555').text('Niets op dit onderdeel.').fillColor('black')
  switch (part.kind) {
    case 'list':
      if (part.items.length === 0) none()
      for (const card of part.items) bullet(doc, cardLine(card))
      return
    case 'timeline':
      if (part.moments.length === 0 && part.loose.length === 0) none()
      for (const moment of part.moments) {
        const dots = dotsLabel(moment.dots)
        heading(doc, `${moment.date ? `${moment.date} — ` : ''}${moment.text}${dots ? ` (${dots})` : ''}`, 2, item)
        for (const duiding of moment.duidingen) bullet(doc, cardLine(duiding))
      }
      if (part.loose.length > 0) {
        heading(doc, 'Zonder moment', 2, item)
        for (const card of part.loose) bullet(doc, cardLine(card))
      }
      return
    case 'agreements':
      if (part.rows.length === 0) none()
      else agreementsTable(doc, part.rows.map((row) => ({ ...row, wat: `${row.wat}${dotsLabel(row.dots) ? ` (${dotsLabel(row.dots)})` : ''}` })))
      return
  }
}

export function harvestPdf(model: HarvestModel): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, lang: 'nl-NL', displayTitle: true, info: { Title: model.title, Creator: 'Dialoogbord' } })
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  doc.font(BOLD).fontSize(22).text(model.title)
  doc.outline.addItem(model.title)
  doc.font(FONT).fontSize(11).fillColor('#444444').text(dateLine(model)).fillColor('black')
  for (const part of model.sections) section(doc, part)
  if (model.votes.length > 0) {
    const item = heading(doc, 'Stemmingen', 1, null)
    for (const vote of model.votes) {
      heading(doc, voteHeading(vote), 2, item)
      doc.text(voteSummary(vote))
      for (const result of vote.results) bullet(doc, `${result.text ?? '(kaart verwijderd)'}: ${dotsLabel(result.dots) || '0 stippen'}`)
    }
  }
  if (model.agenda.length > 0) {
    heading(doc, 'Verloop', 1, null)
    for (const entry of model.agenda) bullet(doc, agendaLine(entry))
  }
  // Page numbers last, when the page count is known (bufferPages keeps every page open until now).
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0 // writing inside the bottom margin must not start a new page
    doc.font(FONT).fontSize(9).fillColor('#666666').text(`Pagina ${i + 1} van ${range.count}`, MARGIN, doc.page.height - 36, { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false })
    doc.page.margins.bottom = bottom
  }
  doc.end()
  return done
}
