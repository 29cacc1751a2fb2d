/** The snapshot calls of our HTTP API (server/http/snapshot-routes.ts), typed. */
import type { SerializedSchema } from '@tldraw/store'
import type { CreatedBoard, RecordJson, SnapshotInfo } from '../../shared/api.ts'
import type { ClosedVote } from '../../shared/session.ts'
import { call, type ApiResult } from '../api/client.ts'

/** A snapshot with its records, as written: `schema` may be older than this client's. */
export interface SnapshotContent extends SnapshotInfo {
  schema: SerializedSchema
  records: RecordJson[]
  /** The closed dot votes in the snapshot's document (`meta.votes`), when the server sends them. */
  votes?: ClosedVote[]
}

export interface RestoreResult {
  restored: string
  /** The snapshot of the state just before the restore. */
  before: SnapshotInfo
}

const snapshotsPath = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/snapshots`
const snapshotPath = (boardId: string, snapshotId: string) => `${snapshotsPath(boardId)}/${encodeURIComponent(snapshotId)}`

/** Newest first. */
export function listSnapshots(boardId: string, token: string): Promise<ApiResult<SnapshotInfo[]>> {
  return call<SnapshotInfo[]>(snapshotsPath(boardId), {}, token)
}

/** Without a label the server names it after the moment ("Stand van …"). */
export function captureSnapshot(boardId: string, token: string, label: string): Promise<ApiResult<SnapshotInfo>> {
  const body = label.trim() ? { label: label.trim() } : {}
  return call<SnapshotInfo>(snapshotsPath(boardId), { method: 'POST', body: JSON.stringify(body) }, token)
}

export function getSnapshot(boardId: string, token: string, snapshotId: string): Promise<ApiResult<SnapshotContent>> {
  return call<SnapshotContent>(snapshotPath(boardId, snapshotId), {}, token)
}

export function restoreSnapshot(boardId: string, token: string, snapshotId: string): Promise<ApiResult<RestoreResult>> {
  return call<RestoreResult>(`${snapshotPath(boardId, snapshotId)}/restore`, { method: 'POST' }, token)
}

/**
 * Without a title the server calls it "<title> (vervolg)". `adminToken` only matters on servers
 * started with ADMIN_TOKEN, where a fork (a new board) needs it next to the facilitator's token.
 */
export function forkSnapshot(boardId: string, token: string, snapshotId: string, title: string, adminToken?: string): Promise<ApiResult<CreatedBoard>> {
  const body = title.trim() ? { title: title.trim() } : {}
  const headers: Record<string, string> = adminToken ? { 'x-admin-token': adminToken } : {}
  return call<CreatedBoard>(`${snapshotPath(boardId, snapshotId)}/fork`, { method: 'POST', body: JSON.stringify(body), headers }, token)
}
