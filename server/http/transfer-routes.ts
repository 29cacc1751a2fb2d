/** Export a board as self-contained JSON, and import such a file as a new board. */
import type { SerializedSchema } from '@tldraw/store'
import { Hono } from 'hono'
import { z } from 'zod'
import { boardTitle } from '../../shared/api.ts'
import type { StoredRecord } from '../../shared/doc-layout.ts'
import { DEFAULT_TEMPLATE_ID } from '../../templates/index.ts'
import type { BoardRepository } from '../boards.ts'
import type { Config } from '../config.ts'
import { migrateToCurrent } from '../document-records.ts'
import { encodeDocument } from '../initial-document.ts'
import { errorMessage } from '../log.ts'
import { checkRecord, MAX_RECORD_CHARS, schemaProblem } from '../record-rules.ts'
import type { ReadCache } from '../report/read-cache.ts'
import type { ReadWorker } from '../report/read-worker.ts'
import type { RoomManager } from '../sync/room-manager.ts'
import type { TemplateCatalog } from '../templates/catalog.ts'
import { presentedToken, requireBoardRole, type BoardAccessEnv } from './access.ts'
import { createdBoard, requireAdminWhenConfigured } from './board-routes.ts'
import { HttpError, readJsonBody } from './errors.ts'
import { linkOrigin } from './link-origin.ts'

export const EXPORT_FORMAT = 'dialoogbord'
export const EXPORT_VERSION = 1

const exportFile = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  title: boardTitle,
  template: z.string().max(64).optional(),
  schema: z.object({ schemaVersion: z.number().int() }).passthrough(),
  // No count here: MAX_RECORDS_PER_BOARD decides, with its own error code (the body limit bounds the parse).
  records: z.array(z.object({ id: z.string().min(1).max(256), typeName: z.string().min(1).max(64) }).passthrough()),
})

export function transferRoutes(
  config: Config,
  boards: BoardRepository,
  rooms: RoomManager,
  templates: TemplateCatalog,
  cache: ReadCache,
  reads: ReadWorker,
): Hono<BoardAccessEnv> {
  const routes = new Hono<BoardAccessEnv>()

  routes.get('/:id/export.json', requireBoardRole(boards, 'viewer'), async (c) => {
    const board = c.var.board
    // Queued updates first: the stored state (which the worker reads) then holds every edit a
    // client has seen. The records' JSON, the costly part on a big board, is made off the event
    // loop, once per stored version.
    rooms.flush()
    const content = await cache.getAsync(`export:${board.id}`, { key: reads.versionOf(board.id) }, () => reads.read({ kind: 'export', boardId: board.id }))
    const head = JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, title: board.title, template: board.template })
    c.header('Content-Disposition', `attachment; filename="${fileSlug(board.title)}.dialoogbord.json"`)
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
    if (file.records.length > config.maxRecordsPerBoard) {
      throw new HttpError(400, `the file holds ${file.records.length} records; a board holds at most ${config.maxRecordsPerBoard}`, 'too_many_records')
    }
    const problem = schemaProblem(file.schema)
    if (problem !== null) throw new HttpError(400, `the file's schema cannot be read: ${problem}`, 'invalid_import')
    let migrated: StoredRecord[]
    try {
      migrated = migrateToCurrent({ schema: file.schema as unknown as SerializedSchema, records: file.records })
    } catch (error) {
      throw new HttpError(400, `the file's records are not a valid board: ${errorMessage(error)}`, 'invalid_import')
    }
    // The same rules as a live edit: the websocket guard would refuse these records one by one.
    const records = migrated.map((record) => {
      const checked = checkRecord(record, { maxRecordChars: MAX_RECORD_CHARS, measure: true })
      if (typeof checked === 'string') throw new HttpError(400, `the file's records are not a valid board: ${checked}`, 'invalid_import')
      return checked
    })
    if (!records.some((record) => record.typeName === 'page')) throw new HttpError(400, 'the file holds no page', 'invalid_import')
    const template = templates.find(file.template ?? '') ? file.template! : DEFAULT_TEMPLATE_ID
    const { board, tokens } = boards.create({ title: file.title, template, anonymous: false, initialState: encodeDocument(records) })
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
