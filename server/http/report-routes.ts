/** GET /api/boards/:id/report.md: the harvest of a board as Markdown (CONTRACT.md, "Templates"). */
import { Hono } from 'hono'
import type { BoardRepository } from '../boards.ts'
import { migrateToCurrent, readContent } from '../document-records.ts'
import { renderHarvest, type HarvestRecord } from '../report/harvest.ts'
import type { RoomManager } from '../sync/room-manager.ts'
import type { TemplateCatalog } from '../templates/catalog.ts'
import { requireBoardRole, type BoardAccessEnv } from './access.ts'
import { fileSlug } from './transfer-routes.ts'

export function reportRoutes(boards: BoardRepository, rooms: RoomManager, catalog: TemplateCatalog): Hono<BoardAccessEnv> {
  const routes = new Hono<BoardAccessEnv>()

  routes.get('/:id/report.md', requireBoardRole(boards, 'viewer'), (c) => {
    const board = c.var.board
    // The live document: queued updates first, so the report holds every edit a client has seen.
    // A room opened here without peers unloads like any idle room (RoomManager.open).
    rooms.flush()
    const content = readContent(rooms.open(board.id).doc)
    let records: HarvestRecord[]
    try {
      records = migrateToCurrent(content)
    } catch {
      records = content.records // an unmigratable document still gets a best-effort report
    }
    const markdown = renderHarvest({ title: board.title, createdAt: board.createdAt, templateId: board.template, records, generatedAt: new Date(), saved: catalog.saved })
    c.header('Content-Type', 'text/markdown; charset=utf-8')
    c.header('Content-Disposition', `attachment; filename="${fileSlug(board.title)}-oogst.md"`)
    c.header('Cache-Control', 'no-store')
    return c.body(markdown, 200)
  })

  return routes
}
