/**
 * What the list view's live region says about OTHER people's changes: batched, so a busy session
 * does not flood a screen reader. Events gather for a moment and come out as one message, at
 * most one per `intervalMs` ("Nieuwe kaart in Rode draden. 2 kaarten gewijzigd in Tijdlijn.").
 * The list never passes its own edits here: it listens to remote changes only, and leaves out
 * those of my own draft cards, which is how my own reveal comes back (useOutline.ts).
 */
import type { MessageKey, Translate } from '../i18n.ts'

export type ChangeKind = 'added' | 'changed' | 'removed'

export interface ChangeEvent {
  kind: ChangeKind
  /** The part's name as the list shows it. */
  part: string
}

/** One sentence per kind and part, in the order they first happened. */
export function describeChanges(events: readonly ChangeEvent[], t: Translate): string {
  const counts = new Map<string, { event: ChangeEvent; n: number }>()
  for (const event of events) {
    const key = `${event.kind}\u0000${event.part}`
    const entry = counts.get(key)
    if (entry) entry.n++
    else counts.set(key, { event, n: 1 })
  }
  return [...counts.values()]
    .map(({ event, n }) => t(`list.announce.${event.kind}.${n === 1 ? 'one' : 'other'}` as MessageKey, { n: String(n), part: event.part }))
    .join(' ')
}

export interface Clock {
  now(): number
  setTimeout(run: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const REAL_CLOCK: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/** Collects events and hands them to `announce` in batches, never two batches within `intervalMs`. */
export class AnnouncementBatcher {
  private pending: ChangeEvent[] = []
  private timer: unknown = null
  private last = -Infinity

  constructor(
    private readonly announce: (events: ChangeEvent[]) => void,
    private readonly options: { intervalMs?: number; settleMs?: number; clock?: Clock } = {},
  ) {}

  add(events: readonly ChangeEvent[]): void {
    if (events.length === 0) return
    this.pending.push(...events)
    if (this.timer !== null) return
    const { intervalMs = 2000, settleMs = 300, clock = REAL_CLOCK } = this.options
    // A short wait lets one burst (a reveal, someone's paste) become one message.
    const wait = Math.max(settleMs, this.last + intervalMs - clock.now())
    this.timer = clock.setTimeout(() => this.flush(), wait)
  }

  dispose(): void {
    if (this.timer !== null) (this.options.clock ?? REAL_CLOCK).clearTimeout(this.timer)
    this.timer = null
    this.pending = []
  }

  private flush(): void {
    this.timer = null
    this.last = (this.options.clock ?? REAL_CLOCK).now()
    const events = this.pending
    this.pending = []
    if (events.length > 0) this.announce(events)
  }
}
