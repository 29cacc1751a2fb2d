/**
 * Dot votes in PostgreSQL: a vote per row (one open per board, by a partial unique index) and one
 * row per ballot, naming its voter by hash only. A cast or withdrawal locks the vote's row for its
 * transaction, so casts through any number of processes take turns: the budget check and the
 * insert are never interleaved with another's, and a close waits for the casts under way.
 */
import { newId } from '../../tokens.ts'
import type { BallotOutcome, VoteInfo, VoteStore, VoteTally } from '../stores.ts'
import { transaction, type PgClient, type PgPool } from './database.ts'

interface VoteRow {
  id: string
  board_id: string
  per_participant: number
  zone: string | null
  open: boolean
  created_at: Date
  closed_at: Date | null
}

const toInfo = (row: VoteRow): VoteInfo => ({
  id: row.id,
  boardId: row.board_id,
  perParticipant: row.per_participant,
  zone: row.zone,
  open: row.open,
  createdAt: row.created_at.toISOString(),
  closedAt: row.closed_at?.toISOString() ?? null,
})

const COLUMNS = 'id, board_id, per_participant, zone, open, created_at, closed_at'

export class PgVoteStore implements VoteStore {
  constructor(private readonly pool: PgPool) {}

  async open(boardId: string, input: { perParticipant: number; zone: string | null }): Promise<VoteInfo | null> {
    const { rows } = await this.pool.query<VoteRow>(
      `INSERT INTO votes (id, board_id, per_participant, zone, open, created_at) VALUES ($1, $2, $3, $4, true, now())
       ON CONFLICT (board_id) WHERE open DO NOTHING RETURNING ${COLUMNS}`,
      [newId(), boardId, input.perParticipant, input.zone],
    )
    return rows[0] ? toInfo(rows[0]) : null
  }

  async get(boardId: string, voteId: string): Promise<VoteInfo | null> {
    const { rows } = await this.pool.query<VoteRow>(`SELECT ${COLUMNS} FROM votes WHERE board_id = $1 AND id = $2`, [boardId, voteId])
    return rows[0] ? toInfo(rows[0]) : null
  }

  async current(boardId: string): Promise<VoteInfo | null> {
    const { rows } = await this.pool.query<VoteRow>(`SELECT ${COLUMNS} FROM votes WHERE board_id = $1 AND open`, [boardId])
    return rows[0] ? toInfo(rows[0]) : null
  }

  async list(boardId: string): Promise<VoteInfo[]> {
    const { rows } = await this.pool.query<VoteRow>(`SELECT ${COLUMNS} FROM votes WHERE board_id = $1 ORDER BY created_at, ordinal`, [boardId])
    return rows.map(toInfo)
  }

  /** An unknown vote counts as closed: nothing can be cast in it. */
  async cast(voteId: string, voterHash: string, shapeId: string): Promise<BallotOutcome> {
    return transaction(this.pool, async (client) => {
      const vote = await lockOpen(client, voteId)
      if (!vote) return 'closed'
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM ballots WHERE vote_id = $1 AND voter_hash = $2', [voteId, voterHash])
      if (Number(rows[0]?.n ?? 0) >= vote.per_participant) return 'spent'
      await client.query('INSERT INTO ballots (vote_id, voter_hash, shape_id) VALUES ($1, $2, $3)', [voteId, voterHash, shapeId])
      return 'done'
    })
  }

  async withdraw(voteId: string, voterHash: string, shapeId: string): Promise<BallotOutcome> {
    return transaction(this.pool, async (client) => {
      if (!(await lockOpen(client, voteId))) return 'closed'
      const { rowCount } = await client.query(
        'DELETE FROM ballots WHERE ordinal = (SELECT max(ordinal) FROM ballots WHERE vote_id = $1 AND voter_hash = $2 AND shape_id = $3)',
        [voteId, voterHash, shapeId],
      )
      return (rowCount ?? 0) > 0 ? 'done' : 'none'
    })
  }

  async mine(voteId: string, voterHash: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ shape_id: string }>('SELECT shape_id FROM ballots WHERE vote_id = $1 AND voter_hash = $2 ORDER BY ordinal', [voteId, voterHash])
    return rows.map((row) => row.shape_id)
  }

  async voters(voteId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>('SELECT count(DISTINCT voter_hash) AS n FROM ballots WHERE vote_id = $1', [voteId])
    return Number(rows[0]?.n ?? 0)
  }

  async close(voteId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('UPDATE votes SET open = false, closed_at = now() WHERE id = $1 AND open', [voteId])
    return (rowCount ?? 0) > 0
  }

  async tally(voteId: string): Promise<VoteTally[]> {
    // Ties by shape id in byte order ("C"), as SQLite orders them, whatever the database's collation.
    const { rows } = await this.pool.query<{ shape_id: string; votes: string }>(
      'SELECT shape_id, count(*) AS votes FROM ballots WHERE vote_id = $1 GROUP BY shape_id ORDER BY votes DESC, shape_id COLLATE "C"',
      [voteId],
    )
    return rows.map((row) => ({ shapeId: row.shape_id, votes: Number(row.votes) }))
  }
}

/** Locks the vote's row for the transaction; its budget while it is open, else undefined. */
async function lockOpen(client: PgClient, voteId: string): Promise<{ per_participant: number } | undefined> {
  const { rows } = await client.query<{ open: boolean; per_participant: number }>('SELECT open, per_participant FROM votes WHERE id = $1 FOR UPDATE', [voteId])
  return rows[0]?.open ? rows[0] : undefined
}
