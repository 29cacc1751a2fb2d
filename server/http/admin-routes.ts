/** Board deletion (facilitator or admin) and the admin listing (ADMIN_TOKEN only). */
import { Hono } from 'hono'
import { timingSafeEqual } from 'node:crypto'
import { boardIdParam } from '../../shared/api.ts'
import type { BoardRepository } from '../boards.ts'
import type { Config } from '../config.ts'
import { forgetRemovedData, type Db } from '../db/database.ts'
import type { RoomManager } from '../sync/room-manager.ts'
import type { CustomTemplateStore } from '../templates/custom-template-store.ts'
import { hashToken } from '../tokens.ts'
import { presentedToken, requireBoardRole, type BoardAccessEnv } from './access.ts'
import { HttpError } from './errors.ts'

export function isAdmin(config: Config, token: string | null): boolean {
  return config.adminToken !== null && token !== null && timingSafeEqual(hashToken(token), hashToken(config.adminToken))
}

/** The saved templates a board deletion takes along (all but the kept ones). */
export type TemplatesOfBoards = Pick<CustomTemplateStore, 'deleteOf'>

/**
 * Deletes every trace of a board: its room, its saved templates (kept ones lose the link), and by
 * cascade its tokens, state, updates, snapshots and assets.
 */
function deleteBoard(db: Db, boards: BoardRepository, rooms: RoomManager, templates: TemplatesOfBoards, id: string): boolean {
  rooms.discard(id)
  const deleted = db.transaction(() => {
    templates.deleteOf(id)
    return boards.delete(id)
  })()
  forgetRemovedData(db)
  return deleted
}

export function boardDeletionRoutes(db: Db, boards: BoardRepository, rooms: RoomManager, templates: TemplatesOfBoards): Hono<BoardAccessEnv> {
  const routes = new Hono<BoardAccessEnv>()
  routes.delete('/:id', requireBoardRole(boards, 'facilitator'), (c) => {
    deleteBoard(db, boards, rooms, templates, c.var.board.id)
    return c.body(null, 204)
  })
  return routes
}

export function adminRoutes(config: Config, db: Db, boards: BoardRepository, rooms: RoomManager, templates: TemplatesOfBoards): Hono {
  const routes = new Hono()
  routes.use('*', async (c, next) => {
    if (config.adminToken === null) throw new HttpError(403, 'the admin page is off: set ADMIN_TOKEN on the server to use it', 'admin_page_off')
    if (!isAdmin(config, presentedToken(c))) throw new HttpError(401, 'missing or invalid admin token', 'admin_token_invalid')
    await next()
  })
  routes.get('/boards', (c) => c.json(boards.list()))
  routes.delete('/boards/:id', (c) => {
    const id = boardIdParam.safeParse(c.req.param('id'))
    if (!id.success || !deleteBoard(db, boards, rooms, templates, id.data)) throw new HttpError(404, 'board not found', 'board_not_found')
    return c.body(null, 204)
  })
  return routes
}
