/**
 * How much room a board's snapshots take, against its quota: manual snapshots by count, all of
 * them by stored bytes. Automatic ones are pruned by retention and never refused.
 */
import type { Db } from '../db/database.ts'

export interface SnapshotLimits {
  maxManual: number
  maxBytes: number
}

export interface SnapshotUsage {
  manual: number
  bytes: number
}

export type QuotaRefusal = { kind: 'count'; limit: number } | { kind: 'bytes'; limit: number }

export class SnapshotQuota {
  private readonly select

  constructor(
    db: Db,
    readonly limits: SnapshotLimits,
  ) {
    // length() of a blob comes from its header: no snapshot is read to count it.
    this.select = db.prepare<[string], SnapshotUsage>(
      'SELECT coalesce(sum(auto = 0), 0) AS manual, coalesce(sum(length(state)), 0) AS bytes FROM snapshots WHERE board_id = ?',
    )
  }

  usage(boardId: string): SnapshotUsage {
    return this.select.get(boardId) ?? { manual: 0, bytes: 0 }
  }

  /** Why one more manual snapshot of `bytes` would not fit, or null when it does. */
  refusal(boardId: string, bytes: number): QuotaRefusal | null {
    const usage = this.usage(boardId)
    if (usage.manual + 1 > this.limits.maxManual) return { kind: 'count', limit: this.limits.maxManual }
    if (usage.bytes + bytes > this.limits.maxBytes) return { kind: 'bytes', limit: this.limits.maxBytes }
    return null
  }

  /** True when the board's snapshots already take more than the byte quota (for a warning). */
  overBytes(boardId: string): boolean {
    return this.usage(boardId).bytes > this.limits.maxBytes
  }
}
