/**
 * Checks a client's Yjs update before it touches a board: it may only carry what the document
 * layout allows (record entries in `tl_records`, the schema in `meta`), every record must pass
 * tldraw's validation, and nothing may be oversized. Inspecting the decoded update is cheap and
 * needs no scratch copy of the document.
 */
import * as Y from 'yjs'
import { META_MAP, RECORDS_ARRAY, SCHEMA_KEY, type StoredRecord } from '../../shared/doc-layout.ts'
import { ASSET_PATH } from '../../shared/protocol.ts'
import { tldrawSchema } from '../initial-document.ts'

/** Record types that belong in the shared document (instance, camera, presence… stay local). */
const DOCUMENT_TYPES = new Set(['document', 'page', 'shape', 'binding', 'asset', 'user'])

export interface GuardLimits {
  /** Largest JSON size of one record, in characters. */
  maxRecordChars: number
}

export const DEFAULT_GUARD_LIMITS: GuardLimits = { maxRecordChars: 256 * 1024 }

export type Verdict =
  | { ok: true; records: StoredRecord[] }
  | { ok: false; reason: string }

const refuse = (reason: string): Verdict => ({ ok: false, reason })

/**
 * `knownGood` holds records that passed before (by id): tldraw then only validates the fields
 * that differ, so moving a note does not re-check its text and its fractional index.
 */
export function inspectUpdate(
  update: Uint8Array,
  limits: GuardLimits = DEFAULT_GUARD_LIMITS,
  knownGood: ReadonlyMap<string, StoredRecord> = new Map(),
): Verdict {
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(update)
  } catch {
    return refuse('undecodable update')
  }
  const records: StoredRecord[] = []
  // No record can be larger than the update that carries it: measure records only when needed.
  const measure = update.length > limits.maxRecordChars
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue // GC and Skip hold no content
    const content = struct.content
    if (content instanceof Y.ContentDeleted) continue
    if (!(content instanceof Y.ContentAny)) return refuse(`content of type ${content.constructor.name} is not part of the board layout`)
    const parent = struct.parent
    if (struct.parentSub !== null) {
      // A map entry: only the schema in the meta map.
      if (struct.parentSub !== SCHEMA_KEY || (typeof parent === 'string' && parent !== META_MAP)) return refuse('unexpected map entry')
      const [schema] = content.arr as unknown[]
      if (!isSerializedSchema(schema)) return refuse('meta.schema is not a tldraw schema')
      continue
    }
    if (typeof parent === 'string' && parent !== RECORDS_ARRAY) return refuse(`unexpected root type "${parent}"`)
    for (const entry of content.arr as unknown[]) {
      const checked = checkEntry(entry, limits, measure, knownGood)
      if (typeof checked === 'string') return refuse(checked)
      records.push(checked)
    }
  }
  return { ok: true, records }
}

function checkEntry(entry: unknown, limits: GuardLimits, measure: boolean, knownGood: ReadonlyMap<string, StoredRecord>): StoredRecord | string {
  if (!isObject(entry) || typeof entry.key !== 'string' || !isObject(entry.val)) return 'a record entry must be {key, val}'
  const record = entry.val
  if (record.id !== entry.key) return 'a record entry’s key must be its record id'
  if (typeof record.typeName !== 'string' || !DOCUMENT_TYPES.has(record.typeName)) return `record type "${String(record.typeName)}" does not belong in the document`
  if (measure && JSON.stringify(record).length > limits.maxRecordChars) return `record ${record.id} is too large`
  if (record.typeName === 'asset' && !isOwnAssetSrc((record.props as Record<string, unknown> | undefined)?.src)) {
    return 'images must be uploaded to this server, not linked or inlined'
  }
  try {
    const before = knownGood.get(record.id)
    const recordType = tldrawSchema.types[record.typeName as keyof typeof tldrawSchema.types]
    recordType.validate(record, before?.typeName === record.typeName ? (before as never) : undefined)
  } catch (error) {
    return `invalid record ${String(record.id).slice(0, 80)}: ${error instanceof Error ? error.message.slice(0, 200) : 'failed validation'}`
  }
  return record as StoredRecord
}

/** Asset sources: none yet, or an image stored by this server (never a third party or a data URL). */
function isOwnAssetSrc(src: unknown): boolean {
  return src === null || src === undefined || src === '' || (typeof src === 'string' && src.startsWith(ASSET_PATH) && !src.includes('..'))
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isSerializedSchema(value: unknown): boolean {
  return isObject(value) && typeof value.schemaVersion === 'number' && JSON.stringify(value).length < 16_384
}
