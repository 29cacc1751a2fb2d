/** A stored board as the API shows it, the same from every storage engine. */
import type { BoardInfo } from '../../shared/api.ts'

/** A board row, its engine's types already converted. */
export interface BoardFields {
  id: string
  title: string
  template: string
  anonymous: boolean
  createdAt: string
  forkedFromBoard: string | null
  forkedFromSnapshot: string | null
  /** The origin's current title and the snapshot's label, while they exist. */
  originTitle?: string | null
  originSnapshotLabel?: string | null
}

export function boardInfo(board: BoardFields): BoardInfo {
  return {
    id: board.id,
    title: board.title,
    template: board.template,
    anonymous: board.anonymous,
    createdAt: board.createdAt,
    ...(board.forkedFromBoard && board.forkedFromSnapshot
      ? {
          forkedFrom: {
            boardId: board.forkedFromBoard,
            snapshotId: board.forkedFromSnapshot,
            ...(board.originTitle != null ? { title: board.originTitle } : {}),
            ...(board.originSnapshotLabel != null ? { snapshotLabel: board.originSnapshotLabel } : {}),
          },
        }
      : {}),
  }
}
