/** Participants' private drafts of boards in SQLite (their documents: UpdateLog over DRAFT_TABLES). */
import type { Db } from '../../db/database.ts'
import { draftDocumentId } from '../draft-ids.ts'
import type { DraftDocumentId, DraftInfo, DraftStore } from '../stores.ts'

export class SqliteDraftStore implements DraftStore {
  private readonly registerTx
  private readonly selectOne
  private readonly selectAll
  private readonly updateCards

  constructor(db: Db) {
    const countOf = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM drafts WHERE board_id = ?')
    const insert = db.prepare<[string, string, string]>('INSERT INTO drafts (id, board_id, created_at) VALUES (?, ?, ?)')
    this.selectOne = db.prepare<[string], { id: string }>('SELECT id FROM drafts WHERE id = ?')
    this.selectAll = db.prepare<[string], { id: DraftDocumentId; cards: number; created_at: string }>(
      'SELECT id, cards, created_at FROM drafts WHERE board_id = ? ORDER BY created_at, rowid',
    )
    this.updateCards = db.prepare<[number, string]>('UPDATE drafts SET cards = ? WHERE id = ?')
    // The count and the insert in one (immediate) transaction: no two registrations pass the cap together.
    this.registerTx = db.transaction((boardId: string, keyHash: string, maxDrafts: number): DraftDocumentId | null => {
      const id = draftDocumentId(boardId, keyHash)
      if (this.selectOne.get(id)) return id
      if ((countOf.get(boardId)?.n ?? 0) >= maxDrafts) return null
      insert.run(id, boardId, new Date().toISOString())
      return id
    })
  }

  async register(boardId: string, keyHash: string, maxDrafts: number): Promise<DraftDocumentId | null> {
    return this.registerTx.immediate(boardId, keyHash, maxDrafts)
  }

  async exists(id: DraftDocumentId): Promise<boolean> {
    return this.selectOne.get(id) !== undefined
  }

  async list(boardId: string): Promise<DraftInfo[]> {
    return this.selectAll.all(boardId).map((row) => ({ id: row.id, cards: row.cards, createdAt: row.created_at }))
  }

  async setCards(id: DraftDocumentId, cards: number): Promise<void> {
    this.updateCards.run(cards, id)
  }
}
