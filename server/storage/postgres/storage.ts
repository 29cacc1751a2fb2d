/** Everything a server keeps, in PostgreSQL (DATABASE_URL): shared by every process. */
import type { SerializedSchema } from '@tldraw/store'
import type { StoredRecord } from '../../../shared/doc-layout.ts'
import type { RetentionPolicy } from '../../snapshots/retention.ts'
import type { Storage } from '../stores.ts'
import { recordsWithoutAuthors, stateWithoutAuthors } from '../without-authors.ts'
import { PgAssetStore } from './asset-store.ts'
import { PgBoardStore } from './board-store.ts'
import { openPostgres, transaction, type PgPool } from './database.ts'
import { PG_DRAFT_TABLES, PgDocumentStore } from './document-store.ts'
import { PgDraftStore } from './draft-store.ts'
import { PgSnapshotStore, snapshotIds, stateOf } from './snapshot-store.ts'
import { PgTemplateStore } from './template-store.ts'
import { PgVoteStore } from './vote-store.ts'

export class PgStorage implements Storage {
  readonly engine = 'postgres'
  readonly documents
  readonly boards
  readonly snapshots
  readonly assets
  readonly templates
  readonly drafts
  readonly draftDocuments
  readonly votes

  constructor(
    private readonly pool: PgPool,
    retention: RetentionPolicy,
  ) {
    this.documents = new PgDocumentStore(pool)
    this.boards = new PgBoardStore(pool)
    this.snapshots = new PgSnapshotStore(pool, retention)
    this.assets = new PgAssetStore(pool)
    this.templates = new PgTemplateStore(pool)
    this.drafts = new PgDraftStore(pool)
    this.draftDocuments = new PgDocumentStore(pool, PG_DRAFT_TABLES)
    this.votes = new PgVoteStore(pool)
  }

  async commitAnonymous(boardId: string, computed: ReadonlyMap<string, Uint8Array | null>): Promise<void> {
    await transaction(this.pool, async (client) => {
      // One state in memory at a time; those the worker made while the live board was scrubbed are used as they are.
      for (const id of await snapshotIds(client, boardId)) {
        let clean = computed.get(id) ?? null
        if (!computed.has(id)) {
          const row = await stateOf(client, id)
          clean = row ? stateWithoutAuthors(row.state, JSON.parse(row.schema) as SerializedSchema) : null
        }
        if (clean) await client.query('UPDATE snapshots SET state = $1 WHERE id = $2', [clean, id])
      }
      const { rows } = await client.query<{ id: string; records: string }>('SELECT id, records FROM custom_templates WHERE source_board = $1', [boardId])
      for (const row of rows) {
        const clean = recordsWithoutAuthors(JSON.parse(row.records) as StoredRecord[])
        await client.query('UPDATE custom_templates SET records = $1 WHERE id = $2', [JSON.stringify(clean), row.id])
      }
      await client.query('UPDATE boards SET anonymous = true, updated_at = now() WHERE id = $1', [boardId])
    })
  }

  /**
   * Lets PostgreSQL reuse the space of removed rows now rather than when autovacuum comes by.
   * Unlike SQLite's secure_delete this does not overwrite them: the bytes stay in the data files
   * until reused (README, "Scaling out": encrypt the disk).
   */
  async forgetRemoved(): Promise<void> {
    await this.pool.query('VACUUM snapshots, updates, board_state, custom_templates, assets, drafts, draft_state, draft_updates, votes, ballots')
  }

  async close(): Promise<void> {
    await this.pool.end()
  }
}

/** Connects to DATABASE_URL and brings its schema up to date (safe with several processes starting together). */
export async function openPostgresStorage(url: string, retention: RetentionPolicy): Promise<PgStorage> {
  return new PgStorage(await openPostgres(url), retention)
}
