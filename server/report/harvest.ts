/**
 * The harvest ("oogst") of a board as Markdown (docs/document.md, "The harvest"): one section per zone
 * frame in template order, listing the text of the notes, text and geo shapes in it.
 *
 * Which zone a shape belongs to:
 * 1. its nearest ancestor frame that carries `meta.zone` (a shape dropped into an unlocked
 *    frame, or inside a group or plain frame that is itself inside a zone frame); otherwise
 * 2. the zone frame on the same page whose bounds contain the shape's centre, the smallest one
 *    when frames nest or overlap. Templates lock their frames, and tldraw neither drops shapes
 *    into a locked frame nor creates them in one, so participants' cards are page-level shapes
 *    lying on top of a frame: this rule is the one that usually applies.
 * Shapes in no zone go to a last section "Buiten de onderdelen"; a board without zone frames
 * gets one section "Bord" with everything.
 *
 * Skipped: scaffolding (`meta.scaffold: true`: frames, headings, prompts, lanes, axis) and shapes
 * without text. Order: on the timeline (zone `tijdlijn`) left to right, each moment (upper lane)
 * with its date (`meta.date`, or a line "Datum: …" on the card) and beneath it the interpretations (lower lane) whose x-range
 * overlaps it most, else the nearest; elsewhere top to bottom in rows (tops less than half a
 * note apart form a row), each row left to right. Zone `afspraken` becomes a table
 * wie | wat | wanneer | hoe. Checklist cards become task-list items.
 *
 * Closed dot votes (the document's `meta.votes`): each card that got dots in the latest one shows
 * them next to its text, "(● 5)", and a last section "Stemmingen" lists every closed vote's
 * results in order, most dots first.
 *
 * The agenda as it ran (`meta.agendaRun`, written by "Start stap"): a last section "Verloop" with
 * each step, when it started, how long it took and how long was planned.
 *
 * Every piece of board text is escaped (markdown-escape.ts), so no card can add Markdown structure
 * or HTML, and ordinary punctuation stays as typed.
 */
import { BoardGeometry, plainText, sortLeftToRight, sortRows, type HarvestRecord, type Item, type Shape } from '../../shared/board-geometry.ts'
import { AGREEMENTS_ZONE, agreementOf, cardDate, checklistItem, TIMELINE_ZONE } from '../../shared/card-rules.ts'
import { latestResults, type AgendaEntry, type ClosedVote } from '../../shared/session.ts'

export type { HarvestRecord } from '../../shared/board-geometry.ts'
import type { TLFrameShape, TLPageId } from '@tldraw/tlschema'
import { findTemplate, type TemplateLookup } from '../../templates/index.ts'
import { escapeText, oneLine } from './markdown-escape.ts'

export interface HarvestInput {
  title: string
  /** ISO date-time the board was created. */
  createdAt: string
  templateId: string
  records: readonly HarvestRecord[]
  /** The board's closed votes with their results, oldest first (`meta.votes`). */
  votes?: readonly ClosedVote[]
  /** The steps as they ran, oldest first (`meta.agendaRun`). */
  agendaRun?: readonly AgendaEntry[]
  /** When the harvest is made (shown when given). */
  generatedAt?: Date
  /** Templates saved on the server, for boards made from one. */
  saved?: TemplateLookup
}

const EMPTY = '_Nog niets ingevuld._'
const TIME_ZONE = 'Europe/Amsterdam'

interface Section {
  title: string
  zone: string | null
  frame: Shape | null
  items: Item[]
}

/** Dots per card in the latest closed vote, shown next to the card's text. */
type Dots = ReadonlyMap<string, number>

// ---------------------------------------------------------------------------------------------
// Rendering

export function renderHarvest(input: HarvestInput): string {
  return assembleHarvest(harvestHead(input, input.generatedAt), harvestSections(input))
}

