/** The admin page's calls (Bearer ADMIN_TOKEN) and where it keeps the token: this tab only. */
import type { BoardListing } from '../../shared/api.ts'
import { call, type ApiResult } from '../api/client.ts'

const TOKEN_KEY = 'dialoogbord:admin-token'

export function listAllBoards(adminToken: string): Promise<ApiResult<BoardListing[]>> {
  return call<BoardListing[]>('/api/admin/boards', {}, adminToken)
}

export function deleteAnyBoard(adminToken: string, id: string): Promise<ApiResult<null>> {
  return call<null>(`/api/admin/boards/${encodeURIComponent(id)}`, { method: 'DELETE' }, adminToken)
}

/** sessionStorage, not localStorage: closing the tab logs the administrator out. */
export function loadAdminToken(): string | null {
  try {
    return globalThis.sessionStorage?.getItem(TOKEN_KEY) || null
  } catch {
    return null
  }
}

export function saveAdminToken(token: string | null): void {
  try {
    if (token) globalThis.sessionStorage?.setItem(TOKEN_KEY, token)
    else globalThis.sessionStorage?.removeItem(TOKEN_KEY)
  } catch {
    // No sessionStorage: the token lives in memory until the page closes.
  }
}
