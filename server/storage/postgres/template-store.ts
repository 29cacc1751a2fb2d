/** Templates saved from boards ("own templates") in PostgreSQL: metadata plus structure records. */
import type { SerializedSchema } from '@tldraw/store'
import type { TemplateSummary } from '../../../shared/api.ts'
import type { StoredRecord } from '../../../shared/doc-layout.ts'
import { newId } from '../../tokens.ts'
import { CUSTOM_TEMPLATE_PREFIX, type SavedTemplate, type TemplateStore } from '../stores.ts'
import type { PgPool } from './database.ts'

type SummaryRow = { id: string; title: string; description: string }

const summary = (row: SummaryRow): TemplateSummary => ({ id: row.id, title: row.title, description: row.description, custom: true })

export class PgTemplateStore implements TemplateStore {
  constructor(private readonly pool: PgPool) {}

  async save(input: { title: string; description: string; schema: SerializedSchema; records: readonly StoredRecord[]; sourceBoard: string; keep: boolean }): Promise<TemplateSummary> {
    const id = `${CUSTOM_TEMPLATE_PREFIX}${newId()}`
    await this.pool.query(
      'INSERT INTO custom_templates (id, title, description, created_at, schema, records, source_board, keep) VALUES ($1, $2, $3, now(), $4, $5, $6, $7)',
      [id, input.title, input.description, JSON.stringify(input.schema), JSON.stringify(input.records), input.sourceBoard, input.keep],
    )
    return { id, title: input.title, description: input.description, custom: true }
  }

  async get(id: string): Promise<SavedTemplate | null> {
    if (!id.startsWith(CUSTOM_TEMPLATE_PREFIX)) return null
    const { rows } = await this.pool.query<SummaryRow & { created_at: Date; schema: string; records: string; source_board: string | null; keep: boolean }>(
      'SELECT id, title, description, created_at, schema, records, source_board, keep FROM custom_templates WHERE id = $1',
      [id],
    )
    const row = rows[0]
    if (!row) return null
    return {
      ...summary(row),
      createdAt: row.created_at.toISOString(),
      schema: JSON.parse(row.schema) as SerializedSchema,
      records: JSON.parse(row.records) as StoredRecord[],
      sourceBoard: row.source_board,
      keep: row.keep,
    }
  }

  async list(): Promise<TemplateSummary[]> {
    // Oldest first: the picker shows new templates last, after the built-in ones.
    const { rows } = await this.pool.query<SummaryRow>('SELECT id, title, description FROM custom_templates ORDER BY created_at, ordinal')
    return rows.map(summary)
  }

  async listOf(boardId: string): Promise<TemplateSummary[]> {
    const { rows } = await this.pool.query<SummaryRow>('SELECT id, title, description FROM custom_templates WHERE source_board = $1 ORDER BY created_at, ordinal', [boardId])
    return rows.map(summary)
  }

  async delete(id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('DELETE FROM custom_templates WHERE id = $1', [id])
    return (rowCount ?? 0) > 0
  }
}
