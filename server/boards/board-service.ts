/**
 * The board workflows — create, change (title, anonymity switch), delete, import, export, harvest
 * and link revocation — in one place that the HTTP routes call, so no route touches the database,
 * the rooms or a live document. Snapshots, templates and images are the same layer's other parts
 * (`snapshots`, `templates`, `assets`).
 *
 * Errors: a workflow throws the HttpError the API answers with (server/http/errors.ts). The codes
 * in shared/errors.ts are the public API and a workflow knows best which one applies; routes let
 * them through to the app's error handler unchanged.
 * Every method returns a Promise although SQLite answers at once: storage becomes asynchronous
 * (PostgreSQL), and callers written against promises need not change then. Work that must not be
 * interleaved with other requests (flush, then read; scrub, then flag) still runs before the
 * method's first await.
 */
import type { BoardInfo, BoardListing, LinkListing } from '../../shared/api.ts'
import { CloseCode } from '../../shared/protocol.ts'
import type { Role } from '../../shared/roles.ts'
import { DEFAULT_TEMPLATE_ID } from '../../templates/index.ts'
import type { Access, BoardRepository } from '../boards.ts'
import type { AssetStore } from '../assets/asset-store.ts'
import { forgetRemovedData, type Db } from '../db/database.ts'
import { HttpError } from '../http/errors.ts'
import { createInitialDocument } from '../initial-document.ts'
import { assembleHarvest, harvestHead } from '../report/harvest.ts'
import type { ReadCache } from '../report/read-cache.ts'
import type { ReadWorker } from '../report/read-worker.ts'
import type { SnapshotQuota } from '../snapshots/snapshot-quota.ts'
import type { SnapshotStore } from '../snapshots/snapshot-store.ts'
import type { RoomManager } from '../sync/room-manager.ts'
import type { TemplateCatalog } from '../templates/catalog.ts'
import type { CustomTemplateStore } from '../templates/custom-template-store.ts'
import { BoardAnonymity } from './anonymity.ts'
import { AssetWorkflows, type ImageLimits } from './asset-workflows.ts'
import { importedState, type ImportFile } from './board-import.ts'
import { SnapshotWorkflows } from './snapshot-workflows.ts'
import { TemplateWorkflows } from './template-workflows.ts'

/** What the workflows need of the read worker (tests give a stand-in). */
export type BoardReads = Pick<ReadWorker, 'read' | 'versionOf'>

/** What the workflows work on; app.ts builds one of each. */
export interface BoardServiceParts {
  db: Db
  boards: BoardRepository
  rooms: RoomManager
  snapshots: SnapshotStore
  quota: SnapshotQuota
  catalog: TemplateCatalog
  savedTemplates: CustomTemplateStore
  assets: AssetStore
  /** Results of heavy reads (export, harvest, opened snapshots), kept while their source is unchanged. */
  cache: ReadCache
  /** Computes heavy reads off the event loop; also re-encodes snapshots for the anonymity switch. */
  reads: BoardReads
  limits: { maxRecordsPerBoard: number } & ImageLimits
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
  private readonly anonymity: BoardAnonymity

  constructor(private readonly parts: BoardServiceParts) {
    const { db, boards, rooms, snapshots, savedTemplates, reads } = parts
    this.anonymity = new BoardAnonymity(db, boards, rooms, snapshots, savedTemplates, reads)
    this.snapshots = new SnapshotWorkflows(parts)
    this.templates = new TemplateWorkflows(parts)
    this.assets = new AssetWorkflows(parts.assets, parts.limits)
  }

  /** Which role, if any, a token grants on a board (the access middleware's lookup). */
  async authorize(boardId: string, token: string | null): Promise<Access> {
    return this.parts.boards.authorize(boardId, token)
  }

  /** A new board from a template; 400 unknown_template when there is no such template. */
  async create(input: { title: string; template?: string | undefined; anonymous?: boolean | undefined }): Promise<MadeBoard> {
    const template = this.parts.catalog.find(input.template ?? DEFAULT_TEMPLATE_ID)
    if (!template) throw new HttpError(400, `unknown template "${input.template}"`, 'unknown_template')
    return this.parts.boards.create({
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
    if (patch.anonymous !== undefined) await this.anonymity.set(boardId, patch.anonymous)
    const board = this.parts.boards.update(boardId, { title: patch.title })
    if (!board) throw new HttpError(404, 'board not found', 'board_not_found')
    return board
  }

  /**
   * Deletes every trace of a board: its room (its sockets closed), its saved templates (kept ones
   * lose the link), and by cascade its tokens, state, updates, snapshots and assets. False when
   * there was no such board.
   */
  async delete(boardId: string): Promise<boolean> {
    const { db, rooms, boards, savedTemplates } = this.parts
    await rooms.discard(boardId)
    const deleted = db.transaction(() => {
      savedTemplates.deleteOf(boardId)
      return boards.delete(boardId)
    })()
    await forgetRemovedData(db)
    return deleted
  }

  /** Every board, most recently active first (the admin page). */
  async list(): Promise<BoardListing[]> {
    return this.parts.boards.list()
  }

  /** A new board from an export file; 400 too_many_records or invalid_import when it is no valid board. */
  async importBoard(file: ImportFile): Promise<MadeBoard> {
    const state = importedState(file, this.parts.limits.maxRecordsPerBoard)
    const template = file.template !== undefined && this.parts.catalog.find(file.template) ? file.template : DEFAULT_TEMPLATE_ID
    return this.parts.boards.create({ title: file.title, template, anonymous: false, initialState: state })
  }

  /** The board's records as a JSON array (UTF-8), every edit a client has seen included. */
  async exportRecords(board: BoardInfo): Promise<Uint8Array> {
    const { rooms, cache, reads } = this.parts
    // Queued updates first: the stored state (which the worker reads) then holds every edit a
    // client has seen. The records' JSON, the costly part on a big board, is made off the event
    // loop, once per stored version.
    await rooms.flush()
    return cache.getAsync(`export:${board.id}`, { key: reads.versionOf(board.id) }, () => reads.read({ kind: 'export', boardId: board.id }))
  }

  /** The harvest of a board as Markdown (docs/document.md, "The harvest"). */
  async harvest(board: BoardInfo): Promise<string> {
    const { rooms, cache, reads, catalog } = this.parts
    // As for the export: queued updates first, the sections made off the event loop once per version.
    await rooms.flush()
    const source = { key: `${board.template}|${reads.versionOf(board.id)}` }
    const sections = await cache.getAsync(`report:${board.id}`, source, () => reads.read({ kind: 'harvest', boardId: board.id, templateId: board.template }))
    const head = harvestHead({ title: board.title, createdAt: board.createdAt, templateId: board.template, saved: catalog.saved }, new Date())
    return assembleHarvest(head, [sections])
  }

  /** The board's links with their open sockets, so the UI can warn before cutting people off. */
  async links(boardId: string): Promise<LinkListing[]> {
    const { boards, rooms } = this.parts
    return boards.links(boardId).map((link) => ({ ...link, connected: rooms.connectionCount(boardId, link.role) }))
  }

  /** Revokes a role's link: a new token replaces it, and the sockets that joined with it close now. */
  async regenerateLink(boardId: string, role: Role): Promise<string> {
    const token = this.parts.boards.regenerateToken(boardId, role)
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
    this.parts.boards.setExpiry(boardId, role, normalized)
    this.parts.rooms.setLinkExpiry(boardId, role, normalized)
    return (await this.links(boardId)).find((link) => link.role === role)
  }
}
