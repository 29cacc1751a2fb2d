/**
 * One board's live connection: its Y.Doc, the websocket provider (standard y-websocket
 * protocol, docs/sync.md) and the IndexedDB copy that makes the board work offline.
 *
 * It reports one small state object for the UI: the connection status for the badge, and
 * whether the doc is ready to be shown. Ready means the doc has content from the server (first
 * sync) or from this device's offline copy; the client never creates a board's document itself.
 */
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { recordsArray } from '../../shared/doc-layout.ts'
import { CloseCode, SYNC_PATH } from '../../shared/protocol.ts'
import { draftOfflineCopyName, offlineCopyName } from '../storage/recent-boards.ts'

export type ConnectionStatus = 'connected' | 'connecting' | 'offline'

export interface ConnectionState {
  status: ConnectionStatus
  /** Whether a connection has ever been fully synced in this session (for "Verbinden…" vs "Opnieuw verbinden…"). */
  everSynced: boolean
  /** The doc can be loaded into the editor. */
  ready: boolean
  /** Synced with the server, yet the doc is empty: the server did not create this board properly. */
  emptyAfterSync: boolean
  /** The server ended the connection for good (link revoked or expired); no more reconnects. */
  closedByServer: { code: number; reason: string } | null
}

export interface BoardConnection {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  getState(): ConnectionState
  subscribe(listener: () => void): () => void
  /** Connects again after a final close (used once the board's changed settings are loaded). */
  reconnect(): void
  destroy(): void
}

/** The badge's status from the raw signals; pure so its rules are easy to read and test. */
export function deriveStatus(input: { online: boolean; socket: 'connected' | 'connecting' | 'disconnected'; synced: boolean; closedByServer: boolean }): ConnectionStatus {
  if (!input.online || input.closedByServer) return 'offline'
  return input.socket === 'connected' && input.synced ? 'connected' : 'connecting'
}

/**
 * Only "you may not" and "this can't work" are final; rate limits and every other code (server
 * restart, board full) are worth another try.
 */
export function shouldReconnect(code: number): boolean {
  if (code === CloseCode.rateLimited) return true
  return !(code >= 4400 && code < 4500)
}

export function syncServerUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${SYNC_PATH}`
}

/**
 * With `draftKey`: my private draft of the board instead (`/sync/<boardId>/drafts/<draftKey>`),
 * with an offline copy of its own. A draft is never "ready" by content (it may be empty).
 */
export function openBoardConnection(options: { boardId: string; token: string; offlineCopy?: boolean; draftKey?: string }): BoardConnection {
  const { boardId, token, offlineCopy = true, draftKey } = options
  const doc = new Y.Doc()
  const listeners = new Set<() => void>()

  let socket: 'connected' | 'connecting' | 'disconnected' = 'connecting'
  let online = typeof navigator === 'undefined' ? true : navigator.onLine
  let serverSynced = false
  let localLoaded = false
  let everSynced = false
  let closedByServer: ConnectionState['closedByServer'] = null
  let state = computeState()

  const serverUrl = syncServerUrl(window.location)
  const provider = new WebsocketProvider(draftKey ? `${serverUrl}/${boardId}/drafts` : serverUrl, draftKey ?? boardId, doc, {
    params: { token },
    // Every tab talks to the server itself: a tab must never pass edits around the server's
    // role check (a viewer tab next to an editor tab of the same board).
    disableBc: true,
    shouldReconnect: (event) => shouldReconnect(event.code),
  })
  const persistence = offlineCopy ? new IndexeddbPersistence(draftKey ? draftOfflineCopyName(boardId) : offlineCopyName(boardId), doc) : null

  function hasContent() {
    return recordsArray(doc).length > 0
  }

  function computeState(): ConnectionState {
    const content = hasContent()
    return {
      status: deriveStatus({ online, socket, synced: serverSynced, closedByServer: closedByServer !== null }),
      everSynced,
      ready: content && (serverSynced || everSynced || localLoaded),
      emptyAfterSync: serverSynced && !content,
      closedByServer,
    }
  }

  function update() {
    const next = computeState()
    if (
      next.status === state.status &&
      next.everSynced === state.everSynced &&
      next.ready === state.ready &&
      next.emptyAfterSync === state.emptyAfterSync &&
      next.closedByServer === state.closedByServer
    ) {
      return
    }
    state = next
    for (const listener of listeners) listener()
  }

  provider.on('status', ({ status }) => {
    socket = status
    if (status !== 'connected') serverSynced = false
    update()
  })
  provider.on('sync', (isSynced) => {
    serverSynced = isSynced
    if (isSynced) everSynced = true
    update()
  })
  provider.on('closed', (close) => {
    closedByServer = close
    update()
  })
  persistence?.whenSynced.then(
    () => {
      localLoaded = true
      update()
    },
    () => {
      // IndexedDB unavailable (private mode in some browsers): we simply have no offline copy.
      localLoaded = true
      update()
    },
  )

  const onOnline = () => {
    online = true
    // Don't wait for the backoff timer: try now.
    if (closedByServer === null) provider.connect()
    update()
  }
  const onOffline = () => {
    online = false
    // The browser knows the network is gone: close now instead of waiting ~30 s for the socket
    // to time out, so other people's cursors disappear and the badge tells the truth.
    provider.disconnect()
    update()
  }
  window.addEventListener('online', onOnline)
  window.addEventListener('offline', onOffline)

  return {
    doc,
    provider,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    reconnect() {
      closedByServer = null
      update()
      provider.connect()
    },
    destroy() {
      listeners.clear()
      window.removeEventListener('online', onOnline)
      window.removeEventListener('offline', onOffline)
      provider.awareness.setLocalState(null)
      provider.destroy()
      void persistence?.destroy()
      doc.destroy()
    },
  }
}
