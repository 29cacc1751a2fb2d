/**
 * A version number per live Y.Doc that moves whenever the document changes, so whatever was
 * computed from it (a harvest, an export, its encoded state) knows when it is stale.
 */
import type * as Y from 'yjs'

const versions = new WeakMap<Y.Doc, { n: number }>()

/**
 * Whether a transaction added or deleted anything. Empty ones happen on reads too (Yjs opens one
 * when a root type is first looked up), and must not make every cached result stale.
 */
function changed(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true
  for (const [client, clock] of transaction.afterState) if (transaction.beforeState.get(client) !== clock) return true
  return false
}

export function docVersion(doc: Y.Doc): number {
  let version = versions.get(doc)
  if (!version) {
    const counter = { n: 0 }
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (changed(transaction)) counter.n++
    })
    versions.set(doc, counter)
    version = counter
  }
  return version.n
}
