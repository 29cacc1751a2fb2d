/** Boards and their capability tokens in PostgreSQL (only the tokens' hashes are kept). */
import type { BoardInfo, BoardListing, LinkInfo } from '../../../shared/api.ts'
import { ROLES, type Role } from '../../../shared/roles.ts'
import { hashToken, newId, newToken } from '../../tokens.ts'
import { boardInfo } from '../board-info.ts'
import { grant } from '../grant.ts'
import type { Access, BoardStore, NewBoard } from '../stores.ts'
import { transaction, type PgPool } from './database.ts'

interface BoardRow {
  id: string
  title: string
  template: string
  anonymous: boolean
  created_at: Date
  forked_from_board: string | null
  forked_from_snapshot: string | null
  origin_title?: string | null
  origin_snapshot_label?: string | null
}

const BOARD_COLUMNS = 'b.id, b.title, b.template, b.anonymous, b.created_at, b.forked_from_board, b.forked_from_snapshot'

function toInfo(row: BoardRow): BoardInfo {
  return boardInfo({
    id: row.id,
    title: row.title,
    template: row.template,
    anonymous: row.anonymous,
    createdAt: row.created_at.toISOString(),
    forkedFromBoard: row.forked_from_board,
    forkedFromSnapshot: row.forked_from_snapshot,
    originTitle: row.origin_title,
    originSnapshotLabel: row.origin_snapshot_label,
  })
}

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString())

export class PgBoardStore implements BoardStore {
  constructor(private readonly pool: PgPool) {}

  async create(input: NewBoard): Promise<{ board: BoardInfo; tokens: Record<Role, string> }> {
    const now = new Date()
    const board: BoardInfo = {
      id: newId(),
      title: input.title,
      template: input.template,
      anonymous: input.anonymous,
      createdAt: now.toISOString(),
      ...(input.forkedFrom ? { forkedFrom: input.forkedFrom } : {}),
    }
    const tokens = { facilitator: newToken(), editor: newToken(), viewer: newToken() }
    // One transaction: no client can ever see a board without its tokens or its document.
    await transaction(this.pool, async (client) => {
      const from = input.forkedFrom
      await client.query(
        `INSERT INTO boards (id, title, template, anonymous, created_at, updated_at, forked_from_board, forked_from_snapshot)
         VALUES ($1, $2, $3, $4, $5, $5, $6, $7)`,
        [board.id, board.title, board.template, board.anonymous, now, from?.boardId ?? null, from?.snapshotId ?? null],
      )
      await client.query('INSERT INTO board_tokens (board_id, role, token_hash, created_at) SELECT $1, unnest($2::text[]), unnest($3::bytea[]), $4', [
        board.id,
        [...ROLES],
        ROLES.map((role) => hashToken(tokens[role])),
        now,
      ])
      await client.query('INSERT INTO board_state (board_id, state, state_seq, updated_at) VALUES ($1, $2, 0, $3)', [board.id, input.initialState, now])
    })
    return { board, tokens }
  }

  async get(id: string): Promise<BoardInfo | null> {
    const { rows } = await this.pool.query<BoardRow>(
      `SELECT ${BOARD_COLUMNS}, o.title AS origin_title, s.label AS origin_snapshot_label
       FROM boards b
       LEFT JOIN boards o ON o.id = b.forked_from_board
       LEFT JOIN snapshots s ON s.id = b.forked_from_snapshot AND s.board_id = b.forked_from_board
       WHERE b.id = $1`,
      [id],
    )
    return rows[0] ? toInfo(rows[0]) : null
  }

  async authorize(id: string, token: string | null, now = new Date()): Promise<Access> {
    const [board, tokens] = await Promise.all([this.get(id), this.tokens(id)])
    return grant(board, tokens.map((row) => ({ role: row.role, hash: row.token_hash, expiresAt: iso(row.expires_at) })), token, now)
  }

  async links(id: string): Promise<LinkInfo[]> {
    return (await this.tokens(id)).map((row) => ({ role: row.role, createdAt: row.created_at.toISOString(), expiresAt: iso(row.expires_at) }))
  }

  async regenerateToken(id: string, role: Role): Promise<string> {
    const token = newToken()
    await this.pool.query('UPDATE board_tokens SET token_hash = $1, created_at = now(), expires_at = NULL WHERE board_id = $2 AND role = $3', [hashToken(token), id, role])
    return token
  }

  async setExpiry(id: string, role: Role, expiresAt: string | null): Promise<void> {
    await this.pool.query('UPDATE board_tokens SET expires_at = $1 WHERE board_id = $2 AND role = $3', [expiresAt, id, role])
  }

  async update(id: string, patch: { title?: string | undefined; anonymous?: boolean | undefined }): Promise<BoardInfo | null> {
    await this.pool.query('UPDATE boards SET title = coalesce($1, title), anonymous = coalesce($2, anonymous), updated_at = now() WHERE id = $3', [
      patch.title ?? null,
      patch.anonymous ?? null,
      id,
    ])
    return this.get(id)
  }

  async list(): Promise<BoardListing[]> {
    // octet_length of a bytea is read from its header (TOAST): no blob is fetched to add them up.
    const { rows } = await this.pool.query<BoardRow & { last_activity: Date; bytes: string; snapshots: string }>(
      `SELECT ${BOARD_COLUMNS}, coalesce(b.last_activity, b.updated_at) AS last_activity,
              coalesce((SELECT octet_length(state) FROM board_state WHERE board_id = b.id), 0)
                + coalesce((SELECT sum(octet_length(data)) FROM updates WHERE board_id = b.id), 0)
                + coalesce((SELECT sum(octet_length(state)) FROM snapshots WHERE board_id = b.id), 0)
                + coalesce((SELECT sum(octet_length(data)) FROM assets WHERE board_id = b.id), 0)
                + coalesce((SELECT sum(octet_length(s.state)) FROM draft_state s JOIN drafts d ON d.id = s.draft_id WHERE d.board_id = b.id), 0)
                + coalesce((SELECT sum(octet_length(u.data)) FROM draft_updates u JOIN drafts d ON d.id = u.draft_id WHERE d.board_id = b.id), 0) AS bytes,
              (SELECT count(*) FROM snapshots WHERE board_id = b.id) AS snapshots
       FROM boards b ORDER BY last_activity DESC`,
    )
    return rows.map((row) => ({ ...toInfo(row), lastActivity: row.last_activity.toISOString(), bytes: Number(row.bytes), snapshots: Number(row.snapshots) }))
  }

  async delete(id: string): Promise<boolean> {
    return transaction(this.pool, async (client) => {
      // Its saved templates go with it, but kept ones, which forget where they came from.
      await client.query('DELETE FROM custom_templates WHERE source_board = $1 AND NOT keep', [id])
      await client.query('UPDATE custom_templates SET source_board = NULL WHERE source_board = $1', [id])
      const { rowCount } = await client.query('DELETE FROM boards WHERE id = $1', [id])
      return (rowCount ?? 0) > 0
    })
  }

  private async tokens(id: string) {
    const { rows } = await this.pool.query<{ role: Role; token_hash: Buffer; created_at: Date; expires_at: Date | null }>(
      'SELECT role, token_hash, created_at, expires_at FROM board_tokens WHERE board_id = $1 ORDER BY role',
      [id],
    )
    return rows
  }
}
