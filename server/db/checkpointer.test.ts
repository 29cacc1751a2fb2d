import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { startCheckpointer } from './checkpointer.ts'
import { DB_FILE, openDatabase } from './database.ts'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

it('moves committed pages from the WAL into the database file off the main thread', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dialoogbord-ckpt-'))
  dirs.push(dir)
  const db = openDatabase(dir)
  const file = path.join(dir, DB_FILE)
  const marker = `marker-${Date.now()}`
  db.prepare('CREATE TABLE notes (text TEXT)').run()
  db.prepare('INSERT INTO notes VALUES (?)').run(marker)
  // Committed, but only in the WAL: the main connection does not checkpoint this early.
  expect(readFileSync(file).includes(marker)).toBe(false)

  const errors: string[] = []
  const checkpointer = startCheckpointer(file, 20, (error) => errors.push(error))
  await expect.poll(() => readFileSync(file).includes(marker), { timeout: 5_000 }).toBe(true)
  await checkpointer.stop()
  expect(errors).toEqual([])
  expect(db.prepare('SELECT text FROM notes').pluck().all()).toEqual([marker])
  db.close()
})

it('stops even when it is asked twice', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dialoogbord-ckpt-'))
  dirs.push(dir)
  const db = openDatabase(dir)
  const checkpointer = startCheckpointer(path.join(dir, DB_FILE), 20, () => {})
  await checkpointer.stop()
  await checkpointer.stop()
  db.close()
})
