/** The facilitator's calls: board settings, role links and deleting the board. */
import type { BoardForRole, LinkListing, PatchBoardBody, RegeneratedLink } from '../../shared/api.ts'
import { call, type ApiResult } from '../api/client.ts'

/** The two links a facilitator manages; the facilitator link itself is never replaced (it would lock them out). */
export const MANAGED_ROLES = ['editor', 'viewer'] as const
export type ManagedRole = (typeof MANAGED_ROLES)[number]

const boardPath = (id: string) => `/api/boards/${encodeURIComponent(id)}`

export function patchBoard(id: string, token: string, patch: PatchBoardBody): Promise<ApiResult<BoardForRole>> {
  return call<BoardForRole>(boardPath(id), { method: 'PATCH', body: JSON.stringify(patch) }, token)
}

export function deleteBoard(id: string, token: string): Promise<ApiResult<null>> {
  return call<null>(boardPath(id), { method: 'DELETE' }, token)
}

export function listLinks(id: string, token: string): Promise<ApiResult<LinkListing[]>> {
  return call<LinkListing[]>(`${boardPath(id)}/links`, {}, token)
}

/** Replaces a role's link: the old one stops working at once, for everyone using it. */
export function regenerateLink(id: string, token: string, role: ManagedRole): Promise<ApiResult<RegeneratedLink>> {
  return call<RegeneratedLink>(`${boardPath(id)}/links/${role}/regenerate`, { method: 'POST' }, token)
}

export function setLinkExpiry(id: string, token: string, role: ManagedRole, expiresAt: string | null): Promise<ApiResult<LinkListing>> {
  return call<LinkListing>(`${boardPath(id)}/links/${role}`, { method: 'PATCH', body: JSON.stringify({ expiresAt }) }, token)
}
