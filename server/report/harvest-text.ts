/** Plain-text pieces the Word and PDF reports share, so both read the same as report.md. */
import { harvestDate, harvestTime } from '../../shared/harvest-dates.ts'
import type { HarvestCard, HarvestModel, HarvestVote } from '../../shared/harvest-model.ts'

/** "3 stippen" / "1 stip", or '' without dots. */
export function dotsLabel(dots: number | null): string {
  if (dots === null || dots === 0) return ''
  return dots === 1 ? '1 stip' : `${dots} stippen`
}

export function cardLine(card: HarvestCard): string {
  const box = card.checked === undefined ? '' : card.checked ? '☑ ' : '☐ '
  const dots = dotsLabel(card.dots)
  return `${box}${card.text}${dots ? ` (${dots})` : ''}`
}

/** An ISO date-time as a Dutch date, e.g. "30 november 2026", in Amsterdam time like report.md. */
export function dutchDate(iso: string): string {
  return harvestDate(iso)
}

/** An ISO date-time as "14:05", in Amsterdam time like report.md. */
export function dutchTime(iso: string): string {
  return harvestTime(iso)
}

/** "Datum: 30 november 2026 · Werkvorm: Casusreconstructie". */
export function dateLine(model: HarvestModel): string {
  const parts = [`Datum: ${dutchDate(model.createdAt)}`]
  if (model.template) parts.push(`Werkvorm: ${model.template.title}`)
  return parts.join(' · ')
}

export function voteHeading(vote: HarvestVote): string {
  return `${vote.zoneName ?? 'Hele bord'} — gesloten ${dutchDate(vote.closedAt)} ${dutchTime(vote.closedAt)}`
}

export function voteSummary(vote: HarvestVote): string {
  return `${vote.voters} ${vote.voters === 1 ? 'deelnemer' : 'deelnemers'}, ${vote.perParticipant} stippen per deelnemer`
}

export function agendaLine(entry: HarvestAgendaEntryLike): string {
  const planned = entry.plannedMinutes === null ? '' : ` (gepland ${entry.plannedMinutes} min)`
  const end = entry.endedAt === null ? 'loopt nog' : dutchTime(entry.endedAt)
  return `${dutchTime(entry.startedAt)}–${end}: ${entry.name}${planned}`
}
type HarvestAgendaEntryLike = HarvestModel['agenda'][number]
