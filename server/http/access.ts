/** Token handling shared by HTTP routes and the websocket upgrade. */
import type { Context, MiddlewareHandler } from 'hono'
import type { BoardInfo } from '../../shared/api.ts'
import { boardIdParam } from '../../shared/api.ts'
import { hasRole, type Role } from '../../shared/roles.ts'
import type { Access } from '../storage/stores.ts'
import { HttpError } from './errors.ts'

export type BoardAccessEnv = { Variables: { board: BoardInfo; role: Role } }

/** Whatever tells which role a token grants on a board: the board service, or the repository itself. */
export interface BoardAuthorizer {
  authorize(boardId: string, token: string | null): Promise<Access>
}

/** The token from `Authorization: Bearer …`, else from `?token=`. */
export function presentedToken(c: Context): string | null {
  const header = c.req.header('authorization')
  const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1]
  return bearer ?? c.req.query('token') ?? null
}

/** Why access was refused, as an HTTP error: 404 for no board, 401 for any token problem. */
export function refusal(access: Exclude<Access, { kind: 'granted' }>): HttpError {
  switch (access.kind) {
    case 'no-board':
      return new HttpError(404, 'board not found', 'board_not_found')
    case 'expired':
      return new HttpError(401, 'this link has expired', 'link_expired')
    case 'denied':
      return new HttpError(401, 'missing or invalid token', 'invalid_token')
  }
}

/**
 * Resolves `:id` and the presented token to a role, and requires at least `required`.
 * Unknown board: 404; missing or wrong token: 401; too weak a role: 403.
 */
export function requireBoardRole(boards: BoardAuthorizer, required: Role): MiddlewareHandler<BoardAccessEnv> {
  return async (c, next) => {
    const id = boardIdParam.safeParse(c.req.param('id'))
    if (!id.success) throw new HttpError(404, 'board not found', 'board_not_found')
    const access = await boards.authorize(id.data, presentedToken(c))
    if (access.kind !== 'granted') throw refusal(access)
    if (!hasRole(access.role, required)) throw new HttpError(403, `this needs the ${required} link`, 'role_required')
    c.set('board', access.board)
    c.set('role', access.role)
    await next()
  }
}
