/**
 * GET /sync/:boardId?token=… — the websocket endpoint; GET /sync/:boardId/drafts/:draftKey — a
 * participant's draft of the board (editor or facilitator token). The token is checked on the
 * upgrade request, so a refused client gets a plain HTTP 401/403/404 and never a socket. Every
 * socket is pinged (heartbeat.ts), closed when it does not read (socket-peer.ts) and when its
 * link expires.
 */
import type { NodeWebSocket } from '@hono/node-ws'
import { Hono, type Context, type MiddlewareHandler } from 'hono'
import type { WSContext } from 'hono/ws'
import { boardIdParam, draftKeyParam } from '../../shared/api.ts'
import { CloseCode } from '../../shared/protocol.ts'
import { canWrite, type Role } from '../../shared/roles.ts'
import type { RoleCounts } from '../bus/connection-census.ts'
import type { ErrorCode } from '../../shared/errors.ts'
import { presentedToken, refusal } from '../http/access.ts'
import { errorResponse } from '../http/errors.ts'
import type { Config } from '../config.ts'
import { TokenBucket } from './rate-limit.ts'
import { errorMessage, type Logger } from '../log.ts'
import { Heartbeat } from './heartbeat.ts'
import { ProtocolError, type Room } from './room.ts'
import type { Access, BoardStore } from '../storage/stores.ts'
import type { DraftWorkflows } from '../boards/draft-workflows.ts'
import { HttpError } from '../http/errors.ts'
import type { RoomManager } from './room-manager.ts'
import { SocketPeer } from './socket-peer.ts'

type SyncEnv = { Variables: { boardId: string; role: Role; expiresAt: string | null; elsewhere: RoleCounts; documentId: string } }

/** Same origin as the page that was served (Host), PUBLIC_URL's, or one listed in ALLOWED_ORIGINS. */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true // not a browser; the token still decides
  if (allowed.includes(origin)) return true
  try {
    return host !== undefined && new URL(origin).host === host
  } catch {
    return false
  }
}