/** The lines above the sections: title, date, template, and when the harvest was made. */
export function harvestHead(input: Pick<HarvestInput, 'title' | 'createdAt' | 'templateId' | 'saved'>, generatedAt?: Date): string[] {
  const out: string[] = [`# ${escapeHeading(input.title)}`, '']
  const template = findTemplate(input.templateId, input.saved)
  const facts = [`Datum: ${formatDate(input.createdAt)}`]
  if (template && template.id !== 'leeg') facts.push(`Werkvorm: ${escapeHeading(template.title)}`)
  out.push(facts.join(' · '), '')
  if (generatedAt) out.push(`Oogst gemaakt op ${formatDateTime(generatedAt)}.`, '')
  return out
}

/**
 * The sections, the expensive part (geometry of every shape): it depends only on the records and
 * the template, so a caller may keep it for as long as the document does not change.
 */
export function harvestSections(input: Pick<HarvestInput, 'templateId' | 'records' | 'saved' | 'votes' | 'agendaRun'>): string[] {
  const board = new BoardGeometry(input.records)
  const votes = input.votes ?? []
  const dots = latestResults(votes)
  const out: string[] = []
  for (const section of collectSections(board, input.templateId, input.saved)) {
    out.push(`## ${escapeHeading(section.title)}`, '')
    const body =
      section.zone === TIMELINE_ZONE && section.frame
        ? renderTimeline(board, section, dots)
        : section.zone === AGREEMENTS_ZONE
          ? renderAgreements(section.items, dots)
          : renderList(section.items, dots)
    out.push(...(body.length > 0 ? body : [EMPTY]), '')
  }
  if (votes.length > 0) out.push(...renderVotes(board, votes, input.templateId, input.saved))
  if (input.agendaRun && input.agendaRun.length > 0) out.push(...renderAgendaRun(input.agendaRun))
  return out
}

export function assembleHarvest(head: readonly string[], sections: readonly string[]): string {
  return `${[...head, ...sections].join('\n').trimEnd()}\n`
}

/** " (● 5)" after a card that got dots in the latest closed vote, else nothing. */
function dotsOf(item: Item, dots: Dots): string {
  const count = dots.get(item.shape.id)
  return count ? ` (● ${count})` : ''
}

function renderList(items: Item[], dots: Dots): string[] {
  return sortRows(items).map((item) => {
    const checklist = checklistItem(item)
    if (checklist) return `- [${checklist.checked ? 'x' : ' '}] ${escapeLine(checklist.text)}${dotsOf(item, dots)}`
    return `- ${escapeLine(item.text)}${dotsOf(item, dots)}`
  })
}

function renderTimeline(board: BoardGeometry, section: Section, dots: Dots): string[] {
  const boundary = board.laneBoundary(section.frame!)
  const moments = section.items.filter((item) => item.centre.y < boundary).sort((a, b) => a.box.minX - b.box.minX || a.box.minY - b.box.minY)
  const duidingen = section.items.filter((item) => item.centre.y >= boundary)
  const beneath = new Map<Item, Item[]>(moments.map((moment) => [moment, []]))
  const loose: Item[] = []
  for (const duiding of duidingen) {
    const moment = closestMoment(moments, duiding)
    if (moment) beneath.get(moment)!.push(duiding)
    else loose.push(duiding)
  }
  const lines: string[] = []
  moments.forEach((moment, i) => {
    const { date, text: rest } = cardDate({ text: moment.text, meta: moment.shape.meta })
    const text = escapeLine(rest) || '…'
    lines.push(`${i + 1}. ${date ? `**${escapeLine(date)}**: ${text}` : text}${dotsOf(moment, dots)}`)
    for (const duiding of sortRows(beneath.get(moment)!)) lines.push(`    - ${escapeLine(duiding.text)}${dotsOf(duiding, dots)}`)
  })
  if (loose.length > 0) {
    if (lines.length > 0) lines.push('')
    lines.push('Duidingen zonder moment:', '')
    for (const duiding of sortLeftToRight(loose)) lines.push(`- ${escapeLine(duiding.text)}${dotsOf(duiding, dots)}`)
  }
  return lines
}

