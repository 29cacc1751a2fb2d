/**
 * The read worker's queue bound (READ_QUEUE_LIMIT), decided when a read is asked for: with no job
 * allowed to wait, a second read while one runs is refused at once, whatever the machine's speed.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { HarvestModel } from '../../shared/harvest-model.ts'
import { HttpError } from '../http/errors.ts'
import { SqliteStorage } from '../storage/sqlite/storage.ts'
import { ReadWorker } from './read-worker.ts'

const model: HarvestModel = {
  title: 'Casus Zuid',
  createdAt: '2026-11-30T09:00:00.000Z',
  template: null,
  generatedAt: null,
  sections: [],
  votes: [],
  agenda: [],
  followUp: null,
}

const dirs: string[] = []
const workers: ReadWorker[] = []
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.close()))
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

async function readWorker(maxWaiting: number): Promise<ReadWorker> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dialoogbord-read-worker-'))
  dirs.push(dir)
  // The worker opens the database read-only (its schema must exist); documents come from the model alone.
  const storage = SqliteStorage.open(dir, { keepAllHours: 24, dailyForDays: 30 })
  await storage.close()
  const worker = new ReadWorker({ engine: 'sqlite', file: storage.file }, maxWaiting)
  workers.push(worker)
  return worker
}

describe('ReadWorker queue bound', () => {
  it('refuses a read past the waiting jobs allowed with 503 server_busy and a Retry-After, and takes reads again once the queue drained', async () => {
    const worker = await readWorker(0)
    const first = worker.read({ kind: 'harvest-docx', model })
    const second = worker.read({ kind: 'harvest-pdf', model })
    const refused = await second.then(
      () => null,
      (error: unknown) => error,
    )
    expect(refused).toBeInstanceOf(HttpError)
    expect(refused).toMatchObject({ status: 503, code: 'server_busy', retryAfterSeconds: 5 })
    expect((await first).byteLength).toBeGreaterThan(0)
    expect((await worker.read({ kind: 'harvest-pdf', model })).byteLength).toBeGreaterThan(0)
  })

  it('lets one read wait behind the running one when one may', async () => {
    const worker = await readWorker(1)
    const reads = [worker.read({ kind: 'harvest-docx', model }), worker.read({ kind: 'harvest-pdf', model })]
    for (const bytes of await Promise.all(reads)) expect(bytes.byteLength).toBeGreaterThan(0)
    await expect(Promise.all([worker.read({ kind: 'harvest-docx', model }), worker.read({ kind: 'harvest-docx', model }), worker.read({ kind: 'harvest-docx', model })])).rejects.toMatchObject({ code: 'server_busy' })
  })
})
