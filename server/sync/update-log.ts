/** Applying what a DocumentStore holds for a board (its state row and the log since) to a Y.Doc, for every engine. */
import * as Y from 'yjs'
import { knowFullState } from '../document-records.ts'
import type { StoredDocument } from '../storage/document-store.ts'

/** Applies a stored document to `doc`; returns how many logged updates were replayed. */
export function applyStored(stored: StoredDocument, doc: Y.Doc): number {
  const { state, updates } = stored
  // The state row apart from the log: merging them would decode and re-encode the whole board.
  if (state) Y.applyUpdate(doc, state)
  if (updates.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(updates.map((update) => update.data)))
  // A board loaded from its state row alone: those bytes are its full state, no need to encode it.
  else if (state) knowFullState(doc, state)
  return updates.length
}
