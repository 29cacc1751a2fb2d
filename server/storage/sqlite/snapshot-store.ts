/** Named and automatic snapshots of boards in SQLite, each self-contained (full state + schema). */
import type { SerializedSchema } from '@tldraw/store'
import type { SnapshotInfo } from '../../../shared/api.ts'
import type { Db } from '../../db/database.ts'
import { autoSnapshotsToPrune, type RetentionPolicy } from '../../snapshots/retention.ts'
import { newId } from '../../tokens.ts'
import type { AutoCapture, SnapshotStore, SnapshotUsage, StoredSnapshot } from '../stores.ts'
import { stateWithoutAuthors } from '../without-authors.ts'

interface SnapshotRow {
  id: string
  label: string
  created_at: string
  auto: number
  session_start: string | null
  changes: number | null
}

const INFO_COLUMNS = 'id, label, created_at, auto, session_start, changes'

function toInfo(row: SnapshotRow): SnapshotInfo {
  const info: SnapshotInfo = { id: row.id, label: row.label, createdAt: row.created_at, auto: row.auto === 1 }
  if (row.session_start !== null && row.changes !== null) info.session = { startedAt: row.session_start, changes: row.changes }
  return info
}

/** A stored state without author fields (null: it names nobody); the schema column as stored. */
const withoutAuthors = (state: Uint8Array, schema: string) => stateWithoutAuthors(state, JSON.parse(schema) as SerializedSchema)

export class SqliteSnapshotStore implements SnapshotStore {
  private readonly insert
  private readonly list
  private readonly selectOne
  private readonly listAuto
  private readonly deleteOne
  private readonly latestAt
  private readonly insertAuto
  private readonly latestAutoRow
  private readonly selectIds
  private readonly selectState
  private readonly updateState
  private readonly selectUsage

