/**
 * A board's live connection (websocket + offline copy) for as long as the page is open, for the
 * canvas and the list view alike: the one the app's entry opened early for this link
 * (pages/early-connection.ts) if any, else a new one; its state as React state; and whether it is
 * online, as the signal the store's collaboration mode reads.
 */
import { atom, type Atom } from '@tldraw/state'
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import { takeBoardConnection } from '../pages/early-connection.ts'
import { openBoardConnection, type BoardConnection, type ConnectionState } from '../sync/connection.ts'
import { markOpen } from './open-marks.ts'

const WAITING_STATE: ConnectionState = { status: 'connecting', everSynced: false, ready: false, emptyAfterSync: false, closedByServer: null }

export function useBoardConnection(boardId: string, token: string): { connection: BoardConnection | null; state: ConnectionState; online: Atom<'online' | 'offline'> } {
  const [connection, setConnection] = useState<BoardConnection | null>(null)
  useEffect(() => {
    markOpen('connecting')
    // The one the app's entry opened while this code downloaded, if it is for this link.
    const opened = takeBoardConnection(boardId, token) ?? openBoardConnection({ boardId, token })
    opened.provider.once('sync', () => markOpen('synced'))
    setConnection(opened)
    return () => {
      opened.destroy()
      setConnection(null)
    }
  }, [boardId, token])

  const subscribe = useCallback((listener: () => void) => connection?.subscribe(listener) ?? (() => undefined), [connection])
  const state = useSyncExternalStore(subscribe, () => connection?.getState() ?? WAITING_STATE)

  const [online] = useState(() => atom<'online' | 'offline'>('dialoogbord.online', 'offline'))
  useEffect(() => {
    online.set(state.status === 'connected' ? 'online' : 'offline')
  }, [online, state.status])
  return { connection, state, online }
}
