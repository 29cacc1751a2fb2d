/**
 * Results of heavy reads (the harvest, an export, an opened snapshot) of large boards, kept while
 * what they were made from is unchanged, so that reading them again costs nothing. Bounded by
 * size, least recently used out first. Names start with `<kind>:<boardId>` (e.g. `export:<id>`,
 * `snapshot:<id>:<snapshot id>`), so a board's results can be dropped together.
 */
import type * as Y from 'yjs'

export { docVersion } from '../doc-version.ts'

/** What a cached value was made from: a live document at a version, or any stable string. */
export type Source = { doc: Y.Doc; version: number; key: string } | { key: string }

const sameSource = (a: Source, b: Source): boolean =>
  a.key === b.key && ('doc' in a ? 'doc' in b && a.doc === b.doc && a.version === b.version : !('doc' in b))

/** A result: text, or text already encoded as UTF-8 (what a worker thread hands over without a copy). */
export type ReadValue = string | Uint8Array

/** What the server keeps of heavy reads at most: a few results of 50k-card boards. */
export const READ_CACHE_BYTES = 64 * 1024 * 1024

export class ReadCache {
  private readonly entries = new Map<string, { source: Source; value: ReadValue }>()
  /** Computations under way (getAsync), by name: at most one per name, the latest source's. */
  private readonly inFlight = new Map<string, { source: Source; value: Promise<ReadValue> }>()
  private bytes = 0

  /**
   * `maxBytes`: strings count as their length (near their size for board JSON and Markdown), bytes
   * as theirs. Each name holds one kind of value: the caller's.
   */
  constructor(private readonly maxBytes: number) {}

  /** The value for `name` made from `source`, computed (and kept when it fits) on a miss. */
  get<V extends ReadValue>(name: string, source: Source, compute: () => V): V {
    const hit = this.entries.get(name)
    if (hit && sameSource(hit.source, source)) {
      // Most recently used last.
      this.entries.delete(name)
      this.entries.set(name, hit)
      return hit.value as V
    }
    this.remove(name)
    const value = compute()
    if (value.length <= this.maxBytes) {
      this.entries.set(name, { source, value })
      this.bytes += value.length
      for (const [oldest] of this.entries) {
        if (this.bytes <= this.maxBytes) break
        this.remove(oldest)
      }
    }
    return value
  }

  /**
   * Like `get`, for a value computed elsewhere (a worker thread). Misses for the same name and
   * source while a computation runs wait for that one: ten people opening the report at once
   * cost one rendering, not ten. A failure reaches all of them and is not kept.
   */
  async getAsync<V extends ReadValue>(name: string, source: Source, compute: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(name)
    if (hit && sameSource(hit.source, source)) return this.get(name, source, () => hit.value as V)
    const running = this.inFlight.get(name)
    if (running && sameSource(running.source, source)) return running.value as Promise<V>
    const value = compute().then((computed) => this.get(name, source, () => computed))
    const entry = { source, value }
    this.inFlight.set(name, entry)
    const settled = () => {
      if (this.inFlight.get(name) === entry) this.inFlight.delete(name)
    }
    value.then(settled, settled)
    return value
  }

  /** The value kept for `name` if it was made from `source`, without computing anything. */
  peek(name: string, source: Source): ReadValue | null {
    const hit = this.entries.get(name)
    return hit && sameSource(hit.source, source) ? hit.value : null
  }

  /**
   * Drops every result made from a board: when it is deleted or turns anonymous, results holding
   * its names or content must not stay in memory until they are pushed out.
   */
  forgetBoard(boardId: string): void {
    for (const name of [...this.entries.keys()]) if (name.split(':')[1] === boardId) this.remove(name)
  }

  get size(): number {
    return this.bytes
  }

  private remove(name: string): void {
    const entry = this.entries.get(name)
    if (!entry) return
    this.bytes -= entry.value.length
    this.entries.delete(name)
  }
}
