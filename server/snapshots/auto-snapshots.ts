/**
 * Automatic snapshots of boards being edited: the policy (auto-snapshot-policy.ts) applied to a
 * room's editing session and the board's stored snapshots.
 */
import { snapshotOf } from '../document-records.ts'
import type { Logger } from '../log.ts'
import type { Room } from '../sync/room.ts'
import { decideAutoSnapshot, sessionLabel, type AutoSnapshotMoment, type LatestAuto } from './auto-snapshot-policy.ts'
import type { SnapshotQuota } from './snapshot-quota.ts'
import type { SnapshotStore } from './snapshot-store.ts'

export interface AutoSnapshots {
  /** When the board's newest snapshot of any kind was taken (ms), if ever. */
  latestAt(boardId: string): number | null
  /** Takes, replaces or skips an automatic snapshot of the room; true when one was stored. */
  consider(room: Room, moment: AutoSnapshotMoment, now: number): boolean
}

export function autoSnapshots(store: SnapshotStore, quota: SnapshotQuota, intervalMs: number, logger: Logger): AutoSnapshots {
  const latestAuto = (boardId: string): LatestAuto | null => {
    const info = store.latestAuto(boardId)
    if (!info) return null
    const createdAt = Date.parse(info.createdAt)
    return {
      id: info.id,
      createdAt,
      sessionStart: info.session ? Date.parse(info.session.startedAt) : createdAt,
      changes: info.session?.changes ?? 0,
    }
  }
  return {
    latestAt: (boardId) => store.latest(boardId)?.getTime() ?? null,
    consider(room, moment, now) {
      const session = room.session && { startedAt: room.session.startedAt, changes: room.session.changes }
      const decision = decideAutoSnapshot({
        moment,
        session,
        latestAuto: latestAuto(room.boardId),
        latestAnyAt: store.latest(room.boardId)?.getTime() ?? null,
        now,
        intervalMs,
      })
      if (decision.kind === 'none') return false
      store.captureAuto(room.boardId, {
        ...snapshotOf(room.doc),
        label: sessionLabel(decision.sessionStart, now, decision.changes),
        sessionStart: new Date(decision.sessionStart),
        changes: decision.changes,
        ...(decision.kind === 'replace' ? { replaces: decision.replaces } : {}),
      })
      // Automatic snapshots are never refused (retention prunes them), but an operator should know.
      if (quota.overBytes(room.boardId)) logger.warn('board snapshots exceed MAX_SNAPSHOT_BYTES_PER_BOARD', { board: room.boardId })
      return true
    },
  }
}
