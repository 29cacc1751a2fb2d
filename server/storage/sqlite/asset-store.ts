/** Images pasted on boards, kept in SQLite next to the board they belong to. */
import type { ImageType } from '../../assets/image-type.ts'
import type { Db } from '../../db/database.ts'
import { newId } from '../../tokens.ts'
import type { AssetStore, StoredAsset } from '../stores.ts'

/** The board and every board forked from it, and their forks (a fork shows its origin's images). */
const FAMILY = 'WITH RECURSIVE family(id) AS (SELECT ? UNION SELECT boards.id FROM boards JOIN family ON boards.forked_from_board = family.id)'

export class SqliteAssetStore implements AssetStore {
  private readonly insert
  private readonly select
  private readonly bytesOfBoard
  private readonly olderThan
  private readonly deleteOne
  private readonly blobsOfFamily
  private readonly versionOfFamily

  constructor(private readonly db: Db) {
    this.insert = db.prepare('INSERT INTO assets (id, board_id, mime, data, created_at) VALUES (?, ?, ?, ?, ?)')
    this.select = db.prepare<[string], StoredAsset & { data: Buffer }>('SELECT id, mime, data FROM assets WHERE id = ?')
    // length() of a blob comes from its header: no image is read to add it up.
    this.bytesOfBoard = db.prepare<[string], { bytes: number }>('SELECT coalesce(sum(length(data)), 0) AS bytes FROM assets WHERE board_id = ?')
    this.olderThan = db.prepare<[string], { id: string; board_id: string }>('SELECT id, board_id FROM assets WHERE created_at < ? ORDER BY board_id, id')
    this.deleteOne = db.prepare('DELETE FROM assets WHERE id = ?')
    this.blobsOfFamily = db.prepare<[string], { data: Buffer }>(
      `${FAMILY}
       SELECT state AS data FROM board_state WHERE board_id IN family
       UNION ALL SELECT data FROM updates WHERE board_id IN family
       UNION ALL SELECT state AS data FROM snapshots WHERE board_id IN family`,
    )
    // Changes with every stored update, compaction and snapshot of the board or its forks.
    this.versionOfFamily = db.prepare<[string], { version: string }>(
      `${FAMILY}
       SELECT (SELECT count(*) FROM family) || '|' || coalesce((SELECT max(id) FROM updates WHERE board_id IN family), '') || '|' ||
              coalesce((SELECT max(updated_at) FROM board_state WHERE board_id IN family), '') || '|' ||
              (SELECT count(*) || ':' || coalesce(max(created_at), '') FROM snapshots WHERE board_id IN family) AS version`,
    )
  }

  async save(boardId: string, mime: ImageType, data: Uint8Array): Promise<string> {
    const id = newId()
    this.insert.run(id, boardId, mime, data, new Date().toISOString())
    return id
  }

  async get(id: string): Promise<StoredAsset | null> {
    return this.select.get(id) ?? null
  }

  /** What a board's images take on disk, in bytes. */
  async bytesFor(boardId: string): Promise<number> {
    return this.bytesOfBoard.get(boardId)?.bytes ?? 0
  }

  /** Images uploaded before `date`, by board: the candidates for collection. */
  async uploadedBefore(date: Date): Promise<Map<string, string[]>> {
    const byBoard = new Map<string, string[]>()
    for (const row of this.olderThan.iterate(date.toISOString())) {
      const ids = byBoard.get(row.board_id) ?? []
      ids.push(row.id)
      byBoard.set(row.board_id, ids)
    }
    return byBoard
  }

  async delete(ids: readonly string[]): Promise<void> {
    this.db.transaction(() => {
      for (const id of ids) this.deleteOne.run(id)
    })()
  }

  async familyVersion(boardId: string): Promise<string> {
    return this.versionOfFamily.get(boardId)?.version ?? ''
  }

  async forEachDocumentBlob(boardId: string, visit: (blob: Uint8Array) => void): Promise<void> {
    // One blob in memory at a time: a family may keep many snapshots of tens of MB.
    for (const row of this.blobsOfFamily.iterate(boardId)) visit(row.data)
  }
}
