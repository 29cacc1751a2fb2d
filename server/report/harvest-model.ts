/**
 * The harvest ("oogst") of a board as plain data (shared/harvest-model.ts; docs/document.md, "The
 * harvest"), from which report.md (harvest.ts), report.docx, report.pdf and the Oogst view are
 * rendered.
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
 * with its date (`meta.date`, or a line "Datum: …" on the card) and beneath it the interpretations
 * (lower lane) whose x-range overlaps it most, else the nearest; elsewhere top to bottom in rows
 * (tops less than half a note apart form a row), each row left to right. Zone `afspraken` becomes
 * agreements wie | wat | wanneer | hoe. Checklist cards keep whether they are ticked.
 *
 * Dots: each card that got dots in the latest closed vote (`meta.votes`) carries them; `votes`
 * lists every closed vote's results in order, most dots first. `agenda` is the run as "Start stap"
 * wrote it (`meta.agendaRun`). `followUp` is the card of kind "vervolgafspraak" once it has a date.
 * An agreement row carries its card's id and the day its "wanneer" names (for its calendar file).
 */
import type { TLFrameShape, TLPageId } from '@tldraw/tlschema'
import { BoardGeometry, plainText, sortLeftToRight, sortRows, type HarvestRecord, type Item, type Shape } from '../../shared/board-geometry.ts'
import { AGREEMENTS_ZONE, agreementOf, cardDate, checklistItem, TIMELINE_ZONE } from '../../shared/card-rules.ts'
import { agreementDate } from '../../shared/calendar-date.ts'
import type { HarvestAgreement, HarvestCard, HarvestModel, HarvestMoment, HarvestSection, HarvestVote } from '../../shared/harvest-model.ts'
import { latestResults, type AgendaEntry, type ClosedVote } from '../../shared/session.ts'
import { findTemplate, type TemplateLookup } from '../../templates/index.ts'

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

/** The part of the model that depends on the document alone (worth caching per stored version). */
export type HarvestBody = Pick<HarvestModel, 'sections' | 'votes' | 'agenda' | 'followUp'>
/** The part that depends on the board's row and the moment of asking. */
export type HarvestHead = Pick<HarvestModel, 'title' | 'createdAt' | 'template' | 'generatedAt'>

export function buildHarvestModel(input: HarvestInput): HarvestModel {
  return { ...harvestHeadOf(input, input.generatedAt), ...harvestBodyOf(input) }
}

export function harvestHeadOf(input: Pick<HarvestInput, 'title' | 'createdAt' | 'templateId' | 'saved'>, generatedAt?: Date): HarvestHead {
  const template = findTemplate(input.templateId, input.saved)
  return {
    title: input.title,
    createdAt: input.createdAt,
    template: template && template.id !== 'leeg' ? { id: template.id, title: template.title } : null,
    generatedAt: generatedAt ? generatedAt.toISOString() : null,
  }
}

/** The expensive part (geometry of every shape): sections, votes, agenda and follow-up. */
export function harvestBodyOf(input: Pick<HarvestInput, 'templateId' | 'records' | 'saved' | 'votes' | 'agendaRun'>): HarvestBody {
  const board = new BoardGeometry(input.records)
  const votes = input.votes ?? []
  const dots = latestResults(votes)
  const sections = collectSections(board, input.templateId, input.saved).map((section): HarvestSection => {
    if (section.zone === TIMELINE_ZONE && section.frame) return { kind: 'timeline', zone: section.zone, name: section.title, ...timelineOf(board, section, dots) }
    if (section.zone === AGREEMENTS_ZONE) return { kind: 'agreements', zone: section.zone, name: section.title, rows: agreementsOf(section.items, dots) }
    return { kind: 'list', zone: section.zone, name: section.title, items: sortRows(section.items).map((item) => cardOf(item, dots)) }
  })
  return {
    sections,
    votes: votes.map((vote) => voteOf(board, vote, input.templateId, input.saved)),
    agenda: (input.agendaRun ?? []).map((entry) => ({
      name: entry.name.trim() ? entry.name : entry.zone,
      startedAt: entry.startedAt,
      endedAt: entry.endedAt,
      plannedMinutes: entry.plannedMinutes,
    })),
    followUp: followUpOf(board),
  }
}

