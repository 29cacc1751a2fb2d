/**
 * The board workflows — create, change (title, anonymity switch), delete, import, export, harvest
 * and link revocation — in one place that the HTTP routes call, so no route touches the database,
 * the rooms or a live document. Snapshots, templates and images are the same layer's other parts
 * (`snapshots`, `templates`, `assets`).
 *
 * Errors: a workflow throws the HttpError the API answers with (server/http/errors.ts). The codes
 * in shared/errors.ts are the public API and a workflow knows best which one applies; routes let
 * them through to the app's error handler unchanged.
 * Storage is asynchronous (Storage in server/storage/stores.ts: SQLite or PostgreSQL); whatever
 * must change together is one storage method, so no workflow holds a transaction across an await.
 */
import type { BoardInfo, BoardListing, LinkListing } from '../../shared/api.ts'
import { CloseCode } from '../../shared/protocol.ts'
import type { Role } from '../../shared/roles.ts'
import { DEFAULT_TEMPLATE_ID, type TemplateLookup } from '../../templates/index.ts'
import { HttpError } from '../http/errors.ts'
import { createInitialDocument } from '../initial-document.ts'
import { renderHarvestMarkdown } from '../report/harvest.ts'
import { harvestHeadOf, type HarvestBody } from '../report/harvest-model.ts'
import type { HarvestModel } from '../../shared/harvest-model.ts'
import type { ReadCache } from '../report/read-cache.ts'
import type { ReadWorker } from '../report/read-worker.ts'
import type { SnapshotQuota } from '../snapshots/snapshot-quota.ts'
import type { Access, Storage } from '../storage/stores.ts'
import type { RoomManager } from '../sync/room-manager.ts'
import type { TemplateCatalog } from '../templates/catalog.ts'
import { BoardAnonymity } from './anonymity.ts'
import { DraftWorkflows } from './draft-workflows.ts'
import { VoteWorkflows } from './vote-workflows.ts'
import { TimerWorkflows } from './timer-workflows.ts'
import { FollowWorkflows } from './follow-workflows.ts'
import type { Logger } from '../log.ts'
import { AssetWorkflows, type ImageLimits } from './asset-workflows.ts'
import { importedState, type ImportFile } from './board-import.ts'
import { SnapshotWorkflows } from './snapshot-workflows.ts'
import { TemplateWorkflows } from './template-workflows.ts'

/** What the workflows need of the read worker (tests give a stand-in). */
export type BoardReads = Pick<ReadWorker, 'read'>

/** What the workflows work on; app.ts builds one of each. */
export interface BoardServiceParts {
  /** Boards, snapshots, images and saved templates (one engine: SQLite or PostgreSQL). */
  storage: Storage
  rooms: RoomManager
  quota: SnapshotQuota
  catalog: TemplateCatalog
  /** Results of heavy reads (export, harvest, opened snapshots), kept while their source is unchanged. */
  cache: ReadCache
  /** Computes heavy reads off the event loop; also re-encodes snapshots for the anonymity switch. */
  reads: BoardReads
  limits: { maxRecordsPerBoard: number; maxDraftsPerBoard: number } & ImageLimits
  logger: Logger
}

/** A board just made: its tokens are shown this once. */
export interface MadeBoard {
  board: BoardInfo
  tokens: Record<Role, string>
}

export class BoardService {
  readonly snapshots: SnapshotWorkflows
  readonly templates: TemplateWorkflows
  readonly assets: AssetWorkflows
  readonly drafts: DraftWorkflows
  readonly votes: VoteWorkflows
  /** The session timer and the agenda. */
  readonly timer: TimerWorkflows
  readonly follow: FollowWorkflows
  private readonly anonymity: BoardAnonymity

