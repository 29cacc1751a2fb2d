/**
 * What a board accepts as content, whichever way it arrives (a websocket update or an imported
 * file): one check per record and one per schema, so both paths refuse exactly the same things.
 */
import type { SerializedSchema } from '@tldraw/store'
import type { StoredRecord } from '../shared/doc-layout.ts'
import { ASSET_PATH } from '../shared/protocol.ts'
import { tldrawSchema } from './initial-document.ts'

/** Record types that belong in the shared document (instance, camera, pointer… stay local). */
const DOCUMENT_TYPES = new Set(['document', 'page', 'shape', 'binding', 'asset', 'user'])

/** Largest JSON size of one record, in characters: far above any real card, far below a message. */
export const MAX_RECORD_CHARS = 256 * 1024

/** Largest JSON size of a stored schema, in characters (ours is about 2 KB). */
const MAX_SCHEMA_CHARS = 16_384

export interface RecordCheck {
  /** Largest JSON size of one record, in characters. */
  maxRecordChars: number
  /** Measure the record's size (callers skip it when the whole input is smaller than the cap). */
  measure: boolean
  /** The record's previous version that passed: tldraw then validates only the fields that differ. */
  before?: StoredRecord | undefined
}

/** The record when the board may hold it, else why not (a readable English sentence). */
export function checkRecord(record: unknown, check: RecordCheck): StoredRecord | string {
  if (!isObject(record) || typeof record.id !== 'string') return 'a record must be an object with an id'
  const id = record.id.slice(0, 80)
  if (typeof record.typeName !== 'string' || !DOCUMENT_TYPES.has(record.typeName)) {
    return `record type "${String(record.typeName).slice(0, 40)}" does not belong in the document`
  }
  if (check.measure && JSON.stringify(record).length > check.maxRecordChars) return `record ${id} is too large`
  if (record.typeName === 'asset' && !isOwnAssetSrc((record.props as Record<string, unknown> | undefined)?.src)) {
    return 'images must be uploaded to this server, not linked or inlined'
  }
  try {
    const recordType = tldrawSchema.types[record.typeName as keyof typeof tldrawSchema.types]
    const before = check.before?.typeName === record.typeName ? check.before : undefined
    recordType.validate(record, before as never)
  } catch (error) {
    return `invalid record ${id}: ${error instanceof Error ? error.message.slice(0, 200) : 'failed validation'}`
  }
  return record as StoredRecord
}

/** Asset sources: none yet, or an image stored by this server (never a third party or a data URL). */
function isOwnAssetSrc(src: unknown): boolean {
  return src === null || src === undefined || src === '' || (typeof src === 'string' && src.startsWith(ASSET_PATH) && !src.includes('..'))
}

/**
 * Null when this server can migrate records written under `schema` (the same or an older tldraw),
 * else why not. A schema naming a newer version or a sequence we don't know would make every
 * client of this version refuse the board, and restore, fork and export fail.
 */
export function schemaProblem(schema: unknown): string | null {
  if (!looksLikeSchema(schema)) return 'meta.schema is not a tldraw schema'
  if (schema.schemaVersion === 2) {
    const ours = tldrawSchema.migrations
    const unknown = Object.keys(schema.sequences).find((sequence) => !Object.hasOwn(ours, sequence))
    if (unknown !== undefined) return `the schema names a migration sequence this server does not know (${unknown.slice(0, 80)})`
  }
  const migrations = tldrawSchema.getMigrationsSince(schema)
  return migrations.ok ? null : 'the schema is newer than this server’s: update the server first'
}

/** The shape of a tldraw SerializedSchema (v1 or v2), small enough to store. */
export function looksLikeSchema(value: unknown): value is SerializedSchema {
  if (!isObject(value)) return false
  if (value.schemaVersion === 2) {
    if (!isObject(value.sequences) || !Object.values(value.sequences).every((version) => Number.isInteger(version))) return false
  } else if (value.schemaVersion === 1) {
    if (typeof value.storeVersion !== 'number' || !isObject(value.recordVersions)) return false
  } else {
    return false
  }
  return JSON.stringify(value).length <= MAX_SCHEMA_CHARS
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
