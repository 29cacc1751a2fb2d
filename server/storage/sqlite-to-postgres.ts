/**
 * Moves an embedded SQLite installation (DATA_DIR) into an empty PostgreSQL database
 * (DATABASE_URL): every board with its tokens, document, snapshots, images, participants' drafts
 * (with their documents) and dot votes (with their ballots), and the saved templates. One
 * transaction per board, one blob in memory at a time (plus a board's or draft's small log
 * updates), so boards of any size and number move with bounded memory; the SQLite file is only
 * read. Each board's and draft's log is numbered 1…n in PostgreSQL (SQLite numbers updates
 * across boards).
 *
 *   DATA_DIR=./data DATABASE_URL=postgres://… npm run migrate:sqlite-to-postgres
 */
import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { DB_FILE } from '../db/database.ts'
import { openPostgres, transaction, type PgPool } from './postgres/database.ts'
import type { TemplateRow } from './sqlite/template-store.ts'

export interface MigrationReport {
  boards: number
  updates: number
  snapshots: number
  assets: number
  templates: number
  drafts: number
  /** Logged updates of drafts (besides their states). */
  draftUpdates: number
  votes: number
  ballots: number
}

type Sqlite = Database.Database

/** SQLite keeps times as ISO text; PostgreSQL parses that into timestamptz as it is. */
const flag = (value: number): boolean => value === 1

export async function migrateSqliteToPostgres(dataDir: string, databaseUrl: string, log: (line: string) => void = () => {}): Promise<MigrationReport> {
  const file = path.join(dataDir, DB_FILE)
  if (!existsSync(file)) throw new Error(`no SQLite database at ${file}`)
  // Read only, and migrated as it is: an older file is first opened once by the server (npm start) to bring it up to date.
  const sqlite = new Database(file, { readonly: true, fileMustExist: true })
  const pool = await openPostgres(databaseUrl, { max: 2 })
  try {
    const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM boards')
    if (Number(rows[0]?.n) > 0) throw new Error('the PostgreSQL database already holds boards: migrate into an empty one')
    const version = sqlite.pragma('user_version', { simple: true }) as number
    if (version < 8) throw new Error(`the SQLite database is at schema ${version}: start this version of the server on it once first`)
    const report: MigrationReport = { boards: 0, updates: 0, snapshots: 0, assets: 0, templates: 0, drafts: 0, draftUpdates: 0, votes: 0, ballots: 0 }
    const boardIds = sqlite.prepare<[], { id: string }>('SELECT id FROM boards ORDER BY created_at').all()
    const reads = boardReads(sqlite)
    for (const { id } of boardIds) {
      await moveBoard(reads, pool, id, report)
      report.boards++
      if (report.boards % 100 === 0) log(`${report.boards} of ${boardIds.length} boards moved`)
    }
    // Templates saved before boards owned them, and kept ones whose board is gone.
    for (const template of sqlite.prepare<[], TemplateRow>(`SELECT ${TEMPLATE_COLUMNS} FROM custom_templates WHERE source_board IS NULL ORDER BY created_at, rowid`).all()) {
      await insertTemplate(pool, template)
      report.templates++
    }
    log(
      `moved ${report.boards} boards, ${report.updates} logged updates, ${report.snapshots} snapshots, ${report.assets} images, ${report.templates} saved templates, ` +
        `${report.drafts} drafts (${report.draftUpdates} logged updates), ${report.votes} votes (${report.ballots} ballots)`,
    )
    return report
  } finally {
    sqlite.close()
    await pool.end()
  }
}

const TEMPLATE_COLUMNS = 'id, title, description, created_at, schema, records, source_board, keep'

async function insertTemplate(client: Pick<PgPool, 'query'>, row: TemplateRow): Promise<void> {
  await client.query(
    'INSERT INTO custom_templates (id, title, description, created_at, schema, records, source_board, keep) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [row.id, row.title, row.description, row.created_at, row.schema, row.records, row.source_board, flag(row.keep)],
  )
}

/** The SQLite reads of one board, prepared once for every board. */
function boardReads(sqlite: Sqlite) {
  return {
    board: sqlite.prepare<[string], { id: string; title: string; template: string; anonymous: number; created_at: string; updated_at: string; last_activity: string | null; forked_from_board: string | null; forked_from_snapshot: string | null }>(
      'SELECT id, title, template, anonymous, created_at, updated_at, last_activity, forked_from_board, forked_from_snapshot FROM boards WHERE id = ?',
    ),
    tokens: sqlite.prepare<[string], { role: string; token_hash: Buffer; created_at: string; expires_at: string | null }>('SELECT role, token_hash, created_at, expires_at FROM board_tokens WHERE board_id = ?'),
    state: sqlite.prepare<[string], { state: Buffer; updated_at: string }>('SELECT state, updated_at FROM board_state WHERE board_id = ?'),
    updates: sqlite.prepare<[string], { data: Buffer }>('SELECT data FROM updates WHERE board_id = ? ORDER BY id'),
    snapshotIds: sqlite.prepare<[string], { id: string }>('SELECT id FROM snapshots WHERE board_id = ? ORDER BY created_at, rowid'),
    snapshot: sqlite.prepare<[string], { id: string; label: string; created_at: string; auto: number; state: Buffer; schema: string; session_start: string | null; changes: number | null }>(
      'SELECT id, label, created_at, auto, state, schema, session_start, changes FROM snapshots WHERE id = ?',
    ),
    assetIds: sqlite.prepare<[string], { id: string }>('SELECT id FROM assets WHERE board_id = ? ORDER BY created_at'),
    asset: sqlite.prepare<[string], { id: string; mime: string; data: Buffer; created_at: string }>('SELECT id, mime, data, created_at FROM assets WHERE id = ?'),
    templates: sqlite.prepare<[string], TemplateRow>(`SELECT ${TEMPLATE_COLUMNS} FROM custom_templates WHERE source_board = ? ORDER BY created_at, rowid`),
    drafts: sqlite.prepare<[string], { id: string; cards: number; created_at: string }>('SELECT id, cards, created_at FROM drafts WHERE board_id = ? ORDER BY created_at, rowid'),
    draftState: sqlite.prepare<[string], { state: Buffer; updated_at: string }>('SELECT state, updated_at FROM draft_state WHERE draft_id = ?'),
    draftUpdates: sqlite.prepare<[string], { data: Buffer }>('SELECT data FROM draft_updates WHERE draft_id = ? ORDER BY id'),
    votes: sqlite.prepare<[string], { id: string; per_participant: number; zone: string | null; open: number; created_at: string; closed_at: string | null }>(
      'SELECT id, per_participant, zone, open, created_at, closed_at FROM votes WHERE board_id = ? ORDER BY created_at, rowid',
    ),
    ballots: sqlite.prepare<[string], { voter_hash: string; shape_id: string }>('SELECT voter_hash, shape_id FROM ballots WHERE vote_id = ? ORDER BY id'),
  }
}

