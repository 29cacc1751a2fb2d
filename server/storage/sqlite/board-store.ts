/** Boards and their capability tokens in SQLite. */
import type { BoardInfo, BoardListing, LinkInfo } from '../../../shared/api.ts'
import { ROLES, type Role } from '../../../shared/roles.ts'
import type { Db } from '../../db/database.ts'
import { hashToken, newId, newToken } from '../../tokens.ts'
import { boardInfo } from '../board-info.ts'
import { grant } from '../grant.ts'
import type { Access, BoardStore, NewBoard } from '../stores.ts'
import type { SqliteTemplateStore } from './template-store.ts'

interface BoardRow {
  id: string
  title: string
  template: string
  anonymous: number
  created_at: string
  forked_from_board: string | null
  forked_from_snapshot: string | null
  /** The origin's current title and the snapshot's label, while they exist (selectBoard only). */
  origin_title?: string | null
  origin_snapshot_label?: string | null
}

function toInfo(row: BoardRow): BoardInfo {
  return boardInfo({
    id: row.id,
    title: row.title,
    template: row.template,
    anonymous: row.anonymous === 1,
    createdAt: row.created_at,
    forkedFromBoard: row.forked_from_board,
    forkedFromSnapshot: row.forked_from_snapshot,
    originTitle: row.origin_title,
    originSnapshotLabel: row.origin_snapshot_label,
  })
}

export class SqliteBoardStore implements BoardStore {
  private readonly insertBoard
  private readonly insertToken
  private readonly insertState
  private readonly selectBoard
  private readonly selectTokens
  private readonly updateBoard
  private readonly replaceToken
  private readonly updateExpiry
  private readonly deleteBoard
  private readonly listAll

