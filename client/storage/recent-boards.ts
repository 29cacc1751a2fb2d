/**
 * What this device remembers about boards: the ones opened before (with the token that opened
 * them) and, for boards created here, all three links, which the server shows only once.
 */
import { z } from 'zod'
import type { CreatedBoard } from '../../shared/api.ts'
import { hasRole, ROLES, type Role } from '../../shared/roles.ts'
import { readStored, removeStored, writeStored } from './local.ts'

const RECENT_KEY = 'dialoogbord:recent-boards'
const LINKS_KEY_PREFIX = 'dialoogbord:board-links:'
/** Same name as the IndexedDB database of the board's offline copy (see sync/connection.ts). */
export const offlineCopyName = (boardId: string) => `dialoogbord-${boardId}`
/** The IndexedDB database of my draft of the board (drafts/): forgotten with the board. */
export const draftOfflineCopyName = (boardId: string) => `${offlineCopyName(boardId)}:draft`

const role = z.enum(ROLES)

const recentBoard = z.object({
  id: z.string().min(1),
  title: z.string(),
  role,
  token: z.string().min(1),
  /** Last known anonymity setting, for opening the board offline. */
  anonymous: z.boolean().optional(),
  lastOpened: z.string(),
})
export type RecentBoard = z.infer<typeof recentBoard>

const boardLinks = z.object({
  id: z.string().min(1),
  tokens: z.partialRecord(role, z.string()),
  urls: z.partialRecord(role, z.string()),
})
export type BoardLinks = z.infer<typeof boardLinks>

function parseList(value: unknown): RecentBoard[] | null {
  if (!Array.isArray(value)) return null
  return value.flatMap((entry) => {
    const parsed = recentBoard.safeParse(entry)
    return parsed.success ? [parsed.data] : []
  })
}

/** Most recently opened first. */
export function listRecentBoards(): RecentBoard[] {
  const list = readStored(RECENT_KEY, parseList) ?? []
  return list.sort((a, b) => b.lastOpened.localeCompare(a.lastOpened))
}

export function findRecentBoard(id: string): RecentBoard | undefined {
  return listRecentBoards().find((board) => board.id === id)
}

/**
 * Records that this device opened a board. A lower role never replaces a higher one: a
 * facilitator who tries the viewer link keeps the facilitator link in the list.
 */
export function rememberBoard(entry: Omit<RecentBoard, 'lastOpened'>, now = new Date()): void {
  const list = listRecentBoards()
  const existing = list.find((board) => board.id === entry.id)
  const keepExisting = existing !== undefined && existing.role !== entry.role && hasRole(existing.role, entry.role)
  const next: RecentBoard = {
    ...(keepExisting ? existing : entry),
    title: entry.title,
    lastOpened: now.toISOString(),
  }
  writeStored(RECENT_KEY, [next, ...list.filter((board) => board.id !== entry.id)])
}

/**
 * A board made on this device (created, imported or forked): keeps every link of it (the only
 * moment the server shows them) and lists it among the recent boards, as its facilitator.
 */
export function rememberCreatedBoard(created: CreatedBoard): void {
  const links: BoardLinks = { id: created.id, tokens: { ...created.tokens }, urls: { ...created.urls } }
  writeStored(LINKS_KEY_PREFIX + created.id, links)
  rememberBoard({ id: created.id, title: created.title, role: 'facilitator', token: created.tokens.facilitator, anonymous: created.anonymous })
}

/** Keeps a link the facilitator just made (regenerated), so "Delen" knows it on this device. */
export function rememberLink(id: string, role: Role, token: string, url: string): void {
  const known = knownLinks(id) ?? { id, tokens: {}, urls: {} }
  writeStored(LINKS_KEY_PREFIX + id, { ...known, tokens: { ...known.tokens, [role]: token }, urls: { ...known.urls, [role]: url } })
}

/** Drops a link this device knew but that was replaced elsewhere (it would only mislead). */
export function forgetLink(id: string, role: Role): void {
  const known = knownLinks(id)
  if (!known) return
  const { [role]: _token, ...tokens } = known.tokens
  const { [role]: _url, ...urls } = known.urls
  writeStored(LINKS_KEY_PREFIX + id, { ...known, tokens, urls })
}

export function knownLinks(id: string): BoardLinks | null {
  return readStored(LINKS_KEY_PREFIX + id, (value) => {
    const parsed = boardLinks.safeParse(value)
    return parsed.success && parsed.data.id === id ? parsed.data : null
  })
}

/**
 * Deletes the board's offline copy and resolves once it is gone (or after `timeoutMs` if another
 * tab still holds it open). Close the board's connection first. My draft's copy stays: it holds
 * nothing the board refused, and cards not yet sent would be lost.
 */
export function deleteOfflineCopy(id: string, timeoutMs = 3000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs)
    const done = () => {
      clearTimeout(timer)
      resolve()
    }
    try {
      const request = globalThis.indexedDB?.deleteDatabase(offlineCopyName(id))
      if (!request) return done()
      request.onsuccess = done
      request.onerror = done
    } catch {
      done()
    }
  })
}

/** Forgets a board on this device: list entry, links and the offline copies (board and my draft). Not the board. */
export function forgetBoard(id: string): void {
  writeStored(
    RECENT_KEY,
    listRecentBoards().filter((board) => board.id !== id),
  )
  removeStored(LINKS_KEY_PREFIX + id)
  try {
    globalThis.indexedDB?.deleteDatabase(offlineCopyName(id))
    globalThis.indexedDB?.deleteDatabase(draftOfflineCopyName(id))
  } catch {
    // No IndexedDB (or blocked): nothing was stored there either.
  }
}
