/** GET /api/boards/:id/report.md: the harvest of a board as Markdown (CONTRACT.md, "Templates"). */
import { Hono } from 'hono'
import type * as Y from 'yjs'
import type { TemplateLookup } from '../../templates/index.ts'
import type { BoardRepository } from '../boards.ts'
import { migrateToCurrent, readContent } from '../document-records.ts'
import { assembleHarvest, harvestHead, harvestSections, type HarvestRecord } from '../report/harvest.ts'
import { docVersion, type ReadCache } from '../report/read-cache.ts'
import type { RoomManager } from '../sync/room-manager.ts'
import type { TemplateCatalog } from '../templates/catalog.ts'
import { requireBoardRole, type BoardAccessEnv } from './access.ts'
import { fileSlug } from './transfer-routes.ts'

/** The harvest's sections of a live document (the part worth caching). */
function sectionsOf(doc: Y.Doc, templateId: string, saved: TemplateLookup): string {
  const content = readContent(doc)
  let records: HarvestRecord[]
  try {
    records = migrateToCurrent(content)
  } catch {
    records = content.records // an unmigratable document still gets a best-effort report
  }
  return harvestSections({ templateId, records, saved }).join('\n')
}

export function reportRoutes(boards: BoardRepository, rooms: RoomManager, catalog: TemplateCatalog, cache: ReadCache): Hono<BoardAccessEnv> {
  const routes = new Hono<BoardAccessEnv>()

  routes.get('/:id/report.md', requireBoardRole(boards, 'viewer'), (c) => {
    const board = c.var.board
    // The live document: queued updates first, so the report holds every edit a client has seen.
    // A room opened here without peers unloads like any idle room (RoomManager.open).
    rooms.flush()
    const doc = rooms.open(board.id).doc
    // Unchanged since the last request: the sections are reused, only the head is made anew.
    const sections = cache.get(`report:${board.id}`, { doc, version: docVersion(doc), key: board.template }, () =>
      sectionsOf(doc, board.template, catalog.saved),
    )
    const head = harvestHead({ title: board.title, createdAt: board.createdAt, templateId: board.template, saved: catalog.saved }, new Date())
    c.header('Content-Type', 'text/markdown; charset=utf-8')
    c.header('Content-Disposition', `attachment; filename="${fileSlug(board.title)}-oogst.md"`)
    c.header('Cache-Control', 'no-store')
    return c.body(assembleHarvest(head, [sections]), 200)
  })

  return routes
}
