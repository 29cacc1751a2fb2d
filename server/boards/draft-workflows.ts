/**
 * Drafts and the silent round, the board service's part that moves cards from participants'
 * private drafts onto the board. A draft is a document of its own (its own room, its own socket),
 * so nothing in it reaches anyone else until a reveal copies its cards into the board's document.
 *
 * A reveal writes the cards to the board in one transaction (one update: everyone sees them at
 * once), then removes them from their drafts; both are stored before it answers. Board updates
 * are stored before draft updates (document-router.ts), so a crash in between leaves a card on
 * both, never on neither, and the next reveal of it just removes it from the draft.
 */
import type * as Y from 'yjs'
import type { DraftCount, RevealResult } from '../../shared/api.ts'
import { withoutAuthor } from '../../shared/authorship.ts'
import { metaMap, readRecords, recordsArray, writeRecords, type StoredRecord } from '../../shared/doc-layout.ts'
import { DRAFT_SHAPE_TYPES, isPrepared, readSession, SESSION_KEYS, type SessionState, type SilentRound } from '../../shared/session.ts'
import { HttpError } from '../http/errors.ts'
import { writeSessionMeta } from './session-meta.ts'
import { errorMessage, type Logger } from '../log.ts'
import { boardOfDocument, draftDocumentId, draftKeyHash } from '../storage/draft-ids.ts'
import type { DraftDocumentId, Storage } from '../storage/stores.ts'
import type { RoomManager } from '../sync/room-manager.ts'
import type { Room } from '../sync/room.ts'

export interface DraftLimits {
  /** Most drafts (participants writing privately) a board keeps. */
  maxDraftsPerBoard: number
  /** Most records a board may hold: a reveal past it is refused. */
  maxRecordsPerBoard: number
}

/** How long a changed draft waits before the counts everyone sees are written (one write for a burst). */
const COUNTS_DELAY_MS = 150

const isDraftCard = (record: StoredRecord): boolean => record.typeName === 'shape' && DRAFT_SHAPE_TYPES.has(String(record.type))

/** The cards a silent round's reveal would move from a draft. */
export const countedCards = (doc: Y.Doc): number => readRecords(doc).filter((record) => isDraftCard(record) && !isPrepared(record)).length

export class DraftWorkflows {
  /** The card count last stored per open draft, so unchanged counts cost nothing (gone with the room). */
  private readonly lastCount = new WeakMap<Room, number>()
  /** Boards whose shown counts are due to be rewritten, and the running write per board. */
  private readonly countTimers = new Map<string, NodeJS.Timeout>()
  private readonly countWrites = new Map<string, Promise<void>>()

  constructor(
    private readonly storage: Storage,
    private readonly rooms: RoomManager,
    private readonly limits: DraftLimits,
    private readonly logger: Logger,
  ) {
    rooms.onDraftStored((room) => this.draftChanged(room))
  }

  /** The draft document a participant's socket opens, made on first use; 409 draft_limit past the board's cap. */
  async documentFor(boardId: string, draftKey: string): Promise<DraftDocumentId> {
    const id = await this.storage.drafts.register(boardId, draftKeyHash(boardId, draftKey), this.limits.maxDraftsPerBoard)
    if (id === null) throw new HttpError(409, `this board already has the maximum of ${this.limits.maxDraftsPerBoard} drafts`, 'draft_limit')
    return id
  }

  /** How many cards each draft holds, oldest draft first: no keys, no content. */
  async counts(boardId: string): Promise<DraftCount[]> {
    await this.rooms.flush()
    await this.countWrites.get(boardId)
    return (await this.storage.drafts.list(boardId)).map(({ cards }) => ({ cards }))
  }

  /** Starts (or restarts) a silent round: from now on everyone's new cards go to their drafts. */
  async startSilentRound(boardId: string, minutes?: number): Promise<SessionState> {
    const now = new Date()
    const round: SilentRound = { startedAt: now.toISOString(), endsAt: minutes === undefined ? null : new Date(now.getTime() + minutes * 60_000).toISOString() }
    const counts = await this.currentCounts(boardId)
    const room = await this.rooms.open(boardId)
    writeSessionMeta(room.doc, { [SESSION_KEYS.silentRound]: round, [SESSION_KEYS.draftCounts]: counts })
    await this.rooms.flush()
    return readSession(metaMap(room.doc))
  }

  /** Ends the silent round without revealing anything (the drafts stay private). */
  async stopSilentRound(boardId: string): Promise<SessionState> {
    const room = await this.rooms.open(boardId)
    writeSessionMeta(room.doc, { [SESSION_KEYS.silentRound]: null, [SESSION_KEYS.draftCounts]: [] })
    await this.rooms.flush()
    return readSession(metaMap(room.doc))
  }

  /** "Onthullen": every draft's cards but prepared ones onto the board, in one update; ends the silent round. */
  async revealAll(boardId: string): Promise<RevealResult> {
    const drafts = await this.storage.drafts.list(boardId)
    const [board, ...draftRooms] = await Promise.all([this.rooms.open(boardId), ...drafts.map((draft) => this.rooms.open(draft.id))])
    // From here on synchronous: what is revealed is what the drafts hold at this moment.
    const taken = draftRooms.map((room) => ({ room, cards: readRecords(room.doc).filter((record) => isDraftCard(record) && !isPrepared(record)) }))
    const revealed = this.publish(board!, taken, { [SESSION_KEYS.silentRound]: null, [SESSION_KEYS.draftCounts]: [] })
    await this.rooms.flush()
    return { revealed }
  }

