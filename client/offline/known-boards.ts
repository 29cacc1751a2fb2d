/**
 * The last answer the server gave about a board, per board and link, so a board opened before can
 * be opened again without a network (the canvas then comes from the IndexedDB copy). The token is
 * not stored here, only its SHA-256: the answer is handed back only to the same link.
 */
import { z } from 'zod'
import type { BoardForRole } from '../../shared/api.ts'
import { ROLES } from '../../shared/roles.ts'
import { readStored, writeStored } from '../storage/local.ts'

const keyOf = (boardId: string) => `dialoogbord:board-info:${boardId}`

const known = z.object({
  tokenHash: z.string(),
  board: z.object({
    id: z.string().min(1),
    title: z.string(),
    template: z.string(),
    anonymous: z.boolean(),
    createdAt: z.string(),
    forkedFrom: z.object({ boardId: z.string(), snapshotId: z.string() }).optional(),
    role: z.enum(ROLES),
  }),
})

async function hashOf(token: string): Promise<string | null> {
  // crypto.subtle exists only in secure contexts (https, localhost): elsewhere nothing is kept.
  if (!globalThis.crypto?.subtle) return null
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token))
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}

export async function rememberBoardInfo(board: BoardForRole, token: string): Promise<void> {
  const tokenHash = await hashOf(token)
  if (tokenHash) writeStored(keyOf(board.id), { tokenHash, board } satisfies z.infer<typeof known>)
}

/** What the server last said about this board to this link, if this device was told. */
export async function knownBoardInfo(boardId: string, token: string): Promise<BoardForRole | null> {
  const stored = readStored(keyOf(boardId), (value) => {
    const parsed = known.safeParse(value)
    return parsed.success ? parsed.data : null
  })
  if (!stored || stored.board.id !== boardId) return null
  return stored.tokenHash === (await hashOf(token)) ? stored.board : null
}
