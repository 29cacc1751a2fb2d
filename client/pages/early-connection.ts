/**
 * A board link's live connection (websocket + IndexedDB copy), opened from the app's entry next to
 * the board lookup: the server's first sync then arrives while the board page's code (tldraw, most
 * of the download) is still loading, instead of after it. The connection code is a small chunk of
 * its own (a dynamic import here), which board.html preloads with the board page.
 */
import { markOpen } from '../board/open-marks.ts'
import type { BoardConnection } from '../sync/connection.ts'

interface Early {
  key: string
  connection: BoardConnection | null
  /** Given up before the connection code arrived: do not open it then. */
  dropped: boolean
}

let early: Early | null = null

const keyOf = (boardId: string, token: string) => `${boardId} ${token}`

export function startBoardConnection(boardId: string, token: string): void {
  const entry: Early = { key: keyOf(boardId, token), connection: null, dropped: false }
  early = entry
  void import('../sync/connection.ts').then(({ openBoardConnection }) => {
    if (entry.dropped) return
    markOpen('connecting')
    entry.connection = openBoardConnection({ boardId, token })
    entry.connection.provider.once('sync', () => markOpen('synced'))
  })
}

/** The early connection for this board and link, handed over once (the taker destroys it); else null. */
export function takeBoardConnection(boardId: string, token: string): BoardConnection | null {
  const entry = early
  early = null
  if (!entry) return null
  if (entry.key === keyOf(boardId, token) && entry.connection) return entry.connection
  drop(entry)
  return null
}

/** The link turned out not to open a board (refused, unknown): close what was opened for it. */
export function dropBoardConnection(): void {
  if (early) drop(early)
  early = null
}

function drop(entry: Early): void {
  entry.dropped = true
  entry.connection?.destroy()
  entry.connection = null
}
