/** Named and automatic snapshots of boards, each self-contained (full state + schema). */
import type { SerializedSchema } from '@tldraw/store'
import type { SnapshotInfo } from '../../shared/api.ts'
import type { Db } from '../db/database.ts'
import { newId } from '../tokens.ts'
import type { StoredRecord } from '../../shared/doc-layout.ts'
import { decodeContent } from '../document-records.ts'
import { encodeDocument } from '../initial-document.ts'
import { carriesAuthor, withoutAuthor } from '../../shared/authorship.ts'
import { autoSnapshotsToPrune, type RetentionPolicy } from './retention.ts'

export interface StoredSnapshot extends SnapshotInfo {
  state: Uint8Array
  schema: SerializedSchema
}

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

/** An automatic snapshot to store; `replaces` is the one it brings up to date (deleted in the same transaction). */
export interface AutoCapture {
  label: string
  state: Uint8Array
  schema: SerializedSchema
  sessionStart: Date
  changes: number
  replaces?: string
}

/** A snapshot's state re-encoded without author fields, or null when it names nobody. */
function stateWithoutAuthors(state: Uint8Array, schema: string): Uint8Array | null {
  const { records } = decodeContent(state)
  if (!records.some(carriesAuthor)) return null
  const clean = records.map(withoutAuthor).filter((record): record is StoredRecord => record !== null)
  return encodeDocument(clean, JSON.parse(schema) as SerializedSchema)
}

export class SnapshotStore {
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

  constructor(
    private readonly db: Db,
    private readonly retention: RetentionPolicy,
  ) {
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

  capture(boardId: string, input: { label: string; auto: boolean; state: Uint8Array; schema: SerializedSchema }): SnapshotInfo {
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
  captureAuto(boardId: string, input: AutoCapture): SnapshotInfo {
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
  latestAuto(boardId: string): SnapshotInfo | null {
    const row = this.latestAutoRow.get(boardId)
    return row ? toInfo(row) : null
  }

  listFor(boardId: string): SnapshotInfo[] {
    return this.list.all(boardId).map(toInfo)
  }

  get(boardId: string, snapshotId: string): StoredSnapshot | null {
    const row = this.selectOne.get(boardId, snapshotId)
    if (!row) return null
    return { ...toInfo(row), state: row.state, schema: JSON.parse(row.schema) as SerializedSchema }
  }

  /**
   * Every snapshot of the board as it would be without author fields, computed but not written
   * (a worker thread does this while the main thread scrubs the live board): id → its new state,
   * or null when it names nobody.
   */
  statesWithoutAuthors(boardId: string, maxBytes: number): Map<string, Uint8Array | null> {
    const states = new Map<string, Uint8Array | null>()
    let bytes = 0
    for (const { id } of this.selectIds.all(boardId)) {
      if (bytes >= maxBytes) break // the rest is scrubbed by removeAuthors itself
      const row = this.selectState.get(id)
      if (!row) continue
      const clean = stateWithoutAuthors(row.state, row.schema)
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
   * stay as they are, so running this again costs one decode each.
   */
  removeAuthors(boardId: string, computed: ReadonlyMap<string, Uint8Array | null> = new Map()): void {
    this.db.transaction(() => {
      // One state in memory at a time: a board may keep many snapshots of tens of MB.
      for (const { id } of this.selectIds.all(boardId)) {
        const row = computed.has(id) ? null : this.selectState.get(id)
        const clean = row ? stateWithoutAuthors(row.state, row.schema) : computed.get(id)
        if (clean) this.updateState.run(clean, id)
      }
    })()
  }

  /** When the board's newest snapshot was taken, if ever. */
  latest(boardId: string): Date | null {
    const at = this.latestAt.get(boardId)?.created_at
    return at ? new Date(at) : null
  }

  private prune(boardId: string): void {
    const autos = this.listAuto.all(boardId).map((row) => ({ id: row.id, createdAt: row.created_at }))
    for (const id of autoSnapshotsToPrune(autos, new Date(), this.retention)) this.deleteOne.run(id)
  }
}
