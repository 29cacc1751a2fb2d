/** /api/boards/:id/snapshots: capture, list, open, restore and fork. */
import { Hono } from 'hono'
import { z } from 'zod'
import { boardTitle } from '../../shared/api.ts'
import type { BoardService } from '../boards/board-service.ts'
import type { Config } from '../config.ts'
import { requireBoardRole, type BoardAccessEnv } from './access.ts'
import { createdBoard, requireAdminWhenConfigured } from './board-routes.ts'
import { HttpError, readJsonBody } from './errors.ts'
import { linkOrigin } from './link-origin.ts'

const LABEL_MAX = 200
const captureBody = z.strictObject({ label: z.string().trim().max(LABEL_MAX).optional() })
const forkBody = z.strictObject({ title: boardTitle.optional() })
const snapshotIdParam = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)

/** The `:sid` of the path; one that cannot be a snapshot id is not found either. */
function snapshotId(raw: string | undefined): string {
  const id = snapshotIdParam.safeParse(raw)
  if (!id.success) throw new HttpError(404, 'snapshot not found', 'snapshot_not_found')
  return id.data
}

export function snapshotRoutes(config: Config, service: BoardService): Hono<BoardAccessEnv> {
  const routes = new Hono<BoardAccessEnv>()
  const snapshots = service.snapshots

  routes.get('/:id/snapshots', requireBoardRole(service, 'viewer'), async (c) => c.json(await snapshots.list(c.var.board.id)))

  routes.post('/:id/snapshots', requireBoardRole(service, 'editor'), async (c) => {
    const body = await readJsonBody(c, captureBody, { optional: true })
    return c.json(await snapshots.capture(c.var.board.id, body.label), 201)
  })

  routes.get('/:id/snapshots/:sid', requireBoardRole(service, 'viewer'), async (c) => {
    const { head, members } = await snapshots.open(c.var.board.id, snapshotId(c.req.param('sid')))
    // The votes' and records' JSON as it is kept, never parsed again: spliced into the answer.
    const json = JSON.stringify(head)
    c.header('Content-Type', 'application/json')
    return c.body(Buffer.concat([Buffer.from(`${json.slice(0, -1)},`), members, Buffer.from('}')]), 200)
  })

  routes.post('/:id/snapshots/:sid/restore', requireBoardRole(service, 'facilitator'), async (c) =>
    c.json(await snapshots.restore(c.var.board.id, snapshotId(c.req.param('sid')))),
  )

  routes.post('/:id/snapshots/:sid/fork', requireBoardRole(service, 'facilitator'), async (c) => {
    // A fork makes a board: with ADMIN_TOKEN set, that needs it too (next to the facilitator's own token).
    requireAdminWhenConfigured(config, c.req.header('x-admin-token') ?? null)
    const origin = c.var.board
    // Found before the body is read: an unknown snapshot is a 404 whatever the body says.
    const snapshot = await snapshots.find(origin.id, snapshotId(c.req.param('sid')))
    const body = await readJsonBody(c, forkBody, { optional: true })
    const { board, tokens } = await snapshots.fork(origin, snapshot, body.title)
    return c.json(createdBoard(linkOrigin(c, config), board, tokens), 201)
  })

  return routes
}
