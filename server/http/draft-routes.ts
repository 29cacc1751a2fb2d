/** /api/boards/:id/drafts: the silent round, reveals and the facilitator's view of draft counts. */
import { Hono } from 'hono'
import { draftKeyParam, revealBody, silentRoundBody } from '../../shared/api.ts'
import type { BoardService } from '../boards/board-service.ts'
import { requireBoardRole, type BoardAccessEnv } from './access.ts'
import { HttpError, readJsonBody } from './errors.ts'

/** The `:draftKey` of the path: 400 invalid_draft_key when it cannot be one. */
export function draftKeyOf(raw: string | undefined): string {
  const key = draftKeyParam.safeParse(raw)
  if (!key.success) throw new HttpError(400, 'invalid draft key', 'invalid_draft_key')
  return key.data
}

export function draftRoutes(service: BoardService): Hono<BoardAccessEnv> {
  const routes = new Hono<BoardAccessEnv>()
  const drafts = service.drafts

  routes.get('/:id/drafts', requireBoardRole(service, 'facilitator'), async (c) => c.json(await drafts.counts(c.var.board.id)))

  routes.post('/:id/drafts/silent-round', requireBoardRole(service, 'facilitator'), async (c) => {
    const body = await readJsonBody(c, silentRoundBody, { optional: true })
    return c.json(await drafts.startSilentRound(c.var.board.id, body.minutes))
  })

  routes.delete('/:id/drafts/silent-round', requireBoardRole(service, 'facilitator'), async (c) => c.json(await drafts.stopSilentRound(c.var.board.id)))

  routes.post('/:id/drafts/reveal', requireBoardRole(service, 'facilitator'), async (c) => {
    await readJsonBody(c, revealBody.pick({}), { optional: true })
    return c.json(await drafts.revealAll(c.var.board.id))
  })

  routes.post('/:id/drafts/:draftKey/reveal', requireBoardRole(service, 'editor'), async (c) => {
    const draftKey = draftKeyOf(c.req.param('draftKey'))
    const body = await readJsonBody(c, revealBody, { optional: true })
    return c.json(await drafts.reveal(c.var.board.id, draftKey, body.ids))
  })

  return routes
}
