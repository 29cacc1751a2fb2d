/**
 * report.docx: the harvest as a Word document (docx), rendered from the harvest model. Real heading
 * styles (navigation pane, table of contents, screen readers), a real table for the agreements,
 * page numbers in the footer and Dutch as the document language.
 */
import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import type { HarvestModel, HarvestSection } from '../../shared/harvest-model.ts'
import { agendaLine, cardLine, dateLine, dotsLabel, voteHeading, voteSummary } from './harvest-text.ts'

const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } })
const empty = () => new Paragraph({ children: [new TextRun({ text: 'Niets op dit onderdeel.', italics: true })] })

function cell(text: string, header = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })] })
}

function sectionBody(section: HarvestSection): (Paragraph | Table)[] {
  switch (section.kind) {
    case 'list':
      return section.items.length === 0 ? [empty()] : section.items.map((item) => bullet(cardLine(item)))
    case 'timeline': {
      const out: (Paragraph | Table)[] = []
      for (const moment of section.moments) {
        const dots = dotsLabel(moment.dots)
        out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: `${moment.date ? `${moment.date} — ` : ''}${moment.text}${dots ? ` (${dots})` : ''}` }))
        for (const duiding of moment.duidingen) out.push(bullet(cardLine(duiding)))
      }
      if (section.loose.length > 0) {
        out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: 'Zonder moment' }))
        for (const card of section.loose) out.push(bullet(cardLine(card)))
      }
      return out.length === 0 ? [empty()] : out
    }
    case 'agreements': {
      if (section.rows.length === 0) return [empty()]
      const header = new TableRow({ tableHeader: true, children: ['Wie', 'Wat', 'Wanneer', 'Hoe'].map((text) => cell(text, true)) })
      const rows = section.rows.map((row) => {
        const dots = dotsLabel(row.dots)
        return new TableRow({ children: [cell(row.wie), cell(`${row.wat}${dots ? ` (${dots})` : ''}`), cell(row.wanneer), cell(row.hoe)] })
      })
      return [new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] })]
    }
  }
}

export function harvestDocument(model: HarvestModel): Document {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, text: model.title }),
    new Paragraph({ text: dateLine(model) }),
  ]
  for (const section of model.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: section.name }), ...sectionBody(section))
  }
  if (model.votes.length > 0) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Stemmingen' }))
    for (const vote of model.votes) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: voteHeading(vote) }), new Paragraph({ text: voteSummary(vote) }))
      for (const result of vote.results) children.push(bullet(`${result.text ?? '(kaart verwijderd)'}: ${dotsLabel(result.dots) || '0 stippen'}`))
    }
  }
  if (model.agenda.length > 0) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Verloop' }))
    for (const entry of model.agenda) children.push(bullet(agendaLine(entry)))
  }
  return new Document({
    title: model.title,
    creator: 'Dialoogbord',
    // The language of every run, so spelling check and screen readers treat the text as Dutch.
    styles: { default: { document: { run: { language: { value: 'nl-NL' }, font: 'Calibri' } } } },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Pagina ', PageNumber.CURRENT, ' van ', PageNumber.TOTAL_PAGES] })] })],
          }),
        },
        children,
      },
    ],
  })
}

export function harvestDocx(model: HarvestModel): Promise<Buffer> {
  return Packer.toBuffer(harvestDocument(model))
}
