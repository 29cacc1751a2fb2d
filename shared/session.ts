/**
 * What the server writes into a board's `meta` map about the session being run: the silent
 * round, how many cards each draft holds, the open vote, and the results of closed votes.
 * Clients only read these keys: the update guard refuses any client write to `meta` but the
 * schema, so what everyone sees here is what the server decided. Being in the document, it is
 * stored, relayed to every process, kept in snapshots and there for a late joiner at once.
 * Nothing here names a participant or a draft key.
 */
import type * as Y from 'yjs'

/**
 * The meta keys of the session, one per thing the server decides, so processes writing different
 * things at the same moment never overwrite each other's (a Y.Map entry is replaced whole):
 * `silentRound` (SilentRound | null), `draftCounts` (number[]), `vote` (OpenVoteState | null),
 * `votes` (ClosedVote[]: every closed vote with its results, oldest first).
 */
export const SESSION_KEYS = {
  silentRound: 'silentRound',
  draftCounts: 'draftCounts',
  vote: 'vote',
  votes: 'votes',
  /** TimerState | null: the session timer, on the server's clock. */
  timer: 'timer',
  /** AgendaPlan: the facilitator's timebox per step (zone), in minutes. */
  agenda: 'agenda',
  /** AgendaEntry[]: the steps as they ran ("Start stap"), oldest first. */
  agendaRun: 'agendaRun',
  /** Summon | null: the facilitator's latest "Breng iedereen hierheen". */
  summon: 'summon',
  /** Spotlight | null: "Volg mij" is on. */
  spotlight: 'spotlight',
} as const
/** `meta.votes`: every closed vote with its results, oldest first. */
export const VOTES_KEY = SESSION_KEYS.votes

/**
 * The keys that describe the session running now, not the board's history: a board forked for a
 * follow-up session starts without them (closed votes' results and the planned timeboxes stay).
 */
export const LIVE_SESSION_KEYS: readonly string[] = [
  SESSION_KEYS.silentRound,
  SESSION_KEYS.draftCounts,
  SESSION_KEYS.vote,
  SESSION_KEYS.timer,
  SESSION_KEYS.agendaRun,
  SESSION_KEYS.summon,
  SESSION_KEYS.spotlight,
]

/** Whether a meta change (YMapEvent.keysChanged) touched the session. */
export const touchesSession = (keys: ReadonlySet<string>): boolean => Object.values(SESSION_KEYS).some((key) => keys.has(key))

export interface SilentRound {
  startedAt: string
  /** When the facilitator meant it to end (a hint for a countdown); null: until revealed. */
  endsAt: string | null
}

export interface OpenVoteState {
  id: string
  perParticipant: number
  zone: string | null
  /** How many participants placed at least one dot. */
  voters: number
}

/**
 * The session timer. Times are the server's (clients correct for their clock's offset, see
 * client/session/server-clock.ts): everyone sees the same remaining time.
 */
export type TimerState =
  | { status: 'running'; startedAt: string; endsAt: string; durationMs: number; step: string | null }
  | { status: 'paused'; startedAt: string; remainingMs: number; durationMs: number; step: string | null }

/** Minutes planned per step (zone id). */
export type AgendaPlan = Record<string, number>

/** A step as it ran: started by "Start stap", ended by the next one (or still running). */
export interface AgendaEntry {
  zone: string
  name: string
  startedAt: string
  endedAt: string | null
  plannedMinutes: number | null
}

/** Where the facilitator brought everyone: a page area every client fits into view once. */
export interface Summon {
  /** Changes with every summon, so each one moves people once. */
  id: string
  at: string
  pageId: string
  bounds: { x: number; y: number; w: number; h: number }
}

/** "Volg mij": everyone's view follows this awareness client (the facilitator's tab). */
export interface Spotlight {
  clientId: number
  since: string
}

/** The live session, as readSession puts the keys together. */
export interface SessionState {
  silentRound: SilentRound | null
  /** Cards per draft that a reveal would move (prepared cards not counted), oldest draft first. */
  drafts: number[]
  vote: OpenVoteState | null
}

export interface ClosedVote {
  id: string
  perParticipant: number
  zone: string | null
  voters: number
  closedAt: string
  /** Dots per card, most first; cards without dots are absent. */
  results: { shapeId: string; votes: number }[]
}

export const EMPTY_SESSION: SessionState = { silentRound: null, drafts: [], vote: null }

/** Shapes a draft may hold: cards only (no frames, arrows, images); a draft is someone's own notes. */
export const DRAFT_SHAPE_TYPES: ReadonlySet<string> = new Set(['note', 'text', 'geo'])

/** A draft card the facilitator prepared: revealed only on purpose, never by "Onthullen" of a silent round. */
export const isPrepared = (record: object): boolean => {
  const meta: unknown = (record as { meta?: unknown }).meta
  return typeof meta === 'object' && meta !== null && (meta as { prepared?: unknown }).prepared === true
}

const objectOrNull = <T>(value: unknown): T | null => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as T) : null)

/** The session state in a board's meta map (defaults for what is absent or malformed). */
export function readSession(meta: Y.Map<unknown>): SessionState {
  const counts = meta.get(SESSION_KEYS.draftCounts)
  return {
    silentRound: objectOrNull<SilentRound>(meta.get(SESSION_KEYS.silentRound)),
    drafts: Array.isArray(counts) ? counts.filter((n): n is number => typeof n === 'number') : [],
    vote: objectOrNull<OpenVoteState>(meta.get(SESSION_KEYS.vote)),
  }
}

/** The closed votes in a board's meta map, oldest first. */
export function readClosedVotes(meta: Y.Map<unknown>): ClosedVote[] {
  const value = meta.get(VOTES_KEY)
  return Array.isArray(value) ? (value as ClosedVote[]) : []
}

/** The latest closed vote's dots per card (what the cards show), by shape id. */
export function latestResults(votes: readonly ClosedVote[]): Map<string, number> {
  const latest = votes.at(-1)
  return new Map((latest?.results ?? []).map((result) => [result.shapeId, result.votes]))
}
