/** GET /api/boards/:id/report.md: the harvest of a board as Markdown (docs/document.md, "The harvest"). */
import { Hono } from 'hono'
import type { BoardRepository } from '../boards.ts'
import { assembleHarvest, harvestHead } from '../report/harvest.ts'
import type { ReadCache } from '../report/read-cache.ts'
import type { ReadWorker } from '../report/read-worker.ts'
import type { RoomManager } from '../sync/room-manager.ts'
import type { TemplateCatalog } from '../templates/catalog.ts'
import { requireBoardRole, type BoardAccessEnv } from './access.ts'
import { fileSlug } from './transfer-routes.ts'

export function reportRoutes(
  boards: BoardRepository,
  rooms: RoomManager,
  catalog: TemplateCatalog,
  cache: ReadCache,
  reads: ReadWorker,
): Hono<BoardAccessEnv> {
  const routes = new Hono<BoardAccessEnv>()

  routes.get('/:id/report.md', requireBoardRole(boards, 'viewer'), async (c) => {
    const board = c.var.board
    // Queued updates first: the stored state (which the worker reads) then holds every edit a
    // client has seen. The sections are made off the event loop, once per stored version.
    rooms.flush()
    const source = { key: `${board.template}|${reads.versionOf(board.id)}` }
    const sections = await cache.getAsync(`report:${board.id}`, source, () => reads.read({ kind: 'harvest', boardId: board.id, templateId: board.template }))
    const head = harvestHead({ title: board.title, createdAt: board.createdAt, templateId: board.template, saved: catalog.saved }, new Date())
    c.header('Content-Type', 'text/markdown; charset=utf-8')
    c.header('Content-Disposition', `attachment; filename="${fileSlug(board.title)}-oogst.md"`)
    c.header('Cache-Control', 'no-store')
    return c.body(assembleHarvest(head, [sections]), 200)
  })

  return routes
}
