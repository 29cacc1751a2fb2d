import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecords, writeRecords } from '../../shared/doc-layout.ts'
import { CloseCode } from '../../shared/protocol.ts'
import type { Role } from '../../shared/roles.ts'
import { tldrawSchema } from '../initial-document.ts'
import { createLogger } from '../log.ts'
import { ReadCache } from '../report/read-cache.ts'
import { SnapshotQuota } from '../snapshots/snapshot-quota.ts'
import type { SqliteStorage } from '../storage/sqlite/storage.ts'
import type { RoomManager } from '../sync/room-manager.ts'
import { TemplateCatalog } from '../templates/catalog.ts'
import { testRecord } from '../testing/sync-client.ts'
import { tempStorages, testRoomManager } from '../testing/temp-database.ts'
import { importedState, type ImportFile } from './board-import.ts'
import { BoardService, type BoardReads } from './board-service.ts'

const openStorage = tempStorages('board-service')

/** A socket stand-in: remembers how it was closed. */
function peer(role: Role) {
  const closed: { code: number; reason: string }[] = []
  return { role, closed, send: () => {}, close: (code: number, reason: string) => void closed.push({ code, reason }) }
}

describe('BoardService', () => {
  let storage: SqliteStorage
  let rooms: RoomManager
  let service: BoardService
  let boardId: string

  const noWorker: BoardReads = { read: () => Promise.reject(new Error('no worker in unit tests')) }
  const makeService = ({ quota = { maxManual: 10, maxBytes: 10_000_000 }, reads = noWorker, cache = new ReadCache(0) } = {}) =>
    new BoardService({
      storage,
      rooms,
      quota: new SnapshotQuota(storage.snapshots, quota),
      catalog: new TemplateCatalog(storage.templates),
      cache,
      // No worker thread here: the anonymity switch then scrubs the snapshots itself.
      reads,
      limits: { maxRecordsPerBoard: 50, maxDraftsPerBoard: 5, maxAssetBytes: 1000, maxAssetBytesPerBoard: 1500 },
      logger: createLogger(() => {}),
    })

  /** The board's records as stored (not as the open room holds them). */
  const storedRecords = (id: string) => {
    const doc = new Y.Doc()
    storage.documents.loadInto(id, doc)
    return readRecords(doc)
  }

  beforeEach(async () => {
    storage = openStorage()
    rooms = testRoomManager(storage, async (id) => (await storage.boards.get(id))?.anonymous ?? false)
    service = makeService()
    boardId = (await service.create({ title: 'Overleg', template: 'leeg' })).board.id
  })
  afterEach(() => rooms.closeAll()) // before the database closes

  it('refuses an unknown template, and lets the template decide anonymity when not asked', async () => {
    await expect(service.create({ title: 't', template: 'bestaat-niet' })).rejects.toMatchObject({ status: 400, code: 'unknown_template' })
    expect((await service.create({ title: 't', template: '7v-dialoog' })).board.anonymous).toBe(true)
    expect((await service.create({ title: 't', template: '7v-dialoog', anonymous: false })).board.anonymous).toBe(false)
  })

  it('deletes a board with its sockets and saved templates, keeping the kept ones without their board', async () => {
    const editor = peer('editor')
    await rooms.connect(boardId, editor)
    const gone = await storage.templates.save({ title: 'weg', description: '', schema: { schemaVersion: 2, sequences: {} }, records: [], sourceBoard: boardId, keep: false })
    const kept = await storage.templates.save({ title: 'blijft', description: '', schema: { schemaVersion: 2, sequences: {} }, records: [], sourceBoard: boardId, keep: true })

    expect(await service.delete(boardId)).toBe(true)
    expect(editor.closed).toEqual([{ code: CloseCode.revoked, reason: 'board deleted' }])
    expect(await storage.boards.get(boardId)).toBeNull()
    expect(await storage.templates.get(gone.id)).toBeNull()
    expect((await storage.templates.get(kept.id))?.sourceBoard).toBeNull()
    expect(await service.delete(boardId)).toBe(false)
  })

  it('revokes one link: a new token, and only that link’s sockets close', async () => {
    const editor = peer('editor')
    const viewer = peer('viewer')
    await rooms.connect(boardId, editor)
    await rooms.connect(boardId, viewer)
    const token = await service.regenerateLink(boardId, 'viewer')
    expect(editor.closed).toEqual([])
    expect(viewer.closed).toEqual([{ code: CloseCode.revoked, reason: 'link revoked' }])
    expect(await storage.boards.authorize(boardId, token)).toMatchObject({ kind: 'granted', role: 'viewer' })
  })

  it('stores a link expiry in UTC and refuses one in the past without storing it', async () => {
    const listed = await service.setLinkExpiry(boardId, 'editor', '2999-01-01T12:00:00+02:00')
    expect(listed).toMatchObject({ role: 'editor', expiresAt: '2999-01-01T10:00:00.000Z', connected: 0 })
    await expect(service.setLinkExpiry(boardId, 'editor', '2001-01-01T00:00:00Z')).rejects.toMatchObject({ status: 400, code: 'expiry_in_past' })
    expect((await storage.boards.links(boardId)).find((link) => link.role === 'editor')?.expiresAt).toBe('2999-01-01T10:00:00.000Z')
  })

  it('exports what every client has seen: queued edits are stored before the worker reads the board', async () => {
    // A stand-in worker that reads the stored board the moment it is asked.
    const storedIds = () => new Uint8Array(Buffer.from(JSON.stringify(storedRecords(boardId).map((record) => record.id))))
    service = makeService({ reads: { ...noWorker, read: () => Promise.resolve(storedIds()) } as BoardReads })
    writeRecords((await rooms.open(boardId)).doc, { put: [testRecord('net-getypt')] }) // queued, not yet stored
    const exported = JSON.parse(Buffer.from(await service.exportRecords((await storage.boards.get(boardId))!)).toString('utf8')) as string[]
    expect(exported).toContain('shape:net-getypt')
  })

  it('drops the cached results of a board that turns anonymous or is deleted: they hold names', async () => {
    const cache = new ReadCache(1_000_000)
    service = makeService({ cache, reads: { read: () => Promise.resolve(new Uint8Array(Buffer.from('["met naam"]'))) } as BoardReads })
    const board = (await storage.boards.get(boardId))!
    await service.exportRecords(board)
    expect(cache.size).toBeGreaterThan(0)
    await service.update(boardId, { anonymous: true })
    expect(cache.size).toBe(0)
    await service.exportRecords(board)
    await service.delete(boardId)
    expect(cache.size).toBe(0)
  })

  it('keeps a rendered report per stored version, format and title, and renders once for concurrent requests', async () => {
    const jobs: string[] = []
    const body = JSON.stringify({ sections: [], votes: [], agenda: [], followUp: null })
    const reads = {
      read: (job: { kind: string; model?: { title: string } }) => {
        jobs.push(job.kind)
        return Promise.resolve(job.kind === 'harvest' ? body : new Uint8Array(Buffer.from(`${job.kind} ${job.model?.title} ${jobs.length}`)))
      },
    } as BoardReads
    service = makeService({ cache: new ReadCache(1_000_000), reads })
    const board = (await storage.boards.get(boardId))!
    const text = async (bytes: Promise<Uint8Array>) => Buffer.from(await bytes).toString('utf8')
    const renders = (kind: string) => jobs.filter((job) => job === kind).length

    const [first, second] = await Promise.all([text(service.harvestDocument(board, 'pdf')), text(service.harvestDocument(board, 'pdf'))])
    expect(second).toBe(first)
    expect(renders('harvest-pdf')).toBe(1)
    expect(renders('harvest')).toBe(1)
    expect(await text(service.harvestDocument(board, 'pdf'))).toBe(first)
    expect(renders('harvest-pdf')).toBe(1)

    // Another format is its own document.
    await service.harvestDocument(board, 'docx')
    expect(renders('harvest-docx')).toBe(1)
    // A new title: the document shows it, so it is rendered again (the model's body is still kept).
    expect(await text(service.harvestDocument({ ...board, title: 'Nieuwe titel' }, 'pdf'))).toMatch(/^harvest-pdf Nieuwe titel/)
    expect(renders('harvest-pdf')).toBe(2)
    expect(renders('harvest')).toBe(1)
    // An edit (queued in the room, stored by the flush before reading): a new version, rendered again.
    writeRecords((await rooms.open(boardId)).doc, { put: [testRecord('later')] })
    await service.harvestDocument(board, 'pdf')
    expect(renders('harvest-pdf')).toBe(3)
    expect(renders('harvest')).toBe(2)
  })

  it('renames, and switches anonymity on with the flag stored', async () => {
    const board = await service.update(boardId, { title: 'Nieuw', anonymous: true })
    expect(board).toMatchObject({ title: 'Nieuw', anonymous: true })
    expect((await storage.boards.get(boardId))?.anonymous).toBe(true)
    expect((await rooms.open(boardId)).isAnonymous).toBe(true)
  })

  describe('snapshots', () => {
    it('labels a capture with the moment when no label is given', async () => {
      expect((await service.snapshots.capture(boardId)).label).toMatch(/^Stand van /)
      expect((await service.snapshots.capture(boardId, 'Eigen naam')).label).toBe('Eigen naam')
    })

    it('restores a snapshot after keeping the board as it was, and has it stored before it resolves', async () => {
      writeRecords((await rooms.open(boardId)).doc, { put: [testRecord('eerst')] })
      const first = await service.snapshots.capture(boardId, 'Eerst')
      writeRecords((await rooms.open(boardId)).doc, { put: [testRecord('later')] })

      const { restored, before } = await service.snapshots.restore(boardId, first.id)
      expect(restored).toBe(first.id)
      expect(before.label).toBe('Voor herstel naar “Eerst”')
      const ids = storedRecords(boardId).map((record) => record.id)
      expect(ids).toContain('shape:eerst')
      expect(ids).not.toContain('shape:later')
      // The kept state still has the later card.
      const kept = new Y.Doc()
      Y.applyUpdate(kept, (await storage.snapshots.get(boardId, before.id))!.state)
      expect(readRecords(kept).map((record) => record.id)).toContain('shape:later')
    })

    it('refuses a restore when the board cannot be kept first, and leaves the board as it is', async () => {
      service = makeService({ quota: { maxManual: 1, maxBytes: 10_000_000 } })
      const only = await service.snapshots.capture(boardId, 'Enige')
      writeRecords((await rooms.open(boardId)).doc, { put: [testRecord('later')] })
      await expect(service.snapshots.restore(boardId, only.id)).rejects.toMatchObject({ status: 409, code: 'snapshot_quota' })
      expect(storedRecords(boardId).map((record) => record.id)).toContain('shape:later')
      expect(await storage.snapshots.listFor(boardId)).toHaveLength(1)
    })

    it('forks a snapshot into a new board that remembers its origin', async () => {
      writeRecords((await rooms.open(boardId)).doc, { put: [testRecord('kaart')] })
      const snapshot = await service.snapshots.capture(boardId, 'Stand')
      const origin = (await storage.boards.get(boardId))!
      const { board } = await service.snapshots.fork(origin, await service.snapshots.find(boardId, snapshot.id))
      expect(board).toMatchObject({ title: 'Overleg (vervolg)', template: 'leeg', forkedFrom: { boardId, snapshotId: snapshot.id } })
      expect(storedRecords(board.id).map((record) => record.id)).toContain('shape:kaart')
      await expect(service.snapshots.find(board.id, snapshot.id)).rejects.toMatchObject({ status: 404, code: 'snapshot_not_found' })
    })
  })

  it('saves no template from a board without structure', async () => {
    await expect(service.templates.saveFromBoard(boardId, { title: 't', description: '', keep: false })).rejects.toMatchObject({
      status: 400,
      code: 'template_without_structure',
    })
  })

  it('checks an image before storing it: empty, too large, not an image, over the board’s quota', async () => {
    const png = (bytes: number) => {
      const data = new Uint8Array(bytes)
      data.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
      return data
    }
    await expect(service.assets.upload(boardId, new Uint8Array())).rejects.toMatchObject({ status: 400, code: 'empty_image' })
    await expect(service.assets.upload(boardId, png(1001))).rejects.toMatchObject({ status: 413, code: 'image_too_large' })
    await expect(service.assets.upload(boardId, new Uint8Array(10))).rejects.toMatchObject({ status: 415, code: 'unsupported_image' })
    const first = await service.assets.upload(boardId, png(1000))
    expect(first).toMatchObject({ mimeType: 'image/png', bytes: 1000 })
    await expect(service.assets.upload(boardId, png(600))).rejects.toMatchObject({ status: 413, code: 'asset_quota' })
    expect((await service.assets.get(first.id)).mime).toBe('image/png')
  })
})

describe('importedState', () => {
  const file = (records: ImportFile['records'], schema: ImportFile['schema'] = { ...tldrawSchema.serialize() }): ImportFile => ({
    format: 'dialoogbord',
    version: 1,
    title: 't',
    schema,
    records,
  })
  const page = { id: 'page:page', typeName: 'page', name: 'Pagina', index: 'a1', meta: {} }

  it('refuses more records than a board holds, before reading them', () => {
    expect(() => importedState(file([page, page, page]), 2)).toThrow(expect.objectContaining({ code: 'too_many_records' }))
  })

  it('refuses a file without a page, or with a schema it cannot read', () => {
    expect(() => importedState(file([testRecord('a')]), 10)).toThrow('the file holds no page')
    expect(() => importedState(file([page], { schemaVersion: 99 }), 10)).toThrow(expect.objectContaining({ code: 'invalid_import' }))
  })

  it('encodes a valid file as a document', () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, importedState(file([page, testRecord('a')]), 10))
    expect(readRecords(doc).map((record) => record.id).sort()).toEqual(['page:page', 'shape:a'])
  })
})
