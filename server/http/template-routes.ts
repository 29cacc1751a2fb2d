/** /api/templates: list, look at and save templates (a board's structure kept for reuse). */
import type { TLRecord } from '@tldraw/tlschema'
import { Hono } from 'hono'
import { z } from 'zod'
import { saveTemplateBody, type TemplateDetail } from '../../shared/api.ts'
import type { StoredRecord } from '../../shared/doc-layout.ts'
import { hasRole } from '../../shared/roles.ts'
import { extractStructure, placeOnPage } from '../../templates/structure.ts'
import type { BoardRepository } from '../boards.ts'
import { migrateToCurrent, readContent } from '../document-records.ts'
import { assertValidRecords, FIRST_PAGE_ID, tldrawSchema } from '../initial-document.ts'
import { errorMessage } from '../log.ts'
import type { RoomManager } from '../sync/room-manager.ts'
import type { TemplateCatalog } from '../templates/catalog.ts'
import { CUSTOM_TEMPLATE_PREFIX, type CustomTemplateStore } from '../templates/custom-template-store.ts'
import type { Config } from '../config.ts'
import { presentedToken, refusal } from './access.ts'
import { isAdmin } from './admin-routes.ts'
import { HttpError, readJsonBody } from './errors.ts'

const templateIdParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)

export function templateRoutes(config: Config, catalog: TemplateCatalog, store: CustomTemplateStore, boards: BoardRepository, rooms: RoomManager): Hono {
  const routes = new Hono()

  /**
   * Built-in templates for anyone; saved ones for the admin (all) or, with `?board=<id>` and that
   * board's facilitator token, the ones saved from that board.
   */
  routes.get('/', (c) => {
    const token = presentedToken(c)
    if (isAdmin(config, token)) return c.json(catalog.list({ all: true }))
    const boardId = c.req.query('board')
    if (boardId === undefined) return c.json(catalog.list())
    const access = boards.authorize(boardId, token)
    if (access.kind !== 'granted') throw refusal(access)
    if (!hasRole(access.role, 'facilitator')) throw new HttpError(403, 'this needs the facilitator link', 'role_required')
    return c.json(catalog.list({ boards: [access.board.id] }))
  })

  /** Deletes a saved template: the facilitator of the board it was saved from, or the admin. */
  routes.delete('/:id', (c) => {
    const id = templateIdParam.safeParse(c.req.param('id'))
    const template = id.success ? store.get(id.data) : null
    if (!template) throw new HttpError(404, 'template not found', 'template_not_found')
    const token = presentedToken(c)
    if (!isAdmin(config, token)) {
      if (template.sourceBoard === null) throw new HttpError(403, 'only the admin can delete this template', 'template_admin_only')
      const access = boards.authorize(template.sourceBoard, token)
      if (access.kind !== 'granted') throw new HttpError(401, 'missing or invalid token', 'invalid_token')
      if (!hasRole(access.role, 'facilitator')) throw new HttpError(403, 'this needs the facilitator link of the board it was saved from', 'role_required')
    }
    store.delete(template.id)
    return c.body(null, 204)
  })

  routes.get('/:id', (c) => {
    const id = templateIdParam.safeParse(c.req.param('id'))
    const template = id.success ? catalog.find(id.data) : undefined
    if (!template) throw new HttpError(404, 'template not found', 'template_not_found')
    const detail: TemplateDetail = {
      id: template.id,
      title: template.title,
      description: template.description,
      ...(template.id.startsWith(CUSTOM_TEMPLATE_PREFIX) ? { custom: true } : {}),
      records: template.build(FIRST_PAGE_ID) as unknown as StoredRecord[],
    }
    return c.json(detail)
  })

  routes.post('/', async (c) => {
    const body = await readJsonBody(c, saveTemplateBody)
    const access = boards.authorize(body.boardId, presentedToken(c))
    if (access.kind !== 'granted') throw refusal(access)
    if (!hasRole(access.role, 'facilitator')) throw new HttpError(403, 'this needs the facilitator link', 'role_required')
    // The live document, queued updates included, like the harvest and snapshots read it.
    rooms.flush()
    let structure: StoredRecord[]
    try {
      structure = extractStructure(migrateToCurrent(readContent(rooms.open(access.board.id).doc)))
      assertValidRecords(placeOnPage(structure, FIRST_PAGE_ID) as unknown as TLRecord[])
    } catch (error) {
      throw new HttpError(422, `this board's structure cannot be kept as a template: ${errorMessage(error)}`, 'template_unreadable')
    }
    if (!structure.some((record) => record.typeName === 'shape')) {
      throw new HttpError(400, 'this board has no frames or scaffolding to keep as a template', 'template_without_structure')
    }
    const saved = store.save({
      title: body.title,
      description: body.description,
      schema: tldrawSchema.serialize(),
      records: structure,
      sourceBoard: access.board.id,
      keep: body.keep,
    })
    return c.json(saved, 201)
  })

  return routes
}