/** The moment whose x-range overlaps the interpretation's most, else the nearest one. */
function closestMoment(moments: Item[], duiding: Item): Item | undefined {
  let best: Item | undefined
  let bestOverlap = 0
  for (const moment of moments) {
    const overlap = Math.min(moment.box.maxX, duiding.box.maxX) - Math.max(moment.box.minX, duiding.box.minX)
    if (overlap > bestOverlap) {
      best = moment
      bestOverlap = overlap
    }
  }
  if (best) return best
  let bestDistance = Infinity
  for (const moment of moments) {
    const distance = Math.abs(moment.centre.x - duiding.centre.x)
    if (distance < bestDistance) {
      best = moment
      bestDistance = distance
    }
  }
  return best
}

function renderAgreements(items: Item[], dots: Dots): string[] {
  const rows = sortRows(items)
    .map((item) => ({ ...agreementOf({ text: item.text, meta: item.shape.meta }), dots: dotsOf(item, dots) }))
    .filter((row) => row.wie || row.wat || row.wanneer || row.hoe)
  if (rows.length === 0) return []
  return [
    '| Wie | Wat | Wanneer | Hoe |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${escapeCell(row.wie)} | ${escapeCell(row.wat)}${row.dots} | ${escapeCell(row.wanneer)} | ${escapeCell(row.hoe)} |`),
  ]
}

/**
 * "Stemmingen": every closed vote, oldest first, with its cards in order of dots (as the server
 * counted them: most first). A card removed since the vote is still listed, without its text.
 */
