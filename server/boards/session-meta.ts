/** The server's writes of session state into a board's `meta` (shared/session.ts): one transaction, one update. */
import type * as Y from 'yjs'
import { metaMap } from '../../shared/doc-layout.ts'

export function writeSessionMeta(doc: Y.Doc, entries: Record<string, unknown>): void {
  doc.transact(() => {
    for (const [key, value] of Object.entries(entries)) metaMap(doc).set(key, value)
  })
}