  constructor(
    private readonly db: Db,
    private readonly retention: RetentionPolicy,
  ) {
    // length() of a blob comes from its header: no snapshot is read to count it.
    this.selectUsage = db.prepare<[string], SnapshotUsage>(
      'SELECT coalesce(sum(auto = 0), 0) AS manual, coalesce(sum(length(state)), 0) AS bytes FROM snapshots WHERE board_id = ?',
    )
    this.selectIds = db.prepare<[string], { id: string }>('SELECT id FROM snapshots WHERE board_id = ? ORDER BY rowid')
    this.selectState = db.prepare<[string], { state: Buffer; schema: string }>('SELECT state, schema FROM snapshots WHERE id = ?')
    this.updateState = db.prepare<[Uint8Array, string]>('UPDATE snapshots SET state = ? WHERE id = ?')
    this.insert = db.prepare('INSERT INTO snapshots (id, board_id, label, created_at, auto, state, schema) VALUES (?, ?, ?, ?, ?, ?, ?)')
    this.list = db.prepare<[string], SnapshotRow>(
      `SELECT ${INFO_COLUMNS} FROM snapshots WHERE board_id = ? ORDER BY created_at DESC, rowid DESC`,
    )
    this.selectOne = db.prepare<[string, string], SnapshotRow & { state: Buffer; schema: string }>(
      `SELECT ${INFO_COLUMNS}, state, schema FROM snapshots WHERE board_id = ? AND id = ?`,
    )
    this.listAuto = db.prepare<[string], { id: string; created_at: string }>(
      'SELECT id, created_at FROM snapshots WHERE board_id = ? AND auto = 1',
    )
    this.deleteOne = db.prepare('DELETE FROM snapshots WHERE id = ?')
    this.latestAt = db.prepare<[string], { created_at: string | null }>(
      'SELECT max(created_at) AS created_at FROM snapshots WHERE board_id = ?',
    )
    this.insertAuto = db.prepare(
      'INSERT INTO snapshots (id, board_id, label, created_at, auto, state, schema, session_start, changes) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)',
    )
    this.latestAutoRow = db.prepare<[string], SnapshotRow>(
      `SELECT ${INFO_COLUMNS} FROM snapshots WHERE board_id = ? AND auto = 1 ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    )
  }

  async capture(boardId: string, input: { label: string; auto: boolean; state: Uint8Array; schema: SerializedSchema }): Promise<SnapshotInfo> {
    const info: SnapshotInfo = { id: newId(), label: input.label, createdAt: new Date().toISOString(), auto: input.auto }
    this.db.transaction(() => {
      this.insert.run(info.id, boardId, info.label, info.createdAt, info.auto ? 1 : 0, input.state, JSON.stringify(input.schema))
      if (info.auto) this.prune(boardId)
    })()
    return info
  }

  /**
   * Stores an automatic snapshot, replacing `replaces` when given: the new one gets a new id, so
   * an id always names the same content (caches and open compare views stay right).
   */
  async captureAuto(boardId: string, input: AutoCapture): Promise<SnapshotInfo> {
    const createdAt = new Date().toISOString()
    const info: SnapshotInfo = {
      id: newId(),
      label: input.label,
      createdAt,
      auto: true,
      session: { startedAt: input.sessionStart.toISOString(), changes: input.changes },
    }
    this.db.transaction(() => {
      if (input.replaces !== undefined) this.deleteOne.run(input.replaces)
      this.insertAuto.run(info.id, boardId, info.label, createdAt, input.state, JSON.stringify(input.schema), info.session?.startedAt, input.changes)
      this.prune(boardId)
    })()
    return info
  }

  /** The board's newest automatic snapshot, if any. */
  async latestAuto(boardId: string): Promise<SnapshotInfo | null> {
    const row = this.latestAutoRow.get(boardId)
    return row ? toInfo(row) : null
  }

  async listFor(boardId: string): Promise<SnapshotInfo[]> {
    return this.list.all(boardId).map(toInfo)
  }

  async get(boardId: string, snapshotId: string): Promise<StoredSnapshot | null> {
    return this.getNow(boardId, snapshotId)
  }

  /** get(), synchronously (the read worker). */
  getNow(boardId: string, snapshotId: string): StoredSnapshot | null {
    const row = this.selectOne.get(boardId, snapshotId)
    if (!row) return null
    return { ...toInfo(row), state: row.state, schema: JSON.parse(row.schema) as SerializedSchema }
  }

  /**
   * Every snapshot of the board as it would be without author fields, computed but not written
   * (a worker thread does this while the main thread scrubs the live board): id → its new state,
   * or null when it names nobody.
   */
  async statesWithoutAuthors(boardId: string, maxBytes: number): Promise<Map<string, Uint8Array | null>> {
    return this.statesWithoutAuthorsNow(boardId, maxBytes)
  }

  /** statesWithoutAuthors(), synchronously (the read worker computes them off the event loop). */
  statesWithoutAuthorsNow(boardId: string, maxBytes: number): Map<string, Uint8Array | null> {
    const states = new Map<string, Uint8Array | null>()
    let bytes = 0
    for (const { id } of this.selectIds.all(boardId)) {
      if (bytes >= maxBytes) break // the rest is scrubbed by removeAuthorsNow itself
      const row = this.selectState.get(id)
      if (!row) continue
      const clean = withoutAuthors(row.state, row.schema)
      states.set(id, clean)
      bytes += clean?.byteLength ?? 0
    }
    return states
  }

  /**
   * Rewrites every snapshot of a board that still carries an author field (when it becomes
   * anonymous). Each is re-encoded from its records, so no removed value survives in its history.
   * `computed` holds states from statesWithoutAuthors: a snapshot's state never changes but by this
   * scrub, so they still hold; snapshots taken since are scrubbed here. Snapshots without authors
   * stay as they are, so running this again costs one decode each. Runs inside the anonymity
   * switch's transaction (SqliteStorage.commitAnonymous).
   */
  removeAuthorsNow(boardId: string, computed: ReadonlyMap<string, Uint8Array | null>): void {
    // One state in memory at a time: a board may keep many snapshots of tens of MB.
    for (const { id } of this.selectIds.all(boardId)) {
      const row = computed.has(id) ? null : this.selectState.get(id)
      const clean = row ? withoutAuthors(row.state, row.schema) : computed.get(id)
      if (clean) this.updateState.run(clean, id)
    }
  }

  async usage(boardId: string): Promise<SnapshotUsage> {
    return this.selectUsage.get(boardId) ?? { manual: 0, bytes: 0 }
  }

  /** When the board's newest snapshot was taken, if ever. */
  async latest(boardId: string): Promise<Date | null> {
    const at = this.latestAt.get(boardId)?.created_at
    return at ? new Date(at) : null
  }

  private prune(boardId: string): void {
    const autos = this.listAuto.all(boardId).map((row) => ({ id: row.id, createdAt: row.created_at }))
    for (const id of autoSnapshotsToPrune(autos, new Date(), this.retention)) this.deleteOne.run(id)
  }
}