  /** Reveals cards of one draft (all when `ids` is absent): how a facilitator shows prepared moments one by one. */
  async reveal(boardId: string, draftKey: string, ids?: readonly string[]): Promise<RevealResult> {
    const id = draftDocumentId(boardId, draftKeyHash(boardId, draftKey))
    if (!(await this.storage.drafts.exists(id))) throw new HttpError(404, 'no such draft on this board', 'draft_not_found')
    const [board, draft] = await Promise.all([this.rooms.open(boardId), this.rooms.open(id)])
    const wanted = ids ? new Set(ids) : null
    const cards = readRecords(draft.doc).filter((record) => isDraftCard(record) && (wanted === null || wanted.has(record.id)))
    const revealed = this.publish(board, [{ room: draft, cards }])
    await this.rooms.flush()
    return { revealed }
  }

  /**
   * Writes the cards onto the board in one transaction (with `meta` changes, if any), then takes
   * them out of their drafts. Synchronous, so nobody's edit slips in between.
   */
  private publish(board: Room, taken: readonly { room: Room; cards: readonly StoredRecord[] }[], meta: Record<string, unknown> = {}): number {
    const present = new Map(readRecords(board.doc).map((record) => [record.id, record]))
    const page = [...present.values()].find((record) => record.typeName === 'page')?.id
    const put: StoredRecord[] = []
    for (const { cards } of taken) {
      for (const card of cards) {
        if (present.get(card.id)?.isLocked === true) continue // a locked board record is never overwritten
        const onBoard = asBoardCard(card, present, page, board.isAnonymous)
        if (onBoard) put.push(onBoard)
      }
    }
    const added = put.filter((record) => !present.has(record.id)).length
    if (recordsArray(board.doc).length + added > this.limits.maxRecordsPerBoard) {
      throw new HttpError(413, `the board would hold more than ${this.limits.maxRecordsPerBoard} records`, 'too_many_records')
    }
    board.doc.transact(() => {
      writeRecords(board.doc, { put })
      for (const [key, value] of Object.entries(meta)) metaMap(board.doc).set(key, value)
    })
    for (const { room, cards } of taken) if (cards.length > 0) writeRecords(room.doc, { remove: cards.map((card) => card.id) })
    return put.length
  }

  /** Each draft's count of cards, as stored, for the drafts that hold any (what a silent round shows). */
  private async currentCounts(boardId: string): Promise<number[]> {
    return (await this.storage.drafts.list(boardId)).map(({ cards }) => cards).filter((cards) => cards > 0)
  }

  /** A draft's stored update may have changed its count: store it, and show it if a silent round is on. */
  private draftChanged(room: Room): void {
    const count = countedCards(room.doc)
    if (this.lastCount.get(room) === count) return
    this.lastCount.set(room, count)
    const boardId = boardOfDocument(room.boardId)
    const previous = this.countWrites.get(boardId) ?? Promise.resolve()
    const write = previous
      .then(() => this.storage.drafts.setCards(room.boardId as DraftDocumentId, count))
      .catch((error: unknown) => this.logger.error('storing a draft count failed', { board: boardId, error: errorMessage(error) }))
      .finally(() => {
        if (this.countWrites.get(boardId) === write) this.countWrites.delete(boardId)
      })
    this.countWrites.set(boardId, write)
    void write.then(() => this.scheduleShownCounts(boardId))
  }

  private scheduleShownCounts(boardId: string): void {
    if (this.countTimers.has(boardId)) return
    const timer = setTimeout(() => {
      this.countTimers.delete(boardId)
      this.showCounts(boardId).catch((error: unknown) => this.logger.error('showing draft counts failed', { board: boardId, error: errorMessage(error) }))
    }, COUNTS_DELAY_MS)
    timer.unref()
    this.countTimers.set(boardId, timer)
  }

  /** Rewrites the counts in the board's meta while a silent round is on (and they changed). */
  private async showCounts(boardId: string): Promise<void> {
    const room = await this.rooms.open(boardId)
    if (readSession(metaMap(room.doc)).silentRound === null) return
    const counts = await this.currentCounts(boardId)
    const shown = readSession(metaMap(room.doc))
    if (shown.silentRound === null || sameNumbers(shown.drafts, counts)) return
    writeSessionMeta(room.doc, { [SESSION_KEYS.draftCounts]: counts })
  }
}

const sameNumbers = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((n, i) => n === b[i])

/**
 * A draft card as the board gets it: no longer prepared or locked, without author fields on an
 * anonymous board, and on the page when the frame it was written in is gone.
 */
function asBoardCard(card: StoredRecord, present: ReadonlyMap<string, StoredRecord>, page: string | undefined, anonymous: boolean): StoredRecord | null {
  const meta = typeof card.meta === 'object' && card.meta !== null ? { ...(card.meta as Record<string, unknown>) } : {}
  delete meta.prepared
  let onBoard: StoredRecord = { ...card, meta, isLocked: false }
  const parent = typeof card.parentId === 'string' ? card.parentId : null
  if (page !== undefined && (parent === null || !present.has(parent))) onBoard = { ...onBoard, parentId: page }
  return anonymous ? withoutAuthor(onBoard) : onBoard
}
