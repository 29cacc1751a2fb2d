/**
 * The harvest's sections computed off the event loop: on a board of tens of thousands of cards
 * they take about a second of CPU, which would stall every other board of the server. A worker
 * thread reads the board's stored state from SQLite on its own read-only connection (callers
 * flush first), so the main thread neither decodes nor copies the board.
 *
 * The worker runs this same module (the source under tsx, the bundle in production): it starts
 * its loop below when it finds itself in a worker of this kind.
 */
import Database from 'better-sqlite3'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import * as Y from 'yjs'
import type { TemplateLookup } from '../../templates/index.ts'
import type { Db } from '../db/database.ts'
import { migrateToCurrent, readContent } from '../document-records.ts'
import { UpdateLog } from '../sync/update-log.ts'
import { TemplateCatalog } from '../templates/catalog.ts'
import { CustomTemplateStore } from '../templates/custom-template-store.ts'
import { harvestSections, type HarvestRecord } from './harvest.ts'

const ROLE = 'dialoogbord-harvest'
/** A worker without work for this long is stopped: its heap held a whole board. */
const IDLE_MS = 1_000

interface Job {
  id: number
  boardId: string
  templateId: string
}

type Answer = { id: number; sections: string } | { id: number; error: string }

/** The harvest's sections of a document (the part worth caching and moving off the event loop). */
export function sectionsOf(doc: Y.Doc, templateId: string, saved: TemplateLookup): string {
  const content = readContent(doc)
  let records: HarvestRecord[]
  try {
    records = migrateToCurrent(content)
  } catch {
    records = content.records // an unmigratable document still gets a best-effort report
  }
  return harvestSections({ templateId, records, saved }).join('\n')
}

function runWorker(dbFile: string): void {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  const log = new UpdateLog(db)
  const saved = new TemplateCatalog(new CustomTemplateStore(db)).saved
  parentPort!.on('message', (job: Job) => {
    let answer: Answer
    try {
      const doc = new Y.Doc()
      log.loadInto(job.boardId, doc)
      answer = { id: job.id, sections: sectionsOf(doc, job.templateId, saved) }
      doc.destroy()
    } catch (error) {
      answer = { id: job.id, error: error instanceof Error ? error.message : String(error) }
    }
    parentPort!.postMessage(answer)
  })
}

if (!isMainThread && (workerData as { role?: unknown } | null)?.role === ROLE) runWorker((workerData as { dbFile: string }).dbFile)

/**
 * A worker running this module. From the sources (tsx: tests, `npm run dev`) the worker registers
 * tsx first, since loader hooks do not reach worker threads by themselves.
 */
function spawnSelf(data: { role: string; dbFile: string }): Worker {
  const self = new URL(import.meta.url)
  if (!self.pathname.endsWith('.ts')) return new Worker(self, { workerData: data })
  const tsx = import.meta.resolve('tsx/esm/api')
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(self.href)}) })`
  return new Worker(boot, { eval: true, workerData: data })
}

/** One worker thread for the server's harvests, started on first use; jobs run one at a time. */
export class HarvestWorker {
  private worker: Worker | null = null
  private idleTimer: NodeJS.Timeout | null = null
  private nextId = 1
  private readonly pending = new Map<number, { resolve: (sections: string) => void; reject: (error: Error) => void }>()
  private readonly storedVersion

  constructor(
    private readonly dbFile: string,
    db: Db,
  ) {
    // What identifies the stored state of a board that is not open: its state row and its log.
    this.storedVersion = db.prepare<[string, string], { version: string }>(
      `SELECT coalesce((SELECT updated_at || ':' || length(state) FROM board_state WHERE board_id = ?), '') || ':' ||
              coalesce((SELECT max(id) FROM updates WHERE board_id = ?), 0) AS version`,
    )
  }

  /**
   * A key that changes whenever the board's stored state does: every change is a new log row,
   * and a compaction rewrites the state row.
   */
  versionOf(boardId: string): string {
    return this.storedVersion.get(boardId, boardId)?.version ?? ''
  }

  /** The sections of the board as stored now. */
  sections(boardId: string, templateId: string): Promise<string> {
    const worker = this.start()
    if (this.idleTimer) clearTimeout(this.idleTimer)
    const id = this.nextId++
    return new Promise<string>((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      worker.postMessage({ id, boardId, templateId } satisfies Job)
    }).finally(() => this.stopWhenIdle())
  }

  /** An idle worker gives its memory back (its heap held a whole board) and is started again on demand. */
  private stopWhenIdle(): void {
    if (this.pending.size > 0) return
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = setTimeout(() => void this.close(), IDLE_MS)
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
    const worker = spawnSelf({ role: ROLE, dbFile: this.dbFile })
    worker.unref() // an idle worker must not keep the process alive
    worker.on('message', (answer: Answer) => {
      const waiting = this.pending.get(answer.id)
      this.pending.delete(answer.id)
      if (!waiting) return
      if ('error' in answer) waiting.reject(new Error(answer.error))
      else waiting.resolve(answer.sections)
    })
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null
      for (const waiting of this.pending.values()) waiting.reject(error)
      this.pending.clear()
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(new Error(`harvest worker exited (${code})`)))
    this.worker = worker
    return worker
  }
}
