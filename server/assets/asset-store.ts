/** Images pasted on boards, kept in SQLite next to the board they belong to. */
import type { Db } from '../db/database.ts'
import { newId } from '../tokens.ts'
import type { ImageType } from './image-type.ts'

export interface StoredAsset {
  id: string
  mime: ImageType
  data: Buffer
}

export class AssetStore {
  private readonly insert
  private readonly select
  private readonly bytesOfBoard
  private readonly olderThan
  private readonly deleteOne

  constructor(private readonly db: Db) {
    this.insert = db.prepare('INSERT INTO assets (id, board_id, mime, data, created_at) VALUES (?, ?, ?, ?, ?)')
    this.select = db.prepare<[string], StoredAsset>('SELECT id, mime, data FROM assets WHERE id = ?')
    // length() of a blob comes from its header: no image is read to add it up.
    this.bytesOfBoard = db.prepare<[string], { bytes: number }>('SELECT coalesce(sum(length(data)), 0) AS bytes FROM assets WHERE board_id = ?')
    this.olderThan = db.prepare<[string], { id: string; board_id: string }>('SELECT id, board_id FROM assets WHERE created_at < ? ORDER BY board_id, id')
    this.deleteOne = db.prepare('DELETE FROM assets WHERE id = ?')
  }

  save(boardId: string, mime: ImageType, data: Uint8Array): string {
    const id = newId()
    this.insert.run(id, boardId, mime, data, new Date().toISOString())
    return id
  }

  get(id: string): StoredAsset | null {
    return this.select.get(id) ?? null
  }

  /** What a board's images take on disk, in bytes. */
  bytesFor(boardId: string): number {
    return this.bytesOfBoard.get(boardId)?.bytes ?? 0
  }

  /** Images uploaded before `date`, by board: the candidates for collection. */
  uploadedBefore(date: Date): Map<string, string[]> {
    const byBoard = new Map<string, string[]>()
    for (const row of this.olderThan.iterate(date.toISOString())) {
      const ids = byBoard.get(row.board_id) ?? []
      ids.push(row.id)
      byBoard.set(row.board_id, ids)
    }
    return byBoard
  }

  delete(ids: readonly string[]): void {
    this.db.transaction(() => {
      for (const id of ids) this.deleteOne.run(id)
    })()
  }
}
