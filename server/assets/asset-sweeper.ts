/**
 * Collects unused images: one uploaded more than the grace period ago (time enough to be placed)
 * that neither the board's document (compacted state and update log) nor any of its snapshots
 * refers to is deleted. Boards forked from it (and their forks) count as the board's own: a fork
 * shows the images of the board it came from. Each stored blob is scanned once for asset URLs,
 * so a sweep is linear in the stored bytes of the board and its forks, whatever the number of images.
 */
import { ASSET_PATH } from '../../shared/protocol.ts'
import { errorMessage, type Logger } from '../log.ts'
import type { AssetStore } from '../storage/stores.ts'

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
  /** Per board: what it looked like when all its old images were last found in use. */
  private readonly allInUse = new Map<string, string>()
  private stopped = false

  constructor(
    private readonly assets: AssetStore,
    private readonly options: { graceMs: number; beforeSweep: () => void | Promise<void>; logger: Logger },
  ) {}

  /** One pass over every board with old images; resolves with how many were deleted. */
  async sweep(now = new Date()): Promise<number> {
    // Queued updates reach the update log first, so a just-placed image is seen.
    await this.options.beforeSweep()
    let deleted = 0
    const candidatesByBoard = await this.assets.uploadedBefore(new Date(now.getTime() - this.options.graceMs))
    for (const boardId of this.allInUse.keys()) if (!candidatesByBoard.has(boardId)) this.allInUse.delete(boardId)
    for (const [boardId, candidates] of candidatesByBoard) {
      if (this.stopped) break // the database may be closing
      // Unchanged since every one of these images was found in use: no need to read it all again.
      const version = `${await this.assets.familyVersion(boardId)}|${candidates.join(',')}`
      if (this.allInUse.get(boardId) === version) continue
      const referenced = new Set<string>()
      await this.assets.forEachDocumentBlob(boardId, (blob) => assetIdsIn(blob, referenced))
      const unused = candidates.filter((id) => !referenced.has(id))
      if (unused.length > 0) await this.assets.delete(unused)
      deleted += unused.length
      const usedNow = candidates.filter((id) => referenced.has(id)).join(',')
      this.allInUse.set(boardId, `${await this.assets.familyVersion(boardId)}|${usedNow}`)
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
