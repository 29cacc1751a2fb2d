/** Board deletion (facilitator or admin) and the admin listing (ADMIN_TOKEN only). */
import { Hono } from 'hono'
import { timingSafeEqual } from 'node:crypto'
import { boardIdParam } from '../../shared/api.ts'
import type { BoardService } from '../boards/board-service.ts'
import type { Config } from '../config.ts'
import { hashToken } from '../tokens.ts'
import { presentedToken, requireBoardRole, type BoardAccessEnv } from './access.ts'
import { HttpError } from './errors.ts'

export function isAdmin(config: Config, token: string | null): boolean {
  return config.adminToken !== null && token !== null && timingSafeEqual(hashToken(token), hashToken(config.adminToken))
}

export function boardDeletionRoutes(service: BoardService): Hono<BoardAccessEnv> {
  const routes = new Hono<BoardAccessEnv>()
  routes.delete('/:id', requireBoardRole(service, 'facilitator'), async (c) => {
    await service.delete(c.var.board.id)
    return c.body(null, 204)
  })
  return routes
}

export function adminRoutes(config: Config, service: BoardService): Hono {
  const routes = new Hono()
  routes.use('*', async (c, next) => {
    if (config.adminToken === null) throw new HttpError(403, 'the admin page is off: set ADMIN_TOKEN on the server to use it', 'admin_page_off')
    if (!isAdmin(config, presentedToken(c))) throw new HttpError(401, 'missing or invalid admin token', 'admin_token_invalid')
    await next()
  })
  routes.get('/boards', async (c) => c.json(await service.list()))
  routes.delete('/boards/:id', async (c) => {
    const id = boardIdParam.safeParse(c.req.param('id'))
    if (!id.success || !(await service.delete(id.data))) throw new HttpError(404, 'board not found', 'board_not_found')
    return c.body(null, 204)
  })
  return routes
}
