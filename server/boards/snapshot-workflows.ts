/**
 * Snapshot workflows of the board service: capture, list, open, restore and fork. Errors and
 * promises as in board-service.ts.
 */
import type { TLRecord } from '@tldraw/tlschema'
import { crc32 } from 'node:zlib'
import type { BoardInfo, SnapshotInfo } from '../../shared/api.ts'
import { metaMap, type StoredRecord } from '../../shared/doc-layout.ts'
import { LIVE_SESSION_KEYS } from '../../shared/session.ts'
import { decodeContent, isCurrentSchema, migrateToCurrent, replaceRecords, snapshotOf } from '../document-records.ts'
import { HttpError } from '../http/errors.ts'
import { encodeDocument } from '../initial-document.ts'
import { errorMessage } from '../log.ts'
import type { ReadCache } from '../report/read-cache.ts'
import type { ReadWorker } from '../report/read-worker.ts'
import type { SnapshotQuota } from '../snapshots/snapshot-quota.ts'
import type { BoardStore, SnapshotStore, Storage, StoredSnapshot } from '../storage/stores.ts'
import type { RoomManager } from '../sync/room-manager.ts'
import type { MadeBoard } from './board-service.ts'
import { formatBytes } from './format-bytes.ts'
import { writeSessionMeta } from './session-meta.ts'

/** A snapshot found by `find`, handed back to `fork` (so its state is read once). */
export type FoundSnapshot = StoredSnapshot

/** An opened snapshot: its description, and its `"votes":[…],"records":[…]` JSON members (UTF-8). */
export interface OpenedSnapshot {
  head: SnapshotInfo & { schema: StoredSnapshot['schema'] }
  members: Uint8Array
}

export function defaultLabel(date: Date): string {
  return `Stand van ${date.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' })}`
}

/** What the cached JSON of an opened snapshot was made from: its state (changed only by an author scrub). */
const snapshotSource = (snapshot: StoredSnapshot) => ({ key: `${snapshot.state.byteLength}:${crc32(snapshot.state)}` })
const snapshotCacheName = (boardId: string, snapshot: StoredSnapshot) => `snapshot:${boardId}:${snapshot.id}`

export class SnapshotWorkflows {
  private readonly boards: BoardStore
  private readonly rooms: RoomManager
  private readonly store: SnapshotStore
  private readonly quota: SnapshotQuota
  private readonly cache: ReadCache
  private readonly reads: Pick<ReadWorker, 'read'>

  constructor(parts: { storage: Pick<Storage, 'boards' | 'snapshots'>; rooms: RoomManager; quota: SnapshotQuota; cache: ReadCache; reads: Pick<ReadWorker, 'read'> }) {
    this.boards = parts.storage.boards
    this.rooms = parts.rooms
    this.store = parts.storage.snapshots
    this.quota = parts.quota
    this.cache = parts.cache
    this.reads = parts.reads
  }

  async list(boardId: string): Promise<SnapshotInfo[]> {
    return this.store.listFor(boardId)
  }

  /** A board's snapshot; 404 snapshot_not_found when it has none by that id. */
  async find(boardId: string, snapshotId: string): Promise<FoundSnapshot> {
    return this.require(boardId, snapshotId)
  }

  /**
   * Captures the board's live state, every acknowledged edit included; `label` empty or missing:
   * "Stand van <now>". 409/413 snapshot_quota beyond the board's quota, with nothing stored.
   */
  async capture(boardId: string, label?: string): Promise<SnapshotInfo> {
    return this.captureNow(boardId, label || defaultLabel(new Date()))
  }

  /** A snapshot's closed votes and records as stored JSON, decoded off the event loop the first time. */
  async open(boardId: string, snapshotId: string): Promise<OpenedSnapshot> {
    const snapshot = await this.require(boardId, snapshotId)
    // Decoding a big snapshot is costly, so it is done off the event loop, and its state never
    // changes (but when it is scrubbed of authors, hence the checksum): its JSON is kept.
    // The worker reads the state after this did, so it never answers with an unscrubbed one.
    const members = await this.cache.getAsync(snapshotCacheName(boardId, snapshot), snapshotSource(snapshot), async () => {
      const json = await this.reads.read({ kind: 'snapshot', boardId, snapshotId: snapshot.id })
      if (json === null) throw new HttpError(404, 'snapshot not found', 'snapshot_not_found') // deleted meanwhile (retention)
      return json
    })
    const head = { id: snapshot.id, label: snapshot.label, createdAt: snapshot.createdAt, auto: snapshot.auto, schema: snapshot.schema }
    return { head, members }
  }

