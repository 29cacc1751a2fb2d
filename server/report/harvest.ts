/**
 * The harvest ("oogst") of a board as Markdown (docs/document.md, "The harvest"), rendered from the
 * harvest model (harvest-model.ts, which decides sections, order and zones): a title, the date and
 * template, a section per zone, the closed votes ("Stemmingen") and the agenda as it ran
 * ("Verloop"). On the timeline each moment is a numbered item with its date in bold and its
 * interpretations beneath it; agreements are a table wie | wat | wanneer | hoe; checklist cards
 * are task-list items; a card with dots in the latest closed vote shows them, "(● 5)".
 *
 * Every piece of board text is escaped (markdown-escape.ts), so no card can add Markdown structure
 * or HTML, and ordinary punctuation stays as typed.
 */
import type { HarvestAgendaEntry, HarvestCard, HarvestModel, HarvestSection, HarvestVote } from '../../shared/harvest-model.ts'
import { buildHarvestModel, type HarvestInput } from './harvest-model.ts'
import { harvestDate, harvestDateTime, harvestTime } from '../../shared/harvest-dates.ts'
import { escapeText, oneLine } from './markdown-escape.ts'

export type { HarvestRecord } from '../../shared/board-geometry.ts'
export type { HarvestInput } from './harvest-model.ts'

const EMPTY = '_Nog niets ingevuld._'

export function renderHarvest(input: HarvestInput): string {
  return renderHarvestMarkdown(buildHarvestModel(input))
}

/** report.md from the model. */
export function renderHarvestMarkdown(model: HarvestModel): string {
  const out: string[] = [`# ${escapeHeading(model.title)}`, '']
  const facts = [`Datum: ${formatDate(model.createdAt)}`]
  if (model.template) facts.push(`Werkvorm: ${escapeHeading(model.template.title)}`)
  out.push(facts.join(' · '), '')
  if (model.generatedAt) out.push(`Oogst gemaakt op ${formatDateTime(model.generatedAt)}.`, '')
  for (const section of model.sections) {
    out.push(`## ${escapeHeading(section.name)}`, '')
    const body = renderSection(section)
    out.push(...(body.length > 0 ? body : [EMPTY]), '')
  }
  if (model.votes.length > 0) out.push(...renderVotes(model.votes))
  if (model.agenda.length > 0) out.push(...renderAgendaRun(model.agenda))
  return `${out.join('\n').trimEnd()}\n`
}

function renderSection(section: HarvestSection): string[] {
  switch (section.kind) {
    case 'timeline':
      return renderTimeline(section)
    case 'agreements':
      return renderAgreements(section)
    case 'list':
      return section.items.map((item) => `- ${item.checked === undefined ? '' : `[${item.checked ? 'x' : ' '}] `}${escapeLine(item.text)}${dotsText(item.dots)}`)
  }
}

/** " (● 5)" after a card that got dots in the latest closed vote, else nothing. */
function dotsText(dots: number | null): string {
  return dots ? ` (● ${dots})` : ''
}

function cardLine(card: HarvestCard): string {
  return `${escapeLine(card.text)}${dotsText(card.dots)}`
}

function renderTimeline(section: Extract<HarvestSection, { kind: 'timeline' }>): string[] {
  const lines: string[] = []
  section.moments.forEach((moment, i) => {
    const text = escapeLine(moment.text) || '…'
    lines.push(`${i + 1}. ${moment.date ? `**${escapeLine(moment.date)}**: ${text}` : text}${dotsText(moment.dots)}`)
    for (const duiding of moment.duidingen) lines.push(`    - ${cardLine(duiding)}`)
  })
  if (section.loose.length > 0) {
    if (lines.length > 0) lines.push('')
    lines.push('Duidingen zonder moment:', '')
    for (const duiding of section.loose) lines.push(`- ${cardLine(duiding)}`)
  }
  return lines
}

