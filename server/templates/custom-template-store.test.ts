import { describe, expect, it } from 'vitest'
import type { StoredRecord } from '../../shared/doc-layout.ts'
import { tempDatabases } from '../testing/temp-database.ts'
import { CustomTemplateStore } from './custom-template-store.ts'

const openDb = tempDatabases('templates')

function store(): CustomTemplateStore {
  return new CustomTemplateStore(openDb())
}

const note = (id: string, author: string | null): StoredRecord => ({ id, typeName: 'shape', type: 'note', props: { textFirstEditedBy: author } })
const user: StoredRecord = { id: 'user:anna', typeName: 'user', name: 'Anna' }
const save = (templates: CustomTemplateStore, sourceBoard: string, keep = false, records: StoredRecord[] = [note('shape:a', null)]) =>
  templates.save({ title: `Van ${sourceBoard}`, description: '', schema: { schemaVersion: 2, sequences: {} }, records, sourceBoard, keep })

describe('CustomTemplateStore', () => {
  it('lists a board’s own templates, oldest first, and all of them for the admin', () => {
    const templates = store()
    const a1 = save(templates, 'boardA')
    const b1 = save(templates, 'boardB')
    const a2 = save(templates, 'boardA')
    expect(templates.listOf('boardA').map((t) => t.id)).toEqual([a1.id, a2.id])
    expect(templates.list().map((t) => t.id)).toEqual([a1.id, b1.id, a2.id])
  })

  it('deletes a board’s templates with it, except kept ones, which forget the board', () => {
    const templates = store()
    const gone = save(templates, 'boardA')
    const kept = save(templates, 'boardA', true)
    const other = save(templates, 'boardB')
    templates.deleteOf('boardA')
    expect(templates.get(gone.id)).toBeNull()
    expect(templates.get(kept.id)).toMatchObject({ keep: true, sourceBoard: null })
    expect(templates.get(other.id)).toMatchObject({ keep: false, sourceBoard: 'boardB' })
    expect(templates.listOf('boardA')).toEqual([])
  })

  it('strips authors from one board’s templates only', () => {
    const templates = store()
    const named = save(templates, 'boardA', false, [note('shape:a', 'user:anna'), user])
    const elsewhere = save(templates, 'boardB', false, [note('shape:b', 'user:bram')])
    templates.removeAuthorsOf('boardA')
    expect(templates.get(named.id)!.records).toEqual([note('shape:a', null)])
    expect(templates.get(elsewhere.id)!.records).toEqual([note('shape:b', 'user:bram')])
  })

  it('deletes one template by id', () => {
    const templates = store()
    const saved = save(templates, 'boardA')
    expect(templates.delete(saved.id)).toBe(true)
    expect(templates.delete(saved.id)).toBe(false)
    expect(templates.get(saved.id)).toBeNull()
  })
})
