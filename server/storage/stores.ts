/**
 * Everything the server keeps besides board documents (document-store.ts), as asynchronous
 * stores with two implementations: SQLite (one process, the default: today's classes) and
 * PostgreSQL (DATABASE_URL; any number of processes). Each method is one atomic unit of work in
 * its engine: whatever must change together (a board and its tokens and first state; a deleted
 * board and its saved templates; the last steps of the anonymity switch) is one method, so no
 * caller ever holds a transaction across an await.
 */
import type { SerializedSchema } from '@tldraw/store'
import type { BoardInfo, BoardListing, LinkInfo, SnapshotInfo, TemplateSummary } from '../../shared/api.ts'
import type { Role } from '../../shared/roles.ts'
import type { ImageType } from '../assets/image-type.ts'
import type { StoredRecord } from '../../shared/doc-layout.ts'
import type { DocumentStore } from './document-store.ts'

export type Access =
  | { kind: 'granted'; board: BoardInfo; role: Role; expiresAt: string | null }
  | { kind: 'no-board' }
  | { kind: 'denied' }
  | { kind: 'expired' }

export interface NewBoard {
  title: string
  template: string
  anonymous: boolean
  initialState: Uint8Array
  forkedFrom?: { boardId: string; snapshotId: string }
}

export interface BoardStore {
  /** The board, its three tokens (only their hashes are kept) and its first state, all or nothing. */
  create(input: NewBoard): Promise<{ board: BoardInfo; tokens: Record<Role, string> }>
  get(id: string): Promise<BoardInfo | null>
  /** Which role, if any, a token grants on a board; every stored hash compared in constant time. */
  authorize(id: string, token: string | null, now?: Date): Promise<Access>
  links(id: string): Promise<LinkInfo[]>
  /** Replaces a role's token (the old one stops working at once); the new token. */
  regenerateToken(id: string, role: Role): Promise<string>
  setExpiry(id: string, role: Role, expiresAt: string | null): Promise<void>
  update(id: string, patch: { title?: string | undefined; anonymous?: boolean | undefined }): Promise<BoardInfo | null>
  /** Every board, most recently active first, with what it takes (the admin page). */
  list(): Promise<BoardListing[]>
  /**
   * Removes the board with everything of it (tokens, state, log, snapshots, images) and its
   * saved templates, but those kept on purpose, which lose the link. False: no such board.
   */
  delete(id: string): Promise<boolean>
}

export interface StoredSnapshot extends SnapshotInfo {
  state: Uint8Array
  schema: SerializedSchema
}

export interface AutoCapture {
  label: string
  state: Uint8Array
  schema: SerializedSchema
  sessionStart: Date
  changes: number
  /** The automatic snapshot it brings up to date (deleted with the same commit). */
  replaces?: string
}

export interface SnapshotUsage {
  manual: number
  bytes: number
}

export interface SnapshotStore {
  capture(boardId: string, input: { label: string; auto: boolean; state: Uint8Array; schema: SerializedSchema }): Promise<SnapshotInfo>
  /** Stores an automatic snapshot and prunes the board's automatic ones by retention. */
  captureAuto(boardId: string, input: AutoCapture): Promise<SnapshotInfo>
  latestAuto(boardId: string): Promise<SnapshotInfo | null>
  latest(boardId: string): Promise<Date | null>
  listFor(boardId: string): Promise<SnapshotInfo[]>
  get(boardId: string, snapshotId: string): Promise<StoredSnapshot | null>
  usage(boardId: string): Promise<SnapshotUsage>
  /** Every snapshot of the board re-encoded without author fields (null: it names nobody), up to `maxBytes` of them. */
  statesWithoutAuthors(boardId: string, maxBytes: number): Promise<Map<string, Uint8Array | null>>
}

export interface StoredAsset {
  id: string
  mime: ImageType
  data: Uint8Array
}

export interface AssetStore {
  save(boardId: string, mime: ImageType, data: Uint8Array): Promise<string>
  get(id: string): Promise<StoredAsset | null>
  bytesFor(boardId: string): Promise<number>
  /** Images uploaded before `date`, by board: the candidates for collection. */
  uploadedBefore(date: Date): Promise<Map<string, string[]>>
  delete(ids: readonly string[]): Promise<void>
  /**
   * A key that changes with every stored update, compaction and snapshot of the board or of any
   * board forked from it (and their forks): the sweep skips a family it found unchanged.
   */
  familyVersion(boardId: string): Promise<string>
  /**
   * Calls `visit` with each stored document blob (state, log, snapshots) of the board and of every
   * board forked from it (and their forks), to find which images they use; one at a time, so a
   * family with many big snapshots is never all in memory.
   */
  forEachDocumentBlob(boardId: string, visit: (blob: Uint8Array) => void): Promise<void>
}

/** Saved template ids carry a prefix so they can never collide with a built-in one. */
export const CUSTOM_TEMPLATE_PREFIX = 'custom-'

