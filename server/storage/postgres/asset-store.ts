/** Images pasted on boards, in PostgreSQL next to the board they belong to. */
import type { ImageType } from '../../assets/image-type.ts'
import { newId } from '../../tokens.ts'
import type { AssetStore, StoredAsset } from '../stores.ts'
import type { PgPool } from './database.ts'

export class PgAssetStore implements AssetStore {
  constructor(private readonly pool: PgPool) {}

  async save(boardId: string, mime: ImageType, data: Uint8Array): Promise<string> {
    const id = newId()
    await this.pool.query('INSERT INTO assets (id, board_id, mime, data, created_at) VALUES ($1, $2, $3, $4, now())', [id, boardId, mime, data])
    return id
  }

  async get(id: string): Promise<StoredAsset | null> {
    const { rows } = await this.pool.query<{ id: string; mime: ImageType; data: Buffer }>('SELECT id, mime, data FROM assets WHERE id = $1', [id])
    return rows[0] ?? null
  }

  async bytesFor(boardId: string): Promise<number> {
    const { rows } = await this.pool.query<{ bytes: string }>('SELECT coalesce(sum(octet_length(data)), 0) AS bytes FROM assets WHERE board_id = $1', [boardId])
    return Number(rows[0]?.bytes ?? 0)
  }

  async uploadedBefore(date: Date): Promise<Map<string, string[]>> {
    const { rows } = await this.pool.query<{ id: string; board_id: string }>('SELECT id, board_id FROM assets WHERE created_at < $1 ORDER BY board_id, id', [date])
    const byBoard = new Map<string, string[]>()
    for (const row of rows) {
      const ids = byBoard.get(row.board_id) ?? []
      ids.push(row.id)
      byBoard.set(row.board_id, ids)
    }
    return byBoard
  }

  async delete(ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.pool.query('DELETE FROM assets WHERE id = ANY($1::text[])', [[...ids]])
  }

  async familyVersion(boardId: string): Promise<string> {
    const { rows } = await this.pool.query<{ version: string }>(
      `WITH RECURSIVE family(id) AS (SELECT $1::text UNION SELECT boards.id FROM boards JOIN family ON boards.forked_from_board = family.id)
       SELECT concat_ws('|', (SELECT count(*) FROM family),
              (SELECT sum(update_seq) FROM boards WHERE id IN (SELECT id FROM family)),
              (SELECT max(updated_at) FROM board_state WHERE board_id IN (SELECT id FROM family)),
              (SELECT count(*) || ':' || coalesce(max(created_at)::text, '') FROM snapshots WHERE board_id IN (SELECT id FROM family))) AS version`,
      [boardId],
    )
    return rows[0]?.version ?? ''
  }

  async forEachDocumentBlob(boardId: string, visit: (blob: Uint8Array) => void): Promise<void> {
    const { rows: family } = await this.pool.query<{ id: string }>(
      'WITH RECURSIVE family(id) AS (SELECT $1::text UNION SELECT boards.id FROM boards JOIN family ON boards.forked_from_board = family.id) SELECT id FROM family',
      [boardId],
    )
    for (const { id } of family) {
      const { rows: states } = await this.pool.query<{ data: Buffer }>('SELECT state AS data FROM board_state WHERE board_id = $1', [id])
      for (const row of states) visit(row.data)
      const { rows: updates } = await this.pool.query<{ data: Buffer }>('SELECT data FROM updates WHERE board_id = $1 ORDER BY seq', [id])
      for (const row of updates) visit(row.data)
      // One snapshot at a time: a family may keep many of tens of MB.
      const { rows: snapshots } = await this.pool.query<{ id: string }>('SELECT id FROM snapshots WHERE board_id = $1', [id])
      for (const snapshot of snapshots) {
        const { rows } = await this.pool.query<{ data: Buffer }>('SELECT state AS data FROM snapshots WHERE id = $1', [snapshot.id])
        if (rows[0]) visit(rows[0].data)
      }
    }
  }
}