export function syncRoutes(
  config: Config,
  upgradeWebSocket: NodeWebSocket['upgradeWebSocket'],
  boards: Pick<BoardStore, 'authorize'>,
  rooms: RoomManager,
  drafts: Pick<DraftWorkflows, 'documentFor'>,
  logger: Logger,
): Hono<SyncEnv> {
  const routes = new Hono<SyncEnv>()
  const heartbeat = new Heartbeat(config.heartbeatMs)
  /**
   * Whether the board, or the role's link on it, has no room for another connection. The
   * facilitator's own connections count only against their link's cap: partners filling the
   * board must never lock out the person running the session.
   */
  const full = (boardId: string, role: Role, elsewhere: RoleCounts): { message: string; code: ErrorCode } | null => {
    const count = (of: Role) => rooms.connectionCount(boardId, of) + (elsewhere[of] ?? 0)
    const participants = count('editor') + count('viewer')
    if (role !== 'facilitator' && participants >= config.maxConnectionsPerBoard) return { message: 'this board has too many participants', code: 'board_full' }
    if (count(role) >= config.maxConnectionsPerLink) return { message: 'this link has too many participants', code: 'link_full' }
    return null
  }

  const upgrade = upgradeHandler()

  /** The upgrade request's board and granted access; throws the HttpError that refuses it. */
  const admit = async (c: Context): Promise<{ boardId: string; access: Extract<Access, { kind: 'granted' }> }> => {
    // Browsers always send Origin; refusing foreign ones stops cross-site websocket hijacking.
    if (!originAllowed(c.req.header('origin'), c.req.header('host'), config.allowedOrigins)) throw new HttpError(403, 'origin not allowed', 'origin_not_allowed')
    const id = boardIdParam.safeParse(c.req.param('boardId'))
    if (!id.success) throw new HttpError(404, 'board not found', 'board_not_found')
    const access = await boards.authorize(id.data, presentedToken(c))
    if (access.kind !== 'granted') throw refusal(access)
    return { boardId: id.data, access }
  }

  /** Checks an upgrade with `check` (which names the document to join), answering a refusal as plain HTTP. */
  const checked =
    (check: (c: Context) => Promise<{ boardId: string; documentId: string; role: Role; expiresAt: string | null; elsewhere: RoleCounts }>): MiddlewareHandler<SyncEnv> =>
    async (c, next) => {
      let admitted: Awaited<ReturnType<typeof check>>
      try {
        admitted = await check(c)
      } catch (error) {
        if (error instanceof HttpError) return errorResponse(c, error.status, error.message, error.code)
        throw error
      }
      c.set('elsewhere', admitted.elsewhere)
      c.set('boardId', admitted.boardId)
      c.set('documentId', admitted.documentId)
      c.set('role', admitted.role)
      c.set('expiresAt', admitted.expiresAt)
      await next()
    }

  routes.get(
    '/:boardId',
    checked(async (c) => {
      const { boardId, access } = await admit(c)
      // Other processes' connections count too (a cluster); looked up once, here.
      const elsewhere = await rooms.connectionsElsewhere(boardId)
      const refusedAsFull = full(boardId, access.role, elsewhere)
      if (refusedAsFull !== null) throw new HttpError(503, refusedAsFull.message, refusedAsFull.code)
      return { boardId, documentId: boardId, role: access.role, expiresAt: access.expiresAt, elsewhere }
    }),
    upgrade,
  )

  /** Whether a draft has room for another tab. */
  const draftFull = (documentId: string, elsewhere: RoleCounts): boolean =>
    rooms.connectionCount(documentId) + (elsewhere.facilitator ?? 0) + (elsewhere.editor ?? 0) >= config.maxConnectionsPerDraft

  routes.get(
    '/:boardId/drafts/:draftKey',
    checked(async (c) => {
      const { boardId, access } = await admit(c)
      // A viewer writes nothing, so it has no draft either.
      if (!canWrite(access.role)) throw new HttpError(403, 'this needs the editor link', 'role_required')
      const key = draftKeyParam.safeParse(c.req.param('draftKey'))
      if (!key.success) throw new HttpError(400, 'invalid draft key', 'invalid_draft_key')
      const documentId = await drafts.documentFor(boardId, key.data)
      const elsewhere = await rooms.connectionsElsewhere(documentId)
      if (draftFull(documentId, elsewhere)) throw new HttpError(503, 'this draft is open in too many tabs', 'link_full')
      return { boardId, documentId, role: access.role, expiresAt: access.expiresAt, elsewhere }
    }),
    upgrade,
  )
  return routes

  function upgradeHandler() {
    return upgradeWebSocket((c) => {
      const boardId = c.var.boardId
      const documentId = c.var.documentId
      const isDraft = documentId !== boardId
      const role = c.var.role
      const expiresAt = c.var.expiresAt
      const elsewhere = c.var.elsewhere
      let peer: SocketPeer | null = null
      let room: Room | null = null
      /** Messages that arrive while the room loads, handled once it has (bounded by the rate limit). */
      let early: Uint8Array[] | null = []
      let earlyBytes = 0
      let closed = false
      const bucket = new TokenBucket(config.wsMessagesPerSecond, config.wsMessageBurst)
      const handle = (socket: WSContext, data: Uint8Array) => {
        if (!peer || !room) return
        try {
          room.receive(peer, data)
        } catch (error) {
          if (!(error instanceof ProtocolError)) throw error
          logger.warn('closing connection after a refused message', { board: boardId, reason: error.message.slice(0, 200) })
          socket.close(error.closeCode, error.message.slice(0, 100))
        }
      }
      return {
        onOpen(_event, socket) {
          if (socket.raw) heartbeat.watch(socket.raw)
          // Upgrades run concurrently: many can pass the check on the request before any opens.
          const refusedAsFull = isDraft ? (draftFull(documentId, elsewhere) ? { message: 'this draft is open in too many tabs' } : null) : full(boardId, role, elsewhere)
          if (refusedAsFull !== null) {
            socket.close(CloseCode.boardFull, refusedAsFull.message)
            return
          }
          const joining = new SocketPeer(role, socket, config.maxSocketBufferBytes, (buffered) =>
            logger.warn('closing a connection that does not read what it is sent', { board: boardId, buffered }),
          )
          rooms.connect(documentId, joining, expiresAt).then(
            (joined) => {
              if (closed) return rooms.disconnect(joined, joining) // left while the room loaded
              room = joined
              peer = joining
              const waiting = early ?? []
              early = null
              try {
                for (const data of waiting) handle(socket, data)
              } catch (error) {
                logger.error('handling a message failed', { board: boardId, error: errorMessage(error) })
                socket.close(1011, 'internal error, reconnect')
              }
            },
            (error: unknown) => {
              // The room took the peer back out; the socket goes too, or it would hang unsynced.
              logger.error('joining a board failed', { board: boardId, error: errorMessage(error) })
              socket.close(1011, 'could not join, reconnect') // 1011: internal error; clients retry
            },
          )
        },
        onMessage(event, socket) {
          if (closed) return
          if (!bucket.take()) {
            logger.warn('closing connection that sends too fast', { board: boardId })
            socket.close(CloseCode.rateLimited, 'too many messages')
            return
          }
          if (!(event.data instanceof ArrayBuffer)) {
            socket.close(CloseCode.badMessage, 'binary y-websocket messages only')
            return
          }
          if (early) {
            // Held in memory until the board has loaded: no more than a socket may have unsent.
            earlyBytes += event.data.byteLength
            if (earlyBytes > config.maxSocketBufferBytes) {
              logger.warn('closing connection that sends too much before its board loaded', { board: boardId })
              socket.close(CloseCode.rateLimited, 'too much sent before the board loaded')
              closed = true
              early = null
              return
            }
            early.push(new Uint8Array(event.data))
          } else {
            handle(socket, new Uint8Array(event.data))
          }
        },
        onClose() {
          closed = true
          early = null
          if (peer && room) rooms.disconnect(room, peer)
          peer = null
          room = null
        },
      }
    })
  }
}
