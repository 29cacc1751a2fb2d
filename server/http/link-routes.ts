/** Link management for facilitators: list, regenerate (revokes at once) and expire role links. */
import { Hono } from 'hono'
import { z } from 'zod'
import type { LinkListing } from '../../shared/api.ts'
import { CloseCode } from '../../shared/protocol.ts'
import type { BoardRepository } from '../boards.ts'
import type { Config } from '../config.ts'
import type { RoomManager } from '../sync/room-manager.ts'
import { requireBoardRole, type BoardAccessEnv } from './access.ts'
import { boardUrl } from './board-routes.ts'
import { HttpError, readJsonBody } from './errors.ts'
import { linkOrigin } from './link-origin.ts'

/** The facilitator link is not managed here: losing it would lock the facilitator out. */
const sharedRole = z.enum(['editor', 'viewer'])
const expiryBody = z.strictObject({ expiresAt: z.iso.datetime({ offset: true }).nullable() })

export function linkRoutes(config: Config, boards: BoardRepository, rooms: RoomManager): Hono<BoardAccessEnv> {
  const routes = new Hono<BoardAccessEnv>()
  const facilitator = requireBoardRole(boards, 'facilitator')

  const roleParam = (raw: string | undefined) => {
    const role = sharedRole.safeParse(raw)
    if (!role.success) throw new HttpError(404, 'only the editor and viewer links can be managed', 'not_found')
    return role.data
  }

  /** The links with their open sockets, so the UI can warn before cutting people off. */
  const listing = (boardId: string): LinkListing[] =>
    boards.links(boardId).map((link) => ({ ...link, connected: rooms.connectionCount(boardId, link.role) }))

  routes.get('/:id/links', facilitator, (c) => c.json(listing(c.var.board.id)))

  routes.post('/:id/links/:role/regenerate', facilitator, (c) => {
    const board = c.var.board
    const role = roleParam(c.req.param('role'))
    const token = boards.regenerateToken(board.id, role)
    rooms.closeConnections(board.id, (peer) => peer.role === role, CloseCode.revoked, 'link revoked')
    return c.json({ role, token, url: boardUrl(linkOrigin(c, config), board.id, token), expiresAt: null })
  })

  routes.patch('/:id/links/:role', facilitator, async (c) => {
    const board = c.var.board
    const role = roleParam(c.req.param('role'))
    const { expiresAt } = await readJsonBody(c, expiryBody)
    const normalized = expiresAt === null ? null : new Date(expiresAt).toISOString()
    // A date in the past would disconnect everyone on the link at once, without warning: the
    // way to end a link now is "regenerate".
    if (normalized !== null && Date.parse(normalized) <= Date.now()) throw new HttpError(400, 'an expiry date must lie in the future', 'expiry_in_past')
    boards.setExpiry(board.id, role, normalized)
    // Open sockets of the link close when the new expiry passes (at once when it already has).
    rooms.setLinkExpiry(board.id, role, normalized)
    return c.json(listing(board.id).find((link) => link.role === role))
  })

  return routes
}
