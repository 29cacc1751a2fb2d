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
import { presentedToken } from '../http/access.ts'
import { errorResponse } from '../http/errors.ts'
import type { Logger } from '../log.ts'
import { ProtocolError, type Peer, type Room } from './room.ts'
import type { RoomManager } from './room-manager.ts'

type SyncEnv = { Variables: { boardId: string; role: Role } }

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

export function syncRoutes(
  upgradeWebSocket: NodeWebSocket['upgradeWebSocket'],
  boards: BoardRepository,
  rooms: RoomManager,
  logger: Logger,
): Hono<SyncEnv> {
  const routes = new Hono<SyncEnv>()

  routes.get(
    '/:boardId',
    async (c, next) => {
      const id = boardIdParam.safeParse(c.req.param('boardId'))
      if (!id.success) return errorResponse(c, 404, 'board not found')
      const access = boards.authorize(id.data, presentedToken(c))
      if (access.kind === 'no-board') return errorResponse(c, 404, 'board not found')
      if (access.kind === 'denied') return errorResponse(c, 401, 'missing or invalid token')
      c.set('boardId', id.data)
      c.set('role', access.role)
      await next()
    },
    upgradeWebSocket((c) => {
      const boardId = c.var.boardId
      const role = c.var.role
      let peer: SocketPeer | null = null
      let room: Room | null = null
      return {
        onOpen(_event, socket) {
          peer = new SocketPeer(role, socket)
          room = rooms.connect(boardId, peer)
        },
        onMessage(event, socket) {
          if (!peer || !room) return
          if (!(event.data instanceof ArrayBuffer)) {
            socket.close(CloseCode.badMessage, 'binary y-websocket messages only')
            return
          }
          try {
            room.receive(peer, new Uint8Array(event.data))
          } catch (error) {
            if (!(error instanceof ProtocolError)) throw error
            logger.warn('closing connection after a malformed message', { board: boardId, reason: error.message.slice(0, 200) })
            socket.close(CloseCode.badMessage, 'malformed message')
          }
        },
        onClose() {
          if (peer && room) rooms.disconnect(room, peer)
          peer = null
          room = null
        },
      }
    }),
  )
  return routes
}
