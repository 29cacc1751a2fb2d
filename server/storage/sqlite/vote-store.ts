/**
 * Dot votes in SQLite: a vote per row (one open per board, by a partial unique index) and one row
 * per ballot, naming its voter by hash only. Each cast and withdrawal is one immediate
 * transaction, so the budget check and the insert are never interleaved with another's.
 */
import type { Db } from '../../db/database.ts'
import { newId } from '../../tokens.ts'
import type { BallotOutcome, VoteInfo, VoteStore, VoteTally } from '../stores.ts'

interface VoteRow {
  id: string
  board_id: string
  per_participant: number
  zone: string | null
  open: number
  created_at: string
  closed_at: string | null
}

const toInfo = (row: VoteRow): VoteInfo => ({
  id: row.id,
  boardId: row.board_id,
  perParticipant: row.per_participant,
  zone: row.zone,
  open: row.open === 1,
  createdAt: row.created_at,
  closedAt: row.closed_at,
})

const COLUMNS = 'id, board_id, per_participant, zone, open, created_at, closed_at'

export class SqliteVoteStore implements VoteStore {
  private readonly insertVote
  private readonly selectVote
  private readonly selectOpen
  private readonly selectAll
  private readonly closeVote
  private readonly selectMine
  private readonly countVoters
  private readonly selectTally
  private readonly castTx
  private readonly withdrawTx

  constructor(db: Db) {
    // DO NOTHING on the partial unique index: a second open vote of the board is simply not made.
    this.insertVote = db.prepare<[string, string, number, string | null, string]>(
      'INSERT INTO votes (id, board_id, per_participant, zone, open, created_at) VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT DO NOTHING',
    )
    this.selectVote = db.prepare<[string, string], VoteRow>(`SELECT ${COLUMNS} FROM votes WHERE board_id = ? AND id = ?`)
    this.selectOpen = db.prepare<[string], VoteRow>(`SELECT ${COLUMNS} FROM votes WHERE board_id = ? AND open = 1`)
    this.selectAll = db.prepare<[string], VoteRow>(`SELECT ${COLUMNS} FROM votes WHERE board_id = ? ORDER BY created_at, rowid`)
    this.closeVote = db.prepare<[string, string]>('UPDATE votes SET open = 0, closed_at = ? WHERE id = ? AND open = 1')
    this.selectMine = db.prepare<[string, string], { shape_id: string }>('SELECT shape_id FROM ballots WHERE vote_id = ? AND voter_hash = ? ORDER BY id')
    this.countVoters = db.prepare<[string], { n: number }>('SELECT count(DISTINCT voter_hash) AS n FROM ballots WHERE vote_id = ?')
    this.selectTally = db.prepare<[string], { shape_id: string; votes: number }>(
      'SELECT shape_id, count(*) AS votes FROM ballots WHERE vote_id = ? GROUP BY shape_id ORDER BY votes DESC, shape_id',
    )
    const voteState = db.prepare<[string], { open: number; per_participant: number }>('SELECT open, per_participant FROM votes WHERE id = ?')
    const castCount = db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM ballots WHERE vote_id = ? AND voter_hash = ?')
    const insertBallot = db.prepare<[string, string, string]>('INSERT INTO ballots (vote_id, voter_hash, shape_id) VALUES (?, ?, ?)')
    const deleteLatest = db.prepare<[string, string, string]>(
      'DELETE FROM ballots WHERE id = (SELECT max(id) FROM ballots WHERE vote_id = ? AND voter_hash = ? AND shape_id = ?)',
    )
    this.castTx = db.transaction((voteId: string, voterHash: string, shapeId: string): BallotOutcome => {
      const vote = voteState.get(voteId)
      if (!vote || vote.open !== 1) return 'closed'
      if ((castCount.get(voteId, voterHash)?.n ?? 0) >= vote.per_participant) return 'spent'
      insertBallot.run(voteId, voterHash, shapeId)
      return 'done'
    })
    this.withdrawTx = db.transaction((voteId: string, voterHash: string, shapeId: string): BallotOutcome => {
      const vote = voteState.get(voteId)
      if (!vote || vote.open !== 1) return 'closed'
      return deleteLatest.run(voteId, voterHash, shapeId).changes > 0 ? 'done' : 'none'
    })
  }

  async open(boardId: string, input: { perParticipant: number; zone: string | null }): Promise<VoteInfo | null> {
    const info: VoteInfo = { id: newId(), boardId, perParticipant: input.perParticipant, zone: input.zone, open: true, createdAt: new Date().toISOString(), closedAt: null }
    const { changes } = this.insertVote.run(info.id, boardId, info.perParticipant, info.zone, info.createdAt)
    return changes > 0 ? info : null
  }

  async get(boardId: string, voteId: string): Promise<VoteInfo | null> {
    const row = this.selectVote.get(boardId, voteId)
    return row ? toInfo(row) : null
  }

  async current(boardId: string): Promise<VoteInfo | null> {
    const row = this.selectOpen.get(boardId)
    return row ? toInfo(row) : null
  }

  async list(boardId: string): Promise<VoteInfo[]> {
    return this.selectAll.all(boardId).map(toInfo)
  }

  /** An unknown vote counts as closed: nothing can be cast in it. */
  async cast(voteId: string, voterHash: string, shapeId: string): Promise<BallotOutcome> {
    return this.castTx.immediate(voteId, voterHash, shapeId)
  }

  async withdraw(voteId: string, voterHash: string, shapeId: string): Promise<BallotOutcome> {
    return this.withdrawTx.immediate(voteId, voterHash, shapeId)
  }

  async mine(voteId: string, voterHash: string): Promise<string[]> {
    return this.selectMine.all(voteId, voterHash).map((row) => row.shape_id)
  }

  async voters(voteId: string): Promise<number> {
    return this.countVoters.get(voteId)?.n ?? 0
  }

  async close(voteId: string): Promise<boolean> {
    return this.closeVote.run(new Date().toISOString(), voteId).changes > 0
  }

  async tally(voteId: string): Promise<VoteTally[]> {
    return this.selectTally.all(voteId).map((row) => ({ shapeId: row.shape_id, votes: row.votes }))
  }
}