  constructor(private readonly parts: BoardServiceParts) {
    this.anonymity = new BoardAnonymity(parts.storage, parts.rooms, parts.reads)
    this.snapshots = new SnapshotWorkflows(parts)
    this.templates = new TemplateWorkflows(parts)
    this.assets = new AssetWorkflows(parts.storage.assets, parts.limits)
    this.drafts = new DraftWorkflows(parts.storage, parts.rooms, parts.limits, parts.logger)
    this.votes = new VoteWorkflows(parts.storage, parts.rooms, parts.limits.maxDraftsPerBoard)
    this.timer = new TimerWorkflows(parts.rooms)
    this.follow = new FollowWorkflows(parts.rooms)
  }

  /** Which role, if any, a token grants on a board (the access middleware's lookup). */
  async authorize(boardId: string, token: string | null): Promise<Access> {
    return this.parts.storage.boards.authorize(boardId, token)
  }

  /** A new board from a template; 400 unknown_template when there is no such template. */
  async create(input: { title: string; template?: string | undefined; anonymous?: boolean | undefined }): Promise<MadeBoard> {
    const template = await this.parts.catalog.find(input.template ?? DEFAULT_TEMPLATE_ID)
    if (!template) throw new HttpError(400, `unknown template "${input.template}"`, 'unknown_template')
    return this.parts.storage.boards.create({
      title: input.title,
      template: template.id,
      // Not asked: the template decides (7V promises anonymity).
      anonymous: input.anonymous ?? template.anonymous ?? false,
      initialState: createInitialDocument(template),
    })
  }

  /**
   * Renames a board and/or switches its anonymity. `anonymous: true` always re-runs the scrub, so a
   * switch that failed half way can be repeated (see BoardAnonymity).
   */
  async update(boardId: string, patch: { title?: string | undefined; anonymous?: boolean | undefined }): Promise<BoardInfo> {
    if (patch.anonymous === true) {
      // Its cached export, report and opened snapshots hold names (and, at 50k cards, ~50 MB the
      // switch can use better).
      this.parts.cache.forgetBoard(boardId)
    }
    if (patch.anonymous !== undefined) await this.anonymity.set(boardId, patch.anonymous)
    const board = await this.parts.storage.boards.update(boardId, { title: patch.title })
    if (!board) throw new HttpError(404, 'board not found', 'board_not_found')
    return board
  }

  /**
   * Deletes every trace of a board: its room (its sockets closed), its saved templates (kept ones
   * lose the link), and by cascade its tokens, state, updates, snapshots and assets. False when
   * there was no such board.
   */
  async delete(boardId: string): Promise<boolean> {
    const { rooms, storage, cache } = this.parts
    await rooms.discard(boardId)
    cache.forgetBoard(boardId)
    const deleted = await storage.boards.delete(boardId) // its saved templates in the same transaction
    await storage.forgetRemoved()
    return deleted
  }

  /** Every board, most recently active first (the admin page). */
  async list(): Promise<BoardListing[]> {
    return this.parts.storage.boards.list()
  }

  /** A new board from an export file; 400 too_many_records or invalid_import when it is no valid board. */
  async importBoard(file: ImportFile): Promise<MadeBoard> {
    const state = importedState(file, this.parts.limits.maxRecordsPerBoard)
    const template = file.template !== undefined && (await this.parts.catalog.find(file.template)) ? file.template : DEFAULT_TEMPLATE_ID
    return this.parts.storage.boards.create({ title: file.title, template, anonymous: false, initialState: state })
  }

  /** The board's records as a JSON array (UTF-8), every edit a client has seen included. */
  async exportRecords(board: BoardInfo): Promise<Uint8Array> {
    const { rooms, cache, reads } = this.parts
    // Queued updates first: the stored state (which the worker reads) then holds every edit a
    // client has seen. The records' JSON, the costly part on a big board, is made off the event
    // loop, once per stored version.
    await rooms.flush()
    return cache.getAsync(`export:${board.id}`, { key: await this.parts.storage.documents.version(board.id) }, () => reads.read({ kind: 'export', boardId: board.id }))
  }

  /** The harvest of a board as Markdown (docs/document.md, "The harvest"). */
  async harvest(board: BoardInfo): Promise<string> {
    return renderHarvestMarkdown(await this.harvestModel(board))
  }

