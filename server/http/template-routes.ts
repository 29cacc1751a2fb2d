/** /api/templates: list, look at and save templates (a board's structure kept for reuse). */
import { Hono } from 'hono'
import { z } from 'zod'
import { saveTemplateBody } from '../../shared/api.ts'
import { hasRole } from '../../shared/roles.ts'
import type { BoardService } from '../boards/board-service.ts'
import type { Config } from '../config.ts'
import { presentedToken, refusal } from './access.ts'
import { isAdmin } from './admin-routes.ts'
import { HttpError, readJsonBody } from './errors.ts'

const templateIdParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)

/** The `:id` of the path; one that cannot be a template id is not found either. */
function templateId(raw: string | undefined): string {
  const id = templateIdParam.safeParse(raw)
  if (!id.success) throw new HttpError(404, 'template not found', 'template_not_found')
  return id.data
}

export function templateRoutes(config: Config, service: BoardService): Hono {
  const routes = new Hono()
  const templates = service.templates

  /**
   * Built-in templates for anyone; saved ones for the admin (all) or, with `?board=<id>` and that
   * board's facilitator token, the ones saved from that board.
   */
  routes.get('/', async (c) => {
    const token = presentedToken(c)
    if (isAdmin(config, token)) return c.json(await templates.list({ all: true }))
    const boardId = c.req.query('board')
    if (boardId === undefined) return c.json(await templates.list())
    const access = await service.authorize(boardId, token)
    if (access.kind !== 'granted') throw refusal(access)
    if (!hasRole(access.role, 'facilitator')) throw new HttpError(403, 'this needs the facilitator link', 'role_required')
    return c.json(await templates.list({ boards: [access.board.id] }))
  })

  /** Deletes a saved template: the facilitator of the board it was saved from, or the admin. */
  routes.delete('/:id', async (c) => {
    const template = await templates.findSaved(templateId(c.req.param('id')))
    const token = presentedToken(c)
    if (!isAdmin(config, token)) {
      if (template.sourceBoard === null) throw new HttpError(403, 'only the admin can delete this template', 'template_admin_only')
      const access = await service.authorize(template.sourceBoard, token)
      if (access.kind !== 'granted') throw new HttpError(401, 'missing or invalid token', 'invalid_token')
      if (!hasRole(access.role, 'facilitator')) throw new HttpError(403, 'this needs the facilitator link of the board it was saved from', 'role_required')
    }
    await templates.deleteSaved(template.id)
    return c.body(null, 204)
  })

  routes.get('/:id', async (c) => c.json(await templates.detail(templateId(c.req.param('id')))))

  routes.post('/', async (c) => {
    const body = await readJsonBody(c, saveTemplateBody)
    const access = await service.authorize(body.boardId, presentedToken(c))
    if (access.kind !== 'granted') throw refusal(access)
    if (!hasRole(access.role, 'facilitator')) throw new HttpError(403, 'this needs the facilitator link', 'role_required')
    const saved = await templates.saveFromBoard(access.board.id, { title: body.title, description: body.description, keep: body.keep })
    return c.json(saved, 201)
  })

  return routes
}
