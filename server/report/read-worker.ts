/**
 * The server's heavy reads of a big board, computed off the event loop: the harvest's sections,
 * an opened snapshot's records and an export's content each take up to a second of CPU on a board
 * of tens of thousands of cards, which would stall every other board of the server. A worker
 * thread reads what it needs on its own connection (SQLite read-only, or a small PostgreSQL pool;
 * callers flush first) and answers with the finished text, so the main thread neither decodes nor serialises the board:
 * it only sends the answer. Big answers (a board's JSON, tens of MB) come as UTF-8 bytes whose
 * buffer is handed over, not copied: receiving and encoding such a string cost the main thread
 * ~0.1 s at 50k cards.
 *
 * The worker runs this same module (the source under tsx, the bundle in production): it starts
 * its loop below when it finds itself in a worker of this kind.
 */
import Database from 'better-sqlite3'
import { getHeapStatistics } from 'node:v8'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import * as Y from 'yjs'
import type { TemplateLookup } from '../../templates/index.ts'
import { migrateToCurrent, readContent } from '../document-records.ts'
import { DEFAULT_RETENTION } from '../snapshots/retention.ts'
import { PgStorage } from '../storage/postgres/storage.ts'
import { connectPostgres } from '../storage/postgres/database.ts'
import { SqliteSnapshotStore } from '../storage/sqlite/snapshot-store.ts'
import { SqliteTemplateStore } from '../storage/sqlite/template-store.ts'
import { UpdateLog } from '../storage/sqlite/update-log.ts'
import type { SavedTemplate } from '../storage/stores.ts'
import { applyStored } from '../sync/update-log.ts'
import { metaMap } from '../../shared/doc-layout.ts'
import { readClosedVotes, SESSION_KEYS } from '../../shared/session.ts'
import { readAgendaRun } from '../../shared/agenda.ts'
import { savedTemplateLookup } from '../templates/catalog.ts'
import { harvestBodyOf } from './harvest-model.ts'
import type { HarvestRecord } from './harvest.ts'
import type { HarvestModel } from '../../shared/harvest-model.ts'
import { harvestDocx } from './harvest-docx.ts'
import { harvestPdf } from './harvest-pdf.ts'
import { HttpError } from '../http/errors.ts'

/** Where the worker reads from: the server's own storage engine. */
export type ReadSource = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string }

/** What the worker reads, from either engine. */
interface StoredReads {
  loadInto(boardId: string, doc: Y.Doc): Promise<void>
  snapshotState(boardId: string, snapshotId: string): Promise<Uint8Array | null>
  statesWithoutAuthors(boardId: string, maxBytes: number): Promise<ScrubbedStates>
  savedTemplate(id: string): Promise<SavedTemplate | null>
}

/** SQLite: a read-only connection of its own, read synchronously (this thread has nothing else to do meanwhile). */
function sqliteReads(file: string): StoredReads {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  const log = new UpdateLog(db)
  // Only read here: retention applies when the main thread captures.
  const snapshots = new SqliteSnapshotStore(db, DEFAULT_RETENTION)
  const templates = new SqliteTemplateStore(db)
  return {
    loadInto: async (boardId, doc) => void log.loadInto(boardId, doc),
    snapshotState: async (boardId, snapshotId) => snapshots.getNow(boardId, snapshotId)?.state ?? null,
    statesWithoutAuthors: async (boardId, maxBytes) => snapshots.statesWithoutAuthorsNow(boardId, maxBytes),
    savedTemplate: async (id) => templates.getNow(id),
  }
}

/** PostgreSQL: a pool of two connections of its own (the main thread migrated the schema at start). */
function postgresReads(url: string): StoredReads {
  const storage = new PgStorage(connectPostgres(url, { max: 2 }), DEFAULT_RETENTION)
  return {
    loadInto: async (boardId, doc) => void applyStored(await storage.documents.load(boardId), doc),
    snapshotState: async (boardId, snapshotId) => (await storage.snapshots.get(boardId, snapshotId))?.state ?? null,
    statesWithoutAuthors: (boardId, maxBytes) => storage.snapshots.statesWithoutAuthors(boardId, maxBytes),
    savedTemplate: (id) => storage.templates.get(id),
  }
}

const ROLE = 'dialoogbord-read'
/** A worker without work for this long is stopped: its heap held a whole board. */
const IDLE_MS = 1_000
/**
 * A worker whose heap grew past this (a board of ~10k cards or more) is stopped as soon as it has
 * no work: the garbage of a big board stays in its heap until then, on top of the main thread's
 * memory, while starting a worker again (~0.4 s of its own CPU) is small next to such a read.
 */
const KEEP_HEAP_BYTES = 128 * 1024 * 1024