function renderAgreements(section: Extract<HarvestSection, { kind: 'agreements' }>): string[] {
  if (section.rows.length === 0) return []
  return [
    '| Wie | Wat | Wanneer | Hoe |',
    '| --- | --- | --- | --- |',
    ...section.rows.map((row) => `| ${escapeCell(row.wie)} | ${escapeCell(row.wat)}${dotsText(row.dots)} | ${escapeCell(row.wanneer)} | ${escapeCell(row.hoe)} |`),
  ]
}

/** "Stemmingen": every closed vote, oldest first, with its cards in order of dots (most first). */
function renderVotes(votes: readonly HarvestVote[]): string[] {
  const out = ['## Stemmingen', '']
  votes.forEach((vote, i) => {
    out.push(`### ${votes.length > 1 ? `Stemming ${i + 1}, ` : 'Stemming, '}gesloten op ${formatDateTime(vote.closedAt)}`, '')
    const facts = [`${vote.perParticipant} ${vote.perParticipant === 1 ? 'stip' : 'stippen'} per deelnemer`]
    if (vote.zoneName !== null) facts.push(`Onderdeel: ${escapeHeading(vote.zoneName)}`)
    facts.push(`${vote.voters} ${vote.voters === 1 ? 'deelnemer heeft' : 'deelnemers hebben'} gestemd`)
    out.push(facts.join(' · '), '')
    if (vote.results.length === 0) out.push('_Geen stippen geplaatst._')
    vote.results.forEach((result, rank) => {
      const text = result.text === null ? '' : escapeLine(result.text)
      out.push(`${rank + 1}. ${text || '_(kaart verwijderd of zonder tekst)_'} (● ${result.dots})`)
    })
    out.push('')
  })
  return out
}

/**
 * "Verloop": the steps as "Start stap" ran them. Times of day only when the session kept to one
 * day, else with the date. A step still running when the harvest is made has no duration (the
 * harvest depends on the document alone, not on when it is read).
 */
function renderAgendaRun(run: readonly HarvestAgendaEntry[]): string[] {
  const days = new Set(run.map((entry) => formatDate(entry.startedAt)))
  const oneDay = days.size === 1
  const start = (iso: string) => (oneDay ? formatTime(iso) : formatDateTime(iso))
  const out = ['## Verloop', '']
  if (oneDay) out.push(`Op ${[...days][0]!}.`, '')
  out.push('| Stap | Start | Duur | Gepland |', '| --- | --- | --- | --- |')
  for (const entry of run) {
    const minutes = entry.endedAt === null ? null : Math.max(0, Math.round((Date.parse(entry.endedAt) - Date.parse(entry.startedAt)) / 60_000))
    const used = minutes === null ? 'loopt nog' : `${minutes} min`
    const planned = entry.plannedMinutes === null ? '–' : `${entry.plannedMinutes} min`
    out.push(`| ${escapeCell(entry.name)} | ${start(entry.startedAt)} | ${used} | ${planned} |`)
  }
  out.push('')
  return out
}

/** Escapes a title or frame name for a heading: newlines become spaces, so it stays one line. */
export function escapeHeading(text: string): string {
  return escapeText(oneLine(text), 'heading')
}

/** Escapes text for one list line: newlines become spaces, a leading block marker is defused. */
export function escapeLine(text: string): string {
  return escapeText(oneLine(text), 'line')
}

/** Escapes text for a table cell: pipes are escaped, newlines become `<br>`. */
export function escapeCell(text: string): string {
  return text
    .split(/[\r\n\u2028\u2029]+/)
    .map((part) => escapeText(part.trim(), 'cell'))
    .filter(Boolean)
    .join('<br>')
}

/** Dates and times as every harvest rendering shows them (shared/harvest-dates.ts), escaped for a line. */
function formatDate(iso: string): string {
  return escapeLine(harvestDate(iso))
}

function formatTime(iso: string): string {
  return escapeLine(harvestTime(iso))
}

function formatDateTime(iso: string): string {
  return escapeLine(harvestDateTime(iso))
}
