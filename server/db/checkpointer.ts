/**
 * Copies the WAL into the database file from a worker thread. SQLite's automatic checkpoint runs
 * inside whichever commit crosses the threshold and fsyncs twice: a 5 ms stall of the event loop
 * every few hundred commits, which every client of every board feels as latency. Here the main
 * connection only checkpoints as a backstop (when the WAL grew large because the worker fell
 * behind or died), and the worker does the routine work on its own connection.
 */
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/** Pages in the WAL before the main connection checkpoints by itself (4 KiB each: 40 MiB). */
export const BACKSTOP_CHECKPOINT_PAGES = 10_000

// Plain CommonJS so it runs the same under tsx, vitest and a compiled build.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file)
db.pragma('busy_timeout = 1000')
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)') } catch (error) { parentPort.postMessage(String(error && error.message || error)) }
}, workerData.everyMs)
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close() })
`

export interface Checkpointer {
  stop(): Promise<void>
}

export function startCheckpointer(file: string, everyMs: number, onError: (message: string) => void): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, everyMs, driver } })
  worker.unref()
  let exited = false
  worker.on('exit', () => (exited = true))
  worker.on('message', (message: unknown) => onError(String(message)))
  worker.on('error', (error) => onError(error.message))
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve()
        worker.once('exit', () => resolve())
        worker.postMessage('stop')
        // A checkpoint waits at most busy_timeout; never let it hold up a shutdown for longer.
        setTimeout(() => void worker.terminate(), 2_000).unref()
      }),
  }
}