  /** The harvest model of a board (shared/harvest-model.ts), which every harvest rendering starts from. */
  async harvestModel(board: BoardInfo): Promise<HarvestModel> {
    const { version, lookup } = await this.harvestSource(board)
    return this.harvestModelAt(board, version, lookup)
  }

  /**
   * The harvest as report.docx or report.pdf, rendered in the read worker from the (cached) model,
   * and kept like the model: once per stored version and format, with what the document
   * shows of the board besides its content (title, date, template). Concurrent requests share one
   * rendering (ReadCache.getAsync).
   */
  async harvestDocument(board: BoardInfo, format: 'docx' | 'pdf'): Promise<Uint8Array> {
    const { cache, reads, logger } = this.parts
    const { version, lookup } = await this.harvestSource(board)
    // The head without generatedAt: the documents do not show it.
    const { title, createdAt, template } = harvestHeadOf({ title: board.title, createdAt: board.createdAt, templateId: board.template, saved: lookup })
    const source = { key: JSON.stringify([version, title, createdAt, board.template, template]) }
    return cache.getAsync(`report.${format}:${board.id}`, source, async () => {
      const model = await this.harvestModelAt(board, version, lookup)
      const started = performance.now()
      const bytes = await reads.read({ kind: format === 'docx' ? 'harvest-docx' : 'harvest-pdf', model })
      // One line per rendering (a cache miss): what reports cost shows in the log.
      logger.info('report rendered', { board: board.id, format, bytes: bytes.byteLength, ms: Math.round(performance.now() - started) })
      return bytes
    })
  }

  /** What a harvest is made from: the stored version (queued updates flushed first) and the template lookup. */
  private async harvestSource(board: BoardInfo): Promise<{ version: string; lookup: TemplateLookup }> {
    // As for the export: queued updates first, so the stored state holds every edit a client has seen.
    await this.parts.rooms.flush()
    const version = await this.parts.storage.documents.version(board.id)
    return { version, lookup: await this.parts.catalog.lookupFor(board.template) }
  }

  private async harvestModelAt(board: BoardInfo, version: string, lookup: TemplateLookup): Promise<HarvestModel> {
    const { cache, reads } = this.parts
    // The body (the costly part) is made off the event loop once per version.
    const source = { key: `${board.template}|${version}` }
    const body = await cache.getAsync(`harvest:${board.id}`, source, () => reads.read({ kind: 'harvest', boardId: board.id, templateId: board.template }))
    const head = harvestHeadOf({ title: board.title, createdAt: board.createdAt, templateId: board.template, saved: lookup }, new Date())
    return { ...head, ...(JSON.parse(body) as HarvestBody) }
  }

  /** The board's links with their open sockets, so the UI can warn before cutting people off. */
  async links(boardId: string): Promise<LinkListing[]> {
    const { storage, rooms } = this.parts
    return (await storage.boards.links(boardId)).map((link) => ({ ...link, connected: rooms.connectionCount(boardId, link.role) }))
  }

  /** Revokes a role's link: a new token replaces it, and the sockets that joined with it close now. */
  async regenerateLink(boardId: string, role: Role): Promise<string> {
    const token = await this.parts.storage.boards.regenerateToken(boardId, role)
    this.parts.rooms.closeConnections(boardId, [role], CloseCode.revoked, 'link revoked')
    return token
  }

  /**
   * Sets (or clears) when a role's link expires; its open sockets close when that moment passes.
   * 400 expiry_in_past for a moment already gone: that would cut everyone off without warning (the
   * way to end a link now is to regenerate it).
   */
  async setLinkExpiry(boardId: string, role: Role, expiresAt: string | null): Promise<LinkListing | undefined> {
    const normalized = expiresAt === null ? null : new Date(expiresAt).toISOString()
    if (normalized !== null && Date.parse(normalized) <= Date.now()) throw new HttpError(400, 'an expiry date must lie in the future', 'expiry_in_past')
    await this.parts.storage.boards.setExpiry(boardId, role, normalized)
    this.parts.rooms.setLinkExpiry(boardId, role, normalized)
    return (await this.links(boardId)).find((link) => link.role === role)
  }
}
