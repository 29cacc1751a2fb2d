/**
 * The participant's draft key for a board: their private identity for drafts and ballots. Made by
 * the browser (32 random bytes, base64url), kept in localStorage under `dialoogbord:draft:<boardId>`
 * so every tab of this browser shares it, and never shown to anyone: it travels only in the draft
 * socket's path and in ballot bodies.
 */
import { DRAFT_KEY_PATTERN } from '../../shared/api.ts'
import { readStored, writeStored } from '../storage/local.ts'

const storageKey = (boardId: string) => `dialoogbord:draft:${boardId}`

/** Where storage is unavailable (private mode, full): one key per board for this page's life. */
const fallback = new Map<string, string>()

/** 32 random bytes as base64url without padding (43 characters). */
export function newDraftKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

const asDraftKey = (value: unknown): string | null => (typeof value === 'string' && DRAFT_KEY_PATTERN.test(value) ? value : null)

/** This browser's draft key for the board, made and stored the first time it is asked for. */
export function draftKeyFor(boardId: string): string {
  const stored = readStored(storageKey(boardId), asDraftKey) ?? fallback.get(boardId)
  if (stored) return stored
  const key = newDraftKey()
  writeStored(storageKey(boardId), key)
  // Read back: another tab may have written its key at the same moment; then all use that one.
  const kept = readStored(storageKey(boardId), asDraftKey) ?? key
  if (kept === key) fallback.set(boardId, key)
  return kept
}
