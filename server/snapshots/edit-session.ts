/**
 * What participants changed on a board since its last snapshot: when they began and which
 * records they touched. The count is what an automatic snapshot's label reports.
 */

/** Beyond this many distinct records the count only goes up by one per change (memory stays bounded). */
const MAX_TRACKED_KEYS = 100_000

export class EditSession {
  private readonly keys = new Set<string>()
  private untracked = 0

  constructor(readonly startedAt: number) {}

  /** Records one client change: the ids of the records it wrote or deleted. */
  note(keys: Iterable<string>): void {
    for (const key of keys) {
      if (this.keys.has(key)) continue
      if (this.keys.size < MAX_TRACKED_KEYS) this.keys.add(key)
      else this.untracked++
    }
  }

  /** How many distinct records changed. */
  get changes(): number {
    return this.keys.size + this.untracked
  }
}