function renderVotes(board: BoardGeometry, votes: readonly ClosedVote[], templateId: string, saved: TemplateLookup | undefined): string[] {
  const out = ['## Stemmingen', '']
  votes.forEach((vote, i) => {
    out.push(`### ${votes.length > 1 ? `Stemming ${i + 1}, ` : 'Stemming, '}gesloten op ${formatDateTime(new Date(vote.closedAt))}`, '')
    const facts = [`${vote.perParticipant} ${vote.perParticipant === 1 ? 'stip' : 'stippen'} per deelnemer`]
    if (vote.zone !== null) facts.push(`Onderdeel: ${escapeHeading(zoneName(board, vote.zone, templateId, saved))}`)
    facts.push(`${vote.voters} ${vote.voters === 1 ? 'deelnemer heeft' : 'deelnemers hebben'} gestemd`)
    out.push(facts.join(' · '), '')
    if (vote.results.length === 0) out.push('_Geen stippen geplaatst._')
    vote.results.forEach((result, rank) => {
      const shape = board.shape(result.shapeId)
      const text = shape ? escapeLine(plainText(shape)) : ''
      out.push(`${rank + 1}. ${text || '_(kaart verwijderd of zonder tekst)_'} (● ${result.votes})`)
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
function renderAgendaRun(run: readonly AgendaEntry[]): string[] {
  const days = new Set(run.map((entry) => formatDate(entry.startedAt)))
  const oneDay = days.size === 1
  const start = (iso: string) => (oneDay ? formatTime(new Date(iso)) : formatDateTime(new Date(iso)))
  const out = ['## Verloop', '']
  if (oneDay) out.push(`Op ${[...days][0]!}.`, '')
  out.push('| Stap | Start | Duur | Gepland |', '| --- | --- | --- | --- |')
  for (const entry of run) {
    const minutes = entry.endedAt === null ? null : Math.max(0, Math.round((Date.parse(entry.endedAt) - Date.parse(entry.startedAt)) / 60_000))
    const used = minutes === null ? 'loopt nog' : `${minutes} min`
    const planned = entry.plannedMinutes === null ? '–' : `${entry.plannedMinutes} min`
    out.push(`| ${escapeCell(entry.name) || escapeCell(entry.zone)} | ${start(entry.startedAt)} | ${used} | ${planned} |`)
  }
  out.push('')
  return out
}

/** A zone's name as its frame on the board shows it (the template's, for a frame without a name). */
function zoneName(board: BoardGeometry, zone: string, templateId: string, saved: TemplateLookup | undefined): string {
  const frame = board.zoneFrames().find((candidate) => candidate.meta.zone === zone)
  if (frame) return frameTitle(frame, templateId, saved)
  return templateZones(templateId, saved).find((z) => z.zone === zone)?.name || zone
}

// ---------------------------------------------------------------------------------------------
// Ordering


// ---------------------------------------------------------------------------------------------
// Sections and zones

function collectSections(board: BoardGeometry, templateId: string, saved: TemplateLookup | undefined): Section[] {
  const zoneFrames = board.zoneFrames()
  const items = board.contentItems()
  if (zoneFrames.length === 0) return [{ title: 'Bord', zone: null, frame: null, items: board.pageOrdered(items) }]

  const templateOrder = templateZoneOrder(templateId, saved)
  const order = (frame: Shape) => {
    const stored = frame.meta.zoneOrder
    if (typeof stored === 'number' && Number.isFinite(stored)) return stored
    return templateOrder.get(frame.meta.zone as string) ?? Number.MAX_SAFE_INTEGER
  }
  const sorted = [...zoneFrames].sort((a, b) => {
    const ba = board.bounds(a)
    const bb = board.bounds(b)
    return order(a) - order(b) || board.pageRank(a) - board.pageRank(b) || ba.minY - bb.minY || ba.minX - bb.minX
  })
  const sections = new Map<string, Section>(
    sorted.map((frame) => [
      frame.id,
      { title: frameTitle(frame, templateId, saved), zone: frame.meta.zone as string, frame, items: [] },
    ]),
  )
  const outside: Item[] = []
  for (const item of items) {
    const frame = board.zoneOf(item.shape, zoneFrames)
    if (frame) sections.get(frame.id)!.items.push(item)
    else outside.push(item)
  }
  const result = [...sections.values()]
  if (outside.length > 0) result.push({ title: 'Buiten de onderdelen', zone: null, frame: null, items: board.pageOrdered(outside) })
  return result
}

const templateZoneCache = new Map<string, { zone: string; name: string }[]>()

/** The zone frames a template makes, in template order (templates never change, so this keeps). */
function templateZones(templateId: string, saved: TemplateLookup | undefined): { zone: string; name: string }[] {
  const cached = templateZoneCache.get(templateId)
  if (cached) return cached
  const zones: { zone: string; name: string }[] = []
  for (const record of findTemplate(templateId, saved)?.build('page:page' as TLPageId) ?? []) {
    if (record.typeName !== 'shape' || record.type !== 'frame') continue
    const zone = record.meta.zone
    if (typeof zone === 'string' && !zones.some((z) => z.zone === zone)) zones.push({ zone, name: (record as TLFrameShape).props.name })
  }
  templateZoneCache.set(templateId, zones)
  return zones
}

/** Zone id → position in the template (for frames without `meta.zoneOrder`). */
function templateZoneOrder(templateId: string, saved: TemplateLookup | undefined): Map<string, number> {
  return new Map(templateZones(templateId, saved).map(({ zone }, i) => [zone, i]))
}

/** The frame's name; for a frame whose name was cleared, the template's name for the zone. */
function frameTitle(frame: Shape, templateId: string, saved: TemplateLookup | undefined): string {
  const name = typeof frame.props.name === 'string' ? frame.props.name.trim() : ''
  if (name) return name
  const zone = frame.meta.zone as string
  return templateZones(templateId, saved).find((z) => z.zone === zone)?.name || zone
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

function formatDate(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return escapeLine(iso)
  return new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }).format(date)
}

function formatTime(date: Date): string {
  return new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }).format(date)
}

function formatDateTime(date: Date): string {
  const day = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }).format(date)
  const time = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }).format(date)
  return `${day} om ${time}`
}
