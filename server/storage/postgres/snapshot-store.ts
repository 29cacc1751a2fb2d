/** Named and automatic snapshots of boards in PostgreSQL, each self-contained (full state + schema). */
import type { SerializedSchema } from '@tldraw/store'
import type { SnapshotInfo } from '../../../shared/api.ts'
import { autoSnapshotsToPrune, type RetentionPolicy } from '../../snapshots/retention.ts'
import { newId } from '../../tokens.ts'
import type { AutoCapture, SnapshotStore, SnapshotUsage, StoredSnapshot } from '../stores.ts'
import { stateWithoutAuthors } from '../without-authors.ts'
import { transaction, type PgClient, type PgPool } from './database.ts'

interface SnapshotRow {
  id: string
  label: string
  created_at: Date
  auto: boolean
  session_start: Date | null
  changes: number | null
}

const INFO_COLUMNS = 'id, label, created_at, auto, session_start, changes'
const NEWEST_FIRST = 'ORDER BY created_at DESC, ordinal DESC'

function toInfo(row: SnapshotRow): SnapshotInfo {
  const info: SnapshotInfo = { id: row.id, label: row.label, createdAt: row.created_at.toISOString(), auto: row.auto }
  if (row.session_start !== null && row.changes !== null) info.session = { startedAt: row.session_start.toISOString(), changes: row.changes }
  return info
}

export class PgSnapshotStore implements SnapshotStore {
  constructor(
    private readonly pool: PgPool,
    private readonly retention: RetentionPolicy,
  ) {}

  async capture(boardId: string, input: { label: string; auto: boolean; state: Uint8Array; schema: SerializedSchema }): Promise<SnapshotInfo> {
    const info: SnapshotInfo = { id: newId(), label: input.label, createdAt: new Date().toISOString(), auto: input.auto }
    await transaction(this.pool, async (client) => {
      await client.query('INSERT INTO snapshots (id, board_id, label, created_at, auto, state, schema) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        info.id,
        boardId,
        info.label,
        info.createdAt,
        info.auto,
        input.state,
        JSON.stringify(input.schema),
      ])
      if (info.auto) await this.prune(client, boardId)
    })
    return info
  }

  async captureAuto(boardId: string, input: AutoCapture): Promise<SnapshotInfo> {
    const info: SnapshotInfo = {
      id: newId(),
      label: input.label,
      createdAt: new Date().toISOString(),
      auto: true,
      session: { startedAt: input.sessionStart.toISOString(), changes: input.changes },
    }
    await transaction(this.pool, async (client) => {
      if (input.replaces !== undefined) await client.query('DELETE FROM snapshots WHERE id = $1', [input.replaces])
      await client.query(
        `INSERT INTO snapshots (id, board_id, label, created_at, auto, state, schema, session_start, changes)
         VALUES ($1, $2, $3, $4, true, $5, $6, $7, $8)`,
        [info.id, boardId, info.label, info.createdAt, input.state, JSON.stringify(input.schema), info.session!.startedAt, input.changes],
      )
      await this.prune(client, boardId)
    })
    return info
  }

  async latestAuto(boardId: string): Promise<SnapshotInfo | null> {
    const { rows } = await this.pool.query<SnapshotRow>(`SELECT ${INFO_COLUMNS} FROM snapshots WHERE board_id = $1 AND auto ${NEWEST_FIRST} LIMIT 1`, [boardId])
    return rows[0] ? toInfo(rows[0]) : null
  }

  async latest(boardId: string): Promise<Date | null> {
    const { rows } = await this.pool.query<{ created_at: Date | null }>('SELECT max(created_at) AS created_at FROM snapshots WHERE board_id = $1', [boardId])
    return rows[0]?.created_at ?? null
  }

  async listFor(boardId: string): Promise<SnapshotInfo[]> {
    const { rows } = await this.pool.query<SnapshotRow>(`SELECT ${INFO_COLUMNS} FROM snapshots WHERE board_id = $1 ${NEWEST_FIRST}`, [boardId])
    return rows.map(toInfo)
  }

  async get(boardId: string, snapshotId: string): Promise<StoredSnapshot | null> {
    const { rows } = await this.pool.query<SnapshotRow & { state: Buffer; schema: string }>(
      `SELECT ${INFO_COLUMNS}, state, schema FROM snapshots WHERE board_id = $1 AND id = $2`,
      [boardId, snapshotId],
    )
    const row = rows[0]
    return row ? { ...toInfo(row), state: row.state, schema: JSON.parse(row.schema) as SerializedSchema } : null
  }

  async usage(boardId: string): Promise<SnapshotUsage> {
    const { rows } = await this.pool.query<{ manual: string; bytes: string }>(
      'SELECT count(*) FILTER (WHERE NOT auto) AS manual, coalesce(sum(octet_length(state)), 0) AS bytes FROM snapshots WHERE board_id = $1',
      [boardId],
    )
    return { manual: Number(rows[0]?.manual ?? 0), bytes: Number(rows[0]?.bytes ?? 0) }
  }

  async statesWithoutAuthors(boardId: string, maxBytes: number): Promise<Map<string, Uint8Array | null>> {
    const states = new Map<string, Uint8Array | null>()
    let bytes = 0
    // One state in memory at a time: a board may keep many snapshots of tens of MB.
    for (const id of await snapshotIds(this.pool, boardId)) {
      if (bytes >= maxBytes) break
      const row = await stateOf(this.pool, id)
      if (!row) continue
      const clean = stateWithoutAuthors(row.state, JSON.parse(row.schema) as SerializedSchema)
      states.set(id, clean)
      bytes += clean?.byteLength ?? 0
    }
    return states
  }

  private async prune(client: PgClient, boardId: string): Promise<void> {
    const { rows } = await client.query<{ id: string; created_at: Date }>('SELECT id, created_at FROM snapshots WHERE board_id = $1 AND auto', [boardId])
    const doomed = autoSnapshotsToPrune(
      rows.map((row) => ({ id: row.id, createdAt: row.created_at.toISOString() })),
      new Date(),
      this.retention,
    )
    if (doomed.length > 0) await client.query('DELETE FROM snapshots WHERE id = ANY($1::text[])', [doomed])
  }
}

export async function snapshotIds(client: Pick<PgClient, 'query'>, boardId: string): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>('SELECT id FROM snapshots WHERE board_id = $1 ORDER BY ordinal', [boardId])
  return rows.map((row) => row.id)
}

export async function stateOf(client: Pick<PgClient, 'query'>, id: string): Promise<{ state: Buffer; schema: string } | undefined> {
  const { rows } = await client.query<{ state: Buffer; schema: string }>('SELECT state, schema FROM snapshots WHERE id = $1', [id])
  return rows[0]
}
