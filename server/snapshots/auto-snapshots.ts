/**
 * Automatic snapshots of boards being edited: the policy (auto-snapshot-policy.ts) applied to a
 * room's editing session and the board's stored snapshots.
 */
import { snapshotOf } from '../document-records.ts'
import type { Logger } from '../log.ts'
import type { Room } from '../sync/room.ts'
import { decideAutoSnapshot, sessionLabel, type AutoSnapshotMoment, type LatestAuto } from './auto-snapshot-policy.ts'
import type { SnapshotStore } from '../storage/stores.ts'
import type { SnapshotQuota } from './snapshot-quota.ts'

export interface AutoSnapshots {
  /** When the board's newest snapshot of any kind was taken (ms), if ever. */
  latestAt(boardId: string): Promise<number | null>
  /** Takes, replaces or skips an automatic snapshot of the room; true when one was stored. */
  consider(room: Room, moment: AutoSnapshotMoment, now: number): Promise<boolean>
}

export function autoSnapshots(store: SnapshotStore, quota: SnapshotQuota, intervalMs: number, logger: Logger): AutoSnapshots {
  const latestAuto = async (boardId: string): Promise<LatestAuto | null> => {
    const info = await store.latestAuto(boardId)
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
    latestAt: async (boardId) => (await store.latest(boardId))?.getTime() ?? null,
    async consider(room, moment, now) {
      // The session and the document as they are when asked: the room goes on (or is unloaded)
      // while the store answers. RoomManager asks during a session only once the interval passed.
      const session = room.session && { startedAt: room.session.startedAt, changes: room.session.changes }
      if (session === null || session.changes === 0) return false
      const snapshot = snapshotOf(room.doc)
      const [latest, latestAny] = await Promise.all([latestAuto(room.boardId), store.latest(room.boardId)])
      const decision = decideAutoSnapshot({ moment, session, latestAuto: latest, latestAnyAt: latestAny?.getTime() ?? null, now, intervalMs })
      if (decision.kind === 'none') return false
      await store.captureAuto(room.boardId, {
        ...snapshot,
        label: sessionLabel(decision.sessionStart, now, decision.changes),
        sessionStart: new Date(decision.sessionStart),
        changes: decision.changes,
        ...(decision.kind === 'replace' ? { replaces: decision.replaces } : {}),
      })
      // Automatic snapshots are never refused (retention prunes them), but an operator should know.
      if (await quota.overBytes(room.boardId)) logger.warn('board snapshots exceed MAX_SNAPSHOT_BYTES_PER_BOARD', { board: room.boardId })
      return true
    },
  }
}
