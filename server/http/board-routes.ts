/** /api/boards: create, read and change boards. */
import { Hono } from 'hono'
import { createBoardBody, patchBoardBody, type BoardInfo, type CreatedBoard } from '../../shared/api.ts'
import { ROLES, type Role } from '../../shared/roles.ts'
import type { BoardService } from '../boards/board-service.ts'
import type { Config } from '../config.ts'
import { isAdmin } from './admin-routes.ts'
import { presentedToken, requireBoardRole, type BoardAccessEnv } from './access.ts'
import { HttpError, readJsonBody } from './errors.ts'
import { linkOrigin } from './link-origin.ts'

export function boardUrl(origin: string, boardId: string, token: string): string {
  return `${origin}/b/${encodeURIComponent(boardId)}?token=${encodeURIComponent(token)}`
}

/** The answer to every call that makes a board: its tokens, shown this once, and their links. */
export function createdBoard(origin: string, board: BoardInfo, tokens: Record<Role, string>): CreatedBoard {
  const urls = Object.fromEntries(ROLES.map((role) => [role, boardUrl(origin, board.id, tokens[role])])) as Record<Role, string>
  return { ...board, tokens, urls }
}

export function boardRoutes(config: Config, service: BoardService): Hono<BoardAccessEnv> {
  const routes = new Hono<BoardAccessEnv>()

  routes.post('/', async (c) => {
    requireAdminWhenConfigured(config, presentedToken(c))
    const body = await readJsonBody(c, createBoardBody)
    const { board, tokens } = await service.create(body)
    return c.json(createdBoard(linkOrigin(c, config), board, tokens), 201)
  })

  routes.get('/:id', requireBoardRole(service, 'viewer'), (c) => c.json({ ...c.var.board, role: c.var.role }))

  routes.patch('/:id', requireBoardRole(service, 'facilitator'), async (c) => {
    const patch = await readJsonBody(c, patchBoardBody)
    const board = await service.update(c.var.board.id, patch)
    return c.json({ ...board, role: c.var.role })
  })

  return routes
}

export function requireAdminWhenConfigured(config: Config, token: string | null): void {
  if (config.adminToken !== null && !isAdmin(config, token)) {
    throw new HttpError(401, 'creating boards needs the admin token on this server', 'admin_token_required')
  }
}
