/** What the clients of one driver process measure: latencies, send lags, counters, connection events. */
import type { ConnectionEvent } from './driver-protocol.ts'
import type { MoveStamp } from './stamp.ts'

/** A growable array of numbers. */
export class Samples {
  length = 0
  private data = new Float64Array(1 << 14)

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = value
  }

  toArray(): Float64Array {
    return this.data.slice(0, this.length)
  }
}

/** What one receiver has seen of each sender of its board: the highest sequence number, or -1. */
export class SeenMoves {
  private readonly highest: Int32Array

  constructor(senders: number) {
    this.highest = new Int32Array(senders).fill(-1)
  }

  last(sender: number): number {
    return this.highest[sender] ?? -1
  }

  record(sender: number, seq: number): void {
    this.highest[sender] = seq
  }

  /** Whether at least one move of every sender but `self` arrived. */
  heardFromAllBut(self: number): boolean {
    return this.highest.every((seq, sender) => sender === self || seq >= 0)
  }
}

/** Latencies and counters shared by all clients of a driver. */
export class Recorder {
  /** Set once moves start (before that, connection events count as setup trouble). */
  measuring = false
  /** Only moves sent from this time on (performance.now()) count. */
  windowStart = Number.POSITIVE_INFINITY
  stale = 0
  skipped = 0
  readonly events: ConnectionEvent[] = []
  /** Move → observed, ms. */
  readonly latencies = new Samples()
  /** How late each move's timer ran, ms: the client side's own event-loop queueing. */
  readonly sendLags = new Samples()

  /**
   * A receiver observed a move at `now`. Every observation updates what the receiver has seen
   * (setup waits on that); latency, skipped and out-of-order moves count inside the window only.
   */
  observe(seen: SeenMoves, stamp: MoveStamp, now: number): void {
    const counts = stamp.t >= this.windowStart
    const last = seen.last(stamp.client)
    if (stamp.seq <= last) {
      if (counts) this.stale++
      return
    }
    seen.record(stamp.client, stamp.seq)
    if (!counts) return
    this.skipped += stamp.seq - last - 1
    this.latencies.push(now - stamp.t)
  }

  event(board: number, client: number, what: string): void {
    const phase = this.measuring ? 'during the run' : 'during setup'
    if (this.events.length < 1_000) this.events.push({ board, client, what: `${what} ${phase}` })
  }

  /** The distinct connection events so far, most frequent first, for error messages. */
  eventSummary(): string {
    const counts = new Map<string, number>()
    for (const { what } of this.events) counts.set(what, (counts.get(what) ?? 0) + 1)
    return [...counts].sort((a, b) => b[1] - a[1]).map(([what, n]) => `${n}× ${what}`).join('; ')
  }
}