/** What the worker can read, each answered with one text (null: the thing is no longer stored). */
export type ReadJob =
  /** The harvest model's body (shared/harvest-model.ts) of the board as stored (harvestBodyJsonOf), JSON. */
  | { kind: 'harvest'; boardId: string; templateId: string }
  /** A snapshot's `"votes":…,"records":…` members (snapshotMembersJson), UTF-8. */
  | { kind: 'snapshot'; boardId: string; snapshotId: string }
  /** The harvest model as report.docx / report.pdf: ~0.2–0.4 s of CPU at 2k cards, too long for the event loop. */
  | { kind: 'harvest-docx' | 'harvest-pdf'; model: HarvestModel }
  /** The board's schema and records as stored, as export.json has them (exportContentOf), UTF-8. */
  | { kind: 'export'; boardId: string }
  /**
   * Every snapshot of the board re-encoded without author fields (statesWithoutAuthors), for the
   * anonymity switch to write: computed here while the main thread scrubs the live board.
   */
  | { kind: 'snapshots-without-authors'; boardId: string }

/** What the anonymity switch gets back: snapshot id → its state without authors (null: names nobody). */
export type ScrubbedStates = Map<string, Uint8Array | null>
/**
 * At most this much of scrubbed snapshot states comes back at once (they are in memory together);
 * snapshots beyond it are scrubbed by the switch itself.
 */
const SCRUBBED_BYTES = 64 * 1024 * 1024

type Numbered = ReadJob & { id: number }
/** `heapBytes`: the worker's heap after the job (garbage included), to decide when to stop it. */
type Value = string | Uint8Array | ScrubbedStates | null
type Answer = ({ id: number; value: Value } | { id: number; error: string }) & { heapBytes: number }
/** Only a snapshot can be gone by the time the worker reads it; a board read always has an answer. */
type ReadResult<J extends ReadJob> = J extends { kind: 'harvest' }
  ? string
  : J extends { kind: 'snapshot' }
    ? Uint8Array | null
    : J extends { kind: 'snapshots-without-authors' }
      ? ScrubbedStates
      : Uint8Array

/**
 * The harvest model's body of a document as JSON (sections, votes, agenda, follow-up: the part
 * worth caching and moving off the event loop; the board's title and dates are added on reading).
 */
export function harvestBodyJsonOf(doc: Y.Doc, templateId: string, saved: TemplateLookup): string {
  const content = readContent(doc)
  let records: HarvestRecord[]
  try {
    records = migrateToCurrent(content)
  } catch {
    records = content.records // an unmigratable document still gets a best-effort report
  }
  // The closed votes' results and the agenda as it ran are in the document's meta (the server wrote them).
  const meta = metaMap(doc)
  return JSON.stringify(harvestBodyOf({ templateId, records, saved, votes: readClosedVotes(meta), agendaRun: readAgendaRun(meta.get(SESSION_KEYS.agendaRun)) }))
}

/**
 * The `"votes":…,"records":…` members of an opened snapshot: its closed votes (the results the
 * board showed then) and its records as they were stored (not migrated: its schema is shown next
 * to them).
 */
export function snapshotMembersJson(state: Uint8Array): string {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    return `"votes":${JSON.stringify(readClosedVotes(metaMap(doc)))},"records":${JSON.stringify(readContent(doc).records)}`
  } finally {
    doc.destroy()
  }
}

/** The `"schema":…,"records":…` members of an export file. */
export function exportContentOf(doc: Y.Doc): string {
  const { schema, records } = readContent(doc)
  return `"schema":${JSON.stringify(schema)},"records":${JSON.stringify(records)}`
}

function runWorker(source: ReadSource): void {
  const reads = source.engine === 'sqlite' ? sqliteReads(source.file) : postgresReads(source.url)
  /** The board as stored: its state row and its log. */
  const withStoredBoard = async (boardId: string, read: (doc: Y.Doc) => string): Promise<string> => {
    const doc = new Y.Doc()
    try {
      await reads.loadInto(boardId, doc)
      return read(doc)
    } finally {
      doc.destroy()
    }
  }
  // TextEncoder, not Buffer.from: a small Buffer may share a pooled ArrayBuffer, which must not be handed over.
  const utf8 = new TextEncoder()
  const run = async (job: ReadJob): Promise<Value> => {
    switch (job.kind) {
      case 'harvest': {
        // The one saved template the harvest may need, read first: the lookup itself is synchronous.
        const saved = await reads.savedTemplate(job.templateId)
        return withStoredBoard(job.boardId, (doc) => harvestBodyJsonOf(doc, job.templateId, savedTemplateLookup((id) => (id === saved?.id ? saved : null))))
      }
      case 'export':
        return utf8.encode(await withStoredBoard(job.boardId, exportContentOf))
      // A copy: the renderers' Buffers may share a pooled ArrayBuffer, which must not be handed over.
      case 'harvest-docx':
        return new Uint8Array(await harvestDocx(job.model))
      case 'harvest-pdf':
        return new Uint8Array(await harvestPdf(job.model))
      case 'snapshot': {
        const state = await reads.snapshotState(job.boardId, job.snapshotId)
        return state && utf8.encode(snapshotMembersJson(state))
      }
      case 'snapshots-without-authors':
        return reads.statesWithoutAuthors(job.boardId, SCRUBBED_BYTES)
    }
  }
  const answer = async (job: Numbered): Promise<void> => {
    let answer: Answer
    const handedOver: ArrayBuffer[] = []
    try {
      const value = await run(job)
      if (value instanceof Uint8Array) handedOver.push(value.buffer as ArrayBuffer)
      if (value instanceof Map) for (const state of value.values()) if (state) handedOver.push(state.buffer as ArrayBuffer)
      answer = { id: job.id, value, heapBytes: getHeapStatistics().total_heap_size }
    } catch (error) {
      answer = { id: job.id, error: error instanceof Error ? error.message : String(error), heapBytes: getHeapStatistics().total_heap_size }
    }
    parentPort!.postMessage(answer, handedOver)
  }
  // One job at a time, in the order they came: each may hold a whole board in memory.
  let queue = Promise.resolve()
  parentPort!.on('message', (job: Numbered) => {
    queue = queue.then(() => answer(job))
  })
}