interface Section {
  title: string
  zone: string | null
  frame: Shape | null
  items: Item[]
}

/** Dots per card in the latest closed vote. */
type Dots = ReadonlyMap<string, number>

function dotsOf(item: Item, dots: Dots): number | null {
  return dots.get(item.shape.id) || null
}

function cardOf(item: Item, dots: Dots): HarvestCard {
  const checklist = checklistItem(item)
  if (checklist) return { text: checklist.text, dots: dotsOf(item, dots), checked: checklist.checked }
  return { text: item.text, dots: dotsOf(item, dots) }
}

function timelineOf(board: BoardGeometry, section: Section, dots: Dots): { moments: HarvestMoment[]; loose: HarvestCard[] } {
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
  return {
    moments: moments.map((moment) => {
      const { date, text } = cardDate({ text: moment.text, meta: moment.shape.meta })
      return {
        date: date || null,
        text,
        dots: dotsOf(moment, dots),
        duidingen: sortRows(beneath.get(moment)!).map((duiding) => ({ text: duiding.text, dots: dotsOf(duiding, dots) })),
      }
    }),
    loose: sortLeftToRight(loose).map((duiding) => ({ text: duiding.text, dots: dotsOf(duiding, dots) })),
  }
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

function agreementsOf(items: Item[], dots: Dots): HarvestAgreement[] {
  return sortRows(items)
    .map((item) => ({ item, ...agreementOf({ text: item.text, meta: item.shape.meta }) }))
    .filter((row) => row.wie || row.wat || row.wanneer || row.hoe)
    .map(({ item, wie, wat, wanneer, hoe }) => ({
      id: item.shape.id,
      date: agreementDate({ text: item.text, meta: item.shape.meta }),
      wie,
      wat,
      wanneer,
      hoe,
      dots: dotsOf(item, dots),
    }))
}

/** A closed vote with its cards' texts (null for a card removed since, or without text). */
function voteOf(board: BoardGeometry, vote: ClosedVote, templateId: string, saved: TemplateLookup | undefined): HarvestVote {
  return {
    closedAt: vote.closedAt,
    perParticipant: vote.perParticipant,
    zoneName: vote.zone === null ? null : zoneName(board, vote.zone, templateId, saved),
    voters: vote.voters,
    results: vote.results.map((result) => {
      const shape = board.shape(result.shapeId)
      const text = shape ? plainText(shape) : ''
      return { text: text.trim() ? text : null, dots: result.votes }
    }),
  }
}

/**
 * The follow-up card (`meta.kind = "vervolgafspraak"`) once it names a day: its Wanneer line or
 * `meta.date`, as typed or as the card panel's picker writes it ("15 maart 2027"), not only ISO.
 */
function followUpOf(board: BoardGeometry): HarvestModel['followUp'] {
  for (const item of board.contentItems()) {
    if (item.shape.meta.kind !== 'vervolgafspraak') continue
    const date = agreementDate({ text: item.text, meta: item.shape.meta })
    if (date) return { date, text: item.text }
  }
  return null
}

/** A zone's name as its frame on the board shows it (the template's, for a frame without a name). */
function zoneName(board: BoardGeometry, zone: string, templateId: string, saved: TemplateLookup | undefined): string {
  const frame = board.zoneFrames().find((candidate) => candidate.meta.zone === zone)
  if (frame) return frameTitle(frame, templateId, saved)
  return templateZones(templateId, saved).find((z) => z.zone === zone)?.name || zone
}

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
    sorted.map((frame) => [frame.id, { title: frameTitle(frame, templateId, saved), zone: frame.meta.zone as string, frame, items: [] }]),
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
