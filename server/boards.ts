/** Boards and their capability tokens in SQLite. */
import type { BoardInfo } from '../shared/api.ts'
import { ROLES, type Role } from '../shared/roles.ts'
import type { Db } from './db/database.ts'
import { hashToken, newId, newToken, tokenMatches } from './tokens.ts'

interface BoardRow {
  id: string
  title: string
  template: string
  anonymous: number
  created_at: string
  forked_from_board: string | null
  forked_from_snapshot: string | null
}

export type Access = { kind: 'granted'; board: BoardInfo; role: Role } | { kind: 'no-board' } | { kind: 'denied' }

function toInfo(row: BoardRow): BoardInfo {
  return {
    id: row.id,
    title: row.title,
    template: row.template,
    anonymous: row.anonymous === 1,
    createdAt: row.created_at,
    ...(row.forked_from_board && row.forked_from_snapshot
      ? { forkedFrom: { boardId: row.forked_from_board, snapshotId: row.forked_from_snapshot } }
      : {}),
  }
}

export class BoardRepository {
  private readonly insertBoard
  private readonly insertToken
  private readonly insertState
  private readonly selectBoard
  private readonly selectTokens
  private readonly updateBoard

  constructor(private readonly db: Db) {
    this.insertBoard = db.prepare(
      `INSERT INTO boards (id, title, template, anonymous, created_at, updated_at, forked_from_board, forked_from_snapshot)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.insertToken = db.prepare('INSERT INTO board_tokens (board_id, role, token_hash, created_at) VALUES (?, ?, ?, ?)')
    this.insertState = db.prepare('INSERT INTO board_state (board_id, state, updated_at) VALUES (?, ?, ?)')
    this.selectBoard = db.prepare<[string], BoardRow>(
      'SELECT id, title, template, anonymous, created_at, forked_from_board, forked_from_snapshot FROM boards WHERE id = ?',
    )
    this.selectTokens = db.prepare<[string], { role: Role; token_hash: Buffer }>(
      'SELECT role, token_hash FROM board_tokens WHERE board_id = ?',
    )
    this.updateBoard = db.prepare(
      'UPDATE boards SET title = coalesce(?, title), anonymous = coalesce(?, anonymous), updated_at = ? WHERE id = ?',
    )
  }

  /**
   * Creates a board with its initial document state in one transaction, so no client can ever
   * see a board without a document.
   */
  create(input: {
    title: string
    template: string
    anonymous: boolean
    initialState: Uint8Array
    forkedFrom?: { boardId: string; snapshotId: string }
  }): {
    board: BoardInfo
    tokens: Record<Role, string>
  } {
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

  get(id: string): BoardInfo | null {
    const row = this.selectBoard.get(id)
    return row ? toInfo(row) : null
  }

  /** Which role, if any, a token grants on a board. Every stored hash is compared, in constant time. */
  authorize(id: string, token: string | null): Access {
    const board = this.get(id)
    if (!board) return { kind: 'no-board' }
    if (!token) return { kind: 'denied' }
    let granted: Role | null = null
    for (const row of this.selectTokens.all(id)) {
      if (tokenMatches(token, row.token_hash)) granted = row.role
    }
    return granted ? { kind: 'granted', board, role: granted } : { kind: 'denied' }
  }

  update(id: string, patch: { title?: string | undefined; anonymous?: boolean | undefined }): BoardInfo | null {
    const anonymous = patch.anonymous === undefined ? null : patch.anonymous ? 1 : 0
    this.updateBoard.run(patch.title ?? null, anonymous, new Date().toISOString(), id)
    return this.get(id)
  }
}
