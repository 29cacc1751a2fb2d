/**
 * The harvest of a board: its model (`GET /api/boards/:id/harvest.json`) for the Oogst view, and
 * `report.md`, Markdown, with a file name to save it as.
 */
import type { HarvestModel } from '../../shared/harvest-model.ts'
import { call, send, type ApiResult } from '../api/client.ts'

export interface Harvest {
  markdown: string
  filename: string
}

const FALLBACK_FILENAME = 'oogst.md'

export function fetchHarvestModel(boardId: string, token: string, signal?: AbortSignal): Promise<ApiResult<HarvestModel>> {
  return call<HarvestModel>(`/api/boards/${encodeURIComponent(boardId)}/harvest.json`, { cache: 'no-store', ...(signal ? { signal } : {}) }, token)
}

export async function fetchHarvest(boardId: string, token: string, signal?: AbortSignal): Promise<ApiResult<Harvest>> {
  const response = await send(
    `/api/boards/${encodeURIComponent(boardId)}/report.md`,
    { headers: { accept: 'text/markdown' }, cache: 'no-store', ...(signal ? { signal } : {}) },
    token,
  )
  if (!(response instanceof Response)) return response
  return { ok: true, value: { markdown: await response.text(), filename: filenameFrom(response.headers.get('content-disposition')) } }
}

/** The file name in `Content-Disposition: attachment; filename="…"`, reduced to a safe one. */
export function filenameFrom(header: string | null): string {
  const match = header ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header) : null
  let name = match?.[1] ?? ''
  try {
    name = decodeURIComponent(name)
  } catch {
    // Not percent-encoded after all: keep it as it came.
  }
  name = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').trim()
  return name || FALLBACK_FILENAME
}

/** Saves text as a file through a temporary object URL. */
export function downloadText(text: string, filename: string, type = 'text/markdown;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
