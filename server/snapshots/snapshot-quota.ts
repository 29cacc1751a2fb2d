/**
 * How much room a board's snapshots take, against its quota: manual snapshots by count, all of
 * them by stored bytes. Automatic ones are pruned by retention and never refused.
 */
import type { SnapshotStore } from '../storage/stores.ts'

export interface SnapshotLimits {
  maxManual: number
  maxBytes: number
}

export type QuotaRefusal = { kind: 'count'; limit: number } | { kind: 'bytes'; limit: number }

export class SnapshotQuota {
  constructor(
    private readonly store: Pick<SnapshotStore, 'usage'>,
    readonly limits: SnapshotLimits,
  ) {}

  /** Why one more manual snapshot of `bytes` would not fit, or null when it does. */
  async refusal(boardId: string, bytes: number): Promise<QuotaRefusal | null> {
    const usage = await this.store.usage(boardId)
    if (usage.manual + 1 > this.limits.maxManual) return { kind: 'count', limit: this.limits.maxManual }
    if (usage.bytes + bytes > this.limits.maxBytes) return { kind: 'bytes', limit: this.limits.maxBytes }
    return null
  }

  /** True when the board's snapshots already take more than the byte quota (for a warning). */
  async overBytes(boardId: string): Promise<boolean> {
    return (await this.store.usage(boardId)).bytes > this.limits.maxBytes
  }
}
