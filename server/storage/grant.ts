/**
 * What a token grants on a board, decided the same way by every storage engine: each stored
 * hash is compared in constant time (no early exit that would time which role matched), and an
 * expired link grants nothing.
 */
import type { BoardInfo } from '../../shared/api.ts'
import type { Role } from '../../shared/roles.ts'
import { tokenMatches } from '../tokens.ts'
import type { Access } from './stores.ts'

export interface StoredToken {
  role: Role
  hash: Uint8Array
  expiresAt: string | null
}

export function grant(board: BoardInfo | null, tokens: readonly StoredToken[], token: string | null, now: Date): Access {
  if (!board) return { kind: 'no-board' }
  if (!token) return { kind: 'denied' }
  let granted: { role: Role; expiresAt: string | null } | null = null
  for (const stored of tokens) if (tokenMatches(token, stored.hash)) granted = { role: stored.role, expiresAt: stored.expiresAt }
  if (!granted) return { kind: 'denied' }
  if (granted.expiresAt !== null && Date.parse(granted.expiresAt) <= now.getTime()) return { kind: 'expired' }
  return { kind: 'granted', board, ...granted }
}
