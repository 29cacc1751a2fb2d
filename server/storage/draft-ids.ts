/**
 * Draft document ids (`<boardId>:<keyHash>`, stores.ts DraftDocumentId) and the hash a draft key
 * is known by. Board ids are base64url and never hold a ':', so the id alone says which kind of
 * document it names; the server keeps only the hash, never the key a browser made.
 */
import { createHash } from 'node:crypto'
import type { DraftDocumentId } from './stores.ts'

export function isDraftDocument(id: string): id is DraftDocumentId {
  return id.includes(':')
}

export function draftDocumentId(boardId: string, keyHash: string): DraftDocumentId {
  return `${boardId}:${keyHash}`
}

/** The board a document belongs to: itself for a board, the draft's board for a draft. */
export function boardOfDocument(id: string): string {
  const colon = id.indexOf(':')
  return colon === -1 ? id : id.slice(0, colon)
}

/**
 * What a draft key is stored as: bound to its board, so one browser's drafts (and ballots) on two
 * boards cannot be linked by their hashes.
 */
export function draftKeyHash(boardId: string, draftKey: string): string {
  return createHash('sha256').update(`${boardId}:${draftKey}`).digest('base64url')
}
