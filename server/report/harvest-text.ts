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

/** "Datum: 30 november 2026 · Werkvorm: Casusreconstructie". */
export function dateLine(model: HarvestModel): string {
  const parts = [`Datum: ${harvestDate(model.createdAt)}`]
  if (model.template) parts.push(`Werkvorm: ${model.template.title}`)
  return parts.join(' · ')
}

export function voteHeading(vote: HarvestVote): string {
  return `${vote.zoneName ?? 'Hele bord'} — gesloten ${harvestDate(vote.closedAt)} ${harvestTime(vote.closedAt)}`
}

export function voteSummary(vote: HarvestVote): string {
  return `${vote.voters} ${vote.voters === 1 ? 'deelnemer' : 'deelnemers'}, ${vote.perParticipant} stippen per deelnemer`
}

export function agendaLine(entry: HarvestAgendaEntryLike): string {
  const planned = entry.plannedMinutes === null ? '' : ` (gepland ${entry.plannedMinutes} min)`
  const end = entry.endedAt === null ? 'loopt nog' : harvestTime(entry.endedAt)
  return `${harvestTime(entry.startedAt)}–${end}: ${entry.name}${planned}`
}
type HarvestAgendaEntryLike = HarvestModel['agenda'][number]
