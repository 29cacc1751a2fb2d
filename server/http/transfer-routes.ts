/** Export a board as self-contained JSON, and import such a file as a new board. */
import { Hono } from 'hono'
import { EXPORT_FORMAT, EXPORT_VERSION, exportFile } from '../boards/board-import.ts'
import type { BoardService } from '../boards/board-service.ts'
import type { Config } from '../config.ts'
import { presentedToken, requireBoardRole, type BoardAccessEnv } from './access.ts'
import { createdBoard, requireAdminWhenConfigured } from './board-routes.ts'
import { attachmentDisposition } from './content-disposition.ts'
import { HttpError, readJsonBody } from './errors.ts'
import { linkOrigin } from './link-origin.ts'

export function transferRoutes(config: Config, service: BoardService): Hono<BoardAccessEnv> {
  const routes = new Hono<BoardAccessEnv>()

  routes.get('/:id/export.json', requireBoardRole(service, 'viewer'), async (c) => {
    const board = c.var.board
    const content = await service.exportRecords(board)
    const head = JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, title: board.title, template: board.template })
    c.header('Content-Disposition', attachmentDisposition(`${fileSlug(board.title)}.dialoogbord.json`))
    c.header('Content-Type', 'application/json')
    return c.body(Buffer.concat([Buffer.from(`${head.slice(0, -1)},`), content, Buffer.from('}')]), 200)
  })

  routes.post('/import', async (c) => {
    requireAdminWhenConfigured(config, presentedToken(c))
    // Only JSON: a web page can post text/plain across sites without asking, but not application/json.
    if (mediaType(c.req.header('content-type')) !== 'application/json') {
      throw new HttpError(415, 'an import must be sent as application/json', 'unsupported_media_type')
    }
    const file = await readJsonBody(c, exportFile)
    const { board, tokens } = await service.importBoard(file)
    return c.json(createdBoard(linkOrigin(c, config), board, tokens), 201)
  })

  return routes
}

/** `application/json; charset=utf-8` → `application/json`. */
function mediaType(header: string | undefined): string {
  return (header ?? '').split(';', 1)[0]!.trim().toLowerCase()
}

/** A file name part that is safe in a header and on any file system. */
export function fileSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return slug || 'bord'
}
