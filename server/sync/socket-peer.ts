/**
 * A websocket as the room's Peer, with back-pressure: the server queues whatever it sends until
 * the client reads it, so a client that never reads could make it hold copy after copy of a
 * board. Once a socket's unsent bytes pass the limit it gets nothing more and is closed.
 *
 * A whole board can be larger than the limit and must still reach a newcomer on a slow line, and
 * edits made meanwhile must follow it: one message over the limit goes out while the queue is
 * within the limit, and until the queue is back within it that message's size is allowed on top.
 */
import type { WSContext } from 'hono/ws'
import type WebSocket from 'ws'
import { CloseCode } from '../../shared/protocol.ts'
import type { Role } from '../../shared/roles.ts'
import type { Peer } from './room.ts'

/** How long a too-slow socket may take to receive its close frame before it is cut off. */
const TOO_SLOW_GRACE_MS = 1_000

export class SocketPeer implements Peer {
  private slow = false
  /** Bytes of one oversized message (a whole board) that may still be queued. */
  private allowance = 0

  constructor(
    readonly role: Role,
    private readonly socket: WSContext<WebSocket>,
    private readonly maxBufferedBytes: number,
    private readonly onTooSlow: (buffered: number) => void,
  ) {}

  send(message: Uint8Array): void {
    if (this.slow || this.socket.readyState !== 1) return
    // ws counts what the kernel did not take yet.
    const buffered = this.socket.raw?.bufferedAmount ?? 0
    if (buffered <= this.maxBufferedBytes) this.allowance = 0
    const oversized = message.length > this.maxBufferedBytes
    const tooMuch = oversized ? buffered > this.maxBufferedBytes : buffered + message.length > this.maxBufferedBytes + this.allowance
    if (tooMuch) {
      this.closeTooSlow(buffered)
      return
    }
    if (oversized) this.allowance = message.length
    // lib0 encoders always return ArrayBuffer-backed arrays.
    this.socket.send(message as Uint8Array<ArrayBuffer>)
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason)
  }

  private closeTooSlow(buffered: number): void {
    this.slow = true
    this.onTooSlow(buffered)
    this.socket.close(CloseCode.tooSlow, 'too slow')
    // The close frame waits behind everything unsent, which a client that does not read never
    // takes: free that memory now rather than after ws's 30 s closing timeout.
    const raw = this.socket.raw
    if (raw) setTimeout(() => raw.terminate(), TOO_SLOW_GRACE_MS).unref()
  }
}
