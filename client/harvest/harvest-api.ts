/**
 * The harvest of a board: its model (`GET /api/boards/:id/harvest.json`) for the Oogst view. The
 * files made from it (report.md, .docx, .pdf) are downloaded through exports/exports-api.ts.
 */
import type { HarvestModel } from '../../shared/harvest-model.ts'
import { call, type ApiResult } from '../api/client.ts'

export function fetchHarvestModel(boardId: string, token: string, signal?: AbortSignal): Promise<ApiResult<HarvestModel>> {
  return call<HarvestModel>(`/api/boards/${encodeURIComponent(boardId)}/harvest.json`, { cache: 'no-store', ...(signal ? { signal } : {}) }, token)
}
