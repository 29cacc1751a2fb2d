/**
 * Typed calls to our HTTP API (same origin). Every call resolves to a result instead of
 * throwing, so pages can tell "no such board" (404), "bad link" (401) and "no network" apart.
 */
import type { BoardForRole, ClientConfig, CreateBoardBody, CreatedBoard, TemplateSummary } from '../../shared/api.ts'
import { isErrorCode, type ErrorCode } from '../../shared/errors.ts'
import { loadLang, translate } from '../i18n.ts'

export type ApiResult<T> =
  | { ok: true; value: T }
  /** `status` 0 means the request never got an answer (offline, server down). */
  | { ok: false; status: number; message: string; code?: ErrorCode }

type ApiFailure = Extract<ApiResult<never>, { ok: false }>

/**
 * One request to our API: the response when it succeeded, else why not (no answer, or the
 * server's `{"error"}` message with its status). JSON unless `init` asks for another type.
 */
export async function send(path: string, init: RequestInit = {}, token?: string): Promise<Response | ApiFailure> {
  const headers = new Headers(init.headers)
  if (!headers.has('accept')) headers.set('accept', 'application/json')
  if (init.body !== undefined) headers.set('content-type', 'application/json')
  if (token) headers.set('authorization', `Bearer ${token}`)
  let response: Response
  try {
    response = await fetch(path, { ...init, headers, credentials: 'same-origin' })
  } catch (error) {
    return { ok: false, status: 0, message: error instanceof Error ? error.message : String(error) }
  }
  if (response.ok) return response
  // Not JSON (an HTML error page from a proxy, say): the status says enough.
  const body: unknown = await response.json().catch(() => null)
  const { error, code } = typeof body === 'object' && body !== null ? (body as { error?: unknown; code?: unknown }) : {}
  // A coded refusal is shown in the reader's language; the server's English text is the fallback.
  if (isErrorCode(code)) return { ok: false, status: response.status, code, message: translate(loadLang(), `error.${code}`) }
  return { ok: false, status: response.status, message: typeof error === 'string' ? error : `HTTP ${response.status}` }
}

/** One JSON call; feature modules build their typed calls on it. */
export async function call<T>(path: string, init: RequestInit = {}, token?: string): Promise<ApiResult<T>> {
  const response = await send(path, init, token)
  if (!(response instanceof Response)) return response
  const body: unknown = await response.json().catch(() => null)
  return { ok: true, value: body as T }
}

export function getConfig(): Promise<ApiResult<ClientConfig>> {
  return call<ClientConfig>('/api/config')
}

/** The built-in templates; with the admin token also every saved one. */
export function listTemplates(adminToken?: string): Promise<ApiResult<TemplateSummary[]>> {
  return call<TemplateSummary[]>('/api/templates', {}, adminToken)
}

/** `adminToken` only matters on servers started with ADMIN_TOKEN. */
export function createBoard(body: CreateBoardBody, adminToken?: string): Promise<ApiResult<CreatedBoard>> {
  return call<CreatedBoard>('/api/boards', { method: 'POST', body: JSON.stringify(body) }, adminToken)
}

export function getBoard(id: string, token: string): Promise<ApiResult<BoardForRole>> {
  return call<BoardForRole>(`/api/boards/${encodeURIComponent(id)}`, {}, token)
}
