/**
 * The harvest ("oogst") of a board as plain data (shared/harvest-model.ts; docs/document.md, "The
 * harvest"), from which report.md (harvest.ts), report.docx, report.pdf and the Oogst view are
 * rendered.
 *
 * Sections, and the order of their cards, are the board's outline (shared/board-outline.ts: parts
 * in template order, the timeline's moments left to right with their interpretations beneath,
 * rows elsewhere), the same order the list view shows; this maps it. Skipped: scaffolding and
 * shapes without text, and agreement cards whose four fields are all empty. Checklist cards keep
 * whether they are ticked.
 *
 * Dots: each card that got dots in the latest closed vote (`meta.votes`) carries them; `votes`
 * lists every closed vote's results in order, most dots first. `agenda` is the run as "Start stap"
 * wrote it (`meta.agendaRun`). `followUp` is the card of kind "vervolgafspraak" once it has a date.
 * An agreement row carries its card's id and the day its "wanneer" names (for its calendar file).
 */
import { BoardGeometry, plainText, type HarvestRecord } from '../../shared/board-geometry.ts'
import { outlineOfBoard, zoneName, type OutlineCard, type OutlinePart } from '../../shared/board-outline.ts'
import { agreementDate } from '../../shared/calendar-date.ts'
import type { HarvestAgreement, HarvestCard, HarvestModel, HarvestMoment, HarvestSection, HarvestVote } from '../../shared/harvest-model.ts'
import type { AgendaEntry, ClosedVote } from '../../shared/session.ts'
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
  const sections = outlineOfBoard(board, { templateId: input.templateId, ...(input.saved ? { saved: input.saved } : {}), votes }).map(sectionOf)
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

function sectionOf(part: OutlinePart): HarvestSection {
  // Timeline and agreement parts always belong to a zone frame.
  const zone = part.zone ?? ''
  if (part.kind === 'timeline') return { kind: 'timeline', zone, name: part.name, moments: part.cards.map(momentOf), loose: part.loose.map(plainCard) }
  if (part.kind === 'agreements') return { kind: 'agreements', zone, name: part.name, rows: part.cards.flatMap(rowOf) }
  return { kind: 'list', zone: part.zone, name: part.name, items: part.cards.map(listCard) }
}

function plainCard(card: OutlineCard): HarvestCard {
  return { text: card.text, dots: card.dots }
}

function listCard(card: OutlineCard): HarvestCard {
  return card.checked === undefined ? plainCard(card) : { text: card.text, dots: card.dots, checked: card.checked }
}

function momentOf(card: OutlineCard): HarvestMoment {
  return { date: card.date ?? null, text: card.text, dots: card.dots, duidingen: (card.duidingen ?? []).map(plainCard) }
}

/** An agreement row; none for a card whose four fields are all empty (a template's blank card). */
function rowOf(card: OutlineCard): HarvestAgreement[] {
  const fields = card.agreement
  if (!fields || !(fields.wie || fields.wat || fields.wanneer || fields.hoe)) return []
  const { wie, wat, wanneer, hoe } = fields
  return [{ id: card.id, date: card.day ?? null, wie, wat, wanneer, hoe, dots: card.dots }]
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
 * The follow-up card (`meta.kind = "vervolgafspraak"`) once it names a day: `meta.date` when it is
 * YYYY-MM-DD, else its Wanneer line (shared/calendar-date.ts agreementDate).
 */
function followUpOf(board: BoardGeometry): HarvestModel['followUp'] {
  for (const item of board.contentItems()) {
    if (item.shape.meta.kind !== 'vervolgafspraak') continue
    const date = agreementDate({ text: item.text, meta: item.shape.meta })
    if (date) return { date, text: item.text }
  }
  return null
}

