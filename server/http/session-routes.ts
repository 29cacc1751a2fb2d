/**
 * Running the session: the server's clock (`GET /api/time`, for anyone), the timer and the agenda
 * (`/api/boards/:id/timer`, `/agenda`, facilitator only). The work is in TimerWorkflows.
 */
import { Hono } from 'hono'
import { agendaBody, timerBody, type ServerTimeJson } from '../../shared/timer-api.ts'
import type { BoardService } from '../boards/board-service.ts'
import { requireBoardRole, type BoardAccessEnv } from './access.ts'
import { HttpError, readJsonBody } from './errors.ts'

/** `GET /time`: the server's clock, so every client counts down to the same moment. */
export function timeRoutes(): Hono {
  const routes = new Hono()
  routes.get('/', (c) => {
    // Never from a cache: a stale answer would be a wrong clock.
    c.header('Cache-Control', 'no-store')
    return c.json({ now: new Date().toISOString() } satisfies ServerTimeJson)
  })
  return routes
}

export function sessionRoutes(service: BoardService): Hono<BoardAccessEnv> {
  const routes = new Hono<BoardAccessEnv>()
  const timer = service.timer

  routes.post('/:id/timer', requireBoardRole(service, 'facilitator'), async (c) => {
    const body = await readJsonBody(c, timerBody)
    return c.json(await timer.act(c.var.board.id, body))
  })

  routes.put('/:id/agenda', requireBoardRole(service, 'facilitator'), async (c) => c.json(await timer.setAgenda(c.var.board.id, await readJsonBody(c, agendaBody))))

  routes.post('/:id/agenda/:zone/start', requireBoardRole(service, 'facilitator'), async (c) => c.json(await timer.startStep(c.var.board.id, zoneOf(c.req.param('zone')))))

  routes.post('/:id/agenda/end', requireBoardRole(service, 'facilitator'), async (c) => c.json(await timer.endStep(c.var.board.id)))

  return routes
}

function zoneOf(raw: string | undefined): string {
  if (raw === undefined || raw.length === 0 || raw.length > 100) throw new HttpError(404, 'this board has no such part', 'not_found')
  return raw
}