  /**
   * Puts a snapshot's records back on the live board, after capturing the board as it was
   * ("Voor herstel naar …", under the quota like any manual snapshot). The restored state is
   * stored and relayed before this resolves. 422 snapshot_unreadable when it cannot be migrated.
   */
  async restore(boardId: string, snapshotId: string): Promise<{ restored: string; before: SnapshotInfo }> {
    const snapshot = await this.require(boardId, snapshotId)
    const records = this.migratedRecords(boardId, snapshot)
    const before = await this.captureNow(boardId, `Voor herstel naar “${snapshot.label}”`)
    replaceRecords((await this.rooms.open(boardId)).doc, records)
    await this.rooms.flush() // stored and relayed before we answer
    return { restored: snapshot.id, before }
  }

  /** A new board from a snapshot of `origin` (title default: "<origin> (vervolg)"), remembering where it came from. */
  async fork(origin: BoardInfo, snapshot: FoundSnapshot, title?: string): Promise<MadeBoard> {
    // A snapshot written under this server's schema is the new board's state as it is; only an
    // older one is decoded, migrated and encoded again (each a pass over every record).
    const initialState = isCurrentSchema(snapshot.schema) ? snapshot.state : encodeDocument(this.migratedRecords(origin.id, snapshot) as unknown as TLRecord[])
    const made = await this.boards.create({
      title: title ?? `${origin.title} (vervolg)`.slice(0, 200),
      template: origin.template,
      anonymous: origin.anonymous,
      initialState,
      forkedFrom: { boardId: origin.id, snapshotId: snapshot.id },
    })
    await this.withoutLiveSession(made.board.id)
    return made
  }

  /**
   * A follow-up board starts its own session: a silent round, open vote, timer, step run, summon
   * or spotlight the snapshot caught is cleared (its closed votes and timeboxes stay). The room
   * opened here is the one its first visitor would open anyway.
   */
  private async withoutLiveSession(boardId: string): Promise<void> {
    const room = await this.rooms.open(boardId)
    const meta = metaMap(room.doc)
    const live = LIVE_SESSION_KEYS.filter((key) => meta.get(key) != null)
    if (live.length === 0) return
    writeSessionMeta(room.doc, Object.fromEntries(live.map((key) => [key, null])))
    await this.rooms.flush()
  }

  private async require(boardId: string, snapshotId: string): Promise<StoredSnapshot> {
    const snapshot = await this.store.get(boardId, snapshotId)
    if (!snapshot) throw new HttpError(404, 'snapshot not found', 'snapshot_not_found')
    return snapshot
  }

  /** Captures the live state (flushed first, so it holds every acknowledged edit). */
  private async captureNow(boardId: string, label: string): Promise<SnapshotInfo> {
    const room = await this.rooms.open(boardId)
    await this.rooms.flush()
    const snapshot = snapshotOf(room.doc)
    await this.refuseOverQuota(boardId, snapshot.state.byteLength)
    const info = await this.store.capture(boardId, { label, auto: false, ...snapshot })
    this.rooms.markSnapshot(room)
    return info
  }

  /** Manual snapshots (and the one a restore keeps first) beyond the board's quota: 409/413, nothing stored. */
  private async refuseOverQuota(boardId: string, bytes: number): Promise<void> {
    const refusal = await this.quota.refusal(boardId, bytes)
    if (refusal?.kind === 'count') throw new HttpError(409, `this board already has the maximum of ${refusal.limit} snapshots`, 'snapshot_quota')
    if (refusal?.kind === 'bytes') throw new HttpError(413, `this board's snapshots would take more than ${formatBytes(refusal.limit)}`, 'snapshot_quota')
  }

  /** A snapshot's records: parsed from its cached JSON when it was just opened (3× cheaper than decoding), else decoded. */
  private storedRecords(boardId: string, snapshot: StoredSnapshot): StoredRecord[] {
    const json = this.cache.peek(snapshotCacheName(boardId, snapshot), snapshotSource(snapshot))
    if (json === null) return decodeContent(snapshot.state).records
    const members = typeof json === 'string' ? json : Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8')
    return (JSON.parse(`{${members}}`) as { records: StoredRecord[] }).records
  }

  /** A snapshot's records brought up to this server's schema; its own schema column is the truth. 422 when that fails. */
  private migratedRecords(boardId: string, snapshot: StoredSnapshot): StoredRecord[] {
    try {
      return migrateToCurrent({ schema: snapshot.schema, records: this.storedRecords(boardId, snapshot) })
    } catch (error) {
      throw new HttpError(422, errorMessage(error), 'snapshot_unreadable')
    }
  }
}