if (!isMainThread && (workerData as { role?: unknown } | null)?.role === ROLE) runWorker((workerData as { source: ReadSource }).source)

/**
 * A worker running this module. From the sources (tsx: tests, `npm run dev`) the worker registers
 * tsx first, since loader hooks do not reach worker threads by themselves.
 */
function spawnSelf(data: { role: string; source: ReadSource }): Worker {
  const self = new URL(import.meta.url)
  if (!self.pathname.endsWith('.ts')) return new Worker(self, { workerData: data })
  const tsx = import.meta.resolve('tsx/esm/api')
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(self.href)}) })`
  return new Worker(boot, { eval: true, workerData: data })
}

/** What a refused request is told to wait: about what a queue of big-board reads takes to clear. */
const BUSY_RETRY_SECONDS = 5

/**
 * One worker thread for the server's heavy reads, started on first use; jobs run one at a time.
 * At most `maxWaiting` jobs wait behind the running one: past that a read is refused (503
 * server_busy with Retry-After) rather than queued without end, since each waiting report holds
 * its model in memory and every request behind it waits longer. The anonymity switch's job is
 * never refused: the switch must not stop halfway.
 */
export class ReadWorker {
  private worker: Worker | null = null
  private idleTimer: NodeJS.Timeout | null = null
  /** The running worker's heap after its last job. */
  private heapBytes = 0
  private nextId = 1
  private readonly pending = new Map<number, { worker: Worker; resolve: (value: Value) => void; reject: (error: Error) => void }>()
  constructor(
    private readonly source: ReadSource,
    /** READ_QUEUE_LIMIT (server/config.ts). */
    private readonly maxWaiting: number,
  ) {}

  /** The answer to `job` from what is stored now; null when it names something no longer stored. */
  read<J extends ReadJob>(job: J): Promise<ReadResult<J>> {
    // pending: the running job and those waiting behind it.
    if (job.kind !== 'snapshots-without-authors' && this.pending.size > this.maxWaiting) {
      return Promise.reject(new HttpError(503, 'the server is busy with other reports and exports; try again in a few seconds', 'server_busy', BUSY_RETRY_SECONDS))
    }
    const worker = this.start()
    if (this.idleTimer) clearTimeout(this.idleTimer)
    const id = this.nextId++
    return new Promise<Value>((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject })
      worker.postMessage({ ...job, id } satisfies Numbered)
    }).finally(() => this.stopWhenIdle()) as Promise<ReadResult<J>>
  }

  /** An idle worker gives its memory back (its heap held a whole board) and is started again on demand. */
  private stopWhenIdle(): void {
    if (this.pending.size > 0) return
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = setTimeout(() => void this.close(), this.heapBytes > KEEP_HEAP_BYTES ? 0 : IDLE_MS)
    this.idleTimer.unref()
  }

  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    const worker = this.worker
    this.worker = null
    if (worker) await worker.terminate()
  }

  private start(): Worker {
    if (this.worker) return this.worker
    const worker = spawnSelf({ role: ROLE, source: this.source })
    this.heapBytes = 0
    worker.unref() // an idle worker must not keep the process alive
    worker.on('message', (answer: Answer) => {
      if (this.worker === worker) this.heapBytes = answer.heapBytes
      const waiting = this.pending.get(answer.id)
      this.pending.delete(answer.id)
      if (!waiting) return
      if ('error' in answer) waiting.reject(new Error(answer.error))
      else waiting.resolve(answer.value)
    })
    // Only this worker's jobs: an idle worker stopped by close() may exit after a new one started.
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null
      for (const [id, waiting] of this.pending) {
        if (waiting.worker !== worker) continue
        this.pending.delete(id)
        waiting.reject(error)
      }
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(new Error(`read worker exited (${code})`)))
    this.worker = worker
    return worker
  }
}
