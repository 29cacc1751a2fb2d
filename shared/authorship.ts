/**
 * Who wrote what: tldraw keeps the author of a note's first text (`textFirstEditedBy`) and a
 * `user` record per person in the document. Anonymous boards, snapshots and saved templates
 * must carry neither.
 */
import type { StoredRecord } from './doc-layout.ts'

/** Whether a record names who wrote it: user records, and the note's first-editor attribution. */
export function carriesAuthor(record: StoredRecord): boolean {
  if (record.typeName === 'user') return true
  const props = record.props as Record<string, unknown> | undefined
  return props?.textFirstEditedBy != null
}

/** The record without authorship, or null when the record is itself about a person (a user). */
export function withoutAuthor(record: StoredRecord): StoredRecord | null {
  if (record.typeName === 'user') return null
  if (!carriesAuthor(record)) return record
  return { ...record, props: { ...(record.props as Record<string, unknown>), textFirstEditedBy: null } }
}
