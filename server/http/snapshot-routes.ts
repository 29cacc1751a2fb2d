/** /api/boards/:id/snapshots: capture, list, open, restore and fork. */
import type { TLRecord } from '@tldraw/tlschema'
import { Hono } from 'hono'
import { crc32 } from 'node:zlib'
import { z } from 'zod'
import { boardTitle } from '../../shared/api.ts'
import type { BoardRepository } from '../boards.ts'
import type { Config } from '../config.ts'
import { decodeContent, isCurrentSchema, migrateToCurrent, replaceRecords, snapshotOf } from '../document-records.ts'
import { encodeDocument } from '../initial-document.ts'
import type { StoredRecord } from '../../shared/doc-layout.ts'
import type { SnapshotStore, StoredSnapshot } from '../snapshots/snapshot-store.ts'
import type { SnapshotQuota } from '../snapshots/snapshot-quota.ts'
import { formatBytes } from './asset-routes.ts'
import { errorMessage } from '../log.ts'
import { ReadCache } from '../report/read-cache.ts'
import type { ReadWorker } from '../report/read-worker.ts'
import type { RoomManager } from '../sync/room-manager.ts'
import { requireBoardRole, type BoardAccessEnv } from './access.ts'
import { createdBoard, requireAdminWhenConfigured } from './board-routes.ts'
import { HttpError, readJsonBody } from './errors.ts'
import { linkOrigin } from './link-origin.ts'

const LABEL_MAX = 200
const captureBody = z.strictObject({ label: z.string().trim().max(LABEL_MAX).optional() })
const forkBody = z.strictObject({ title: boardTitle.optional() })
const snapshotIdParam = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)

export function defaultLabel(date: Date): string {
  return `Stand van ${date.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' })}`
}

/** Manual snapshots (and the one a restore keeps first) beyond the board's quota: 409/413, nothing stored. */
function refuseOverQuota(quota: SnapshotQuota, boardId: string, bytes: number): void {
  const refusal = quota.refusal(boardId, bytes)
  if (refusal?.kind === 'count') throw new HttpError(409, `this board already has the maximum of ${refusal.limit} snapshots`, 'snapshot_quota')
  if (refusal?.kind === 'bytes') throw new HttpError(413, `this board's snapshots would take more than ${formatBytes(refusal.limit)}`, 'snapshot_quota')
}

