/**
 * Rate limits on the routes that cost the server most: making boards (create, import, fork) per
 * client address while anyone may do so, and the heavy reads and writes per address and per board.
 * Mounted on the API before its routes, so a refused request never reaches them.
 */
import type { Context, Hono } from 'hono'
import type { Config } from '../config.ts'
import type { Logger } from '../log.ts'
import type { BoardStore } from '../storage/stores.ts'
import { presentedToken } from './access.ts'
import { clientAddress, rateLimit, type RateLimiters } from './rate-limit.ts'

const HOUR_MS = 60 * 60_000
const MINUTE_MS = 60_000

/** Routes that make a new board. */
const CREATING: ReadonlyArray<readonly [method: string, path: string]> = [
  ['POST', '/boards'],
  ['POST', '/boards/import'],
  ['POST', '/boards/:id/snapshots/:sid/fork'],
]

/** Routes that read, copy or rebuild a whole board. */
const EXPENSIVE: ReadonlyArray<readonly [method: string, path: string]> = [
  ['GET', '/boards/:id/report.md'],
  ['GET', '/boards/:id/harvest.json'],
  ['GET', '/boards/:id/report.docx'],
  ['GET', '/boards/:id/report.pdf'],
  // The calendar files build the same harvest model as harvest.json when it is not cached.
  ['GET', '/boards/:id/followup.ics'],
  ['GET', '/boards/:id/agreements/:cardId/event.ics'],
  ['GET', '/boards/:id/export.json'],
  ['POST', '/boards/:id/snapshots'],
  ['GET', '/boards/:id/snapshots/:sid'],
  ['POST', '/boards/:id/snapshots/:sid/restore'],
  ['POST', '/boards/:id/snapshots/:sid/fork'],
  ['POST', '/boards/import'],
  ['POST', '/boards/:id/drafts/reveal'],
]

export function mountRequestLimits(api: Hono, config: Config, boards: Pick<BoardStore, 'authorize'>, limiters: RateLimiters, logger: Logger): void {
  let warned = false
  const address = (c: Context) => {
    // Behind a proxy without TRUST_PROXY every client has the proxy's address, and one budget.
    if (!config.trustProxy && !warned && c.req.header('x-forwarded-for') !== undefined) {
      warned = true
      logger.warn('requests arrive through a proxy (X-Forwarded-For) but TRUST_PROXY is off: all clients share one rate limit budget')
    }
    return `address:${clientAddress(c, config.trustProxy)}`
  }

  // With ADMIN_TOKEN set only the admin makes boards, and is not limited.
  const creation = limiters('boards-created', config.boardsPerHourPerAddress, HOUR_MS)
  const creationLimit = rateLimit(creation, (c) => (config.adminToken === null ? [address(c)] : null), 'new boards from this address')
  for (const [method, path] of CREATING) api.on(method, path, creationLimit)

  const expensive = limiters('expensive', config.expensiveRequestsPerMinute, MINUTE_MS)
  const expensiveLimit = rateLimit(
    expensive,
    async (c) => {
      const board = c.req.param('id')
      // Only someone let into the board spends its budget: a stranger who knows the id cannot use it up.
      const member = board !== undefined && (await boards.authorize(board, presentedToken(c))).kind === 'granted'
      return member ? [address(c), `board:${board}`] : [address(c)]
    },
    'heavy requests (reports, exports, snapshots, restores, forks, imports)',
  )
  for (const [method, path] of EXPENSIVE) api.on(method, path, expensiveLimit)
}
