import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { SerializedSchema } from '@tldraw/store'
import { createTLSchema, type TLShape } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import type { RecordJson } from '../../shared/api.ts'
import { SchemaTooNewError } from '../sync/binding.ts'
import { richText } from '../sync/test-records.ts'
import { diffBoards } from './diff.ts'
import { recordsForViewing } from './snapshot-records.ts'

/** A board written when notes were at schema version 8 (plain `text`, no rich text). */
const fixture = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../server/testing/fixtures/note-schema-v8.json'), 'utf8')) as {
  schema: SerializedSchema
  records: RecordJson[]
}

describe('recordsForViewing', () => {
  it('migrates records of an old snapshot to the schema tldraw loads', () => {
    const schema = createTLSchema()
    const records = recordsForViewing(fixture, schema)
    const old = records.find((record) => record.id === 'shape:oudmoment') as TLShape
    expect(old).toMatchObject({ type: 'note', x: 120, y: 80, props: { richText: richText('Melding bij de wijkagent (2019)') } })
    expect('text' in old.props).toBe(false)
    // Every record now passes the current validators, so a read-only editor can load them.
    for (const record of records) expect(() => schema.validateRecord(null as never, record, 'initialize', null)).not.toThrow()
  })

  it('keeps document records only, and leaves current records as they are', () => {
    const current = recordsForViewing(fixture)
    const withSession = { schema: createTLSchema().serialize(), records: [...(current as unknown as RecordJson[]), { id: 'camera:page:page', typeName: 'camera', x: 0, y: 0, z: 1, meta: {} }] }
    expect(recordsForViewing(withSession)).toEqual(current)
  })

  it('lets an old snapshot be compared with a current board without false differences', () => {
    const migrated = recordsForViewing(fixture)
    expect(diffBoards(migrated, migrated)).toEqual([])
    const edited = migrated.map((record) =>
      record.id === 'shape:oudmoment' ? ({ ...record, props: { ...(record as TLShape).props, richText: richText('Melding bij de wijkagent (mei 2019)') } } as TLShape) : record,
    )
    const [change] = diffBoards(migrated, edited)
    expect(change).toMatchObject({ change: 'changed', aspects: ['text'], before: { text: 'Melding bij de wijkagent (2019)' }, after: { text: 'Melding bij de wijkagent (mei 2019)' } })
  })

  it('refuses a snapshot written by a newer tldraw', () => {
    const schema = createTLSchema().serialize()
    const newer = { ...schema, sequences: { ...(schema as { sequences: Record<string, number> }).sequences, 'com.tldraw.shape.note': 999 } }
    expect(() => recordsForViewing({ schema: newer as SerializedSchema, records: fixture.records })).toThrow(SchemaTooNewError)
  })
})