export interface SavedTemplate extends TemplateSummary {
  createdAt: string
  /** The tldraw schema the records were written with. */
  schema: SerializedSchema
  records: StoredRecord[]
  /** The board it was saved from; null once that board is gone (kept ones) or for older templates. */
  sourceBoard: string | null
  /** Survives the deletion of its source board. */
  keep: boolean
}

export interface TemplateStore {
  save(input: { title: string; description: string; schema: SerializedSchema; records: readonly StoredRecord[]; sourceBoard: string; keep: boolean }): Promise<TemplateSummary>
  get(id: string): Promise<SavedTemplate | null>
  list(): Promise<TemplateSummary[]>
  listOf(boardId: string): Promise<TemplateSummary[]>
  delete(id: string): Promise<boolean>
}

/** The whole of what a server keeps, in one engine. */
export interface Storage {
  readonly engine: 'sqlite' | 'postgres'
  readonly documents: DocumentStore
  readonly boards: BoardStore
  readonly snapshots: SnapshotStore
  readonly assets: AssetStore
  readonly templates: TemplateStore
  /** Participants' drafts of boards (registry, counts). */
  readonly drafts: DraftStore
  /** The drafts' documents, by DraftDocumentId; same guarantees as `documents`. */
  readonly draftDocuments: DocumentStore
  readonly votes: VoteStore
  /**
   * The anonymity switch's last step, atomically: every snapshot without author fields (`computed`
   * states from statesWithoutAuthors where given, the rest scrubbed here), the board's saved
   * templates too, then the board's flag.
   */
  commitAnonymous(boardId: string, computed: ReadonlyMap<string, Uint8Array | null>): Promise<void>
  /** Makes sure removed data is gone from the disk too (SQLite: WAL truncated). */
  forgetRemoved(): Promise<void>
  close(): Promise<void>
}

/**
 * A draft document's id: `<boardId>:<keyHash>`. Board ids never hold a ':', so one DocumentStore
 * (document-router.ts) tells board and draft documents apart by the id alone. `keyHash` is
 * draftKeyHash(boardId, draftKey) (drafts/draft-key.ts): the server never stores a draft key.
 */
export type DraftDocumentId = `${string}:${string}`

export interface DraftInfo {
  /** The draft's document id (never sent to clients: it is derived from the draft key). */
  id: DraftDocumentId
  /** Cards it holds that a silent round would reveal (prepared ones not counted), as last stored. */
  cards: number
  createdAt: string
}

/** Participants' private drafts of a board; their documents live in `Storage.draftDocuments`. */
export interface DraftStore {
  /**
   * The draft of `keyHash` on the board, made when new; null when the board already has
   * `maxDrafts` drafts (the new one is not made). Resolves the same id for the same key.
   */
  register(boardId: string, keyHash: string, maxDrafts: number): Promise<DraftDocumentId | null>
  /** Whether the draft exists (a reveal of an unknown draft is 404). */
  exists(id: DraftDocumentId): Promise<boolean>
  /** The board's drafts, oldest first. */
  list(boardId: string): Promise<DraftInfo[]>
  /** Records how many cards a draft holds (a silent round shows the counts to everyone). */
  setCards(id: DraftDocumentId, cards: number): Promise<void>
}

export interface VoteInfo {
  id: string
  boardId: string
  perParticipant: number
  zone: string | null
  open: boolean
  createdAt: string
  closedAt: string | null
}

export interface VoteTally {
  shapeId: string
  votes: number
}

/** What casting or taking back a ballot did. */
export type BallotOutcome = 'done' | 'closed' | 'spent' | 'none'

/**
 * Dot votes. Ballots are stored by voter hash (a hash of the voter's draft key), never by name;
 * counts leave the store only once the vote is closed.
 */
export interface VoteStore {
  /** Opens a vote; null when the board has an open vote already (one at a time). */
  open(boardId: string, input: { perParticipant: number; zone: string | null }): Promise<VoteInfo | null>
  get(boardId: string, voteId: string): Promise<VoteInfo | null>
  /** The board's open vote, if any. */
  current(boardId: string): Promise<VoteInfo | null>
  /** The board's votes, oldest first. */
  list(boardId: string): Promise<VoteInfo[]>
  /**
   * Adds one ballot, atomically within the budget: `done`; `closed` (the vote is closed); `spent`
   * (the voter already cast `perParticipant` ballots). Concurrent casts never exceed the budget.
   */
  cast(voteId: string, voterHash: string, shapeId: string): Promise<BallotOutcome>
  /** Takes one of the voter's ballots on the card back: `done`; `closed`; `none` (there was none). */
  withdraw(voteId: string, voterHash: string, shapeId: string): Promise<BallotOutcome>
  /** The voter's ballots (a card once per ballot), in the order cast. */
  mine(voteId: string, voterHash: string): Promise<string[]>
  /** How many voters cast at least one ballot. */
  voters(voteId: string): Promise<number>
  /** Closes the vote; false when it was closed already. */
  close(voteId: string): Promise<boolean>
  /** Ballots per card, most first (ties by shape id); for closed votes only (callers check). */
  tally(voteId: string): Promise<VoteTally[]>
}