export function snapshotRoutes(
  config: Config,
  boards: BoardRepository,
  snapshots: SnapshotStore,
  rooms: RoomManager,
  reads: ReadWorker,
  quota?: SnapshotQuota,
  cache: ReadCache = new ReadCache(0),
): Hono<BoardAccessEnv> {
  const routes = new Hono<BoardAccessEnv>()

  const findSnapshot = (boardId: string, rawId: string | undefined) => {
    const id = snapshotIdParam.safeParse(rawId)
    const snapshot = id.success ? snapshots.get(boardId, id.data) : null
    if (!snapshot) throw new HttpError(404, 'snapshot not found', 'snapshot_not_found')
    return snapshot
  }

  /** What the cached JSON of an opened snapshot was made from: its state (changed only by an author scrub). */
  const snapshotSource = (snapshot: StoredSnapshot) => ({ key: `${snapshot.state.byteLength}:${crc32(snapshot.state)}` })
  const snapshotCacheName = (snapshot: StoredSnapshot) => `snapshot:${snapshot.id}`

  /** A snapshot's records: parsed from its cached JSON when it was just opened (3× cheaper than decoding), else decoded. */
  const storedRecords = (snapshot: StoredSnapshot): StoredRecord[] => {
    const json = cache.peek(snapshotCacheName(snapshot), snapshotSource(snapshot))
    if (json === null) return decodeContent(snapshot.state).records
    return JSON.parse(typeof json === 'string' ? json : Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8')) as StoredRecord[]
  }

  /** A snapshot's records brought up to this server's schema; its own schema column is the truth. */
  const migratedRecords = (snapshot: StoredSnapshot) => {
    try {
      return migrateToCurrent({ schema: snapshot.schema, records: storedRecords(snapshot) })
    } catch (error) {
      throw new HttpError(422, errorMessage(error), 'snapshot_unreadable')
    }
  }

  /** Captures the board's live state (flushed first, so it holds every acknowledged edit). */
  const captureNow = (boardId: string, label: string) => {
    const room = rooms.open(boardId)
    rooms.flush()
    const snapshot = snapshotOf(room.doc)
    if (quota) refuseOverQuota(quota, boardId, snapshot.state.byteLength)
    const info = snapshots.capture(boardId, { label, auto: false, ...snapshot })
    rooms.markSnapshot(room)
    return info
  }

  routes.get('/:id/snapshots', requireBoardRole(boards, 'viewer'), (c) => c.json(snapshots.listFor(c.var.board.id)))

  routes.post('/:id/snapshots', requireBoardRole(boards, 'editor'), async (c) => {
    const body = await readJsonBody(c, captureBody, { optional: true })
    const label = body.label || defaultLabel(new Date())
    return c.json(captureNow(c.var.board.id, label), 201)
  })

  routes.get('/:id/snapshots/:sid', requireBoardRole(boards, 'viewer'), async (c) => {
    const boardId = c.var.board.id
    const snapshot = findSnapshot(boardId, c.req.param('sid'))
    // Decoding a big snapshot is costly, so it is done off the event loop, and its state never
    // changes (but when it is scrubbed of authors, hence the checksum): its records' JSON is kept.
    // The worker reads the state after this did, so it never answers with an unscrubbed one.
    const records = await cache.getAsync(snapshotCacheName(snapshot), snapshotSource(snapshot), async () => {
      const json = await reads.read({ kind: 'snapshot', boardId, snapshotId: snapshot.id })
      if (json === null) throw new HttpError(404, 'snapshot not found', 'snapshot_not_found') // deleted meanwhile (retention)
      return json
    })
    const head = JSON.stringify({ id: snapshot.id, label: snapshot.label, createdAt: snapshot.createdAt, auto: snapshot.auto, schema: snapshot.schema })
    c.header('Content-Type', 'application/json')
    return c.body(Buffer.concat([Buffer.from(`${head.slice(0, -1)},"records":`), records, Buffer.from('}')]), 200)
  })

  routes.post('/:id/snapshots/:sid/restore', requireBoardRole(boards, 'facilitator'), (c) => {
    const boardId = c.var.board.id
    const snapshot = findSnapshot(boardId, c.req.param('sid'))
    const records = migratedRecords(snapshot)
    const before = captureNow(boardId, `Voor herstel naar “${snapshot.label}”`)
    replaceRecords(rooms.open(boardId).doc, records)
    rooms.flush() // stored and relayed before we answer
    return c.json({ restored: snapshot.id, before })
  })

  routes.post('/:id/snapshots/:sid/fork', requireBoardRole(boards, 'facilitator'), async (c) => {
    // A fork makes a board: with ADMIN_TOKEN set, that needs it too (next to the facilitator's own token).
    requireAdminWhenConfigured(config, c.req.header('x-admin-token') ?? null)
    const origin = c.var.board
    const snapshot = findSnapshot(origin.id, c.req.param('sid'))
    const body = await readJsonBody(c, forkBody, { optional: true })
    // A snapshot written under this server's schema is the new board's state as it is; only an
    // older one is decoded, migrated and encoded again (each a pass over every record).
    const initialState = isCurrentSchema(snapshot.schema) ? snapshot.state : encodeDocument(migratedRecords(snapshot) as unknown as TLRecord[])
    const { board, tokens } = boards.create({
      title: body.title ?? `${origin.title} (vervolg)`.slice(0, 200),
      template: origin.template,
      anonymous: origin.anonymous,
      initialState,
      forkedFrom: { boardId: origin.id, snapshotId: snapshot.id },
    })
    return c.json(createdBoard(linkOrigin(c, config), board, tokens), 201)
  })

  return routes
}
