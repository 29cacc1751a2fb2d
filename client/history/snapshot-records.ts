/**
 * A snapshot's records made fit to load into this client's tldraw: document records only, brought
 * up from the schema they were written under with the same migration the live binding runs.
 */
import type { SerializedSchema } from '@tldraw/store'
import { createTLSchema, type TLRecord, type TLSchema } from '@tldraw/tlschema'
import type { RecordJson } from '../../shared/api.ts'
import { migrateRecords } from '../sync/binding.ts'

let defaultSchema: TLSchema | null = null

/** tldraw's default schema: the one the board's store (default shapes and bindings) has. */
export function clientSchema(): TLSchema {
  defaultSchema ??= createTLSchema()
  return defaultSchema
}

/**
 * @throws SchemaTooNewError (from the binding) when the snapshot was written by a newer client.
 */
export function recordsForViewing(content: { schema: SerializedSchema; records: readonly RecordJson[] }, schema: TLSchema = clientSchema()): TLRecord[] {
  const types = schema.types as Record<string, { scope: string } | undefined>
  const documentRecords = content.records.filter((record) => types[record.typeName]?.scope === 'document')
  return migrateRecords(schema, content.schema, documentRecords).records
}
