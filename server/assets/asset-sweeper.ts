/**
 * Collects unused images: one uploaded more than the grace period ago (time enough to be placed)
 * that neither the board's document (compacted state and update log) nor any of its snapshots
 * refers to is deleted. Boards forked from it (and their forks) count as the board's own: a fork
 * shows the images of the board it came from. Each stored blob is scanned once for asset URLs,
 * so a sweep is linear in the stored bytes of the board and its forks, whatever the number of images.
 */
import { ASSET_PATH } from '../../shared/protocol.ts'
import type { Db } from '../db/database.ts'
import { errorMessage, type Logger } from '../log.ts'
import type { AssetStore } from './asset-store.ts'

// Yjs keeps record values (JSON) as UTF-8 strings, whole: the URL appears verbatim in the bytes.
const ASSET_URL = new RegExp(`${ASSET_PATH.replace(/\//g, '\\/')}([A-Za-z0-9_-]{8,64})`, 'g')

/** Every asset id a blob mentions. */
export function assetIdsIn(blob: Uint8Array, into: Set<string> = new Set()): Set<string> {
  const text = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength).toString('latin1')
  for (const match of text.matchAll(ASSET_URL)) into.add(match[1]!)
  return into
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

export class AssetSweeper {
  private readonly blobs
  private readonly versionOf
  /** Per board: what it looked like when all its old images were last found in use. */
  private readonly allInUse = new Map<string, string>()
  private stopped = false

  constructor(
    db: Db,
    private readonly assets: AssetStore,
    private readonly options: { graceMs: number; beforeSweep: () => void; logger: Logger },
  ) {
    this.blobs = db.prepare<[string], { data: Buffer }>(
      `WITH RECURSIVE family(id) AS (SELECT ? UNION SELECT boards.id FROM boards JOIN family ON boards.forked_from_board = family.id)
       SELECT state AS data FROM board_state WHERE board_id IN family
       UNION ALL SELECT data FROM updates WHERE board_id IN family
       UNION ALL SELECT state AS data FROM snapshots WHERE board_id IN family`,
    )
    // Changes with every stored update, compaction and snapshot of the board or its forks.
    this.versionOf = db.prepare<[string], { version: string }>(
      `WITH RECURSIVE family(id) AS (SELECT ? UNION SELECT boards.id FROM boards JOIN family ON boards.forked_from_board = family.id)
       SELECT (SELECT count(*) FROM family) || '|' || coalesce((SELECT max(id) FROM updates WHERE board_id IN family), '') || '|' ||
              coalesce((SELECT max(updated_at) FROM board_state WHERE board_id IN family), '') || '|' ||
              (SELECT count(*) || ':' || coalesce(max(created_at), '') FROM snapshots WHERE board_id IN family) AS version`,
    )
  }

  /** One pass over every board with old images; resolves with how many were deleted. */
  async sweep(now = new Date()): Promise<number> {
    // Queued updates reach the update log first, so a just-placed image is seen.
    this.options.beforeSweep()
    let deleted = 0
    const candidatesByBoard = this.assets.uploadedBefore(new Date(now.getTime() - this.options.graceMs))
    for (const boardId of this.allInUse.keys()) if (!candidatesByBoard.has(boardId)) this.allInUse.delete(boardId)
    for (const [boardId, candidates] of candidatesByBoard) {
      if (this.stopped) break // the database may be closing
      // Unchanged since every one of these images was found in use: no need to read it all again.
      const version = `${this.versionOf.get(boardId)?.version}|${candidates.join(',')}`
      if (this.allInUse.get(boardId) === version) continue
      const referenced = new Set<string>()
      for (const row of this.blobs.iterate(boardId)) assetIdsIn(row.data, referenced)
      const unused = candidates.filter((id) => !referenced.has(id))
      if (unused.length > 0) this.assets.delete(unused)
      deleted += unused.length
      this.allInUse.set(boardId, `${this.versionOf.get(boardId)?.version}|${candidates.filter((id) => referenced.has(id)).join(',')}`)
      await nextTurn() // other boards' requests go first between boards
    }
    return deleted
  }

  /** Sweeps every `everyMs` until stopped; a failed sweep is logged and tried again next time. */
  start(everyMs: number): { stop(): void } {
    let running = false
    const timer = setInterval(() => {
      if (running) return
      running = true
      this.sweep()
        .then((deleted) => {
          if (deleted > 0) this.options.logger.info('unused images deleted', { count: deleted })
        })
        .catch((error: unknown) => this.options.logger.warn('image sweep failed', { error: errorMessage(error) }))
        .finally(() => {
          running = false
        })
    }, everyMs)
    timer.unref()
    return {
      stop: () => {
        this.stopped = true
        clearInterval(timer)
      },
    }
  }
}
