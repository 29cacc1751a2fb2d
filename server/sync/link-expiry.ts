/**
 * Closes a connection when the link it joined with expires. The timer is re-armed whenever the
 * link's expiry changes (PATCH /api/boards/:id/links/:role), so a link shortened, extended or
 * made permanent while people are connected applies to them at once.
 */

/** setTimeout holds at most ~24.8 days; a later expiry is re-armed when that first timer fires. */
const MAX_TIMER_MS = 2 ** 31 - 1

export class ExpiryTimers<K> {
  private readonly timers = new Map<K, NodeJS.Timeout>()

  constructor(
    private readonly onExpired: (key: K) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Arms (or re-arms) the key's timer; `null` means the link no longer expires. */
  arm(key: K, expiresAt: string | null): void {
    this.clear(key)
    if (expiresAt === null) return
    const due = Date.parse(expiresAt)
    const delay = Math.min(Math.max(due - this.now(), 0), MAX_TIMER_MS)
    const timer = setTimeout(() => {
      this.timers.delete(key)
      if (this.now() >= due) this.onExpired(key)
      else this.arm(key, expiresAt)
    }, delay)
    timer.unref()
    this.timers.set(key, timer)
  }

  clear(key: K): void {
    const timer = this.timers.get(key)
    if (timer === undefined) return
    clearTimeout(timer)
    this.timers.delete(key)
  }

  get size(): number {
    return this.timers.size
  }
}
