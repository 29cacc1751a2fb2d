/**
 * Templates saved from boards ("own templates"), in SQLite: metadata plus structure records, and
 * the board they came from. They are listed only to that board's facilitators and the admin; the
 * id itself is an unguessable capability, so a board can be made from one by id.
 */
import type { SerializedSchema } from '@tldraw/store'
import type { TemplateSummary } from '../../../shared/api.ts'
import type { StoredRecord } from '../../../shared/doc-layout.ts'
import type { Db } from '../../db/database.ts'
import { newId } from '../../tokens.ts'
import { CUSTOM_TEMPLATE_PREFIX, type SavedTemplate, type TemplateStore } from '../stores.ts'
import { recordsWithoutAuthors } from '../without-authors.ts'

/** A saved template as SQLite keeps it (also read by the move to PostgreSQL). */
export interface TemplateRow {
  id: string
  title: string
  description: string
  created_at: string
  schema: string
  records: string
  source_board: string | null
  keep: number
}

type SummaryRow = Pick<TemplateRow, 'id' | 'title' | 'description'>

const summary = (row: SummaryRow): TemplateSummary => ({ id: row.id, title: row.title, description: row.description, custom: true })

export class SqliteTemplateStore implements TemplateStore {
  private readonly insert
  private readonly selectOne
  private readonly selectAll
  private readonly selectOfBoard
  private readonly recordsOfBoard
  private readonly updateRecords
  private readonly deleteOne
  private readonly deleteUnkeptOfBoard
  private readonly orphanKeptOfBoard

  constructor(db: Db) {
    this.insert = db.prepare(
      'INSERT INTO custom_templates (id, title, description, created_at, schema, records, source_board, keep) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    this.selectOne = db.prepare<[string], TemplateRow>(
      'SELECT id, title, description, created_at, schema, records, source_board, keep FROM custom_templates WHERE id = ?',
    )
    // Oldest first: the picker shows new templates last, after the built-in ones.
    this.selectAll = db.prepare<[], SummaryRow>('SELECT id, title, description FROM custom_templates ORDER BY created_at, rowid')
    this.selectOfBoard = db.prepare<[string], SummaryRow>(
      'SELECT id, title, description FROM custom_templates WHERE source_board = ? ORDER BY created_at, rowid',
    )
    this.recordsOfBoard = db.prepare<[string], Pick<TemplateRow, 'id' | 'records'>>('SELECT id, records FROM custom_templates WHERE source_board = ?')
    this.updateRecords = db.prepare('UPDATE custom_templates SET records = ? WHERE id = ?')
    this.deleteOne = db.prepare('DELETE FROM custom_templates WHERE id = ?')
    this.deleteUnkeptOfBoard = db.prepare('DELETE FROM custom_templates WHERE source_board = ? AND keep = 0')
    // A kept template forgets which board it came from: the deleted board leaves no trace.
    this.orphanKeptOfBoard = db.prepare('UPDATE custom_templates SET source_board = NULL WHERE source_board = ?')
  }

  async save(input: {
    title: string
    description: string
    schema: SerializedSchema
    records: readonly StoredRecord[]
    sourceBoard: string
    keep: boolean
  }): Promise<TemplateSummary> {
    const id = `${CUSTOM_TEMPLATE_PREFIX}${newId()}`
    this.insert.run(
      id,
      input.title,
      input.description,
      new Date().toISOString(),
      JSON.stringify(input.schema),
      JSON.stringify(input.records),
      input.sourceBoard,
      input.keep ? 1 : 0,
    )
    return { id, title: input.title, description: input.description, custom: true }
  }

  async get(id: string): Promise<SavedTemplate | null> {
    return this.getNow(id)
  }

  /** get(), synchronously (the read worker's harvest looks templates up while it runs). */
  getNow(id: string): SavedTemplate | null {
    if (!id.startsWith(CUSTOM_TEMPLATE_PREFIX)) return null
    const row = this.selectOne.get(id)
    if (!row) return null
    return {
      ...summary(row),
      createdAt: row.created_at,
      schema: JSON.parse(row.schema) as SerializedSchema,
      records: JSON.parse(row.records) as StoredRecord[],
      sourceBoard: row.source_board,
      keep: row.keep === 1,
    }
  }

  /** Every saved template (for the admin). */
  async list(): Promise<TemplateSummary[]> {
    return this.selectAll.all().map(summary)
  }

  /** The templates saved from one board (for its facilitators). */
  async listOf(boardId: string): Promise<TemplateSummary[]> {
    return this.selectOfBoard.all(boardId).map(summary)
  }

  /** Whether there was such a template. */
  async delete(id: string): Promise<boolean> {
    return this.deleteOne.run(id).changes > 0
  }

  /**
   * When its source board is deleted: the board's templates go, except kept ones, which lose the
   * link. Runs inside the board deletion's transaction (SqliteBoardStore.delete).
   */
  detachFromBoardNow(boardId: string): void {
    this.deleteUnkeptOfBoard.run(boardId)
    this.orphanKeptOfBoard.run(boardId)
  }

  /** Strips author fields from the board's templates; runs inside the anonymity switch's transaction (SqliteStorage). */
  removeAuthorsOfNow(boardId: string): void {
    for (const row of this.recordsOfBoard.all(boardId)) {
      this.updateRecords.run(JSON.stringify(recordsWithoutAuthors(JSON.parse(row.records) as StoredRecord[])), row.id)
    }
  }
}