  constructor(
    private readonly db: Db,
    /** Its saved templates go with a deleted board (in the same transaction). */
    private readonly templates: SqliteTemplateStore,
  ) {
    this.insertBoard = db.prepare(
      `INSERT INTO boards (id, title, template, anonymous, created_at, updated_at, forked_from_board, forked_from_snapshot)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.insertToken = db.prepare('INSERT INTO board_tokens (board_id, role, token_hash, created_at) VALUES (?, ?, ?, ?)')
    this.insertState = db.prepare('INSERT INTO board_state (board_id, state, updated_at) VALUES (?, ?, ?)')
    this.selectBoard = db.prepare<[string], BoardRow>(
      `SELECT b.id, b.title, b.template, b.anonymous, b.created_at, b.forked_from_board, b.forked_from_snapshot,
              o.title AS origin_title, s.label AS origin_snapshot_label
       FROM boards b
       LEFT JOIN boards o ON o.id = b.forked_from_board
       LEFT JOIN snapshots s ON s.id = b.forked_from_snapshot AND s.board_id = b.forked_from_board
       WHERE b.id = ?`,
    )
    this.selectTokens = db.prepare<[string], { role: Role; token_hash: Buffer; created_at: string; expires_at: string | null }>(
      'SELECT role, token_hash, created_at, expires_at FROM board_tokens WHERE board_id = ? ORDER BY role',
    )
    this.replaceToken = db.prepare('UPDATE board_tokens SET token_hash = ?, created_at = ?, expires_at = NULL WHERE board_id = ? AND role = ?')
    this.updateExpiry = db.prepare('UPDATE board_tokens SET expires_at = ? WHERE board_id = ? AND role = ?')
    this.deleteBoard = db.prepare('DELETE FROM boards WHERE id = ?')
    this.listAll = db.prepare<[], BoardRow & { last_activity: string | null; bytes: number; snapshots: number }>(
      `SELECT b.id, b.title, b.template, b.anonymous, b.created_at, b.forked_from_board, b.forked_from_snapshot,
              coalesce(b.last_activity, b.updated_at) AS last_activity,
              coalesce((SELECT length(state) FROM board_state WHERE board_id = b.id), 0)
                + coalesce((SELECT sum(length(data)) FROM updates WHERE board_id = b.id), 0)
                + coalesce((SELECT sum(length(state)) FROM snapshots WHERE board_id = b.id), 0)
                + coalesce((SELECT sum(length(data)) FROM assets WHERE board_id = b.id), 0)
                + coalesce((SELECT sum(length(s.state)) FROM draft_state s JOIN drafts d ON d.id = s.draft_id WHERE d.board_id = b.id), 0)
                + coalesce((SELECT sum(length(u.data)) FROM draft_updates u JOIN drafts d ON d.id = u.draft_id WHERE d.board_id = b.id), 0) AS bytes,
              (SELECT count(*) FROM snapshots WHERE board_id = b.id) AS snapshots
       FROM boards b ORDER BY last_activity DESC`,
    )
    this.updateBoard = db.prepare(
      'UPDATE boards SET title = coalesce(?, title), anonymous = coalesce(?, anonymous), updated_at = ? WHERE id = ?',
    )
  }

  /**
   * Creates a board with its initial document state in one transaction, so no client can ever
   * see a board without a document.
   */
  async create(input: NewBoard): Promise<{ board: BoardInfo; tokens: Record<Role, string> }> {
    const now = new Date().toISOString()
    const board: BoardInfo = {
      id: newId(),
      title: input.title,
      template: input.template,
      anonymous: input.anonymous,
      createdAt: now,
      ...(input.forkedFrom ? { forkedFrom: input.forkedFrom } : {}),
    }
    const tokens = { facilitator: newToken(), editor: newToken(), viewer: newToken() }
    this.db.transaction(() => {
      const from = input.forkedFrom
      this.insertBoard.run(board.id, board.title, board.template, board.anonymous ? 1 : 0, now, now, from?.boardId ?? null, from?.snapshotId ?? null)
      for (const role of ROLES) this.insertToken.run(board.id, role, hashToken(tokens[role]), now)
      this.insertState.run(board.id, input.initialState, now)
    })()
    return { board, tokens }
  }

  async get(id: string): Promise<BoardInfo | null> {
    return this.getNow(id)
  }

  private getNow(id: string): BoardInfo | null {
    const row = this.selectBoard.get(id)
    return row ? toInfo(row) : null
  }

  /** Which role, if any, a token grants on a board. Every stored hash is compared, in constant time. */
  async authorize(id: string, token: string | null, now = new Date()): Promise<Access> {
    const board = this.getNow(id)
    const tokens = board && token ? this.selectTokens.all(id).map((row) => ({ role: row.role, hash: row.token_hash, expiresAt: row.expires_at })) : []
    return grant(board, tokens, token, now)
  }

  async links(id: string): Promise<LinkInfo[]> {
    return this.selectTokens.all(id).map((row) => ({ role: row.role, createdAt: row.created_at, expiresAt: row.expires_at }))
  }

  /** Replaces a role's token: the old one stops working at once. Returns the new token. */
  async regenerateToken(id: string, role: Role): Promise<string> {
    const token = newToken()
    this.replaceToken.run(hashToken(token), new Date().toISOString(), id, role)
    return token
  }

  async setExpiry(id: string, role: Role, expiresAt: string | null): Promise<void> {
    this.updateExpiry.run(expiresAt, id, role)
  }

  /**
   * Removes the board and, by cascade, its tokens, state, updates, snapshots and assets, with its
   * saved templates (kept ones lose the link), in one transaction.
   */
  async delete(id: string): Promise<boolean> {
    return this.db.transaction(() => {
      this.templates.detachFromBoardNow(id)
      return this.deleteBoard.run(id).changes > 0
    })()
  }

  async list(): Promise<BoardListing[]> {
    return this.listAll.all().map((row) => ({
      ...toInfo(row),
      lastActivity: row.last_activity ?? row.created_at,
      bytes: row.bytes,
      snapshots: row.snapshots,
    }))
  }

  async update(id: string, patch: { title?: string | undefined; anonymous?: boolean | undefined }): Promise<BoardInfo | null> {
    return this.updateNow(id, patch)
  }

  /** update(), synchronously: it can run inside a caller's SQLite transaction. */
  updateNow(id: string, patch: { title?: string | undefined; anonymous?: boolean | undefined }): BoardInfo | null {
    const anonymous = patch.anonymous === undefined ? null : patch.anonymous ? 1 : 0
    this.updateBoard.run(patch.title ?? null, anonymous, new Date().toISOString(), id)
    return this.getNow(id)
  }
}
