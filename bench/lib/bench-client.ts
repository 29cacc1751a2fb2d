/**
 * What both kinds of benchmark client share: the note they move, the move schedule, and what
 * they have seen of the other clients of their board. Subclasses connect and write.
 */
import type { StoredRecord } from '../../shared/doc-layout.ts'
import type { BoardAssignment } from './driver-protocol.ts'
import { asStored, noteRecord } from './note.ts'
import { SeenMoves, type Recorder } from './recorder.ts'
import type { MoveStamp } from './stamp.ts'

export type ClientKind = 'light' | 'full'

export abstract class BenchClient {
  readonly board: number
  /** The last move sent (0 = the note was created). */
  seq = 0
  /** Moves sent during the measured window. */
  sentInWindow = 0
  /** Per other client of the board: the highest move seen. */
  readonly seen: SeenMoves
  private timer: NodeJS.Timeout | null = null

  constructor(
    ticket: BoardAssignment,
    readonly client: number,
    clientsPerBoard: number,
    protected readonly recorder: Recorder,
  ) {
    this.board = ticket.board
    this.seen = new SeenMoves(clientsPerBoard)
  }

  /** Resolves once the server answered the client's sync step 1. */
  abstract synced(): Promise<void>
  abstract isSynced(): boolean
  /** Puts the note into the shared document in one transaction. */
  protected abstract put(record: StoredRecord): void
  abstract destroy(): void

  /** Writes the note (or moves it), stamped with the current move number and `t`. */
  write(t = performance.now()): void {
    const x = 120 * this.client + ((this.seq * 7) % 100)
    const y = 150 * (this.board % 10) + ((this.seq * 3) % 60)
    this.put(asStored(noteRecord(this.board, x, y, { client: this.client, seq: this.seq, t })))
  }

  /**
   * Moves the note in the slots `firstAt + n × intervalMs` before `endAt` (performance.now()
   * times). A slot missed because the process was busy is skipped, not made up in a burst.
   */
  startMoving(firstAt: number, intervalMs: number, endAt: number): void {
    let slot = 0
    let target = firstAt
    const tick = () => {
      const now = performance.now()
      if (now >= this.recorder.windowStart) {
        this.recorder.sendLags.push(now - target)
        this.sentInWindow++
      }
      this.seq++
      this.write(now)
      slot = Math.max(slot + 1, Math.ceil((performance.now() - firstAt) / intervalMs))
      target = firstAt + slot * intervalMs
      if (target >= endAt) {
        this.timer = null
        return
      }
      this.timer = setTimeout(tick, target - performance.now())
    }
    this.timer = setTimeout(tick, Math.max(0, target - performance.now()))
  }

  stopMoving(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  /** Every move another client of the board observes goes through here. */
  protected observed(stamp: MoveStamp, now: number): void {
    if (stamp.client !== this.client) this.recorder.observe(this.seen, stamp, now)
  }

  protected connectionEvent(what: string): void {
    this.recorder.event(this.board, this.client, what)
  }
}
