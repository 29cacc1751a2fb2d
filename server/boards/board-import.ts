/** The export file format, and turning an imported file into a new board's first state. */
import type { SerializedSchema } from '@tldraw/store'
import { z } from 'zod'
import { boardTitle } from '../../shared/api.ts'
import type { StoredRecord } from '../../shared/doc-layout.ts'
import { migrateToCurrent } from '../document-records.ts'
import { HttpError } from '../http/errors.ts'
import { encodeDocument } from '../initial-document.ts'
import { errorMessage } from '../log.ts'
import { checkRecord, MAX_RECORD_CHARS, schemaProblem } from '../record-rules.ts'

export const EXPORT_FORMAT = 'dialoogbord'
export const EXPORT_VERSION = 1

export const exportFile = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  title: boardTitle,
  template: z.string().max(64).optional(),
  schema: z.object({ schemaVersion: z.number().int() }).passthrough(),
  // No count here: MAX_RECORDS_PER_BOARD decides, with its own error code (the body limit bounds the parse).
  records: z.array(z.object({ id: z.string().min(1).max(256), typeName: z.string().min(1).max(64) }).passthrough()),
})
export type ImportFile = z.infer<typeof exportFile>

/**
 * The file's records brought to this server's schema and encoded as a document, under the same
 * rules as a live edit (the websocket guard would refuse bad records one by one). 400
 * too_many_records or invalid_import otherwise.
 */
export function importedState(file: ImportFile, maxRecordsPerBoard: number): Uint8Array {
  if (file.records.length > maxRecordsPerBoard) {
    throw new HttpError(400, `the file holds ${file.records.length} records; a board holds at most ${maxRecordsPerBoard}`, 'too_many_records')
  }
  const problem = schemaProblem(file.schema)
  if (problem !== null) throw new HttpError(400, `the file's schema cannot be read: ${problem}`, 'invalid_import')
  let migrated: StoredRecord[]
  try {
    migrated = migrateToCurrent({ schema: file.schema as unknown as SerializedSchema, records: file.records })
  } catch (error) {
    throw new HttpError(400, `the file's records are not a valid board: ${errorMessage(error)}`, 'invalid_import')
  }
  const records = migrated.map((record) => {
    const checked = checkRecord(record, { maxRecordChars: MAX_RECORD_CHARS, measure: true })
    if (typeof checked === 'string') throw new HttpError(400, `the file's records are not a valid board: ${checked}`, 'invalid_import')
    return checked
  })
  if (!records.some((record) => record.typeName === 'page')) throw new HttpError(400, 'the file holds no page', 'invalid_import')
  return encodeDocument(records)
}
