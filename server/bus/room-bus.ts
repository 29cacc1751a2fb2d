/**
 * How the processes serving the same boards tell each other what happened on a board: document
 * updates (already stored, with their sequence number), awareness changes and control messages
 * (close links, a changed mode or expiry, a deleted board). One process needs none of it
 * (InProcessBus); several share Redis pub/sub (RedisBus). The bus is never relied on for
 * durability: a process that missed a message catches up from the DocumentStore.
 */
import type { Role } from '../../shared/roles.ts'

/** What a process tells the others about a board, beyond document and awareness updates. */
export type BoardControl =
  /** Close the connections of these roles (all when absent): a revoked link, a deleted board. */
  | { type: 'close'; roles?: Role[]; code: number; reason: string }
  /** The board's anonymous mode changed (its rooms apply the new mode, connections are closed by a 'close'). */
  | { type: 'anonymous'; anonymous: boolean }
  /** A role link's expiry changed: re-arm the timers of its open connections. */
  | { type: 'expiry'; role: Role; expiresAt: string | null }
  /** The board was deleted: forget its room without writing anything. */
  | { type: 'deleted' }
  /** A snapshot of the board was just stored (it holds every process's edits so far). */
  | { type: 'snapshot-taken' }

export type BusMessage =
  | { kind: 'update'; seq: number; data: Uint8Array }
  | { kind: 'awareness'; data: Uint8Array }
  | { kind: 'control'; control: BoardControl }

export type BusHandler = (message: BusMessage) => void

export interface Subscription {
  /**
   * Settles once messages are being received (rejects when the bus is away): a room loads from
   * the store after this, so nothing published in between is missed.
   */
  readonly ready: Promise<void>
  close(): void
}

export interface RoomBus {
  /** Whether other processes serve the same boards (their updates then arrive here). */
  readonly multiProcess: boolean
  /** Sends to every other process serving the board (never back to this one). */
  publish(boardId: string, message: BusMessage): void
  /** Receives what other processes publish about the board, until the subscription is closed. */
  subscribe(boardId: string, handler: BusHandler): Subscription
  /**
   * Called after the bus was cut off and is back: messages may have been lost meanwhile, so every
   * open board catches up from the store.
   */
  onReconnect(handler: () => void): () => void
  close(): Promise<void>
}

/** One process: nobody else to tell. */
export class InProcessBus implements RoomBus {
  readonly multiProcess = false
  publish(): void {}
  subscribe(): Subscription {
    return { ready: Promise.resolve(), close: () => {} }
  }
  onReconnect(): () => void {
    return () => {}
  }
  async close(): Promise<void> {}
}
