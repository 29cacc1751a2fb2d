/** Upgrading an existing database: what an installation of yesterday's version holds must load the same. */
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecords, writeRecords } from '../../shared/doc-layout.ts'
import { UpdateLog } from '../storage/sqlite/update-log.ts'
import { testRecord } from '../testing/sync-client.ts'
import { DB_FILE, openDatabase } from './database.ts'
import { MIGRATIONS } from './migrations.ts'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const noteUpdate = (id: string) => {
  const doc = new Y.Doc()
  writeRecords(doc, { put: [testRecord(id)] })
  return Y.encodeStateAsUpdate(doc)
}

describe('migration 7 (numbered update log)', () => {
  it('keeps a schema-6 board’s state and log, numbers on after its newest update, and never reuses a number', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dialoogbord-migrate7-'))
    dirs.push(dir)
    // A database as version 6 left it: a compacted state and two updates still logged.
    const old = new Database(path.join(dir, DB_FILE))
    for (const migration of MIGRATIONS.slice(0, 6)) old.exec(migration)
    old.pragma('user_version = 6')
    const now = new Date().toISOString()
    old.prepare('INSERT INTO boards (id, title, template, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run('b', 't', 'leeg', now, now)
    old.prepare('INSERT INTO board_state (board_id, state, updated_at) VALUES (?, ?, ?)').run('b', noteUpdate('staat'), now)
    old.prepare('INSERT INTO updates (id, board_id, data) VALUES (?, ?, ?)').run(40, 'b', noteUpdate('een'))
    old.prepare('INSERT INTO updates (id, board_id, data) VALUES (?, ?, ?)').run(41, 'b', noteUpdate('twee'))
    old.close()

    const db = openDatabase(dir)
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
      const log = new UpdateLog(db)
      const stored = log.read('b')
      expect(stored.updates.map((update) => update.seq)).toEqual([40, 41])
      const doc = new Y.Doc()
      log.loadInto('b', doc)
      expect(readRecords(doc).map((record) => record.id).sort()).toEqual(['shape:een', 'shape:staat', 'shape:twee'])

      // Compacting everything away and logging again never hands out 41 or less.
      log.compactNow('b', Y.encodeStateAsUpdate(doc), 41)
      const [next] = log.appendNow([{ boardId: 'b', data: noteUpdate('drie') }])
      expect(next).toBe(42)
      const again = new Y.Doc()
      log.loadInto('b', again)
      expect(readRecords(again).map((record) => record.id).sort()).toEqual(['shape:drie', 'shape:een', 'shape:staat', 'shape:twee'])
    } finally {
      db.close()
    }
  })
})
