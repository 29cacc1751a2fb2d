/**
 * GET /sync/:boardId?token=… — the websocket endpoint. The token is checked on the upgrade
 * request, so a refused client gets a plain HTTP 401/404 and never a socket.
 */
import type { NodeWebSocket } from '@hono/node-ws'
import { Hono } from 'hono'
import type { WSContext } from 'hono/ws'
import { boardIdParam } from '../../shared/api.ts'
import { CloseCode } from '../../shared/protocol.ts'
import type { Role } from '../../shared/roles.ts'
import type { BoardRepository } from '../boards.ts'
import { presentedToken, refusal } from '../http/access.ts'
import { errorResponse } from '../http/errors.ts'
import type { Config } from '../config.ts'
import type { Logger } from '../log.ts'
import { TokenBucket } from './rate-limit.ts'
import { ProtocolError, type Peer, type Room } from './room.ts'
import type { RoomManager } from './room-manager.ts'

type SyncEnv = { Variables: { boardId: string; role: Role; expiresAt: string | null } }

/** Adapts a websocket to the room's Peer interface. */
class SocketPeer implements Peer {
  constructor(
    readonly role: Role,
    private readonly socket: WSContext,
  ) {}

  send(message: Uint8Array): void {
    // lib0 encoders always return ArrayBuffer-backed arrays.
    if (this.socket.readyState === 1) this.socket.send(message as Uint8Array<ArrayBuffer>)
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason)
  }
}

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
  boards: BoardRepository,
  rooms: RoomManager,
  logger: Logger,
): Hono<SyncEnv> {
  const routes = new Hono<SyncEnv>()

  routes.get(
    '/:boardId',
    async (c, next) => {
      // Browsers always send Origin; refusing foreign ones stops cross-site websocket hijacking.
      if (!originAllowed(c.req.header('origin'), c.req.header('host'), config.allowedOrigins)) {
        return errorResponse(c, 403, 'origin not allowed')
      }
      const id = boardIdParam.safeParse(c.req.param('boardId'))
      if (!id.success) return errorResponse(c, 404, 'board not found')
      const access = boards.authorize(id.data, presentedToken(c))
      if (access.kind !== 'granted') {
        const refused = refusal(access)
        return errorResponse(c, refused.status, refused.message)
      }
      if (rooms.connectionCount(id.data) >= config.maxConnectionsPerBoard) return errorResponse(c, 503, 'this board has too many participants')
      c.set('boardId', id.data)
      c.set('role', access.role)
      c.set('expiresAt', access.expiresAt)
      await next()
    },
    upgradeWebSocket((c) => {
      const boardId = c.var.boardId
      const role = c.var.role
      const expiresAt = c.var.expiresAt
      let peer: SocketPeer | null = null
      let room: Room | null = null
      let expiry: NodeJS.Timeout | null = null
      const bucket = new TokenBucket(config.wsMessagesPerSecond, config.wsMessageBurst)
      return {
        onOpen(_event, socket) {
          peer = new SocketPeer(role, socket)
          room = rooms.connect(boardId, peer)
          if (expiresAt !== null) {
            // setTimeout holds at most ~24.8 days; a longer-lived link is checked again on reconnect.
            const delay = Math.min(Math.max(Date.parse(expiresAt) - Date.now(), 0), 2 ** 31 - 1)
            expiry = setTimeout(() => socket.close(CloseCode.revoked, 'link expired'), delay)
            expiry.unref()
          }
        },
        onMessage(event, socket) {
          if (!peer || !room) return
          if (!bucket.take()) {
            logger.warn('closing connection that sends too fast', { board: boardId })
            socket.close(CloseCode.rateLimited, 'too many messages')
            return
          }
          if (!(event.data instanceof ArrayBuffer)) {
            socket.close(CloseCode.badMessage, 'binary y-websocket messages only')
            return
          }
          try {
            room.receive(peer, new Uint8Array(event.data))
          } catch (error) {
            if (!(error instanceof ProtocolError)) throw error
            logger.warn('closing connection after a refused message', { board: boardId, reason: error.message.slice(0, 200) })
            socket.close(error.closeCode, error.message.slice(0, 100))
          }
        },
        onClose() {
          if (expiry) clearTimeout(expiry)
          if (peer && room) rooms.disconnect(room, peer)
          peer = null
          room = null
        },
      }
    }),
  )
  return routes
}
