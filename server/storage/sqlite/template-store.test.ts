import { describe, expect, it } from 'vitest'
import type { StoredRecord } from '../../../shared/doc-layout.ts'
import { tempStorages } from '../../testing/temp-database.ts'
import type { SqliteTemplateStore } from './template-store.ts'

const openStorage = tempStorages('templates')

function store(): SqliteTemplateStore {
  return openStorage().templates
}

const note = (id: string, author: string | null): StoredRecord => ({ id, typeName: 'shape', type: 'note', props: { textFirstEditedBy: author } })
const user: StoredRecord = { id: 'user:anna', typeName: 'user', name: 'Anna' }
const save = (templates: SqliteTemplateStore, sourceBoard: string, keep = false, records: StoredRecord[] = [note('shape:a', null)]) =>
  templates.save({ title: `Van ${sourceBoard}`, description: '', schema: { schemaVersion: 2, sequences: {} }, records, sourceBoard, keep })

describe('SqliteTemplateStore', () => {
  it('lists a board’s own templates, oldest first, and all of them for the admin', async () => {
    const templates = store()
    const a1 = await save(templates, 'boardA')
    const b1 = await save(templates, 'boardB')
    const a2 = await save(templates, 'boardA')
    expect((await templates.listOf('boardA')).map((t) => t.id)).toEqual([a1.id, a2.id])
    expect((await templates.list()).map((t) => t.id)).toEqual([a1.id, b1.id, a2.id])
  })

  it('deletes a board’s templates with it, except kept ones, which forget the board', async () => {
    const templates = store()
    const gone = await save(templates, 'boardA')
    const kept = await save(templates, 'boardA', true)
    const other = await save(templates, 'boardB')
    templates.detachFromBoardNow('boardA')
    expect(await templates.get(gone.id)).toBeNull()
    expect(await templates.get(kept.id)).toMatchObject({ keep: true, sourceBoard: null })
    expect(await templates.get(other.id)).toMatchObject({ keep: false, sourceBoard: 'boardB' })
    expect(await templates.listOf('boardA')).toEqual([])
  })

  it('strips authors from one board’s templates only', async () => {
    const templates = store()
    const named = await save(templates, 'boardA', false, [note('shape:a', 'user:anna'), user])
    const elsewhere = await save(templates, 'boardB', false, [note('shape:b', 'user:bram')])
    templates.removeAuthorsOfNow('boardA')
    expect((await templates.get(named.id))!.records).toEqual([note('shape:a', null)])
    expect((await templates.get(elsewhere.id))!.records).toEqual([note('shape:b', 'user:bram')])
  })

  it('deletes one template by id', async () => {
    const templates = store()
    const saved = await save(templates, 'boardA')
    expect(await templates.delete(saved.id)).toBe(true)
    expect(await templates.delete(saved.id)).toBe(false)
    expect(await templates.get(saved.id)).toBeNull()
  })
})
