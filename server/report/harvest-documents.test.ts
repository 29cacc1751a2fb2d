import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { HarvestModel } from '../../shared/harvest-model.ts'
import { harvestDocx } from './harvest-docx.ts'
import { harvestPdf } from './harvest-pdf.ts'
import { docxPart, docxParagraphs } from './docx-text.ts'

// The row's calendar fields (its card and day), which the documents do not show; spread, so that
// this sample also compiles against a model without them.
const AGREEMENT_CALENDAR = { id: 'shape:a1', date: '2027-03-01' }

const SAMPLE_MODEL: HarvestModel = {
  title: 'Casus Zuid: ĳsvrije wegen',
  createdAt: '2026-11-30T09:00:00.000Z',
  template: { id: 'casusreconstructie', title: 'Casusreconstructie' },
  generatedAt: null,
  sections: [
    { kind: 'timeline', zone: 'tijdlijn', name: 'Tijdlijn', loose: [{ text: 'Losse kaart', dots: null }], moments: [{ date: '2026-01-05', text: 'Melding binnen', dots: 2, duidingen: [{ text: 'Te laat opgepakt', dots: 1 }] }] },
    { kind: 'list', zone: 'lessen', name: 'Lessen', items: [{ text: 'Eerder bellen', dots: 3 }, { text: 'Café-overleg', dots: null, checked: true }] },
    { kind: 'agreements', zone: 'afspraken', name: 'Afspraken', rows: [{ ...AGREEMENT_CALENDAR, wie: 'Anna', wat: 'Evaluatie plannen', wanneer: '1 maart', hoe: 'Per mail', dots: null }] },
  ],
  votes: [{ closedAt: '2026-11-30T10:15:00.000Z', perParticipant: 3, zoneName: 'Lessen', voters: 4, results: [{ text: 'Eerder bellen', dots: 3 }] }],
  agenda: [{ name: 'Tijdlijn', startedAt: '2026-11-30T09:05:00.000Z', endedAt: '2026-11-30T09:35:00.000Z', plannedMinutes: 30 }],
  followUp: null,
}

describe('report.docx', () => {
  it('has the title, the date line, a Heading1 per section in order and the agreements as a table', async () => {
    const bytes = await harvestDocx(SAMPLE_MODEL)
    const paragraphs = docxParagraphs(bytes)
    expect(paragraphs[0]).toEqual(['Title', 'Casus Zuid: ĳsvrije wegen'])
    expect(paragraphs[1]![1]).toBe('Datum: 30 november 2026 · Werkvorm: Casusreconstructie')
    expect(paragraphs.filter(([style]) => style === 'Heading1').map(([, text]) => text)).toEqual(['Tijdlijn', 'Lessen', 'Afspraken', 'Stemmingen', 'Verloop'])
    expect(paragraphs.filter(([style]) => style === 'Heading2').map(([, text]) => text)[0]).toBe('2026-01-05 — Melding binnen (2 stippen)')
    const xml = docxPart(bytes, 'word/document.xml')
    expect(xml).toContain('<w:tbl>')
    expect(xml.indexOf('Wanneer')).toBeLessThan(xml.indexOf('Evaluatie plannen'))
    const styles = docxPart(bytes, 'word/styles.xml')
    expect(styles).toContain('w:val="nl-NL"')
  })

  it('keeps the lines of a multi-line field (<w:br/>, not a space) and lets a long agreement row split across pages', async () => {
    const model: HarvestModel = {
      ...SAMPLE_MODEL,
      sections: [
        { kind: 'timeline', zone: 'tijdlijn', name: 'Tijdlijn', loose: [], moments: [{ date: null, text: 'Melding\nbij de school', dots: null, duidingen: [{ text: 'Eerst\nDaarna', dots: null }] }] },
        { kind: 'agreements', zone: 'afspraken', name: 'Afspraken', rows: [{ ...AGREEMENT_CALENDAR, wie: 'Anna', wat: 'Regel één\nRegel twee', wanneer: '1 maart', hoe: 'Per mail', dots: null }] },
      ],
    }
    const xml = docxPart(await harvestDocx(model), 'word/document.xml')
    const run = '</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">'
    expect(xml).toContain(`Melding${run}bij de school`)
    expect(xml).toContain(`Eerst${run}Daarna`)
    expect(xml).toContain(`Regel één${run}Regel twee`)
    expect(xml).not.toMatch(/Regel één\s+Regel twee/)
    // Only the header row stays whole (it repeats on each page).
    expect(xml.match(/<w:cantSplit\/>/g)).toHaveLength(1)
  })
})

