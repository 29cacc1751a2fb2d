/**
 * Pings every open socket each interval and cuts off those that did not answer the previous ping
 * (browsers answer pings by themselves). Without it a silent or vanished client would hold its
 * board slot, and whatever it was sent, forever. The same pattern as y-websocket's server.
 */
import type WebSocket from 'ws'

export class Heartbeat {
  /** Each watched socket, and whether it answered since the last ping. */
  private readonly answered = new Map<WebSocket, boolean>()
  private readonly timer: NodeJS.Timeout

  constructor(intervalMs: number) {
    this.timer = setInterval(() => this.beat(), intervalMs)
    this.timer.unref()
  }

  watch(socket: WebSocket): void {
    this.answered.set(socket, true)
    socket.on('pong', () => {
      if (this.answered.has(socket)) this.answered.set(socket, true)
    })
    socket.once('close', () => this.answered.delete(socket))
  }

  get watching(): number {
    return this.answered.size
  }

  stop(): void {
    clearInterval(this.timer)
    this.answered.clear()
  }

  private beat(): void {
    for (const [socket, answered] of this.answered) {
      if (!answered) {
        this.answered.delete(socket)
        socket.terminate()
        continue
      }
      this.answered.set(socket, false)
      socket.ping()
    }
  }
}
