/** Templates saved from boards ("own templates"), in SQLite: metadata plus structure records. */
import type { SerializedSchema } from '@tldraw/store'
import type { TemplateSummary } from '../../shared/api.ts'
import type { StoredRecord } from '../../shared/doc-layout.ts'
import type { Db } from '../db/database.ts'
import { newId } from '../tokens.ts'

/** Saved template ids carry a prefix so they can never collide with a built-in one. */
export const CUSTOM_TEMPLATE_PREFIX = 'custom-'

export interface SavedTemplate extends TemplateSummary {
  createdAt: string
  /** The tldraw schema the records were written with. */
  schema: SerializedSchema
  records: StoredRecord[]
}

interface Row {
  id: string
  title: string
  description: string
  created_at: string
  schema: string
  records: string
}

export class CustomTemplateStore {
  private readonly insert
  private readonly selectOne
  private readonly selectAll

  constructor(db: Db) {
    this.insert = db.prepare('INSERT INTO custom_templates (id, title, description, created_at, schema, records) VALUES (?, ?, ?, ?, ?, ?)')
    this.selectOne = db.prepare<[string], Row>('SELECT id, title, description, created_at, schema, records FROM custom_templates WHERE id = ?')
    // Oldest first: the picker shows new templates last, after the built-in ones.
    this.selectAll = db.prepare<[], Pick<Row, 'id' | 'title' | 'description'>>('SELECT id, title, description FROM custom_templates ORDER BY created_at, rowid')
  }

  save(input: { title: string; description: string; schema: SerializedSchema; records: readonly StoredRecord[] }): TemplateSummary {
    const id = `${CUSTOM_TEMPLATE_PREFIX}${newId()}`
    this.insert.run(id, input.title, input.description, new Date().toISOString(), JSON.stringify(input.schema), JSON.stringify(input.records))
    return { id, title: input.title, description: input.description, custom: true }
  }

  get(id: string): SavedTemplate | null {
    if (!id.startsWith(CUSTOM_TEMPLATE_PREFIX)) return null
    const row = this.selectOne.get(id)
    if (!row) return null
    return {
      id: row.id,
      title: row.title,
      description: row.description,
      custom: true,
      createdAt: row.created_at,
      schema: JSON.parse(row.schema) as SerializedSchema,
      records: JSON.parse(row.records) as StoredRecord[],
    }
  }

  list(): TemplateSummary[] {
    return this.selectAll.all().map((row) => ({ ...row, custom: true }))
  }
}
