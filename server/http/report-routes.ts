/**
 * GET /api/boards/:id/report.md: the harvest of a board as Markdown (docs/document.md, "The harvest");
 * GET /api/boards/:id/harvest.json: the harvest model it is rendered from.
 */
import { Hono } from 'hono'
import type { BoardService } from '../boards/board-service.ts'
import { requireBoardRole, type BoardAccessEnv } from './access.ts'
import { fileSlug } from './transfer-routes.ts'

export function reportRoutes(service: BoardService): Hono<BoardAccessEnv> {
  const routes = new Hono<BoardAccessEnv>()

  routes.get('/:id/report.md', requireBoardRole(service, 'viewer'), async (c) => {
    const board = c.var.board
    const markdown = await service.harvest(board)
    c.header('Content-Type', 'text/markdown; charset=utf-8')
    c.header('Content-Disposition', `attachment; filename="${fileSlug(board.title)}-oogst.md"`)
    c.header('Cache-Control', 'no-store')
    return c.body(markdown, 200)
  })

  /** The harvest model (shared/harvest-model.ts) the Oogst view renders. */
  routes.get('/:id/harvest.json', requireBoardRole(service, 'viewer'), async (c) => {
    const model = await service.harvestModel(c.var.board)
    c.header('Cache-Control', 'no-store')
    return c.json(model, 200)
  })

  return routes
}
