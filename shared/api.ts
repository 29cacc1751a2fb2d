/** HTTP API shapes shared by server (validation) and client (typing). */
import { z } from 'zod'
import type { Role } from './roles.ts'

export const TITLE_MAX = 200

export const boardTitle = z
  .string()
  .trim()
  .min(1, 'title must not be empty')
  .max(TITLE_MAX, `title must be at most ${TITLE_MAX} characters`)

export const createBoardBody = z.strictObject({
  title: boardTitle,
  template: z.string().min(1).max(64).optional(),
  anonymous: z.boolean().optional(),
})
export type CreateBoardBody = z.infer<typeof createBoardBody>

export const patchBoardBody = z
  .strictObject({
    title: boardTitle.optional(),
    anonymous: z.boolean().optional(),
  })
  .refine((b) => b.title !== undefined || b.anonymous !== undefined, {
    message: 'nothing to change: give title and/or anonymous',
  })
export type PatchBoardBody = z.infer<typeof patchBoardBody>

/** Board ids are random url-safe strings chosen by the server. */
export const boardIdParam = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'invalid board id')

export interface BoardInfo {
  id: string
  title: string
  template: string
  anonymous: boolean
  createdAt: string
  /**
   * Set on a board forked from a snapshot of another board. `title` and `snapshotLabel` are there
   * while that board and snapshot still exist (never a token: whether someone may open the origin
   * is up to the links they hold).
   */
  forkedFrom?: { boardId: string; snapshotId: string; title?: string; snapshotLabel?: string }
}

export interface SnapshotInfo {
  id: string
  label: string
  createdAt: string
  auto: boolean
  /** An automatic snapshot's editing session(s): when the first began, how many records they changed. */
  session?: { startedAt: string; changes: number }
}

export interface BoardForRole extends BoardInfo {
  role: Role
}

export interface CreatedBoard extends BoardInfo {
  tokens: Record<Role, string>
  urls: Record<Role, string>
}

/** A role link as the facilitator's link management sees it (never its token: only a hash is kept). */
export interface LinkInfo {
  role: Role
  createdAt: string
  expiresAt: string | null
}

/** `GET /api/boards/:id/links` and `PATCH …/links/:role`: a link with how many sockets use it right now. */
export interface LinkListing extends LinkInfo {
  connected: number
}

/** The answer to regenerating a link: the new token, shown this once. */
export interface RegeneratedLink {
  role: Role
  token: string
  url: string
  expiresAt: null
}

/** One board in the admin listing. */
export interface BoardListing extends BoardInfo {
  lastActivity: string
  /** Stored size: state, update log, snapshots and images. */
  bytes: number
  snapshots: number
}

/** The answer to an image upload. */
export interface UploadedAsset {
  id: string
  src: string
  mimeType: string
  bytes: number
}

export interface TemplateSummary {
  id: string
  title: string
  description: string
  /** Saved from a board on this server (not built in). */
  custom?: boolean
  /** Boards made from it start anonymous unless the creator asks otherwise. */
  anonymous?: boolean
}

export const TEMPLATE_DESCRIPTION_MAX = 500

/** `POST /api/templates`, with the board's facilitator token: keep the board's structure as a template. */
export const saveTemplateBody = z.strictObject({
  boardId: boardIdParam,
  title: boardTitle,
  description: z.string().trim().max(TEMPLATE_DESCRIPTION_MAX, `description must be at most ${TEMPLATE_DESCRIPTION_MAX} characters`).default(''),
  /** Keep the template when the board it was saved from is deleted (default: it goes with the board). */
  keep: z.boolean().default(false),
})
export type SaveTemplateBody = z.input<typeof saveTemplateBody>

/** A tldraw record as the API hands it out (shapes and bindings of a template). */
export interface RecordJson {
  id: string
  typeName: string
  [key: string]: unknown
}

/** `GET /api/templates/:id`: a template with the records it places on a new board's first page. */
export interface TemplateDetail extends TemplateSummary {
  records: RecordJson[]
}

/** Runtime settings the client reads from the server (no rebuild needed to change them). */
export interface ClientConfig {
  licenseKey: string | null
  publicUrl: string
  /** ACCESSIBILITY_CONTACT: where to report an accessibility problem, an e-mail address or an https URL; null when unset. */
  accessibilityContact: string | null
  /** MAX_BODY_BYTES: the largest request body the API takes (an import file past it is refused at once). */
  maxBodyBytes: number
}

export interface ApiError {
  error: string
}

/** A participant's draft key: made at random (≥ 128 bits) by the browser and kept there. */
export const DRAFT_KEY_PATTERN = /^[A-Za-z0-9_-]{22,64}$/
export const draftKeyParam = z.string().regex(DRAFT_KEY_PATTERN, 'draftKey must be 22–64 characters of A–Z, a–z, 0–9, _ and -')

/** Most shapes one reveal call may name (a selection of prepared cards). */
export const MAX_REVEAL_IDS = 500

/** `POST /api/boards/:id/drafts/:draftKey/reveal`: which cards to reveal (all when absent). */
export const revealBody = z.strictObject({
  ids: z.array(z.string().min(1).max(200)).min(1).max(MAX_REVEAL_IDS).optional(),
})

/** `POST /api/boards/:id/drafts/silent-round`: start a silent round (`minutes` optional). */
export const silentRoundBody = z.strictObject({
  minutes: z.number().int().min(1).max(240).optional(),
})

export interface RevealResult {
  revealed: number
}

/** `GET /api/boards/:id/drafts`: one entry per draft, no keys, no content. */
export interface DraftCount {
  cards: number
}

export const MAX_DOTS_PER_PARTICIPANT = 20

/** `POST /api/boards/:id/votes`. */
export const newVoteBody = z.strictObject({
  perParticipant: z.number().int().min(1).max(MAX_DOTS_PER_PARTICIPANT),
  zone: z.string().min(1).max(100).optional(),
})

/** `POST|DELETE /api/boards/:id/votes/:voteId/ballots`. */
export const ballotBody = z.strictObject({
  draftKey: draftKeyParam,
  shapeId: z.string().min(1).max(200),
})

/** `GET /api/boards/:id/votes/:voteId` (counts only once closed; `mine` with `?draftKey=`). */
export interface VoteJson {
  id: string
  perParticipant: number
  zone: string | null
  open: boolean
  voters: number
  createdAt: string
  closedAt: string | null
  mine?: string[]
  results?: { shapeId: string; votes: number }[]
}
