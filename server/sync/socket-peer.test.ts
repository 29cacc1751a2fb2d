import type { WSContext } from 'hono/ws'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type WebSocket from 'ws'
import { CloseCode } from '../../shared/protocol.ts'
import { SocketPeer } from './socket-peer.ts'

/** A socket whose unsent bytes the test sets; sending adds to them as ws would. */
function fakeSocket() {
  const raw = { bufferedAmount: 0, terminated: false, terminate: () => void (raw.terminated = true) }
  const socket = {
    readyState: 1,
    raw,
    sent: [] as number[],
    closes: [] as number[],
    send(message: Uint8Array) {
      socket.sent.push(message.length)
      raw.bufferedAmount += message.length
    },
    close(code: number) {
      socket.closes.push(code)
    },
  }
  return socket
}

const LIMIT = 1000

function peerOn(socket: ReturnType<typeof fakeSocket>) {
  const tooSlow: number[] = []
  const peer = new SocketPeer('viewer', socket as unknown as WSContext<WebSocket>, LIMIT, (buffered) => tooSlow.push(buffered))
  return { peer, tooSlow }
}

describe('SocketPeer back-pressure', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('closes a socket that does not read once its queue passes the limit, and cuts it off soon after', () => {
    const socket = fakeSocket()
    const { peer, tooSlow } = peerOn(socket)
    for (let i = 0; i < 20; i++) peer.send(new Uint8Array(100))
    expect(socket.sent).toHaveLength(10)
    expect(socket.closes).toEqual([CloseCode.tooSlow])
    expect(tooSlow).toEqual([1000])
    vi.advanceTimersByTime(1_000)
    expect(socket.raw.terminated).toBe(true)
  })

  it('sends a board larger than the limit, and the edits that follow it while it drains', () => {
    const socket = fakeSocket()
    const { peer } = peerOn(socket)
    peer.send(new Uint8Array(5_000)) // the whole board
    for (let i = 0; i < 5; i++) peer.send(new Uint8Array(100)) // edits meanwhile
    expect(socket.closes).toEqual([])
    // A second copy on top of the first is refused.
    peer.send(new Uint8Array(5_000))
    expect(socket.closes).toEqual([CloseCode.tooSlow])
  })

  it('forgets the allowance once the queue is back within the limit', () => {
    const socket = fakeSocket()
    const { peer } = peerOn(socket)
    peer.send(new Uint8Array(5_000))
    socket.raw.bufferedAmount = 900 // the client read most of it
    peer.send(new Uint8Array(50))
    expect(socket.closes).toEqual([])
    peer.send(new Uint8Array(100)) // 950 + 100 > 1000, and no board in the queue any more
    expect(socket.closes).toEqual([CloseCode.tooSlow])
    expect(socket.sent).toEqual([5_000, 50])
  })
})
