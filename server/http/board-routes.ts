/** /api/boards: create, read and change boards. */
import { Hono } from 'hono'
import { createBoardBody, patchBoardBody, type BoardInfo, type CreatedBoard } from '../../shared/api.ts'
import { ROLES, type Role } from '../../shared/roles.ts'
import { DEFAULT_TEMPLATE_ID } from '../../templates/index.ts'
import type { BoardRepository } from '../boards.ts'
import { BoardAnonymity, type SnapshotScrubber, type TemplatesFromBoards } from '../boards/anonymity.ts'
import type { Db } from '../db/database.ts'
import type { SnapshotStore } from '../snapshots/snapshot-store.ts'
import type { RoomManager } from '../sync/room-manager.ts'
import type { TemplateCatalog } from '../templates/catalog.ts'
import type { Config } from '../config.ts'
import { createInitialDocument } from '../initial-document.ts'
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

export function boardRoutes(
  config: Config,
  db: Db,
  boards: BoardRepository,
  rooms: RoomManager,
  snapshots: SnapshotStore,
  templates: TemplateCatalog,
  /** The saved-template store, scrubbed with the board (see BoardAnonymity). */
  savedTemplates: TemplatesFromBoards,
  scrubber: SnapshotScrubber,
): Hono<BoardAccessEnv> {
  const routes = new Hono<BoardAccessEnv>()

  routes.post('/', async (c) => {
    requireAdminWhenConfigured(config, presentedToken(c))
    const body = await readJsonBody(c, createBoardBody)
    const template = templates.find(body.template ?? DEFAULT_TEMPLATE_ID)
    if (!template) throw new HttpError(400, `unknown template "${body.template}"`, 'unknown_template')
    const { board, tokens } = boards.create({
      title: body.title,
      template: template.id,
      // Not asked: the template decides (7V promises anonymity).
      anonymous: body.anonymous ?? template.anonymous ?? false,
      initialState: createInitialDocument(template),
    })
    return c.json(createdBoard(linkOrigin(c, config), board, tokens), 201)
  })

  routes.get('/:id', requireBoardRole(boards, 'viewer'), (c) => c.json({ ...c.var.board, role: c.var.role }))

  const anonymity = new BoardAnonymity(db, boards, rooms, snapshots, savedTemplates, scrubber)

  routes.patch('/:id', requireBoardRole(boards, 'facilitator'), async (c) => {
    const patch = await readJsonBody(c, patchBoardBody)
    // anonymous: true always re-runs the scrub, so a switch that failed half way can be repeated.
    if (patch.anonymous !== undefined) await anonymity.set(c.var.board.id, patch.anonymous)
    const board = boards.update(c.var.board.id, { title: patch.title })
    if (!board) throw new HttpError(404, 'board not found', 'board_not_found')
    return c.json({ ...board, role: c.var.role })
  })

  return routes
}

export function requireAdminWhenConfigured(config: Config, token: string | null): void {
  if (config.adminToken !== null && !isAdmin(config, token)) {
    throw new HttpError(401, 'creating boards needs the admin token on this server', 'admin_token_required')
  }
}
