/** /api/boards/:id/summon and /spotlight: "Breng iedereen hierheen" and "Volg mij" (facilitator only). */
import { Hono } from 'hono'
import { z } from 'zod'
import type { BoardService } from '../boards/board-service.ts'
import { requireBoardRole, type BoardAccessEnv } from './access.ts'
import { readJsonBody } from './errors.ts'

/** Page coordinates far beyond any board (tldraw's own pages stay well within). */
const MAX_COORDINATE = 1e7
/** The largest area one can be brought to: a whole big board, not an absurd one. */
const MAX_SIZE = 1e6

const coordinate = z.number().finite().min(-MAX_COORDINATE).max(MAX_COORDINATE)
const size = z.number().finite().positive().max(MAX_SIZE)

export const summonBody = z.strictObject({
  pageId: z.string().regex(/^page:[\w-]{1,64}$/, 'pageId must be a tldraw page id'),
  bounds: z.strictObject({ x: coordinate, y: coordinate, w: size, h: size }),
})

/** A Yjs awareness client id: a positive 32-bit integer. */
export const spotlightBody = z.strictObject({ clientId: z.number().int().min(0).max(0xffffffff) })

export function followRoutes(service: BoardService): Hono<BoardAccessEnv> {
  const routes = new Hono<BoardAccessEnv>()
  const follow = service.follow

  routes.post('/:id/summon', requireBoardRole(service, 'facilitator'), async (c) => {
    const body = await readJsonBody(c, summonBody)
    return c.json(await follow.summon(c.var.board.id, body))
  })

  routes.put('/:id/spotlight', requireBoardRole(service, 'facilitator'), async (c) => {
    const body = await readJsonBody(c, spotlightBody)
    return c.json(await follow.spotlight(c.var.board.id, body.clientId))
  })

  routes.delete('/:id/spotlight', requireBoardRole(service, 'facilitator'), async (c) => c.json(await follow.stopSpotlight(c.var.board.id)))

  return routes
}
