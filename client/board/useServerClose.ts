/**
 * Acts on a final close by the server (see sync/server-close.ts): after a settings change it
 * loads the board's settings again and reconnects; after a revoked link or a refused change it
 * stops the editor from taking edits that could never reach anyone.
 */
import { useEffect, useState } from 'react'
import type { Atom } from 'tldraw'
import type { BoardForRole } from '../../shared/api.ts'
import { getBoard } from '../api/client.ts'
import type { BoardConnection, ConnectionState } from '../sync/connection.ts'
import { serverCloseReaction, type ServerCloseReaction } from '../sync/server-close.ts'

export function useServerClose(options: {
  boardId: string
  token: string
  connection: BoardConnection | null
  closed: ConnectionState['closedByServer']
  /** Set while the board must not take edits (useBoardStore's `frozen`). */
  frozen: Atom<boolean>
  onBoard(board: BoardForRole): void
}): ServerCloseReaction | null {
  const { boardId, token, connection, closed, frozen, onBoard } = options
  const [goneOnReload, setGoneOnReload] = useState(false)
  const reaction = goneOnReload ? 'revoked' : closed ? serverCloseReaction(closed.code) : null

  useEffect(() => {
    if (!connection || !closed || serverCloseReaction(closed.code) !== 'reload-settings') return
    let live = true
    void getBoard(boardId, token).then((result) => {
      if (!live) return
      if (result.ok) onBoard(result.value)
      if (!result.ok && (result.status === 401 || result.status === 403 || result.status === 404)) {
        setGoneOnReload(true)
        return
      }
      // Also without an answer (offline): the provider keeps retrying, the old settings stand meanwhile.
      connection.reconnect()
    })
    return () => {
      live = false
    }
  }, [boardId, token, connection, closed, onBoard])

  const final = reaction !== null && reaction !== 'reload-settings'
  useEffect(() => {
    frozen.set(final)
  }, [frozen, final])

  return reaction
}
