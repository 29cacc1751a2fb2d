/** Participants' private drafts of boards in PostgreSQL (their documents: PgDocumentStore over PG_DRAFT_TABLES). */
import { draftDocumentId } from '../draft-ids.ts'
import type { DraftDocumentId, DraftInfo, DraftStore } from '../stores.ts'
import { transaction, type PgPool } from './database.ts'

export class PgDraftStore implements DraftStore {
  constructor(private readonly pool: PgPool) {}

  async register(boardId: string, keyHash: string, maxDrafts: number): Promise<DraftDocumentId | null> {
    const id = draftDocumentId(boardId, keyHash)
    // A known draft (every reconnect) needs no lock.
    if (await this.exists(id)) return id
    return transaction(this.pool, async (client) => {
      // Registrations of one board take turns (whichever process they come through), so two never
      // both pass the cap. An advisory lock rather than the board row's: appends to the board
      // update that row and need not wait for this.
      await client.query("SELECT pg_advisory_xact_lock(hashtext('drafts:' || $1))", [boardId])
      const { rows } = await client.query<{ known: boolean; n: string }>(
        'SELECT EXISTS (SELECT 1 FROM drafts WHERE id = $1) AS known, (SELECT count(*) FROM drafts WHERE board_id = $2) AS n',
        [id, boardId],
      )
      if (rows[0]?.known) return id
      if (Number(rows[0]?.n ?? 0) >= maxDrafts) return null
      await client.query('INSERT INTO drafts (id, board_id, created_at) VALUES ($1, $2, now())', [id, boardId])
      return id
    })
  }

  async exists(id: DraftDocumentId): Promise<boolean> {
    const { rowCount } = await this.pool.query('SELECT 1 FROM drafts WHERE id = $1', [id])
    return (rowCount ?? 0) > 0
  }

  async list(boardId: string): Promise<DraftInfo[]> {
    const { rows } = await this.pool.query<{ id: DraftDocumentId; cards: number; created_at: Date }>(
      'SELECT id, cards, created_at FROM drafts WHERE board_id = $1 ORDER BY created_at, ordinal',
      [boardId],
    )
    return rows.map((row) => ({ id: row.id, cards: row.cards, createdAt: row.created_at.toISOString() }))
  }

  async setCards(id: DraftDocumentId, cards: number): Promise<void> {
    await this.pool.query('UPDATE drafts SET cards = $1 WHERE id = $2', [cards, id])
  }
}