describe('report.pdf', () => {
  it('is a PDF in Dutch with an outline and the font embedded', async () => {
    const bytes = await harvestPdf(SAMPLE_MODEL)
    const raw = bytes.toString('latin1')
    expect(raw.startsWith('%PDF-1.7')).toBe(true)
    expect(raw).toContain('/Lang (nl-NL)')
    expect(raw).toContain('/Outlines')
    expect(raw).toMatch(/DejaVuSans/)
  })

  it('is tagged: a structure tree with the title and an H1 per section, votes and agenda', async () => {
    const raw = (await harvestPdf(SAMPLE_MODEL)).toString('latin1')
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/)
    expect(raw).toContain('/Marked true')
    expect(raw).toContain('/StructTreeRoot')
    expect(raw.match(/\/S \/H1\b/g)).toHaveLength(5)
    expect(raw.match(/\/S \/Title\b/g)).toHaveLength(1)
    expect(raw).toMatch(/\/RoleMap <<\s*\/Title \/H1\s*>>/)
    expect(raw.match(/\/S \/TH\b/g)).toHaveLength(4)
  })

  it('runs an agreement row taller than a page onto the next pages, every word once and in order, tags still valid', async () => {
    // 1,000 numbered words (~6,000 characters) in "wat", lines in "hoe", a normal row after it.
    const words = Array.from({ length: 1000 }, (_, i) => `w${String(i).padStart(4, '0')}`)
    const model: HarvestModel = {
      ...SAMPLE_MODEL,
      votes: [],
      agenda: [],
      sections: [
        {
          kind: 'agreements',
          zone: 'afspraken',
          name: 'Afspraken',
          rows: [
            { ...AGREEMENT_CALENDAR, wie: 'Anna', wat: words.join(' '), wanneer: '1 maart', hoe: 'Eerste regel\nTweede regel', dots: null },
            { ...AGREEMENT_CALENDAR, id: 'shape:a2', wie: 'Bram', wat: 'Kort verslag', wanneer: '2 maart', hoe: 'Per mail', dots: null },
          ],
        },
      ],
    }
    const dir = mkdtempSync(join(tmpdir(), 'harvest-pdf-'))
    try {
      const file = join(dir, 'long.pdf')
      writeFileSync(file, await harvestPdf(model))
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1])
      const short = join(dir, 'short.pdf')
      writeFileSync(short, await harvestPdf(SAMPLE_MODEL))
      const shortPages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [short], { encoding: 'utf8' }))?.[1])
      expect(pages).toBeGreaterThan(shortPages)
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
      // Overlapping cells would interleave or lose words: all of them, in order, then the other cells.
      expect(text.match(/w\d{4}/g)).toEqual(words)
      const order = ['Anna', 'w0000', 'w0999', '1 maart', 'Eerste regel Tweede regel', 'Bram', 'Kort verslag', '2 maart', 'Per mail'].map((part) => text.indexOf(part))
      expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true)
      // Each cell is on a page that names its column, next to its row (not alone at the top of a
      // page, pages after the row's first cell, as when the row was drawn across pages as a row).
      const pageTexts = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f')
      const pageOf = (part: string) => pageTexts.findIndex((page) => page.includes(part))
      for (const [value, column] of [['Anna', 'Wie'], ['w0000', 'Wat'], ['1 maart', 'Wanneer'], ['Eerste regel', 'Hoe'], ['Bram', 'Wie'], ['Per mail', 'Hoe']] as const) {
        expect(pageTexts[pageOf(value)], value).toContain(column)
      }
      expect(pageOf('1 maart') - pageOf('Anna')).toBeLessThanOrEqual(pageOf('w0999') - pageOf('w0000'))
      // The structure tree still has the table's rows and cells: two rows of four.
      const structure = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' })
      expect(structure.match(/^\s*TR\b/gm)).toHaveLength(3)
      expect(structure.match(/^\s*TD\b/gm)).toHaveLength(8)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