async function moveBoard(reads: ReturnType<typeof boardReads>, pool: PgPool, boardId: string, report: MigrationReport): Promise<void> {
  const board = reads.board.get(boardId)!
  const tokens = reads.tokens.all(boardId)
  const state = reads.state.get(boardId)
  const updates = reads.updates.all(boardId)
  const snapshotIds = reads.snapshotIds.all(boardId)
  const snapshotOf = reads.snapshot
  const assetIds = reads.assetIds.all(boardId)
  const assetOf = reads.asset
  const templates = reads.templates.all(boardId)

  await transaction(pool, async (client) => {
    await client.query(
      `INSERT INTO boards (id, title, template, anonymous, created_at, updated_at, last_activity, forked_from_board, forked_from_snapshot, update_seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [board.id, board.title, board.template, flag(board.anonymous), board.created_at, board.updated_at, board.last_activity, board.forked_from_board, board.forked_from_snapshot, updates.length],
    )
    for (const token of tokens) {
      await client.query('INSERT INTO board_tokens (board_id, role, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [boardId, token.role, token.token_hash, token.created_at, token.expires_at])
    }
    if (state) await client.query('INSERT INTO board_state (board_id, state, state_seq, updated_at) VALUES ($1, $2, 0, $3)', [boardId, state.state, state.updated_at])
    for (const [index, update] of updates.entries()) {
      await client.query('INSERT INTO updates (board_id, seq, data) VALUES ($1, $2, $3)', [boardId, index + 1, update.data])
    }
    for (const { id } of snapshotIds) {
      const snapshot = snapshotOf.get(id)!
      await client.query(
        'INSERT INTO snapshots (id, board_id, label, created_at, auto, state, schema, session_start, changes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
        [snapshot.id, boardId, snapshot.label, snapshot.created_at, flag(snapshot.auto), snapshot.state, snapshot.schema, snapshot.session_start, snapshot.changes],
      )
    }
    for (const { id } of assetIds) {
      const asset = assetOf.get(id)!
      await client.query('INSERT INTO assets (id, board_id, mime, data, created_at) VALUES ($1, $2, $3, $4, $5)', [asset.id, boardId, asset.mime, asset.data, asset.created_at])
    }
    for (const template of templates) await insertTemplate(client, template)
    for (const draft of reads.drafts.all(boardId)) {
      const draftUpdates = reads.draftUpdates.all(draft.id)
      await client.query('INSERT INTO drafts (id, board_id, cards, created_at, update_seq) VALUES ($1, $2, $3, $4, $5)', [draft.id, boardId, draft.cards, draft.created_at, draftUpdates.length])
      const draftState = reads.draftState.get(draft.id)
      if (draftState) await client.query('INSERT INTO draft_state (draft_id, state, state_seq, updated_at) VALUES ($1, $2, 0, $3)', [draft.id, draftState.state, draftState.updated_at])
      for (const [index, update] of draftUpdates.entries()) {
        await client.query('INSERT INTO draft_updates (draft_id, seq, data) VALUES ($1, $2, $3)', [draft.id, index + 1, update.data])
      }
      report.drafts++
      report.draftUpdates += draftUpdates.length
    }
    for (const vote of reads.votes.all(boardId)) {
      await client.query('INSERT INTO votes (id, board_id, per_participant, zone, open, created_at, closed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        vote.id,
        boardId,
        vote.per_participant,
        vote.zone,
        flag(vote.open),
        vote.created_at,
        vote.closed_at,
      ])
      // In the order cast: a withdrawal takes back the latest.
      const ballots = reads.ballots.all(vote.id)
      for (const ballot of ballots) await client.query('INSERT INTO ballots (vote_id, voter_hash, shape_id) VALUES ($1, $2, $3)', [vote.id, ballot.voter_hash, ballot.shape_id])
      report.votes++
      report.ballots += ballots.length
    }
  })
  report.updates += updates.length
  report.snapshots += snapshotIds.length
  report.assets += assetIds.length
  report.templates += templates.length
}
