/**
 * report.docx: the harvest as a Word document (docx), rendered from the harvest model. Real heading
 * styles (navigation pane, table of contents, screen readers), a real table for the agreements,
 * page numbers in the footer and Dutch as the document language.
 */
import { AlignmentType, Document, Footer, HeadingLevel, LevelFormat, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx'
import type { HarvestModel, HarvestSection } from '../../shared/harvest-model.ts'
import { agendaLine, cardLine, dateLine, dotsLabel, voteHeading, voteSummary } from './harvest-text.ts'

const BULLETS = 'bullets'

/**
 * A text as runs, one per line: a "\n" inside a run is shown by Word as a space, so a card's
 * lines (a moment, an agreement's field) get a line break (<w:br/>) between them instead.
 */
function lines(text: string, style: { bold?: boolean; italics?: boolean; color?: string } = {}): TextRun[] {
  return text.split(/\r\n|\r|\n/).map((line, i) => new TextRun({ ...style, text: line, ...(i > 0 ? { break: 1 } : {}) }))
}

const bullet = (text: string) => new Paragraph({ children: lines(text), numbering: { reference: BULLETS, level: 0 } })
const heading = (level: (typeof HeadingLevel)[keyof typeof HeadingLevel], text: string) => new Paragraph({ heading: level, children: lines(text) })
const empty = () => new Paragraph({ children: [new TextRun({ text: 'Niets op dit onderdeel.', italics: true })] })

/** A4 less docx's default margins of 1 inch, in twips: the width of the text. */
const TEXT_WIDTH = 11906 - 2 * 1440
/** Wie, Wat, Wanneer, Hoe: "wat" is usually the longest text, "wanneer" a date. */
const COLUMN_WIDTHS = [0.2, 0.35, 0.2, 0.25].map((share) => Math.round(share * TEXT_WIDTH))

function cell(text: string, column: number, header = false): TableCell {
  return new TableCell({
    width: { size: COLUMN_WIDTHS[column]!, type: WidthType.DXA },
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'EEEEEE', color: 'auto' } } : {}),
    children: [new Paragraph({ spacing: { after: 0 }, children: lines(text, header ? { bold: true } : {}) })],
  })
}

function sectionBody(section: HarvestSection): (Paragraph | Table)[] {
  switch (section.kind) {
    case 'list':
      return section.items.length === 0 ? [empty()] : section.items.map((item) => bullet(cardLine(item)))
    case 'timeline': {
      const out: (Paragraph | Table)[] = []
      for (const moment of section.moments) {
        const dots = dotsLabel(moment.dots)
        out.push(heading(HeadingLevel.HEADING_2, `${moment.date ? `${moment.date} — ` : ''}${moment.text}${dots ? ` (${dots})` : ''}`))
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
      // tableHeader: the header row repeats on each page the table runs onto. Rows may split across
      // pages: Word cuts off a row that cannot split and is taller than a page (a card holds up to 256 KB).
      const header = new TableRow({ tableHeader: true, cantSplit: true, children: ['Wie', 'Wat', 'Wanneer', 'Hoe'].map((text, i) => cell(text, i, true)) })
      const rows = section.rows.map((row) => {
        const dots = dotsLabel(row.dots)
        const cells = [row.wie, `${row.wat}${dots ? ` (${dots})` : ''}`, row.wanneer, row.hoe]
        return new TableRow({ children: cells.map((text, i) => cell(text, i)) })
      })
      return [
        new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: COLUMN_WIDTHS, layout: TableLayoutType.FIXED, rows: [header, ...rows] }),
      ]
    }
  }
}

export function harvestDocument(model: HarvestModel): Document {
  const children: (Paragraph | Table)[] = [
    heading(HeadingLevel.TITLE, model.title),
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: dateLine(model), color: '444444' })] }),
  ]
  for (const section of model.sections) {
    children.push(heading(HeadingLevel.HEADING_1, section.name), ...sectionBody(section))
  }
  if (model.votes.length > 0) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Stemmingen' }))
    for (const vote of model.votes) {
      // keepNext: the summary stays on the page of its results.
      children.push(heading(HeadingLevel.HEADING_2, voteHeading(vote)), new Paragraph({ children: lines(voteSummary(vote)), keepNext: true }))
      for (const result of vote.results) children.push(bullet(`${result.text ?? '(kaart verwijderd)'}: ${dotsLabel(result.dots) || '0 stippen'}`))
    }
  }
  if (model.agenda.length > 0) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Verloop' }))
    for (const entry of model.agenda) children.push(bullet(agendaLine(entry)))
  }
  // Word wants a paragraph after a table that ends the document; elsewhere an empty one would break
  // the chain of keep-with-next headings after it (LibreOffice then leaves "Stemmingen" alone at the foot of a page).
  if (children.at(-1) instanceof Table) children.push(new Paragraph({}))
  return new Document({
    title: model.title,
    creator: 'Dialoogbord',
    // The language of every run, so spelling check and screen readers treat the text as Dutch.
    // Sizes in half-points, spacing in twips: 11 pt text with room after each paragraph, headings
    // with space above them that stay with what follows (keepNext), like Word's own styles.
    styles: {
      default: {
        document: { run: { language: { value: 'nl-NL' }, font: 'Calibri', size: 22 }, paragraph: { spacing: { after: 80, line: 264 } } },
        title: { run: { size: 48, bold: true, color: '1F2937' }, paragraph: { spacing: { after: 60 } } },
        heading1: { run: { size: 32, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
        heading2: { run: { size: 26, bold: true, color: '2F5496' }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
      },
    },
    // A plain "•" with the text hanging at 0.5 cm (docx's default bullet is a heavy "●"), as in report.pdf.
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 400, hanging: 280 } } } }],
        },
      ],
    },
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
