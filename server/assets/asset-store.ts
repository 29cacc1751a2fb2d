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

  constructor(db: Db) {
    this.insert = db.prepare('INSERT INTO assets (id, board_id, mime, data, created_at) VALUES (?, ?, ?, ?, ?)')
    this.select = db.prepare<[string], StoredAsset>('SELECT id, mime, data FROM assets WHERE id = ?')
  }

  save(boardId: string, mime: ImageType, data: Uint8Array): string {
    const id = newId()
    this.insert.run(id, boardId, mime, data, new Date().toISOString())
    return id
  }

  get(id: string): StoredAsset | null {
    return this.select.get(id) ?? null
  }
}
