/**
 * Removing author fields from what a board keeps besides its live document (snapshots, saved
 * templates), the same way in every storage engine, when a board becomes anonymous.
 */
import type { SerializedSchema } from '@tldraw/store'
import { carriesAuthor, withoutAuthor } from '../../shared/authorship.ts'
import type { StoredRecord } from '../../shared/doc-layout.ts'
import { decodeContent } from '../document-records.ts'
import { encodeDocument } from '../initial-document.ts'

/** The records without author fields (a record that is nothing but an author entry goes). */
export function recordsWithoutAuthors(records: readonly StoredRecord[]): StoredRecord[] {
  return records.map(withoutAuthor).filter((record): record is StoredRecord => record !== null)
}

/**
 * A snapshot's state re-encoded from its records without author fields, so no removed value
 * survives in its history; null when it names nobody (left as it is).
 */
export function stateWithoutAuthors(state: Uint8Array, schema: SerializedSchema): Uint8Array | null {
  const { records } = decodeContent(state)
  if (!records.some(carriesAuthor)) return null
  return encodeDocument(recordsWithoutAuthors(records), schema)
}
