/** Link management for facilitators: list, regenerate (revokes at once) and expire role links. */
import { Hono } from 'hono'
import { z } from 'zod'
import type { BoardService } from '../boards/board-service.ts'
import type { Config } from '../config.ts'
import { requireBoardRole, type BoardAccessEnv } from './access.ts'
import { boardUrl } from './board-routes.ts'
import { HttpError, readJsonBody } from './errors.ts'
import { linkOrigin } from './link-origin.ts'

/** The facilitator link is not managed here: losing it would lock the facilitator out. */
const sharedRole = z.enum(['editor', 'viewer'])
const expiryBody = z.strictObject({ expiresAt: z.iso.datetime({ offset: true }).nullable() })

export function linkRoutes(config: Config, service: BoardService): Hono<BoardAccessEnv> {
  const routes = new Hono<BoardAccessEnv>()
  const facilitator = requireBoardRole(service, 'facilitator')

  const roleParam = (raw: string | undefined) => {
    const role = sharedRole.safeParse(raw)
    if (!role.success) throw new HttpError(404, 'only the editor and viewer links can be managed', 'not_found')
    return role.data
  }

  routes.get('/:id/links', facilitator, async (c) => c.json(await service.links(c.var.board.id)))

  routes.post('/:id/links/:role/regenerate', facilitator, async (c) => {
    const board = c.var.board
    const role = roleParam(c.req.param('role'))
    const token = await service.regenerateLink(board.id, role)
    return c.json({ role, token, url: boardUrl(linkOrigin(c, config), board.id, token), expiresAt: null })
  })

  routes.patch('/:id/links/:role', facilitator, async (c) => {
    const role = roleParam(c.req.param('role'))
    const { expiresAt } = await readJsonBody(c, expiryBody)
    return c.json(await service.setLinkExpiry(c.var.board.id, role, expiresAt))
  })

  return routes
}
