/**
 * Pings every open socket each interval and cuts off those that did not answer the previous ping
 * (browsers answer pings by themselves). Without it a silent or vanished client would hold its
 * board slot, and whatever it was sent, forever. The same pattern as y-websocket's server.
 */
import type WebSocket from 'ws'

/** What the heartbeat uses of a ws socket. */
export type HeartbeatSocket = Pick<WebSocket, 'ping' | 'terminate' | 'bufferedAmount' | 'on' | 'once'>

interface Watched {
  answered: boolean
  /** Unsent bytes at the last ping. */
  buffered: number
}

export class Heartbeat {
  private readonly watched = new Map<HeartbeatSocket, Watched>()
  private readonly timer: NodeJS.Timeout

  constructor(intervalMs: number) {
    this.timer = setInterval(() => this.beat(), intervalMs)
    this.timer.unref()
  }

  watch(socket: HeartbeatSocket): void {
    const state: Watched = { answered: true, buffered: 0 }
    this.watched.set(socket, state)
    socket.on('pong', () => void (state.answered = true))
    socket.once('close', () => this.watched.delete(socket))
  }

  get watching(): number {
    return this.watched.size
  }

  stop(): void {
    clearInterval(this.timer)
    this.watched.clear()
  }

  private beat(): void {
    for (const [socket, state] of this.watched) {
      const buffered = socket.bufferedAmount
      // A client on a slow line answers the ping only after what was queued before it (a big
      // board): while it takes bytes off the queue, it is alive.
      const reading = buffered < state.buffered
      if (!state.answered && !reading) {
        this.watched.delete(socket)
        socket.terminate()
        continue
      }
      state.answered = false
      state.buffered = buffered
      socket.ping()
    }
  }
}
