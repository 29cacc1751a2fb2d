/**
 * The harvest of a board as plain data (docs/document.md, "The harvest"): built once on the server
 * from the board (server/report/harvest-model.ts) and rendered as report.md, report.docx,
 * report.pdf and the in-app Oogst view, so each renderer escapes for its own format and none has
 * to re-parse another's output. All text is plain, exactly as typed on the board; dates are ISO.
 */
export interface HarvestModel {
  title: string
  /** ISO date-time the board was created. */
  createdAt: string
  /** The template the board was made from; null for the empty board ("leeg") or an unknown one. */
  template: { id: string; title: string } | null
  /** ISO date-time the harvest was made; null when not stamped (tests, cached sections). */
  generatedAt: string | null
  /** One per zone frame in template order, then "Buiten de onderdelen"; or one "Bord" section. */
  sections: HarvestSection[]
  /** Closed dot votes, oldest first (empty: no "Stemmingen" section). */
  votes: HarvestVote[]
  /** The agenda as "Start stap" ran it, oldest first (empty: no "Verloop" section). */
  agenda: HarvestAgendaEntry[]
  /** The follow-up card (`meta.kind = "vervolgafspraak"`) when it has a date (YYYY-MM-DD; see agreementDate). */
  followUp: { date: string; text: string } | null
}

/** A card's text with the dots it got in the latest closed vote (null: none). */
export interface HarvestCard {
  text: string
  dots: number | null
  /** Checklist cards only: whether the item is ticked. */
  checked?: boolean
}

export interface HarvestMoment {
  /** The moment's date as written (`meta.date` or a line "Datum: …"), or null. */
  date: string | null
  /** The card's text without its date line. */
  text: string
  dots: number | null
  /** The interpretations beneath it, in reading order. */
  duidingen: HarvestCard[]
}

export interface HarvestAgreement {
  /** The card's shape id: its calendar file is GET /api/boards/:id/agreements/:cardId/event.ics. */
  id: string
  /** Its day (shared/calendar-date.ts agreementDate: `meta.date` as YYYY-MM-DD, else its "wanneer") as YYYY-MM-DD; null: no calendar file. */
  date: string | null
  wie: string
  wat: string
  wanneer: string
  hoe: string
  dots: number | null
}

export type HarvestSection =
  | { kind: 'timeline'; zone: string; name: string; moments: HarvestMoment[]; loose: HarvestCard[] }
  | { kind: 'agreements'; zone: string; name: string; rows: HarvestAgreement[] }
  | { kind: 'list'; zone: string | null; name: string; items: HarvestCard[] }

export interface HarvestVote {
  /** ISO date-time the vote was closed. */
  closedAt: string
  perParticipant: number
  /** The zone's name as the board shows it, or null for a vote over the whole board. */
  zoneName: string | null
  voters: number
  /** Most dots first; text null for a card removed since (or without text). */
  results: { text: string | null; dots: number }[]
}

export interface HarvestAgendaEntry {
  /** The step's name (its zone id when it has none). */
  name: string
  /** ISO date-times; endedAt null while the step still runs. */
  startedAt: string
  endedAt: string | null
  plannedMinutes: number | null
}
