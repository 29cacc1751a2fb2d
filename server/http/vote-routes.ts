/** /api/boards/:id/votes: dot voting (contract "Voting"). */
import { Hono } from 'hono'
import { z } from 'zod'
import { ballotBody, newVoteBody } from '../../shared/api.ts'
import type { BoardService } from '../boards/board-service.ts'
import { requireBoardRole, type BoardAccessEnv } from './access.ts'
import { draftKeyOf } from './draft-routes.ts'
import { HttpError, readJsonBody } from './errors.ts'

const voteIdParam = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)

/** The `:voteId` of the path; one that cannot be a vote id is not found either. */
function voteIdOf(raw: string | undefined): string {
  const id = voteIdParam.safeParse(raw)
  if (!id.success) throw new HttpError(404, 'vote not found', 'vote_not_found')
  return id.data
}

export function voteRoutes(service: BoardService): Hono<BoardAccessEnv> {
  const routes = new Hono<BoardAccessEnv>()
  const votes = service.votes

  routes.get('/:id/votes', requireBoardRole(service, 'viewer'), async (c) => c.json(await votes.list(c.var.board.id)))

  routes.post('/:id/votes', requireBoardRole(service, 'facilitator'), async (c) => {
    const body = await readJsonBody(c, newVoteBody)
    return c.json(await votes.open(c.var.board.id, body), 201)
  })

  routes.get('/:id/votes/:voteId', requireBoardRole(service, 'viewer'), async (c) => {
    const raw = c.req.query('draftKey')
    return c.json(await votes.get(c.var.board.id, voteIdOf(c.req.param('voteId')), raw === undefined ? undefined : draftKeyOf(raw)))
  })

  routes.post('/:id/votes/:voteId/ballots', requireBoardRole(service, 'editor'), async (c) => {
    const voteId = voteIdOf(c.req.param('voteId'))
    const body = await readJsonBody(c, ballotBody)
    return c.json(await votes.cast(c.var.board.id, voteId, body.draftKey, body.shapeId), 201)
  })

  routes.delete('/:id/votes/:voteId/ballots', requireBoardRole(service, 'editor'), async (c) => {
    const voteId = voteIdOf(c.req.param('voteId'))
    const body = await readJsonBody(c, ballotBody)
    return c.json(await votes.withdraw(c.var.board.id, voteId, body.draftKey, body.shapeId))
  })

  routes.post('/:id/votes/:voteId/close', requireBoardRole(service, 'facilitator'), async (c) => c.json(await votes.close(c.var.board.id, voteIdOf(c.req.param('voteId')))))

  return routes
}
