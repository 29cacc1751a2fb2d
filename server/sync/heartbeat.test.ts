import { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Heartbeat, type HeartbeatSocket } from './heartbeat.ts'

/** A socket that answers pings only when told to. */
class FakeSocket extends EventEmitter {
  bufferedAmount = 0
  pings = 0
  terminated = false
  answers = true
  ping(): void {
    this.pings++
    if (this.answers) queueMicrotask(() => this.emit('pong'))
  }
  terminate(): void {
    this.terminated = true
    this.emit('close')
  }
}

const watchedBy = (heartbeat: Heartbeat, socket: FakeSocket) => heartbeat.watch(socket as unknown as HeartbeatSocket)

describe('Heartbeat', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('keeps sockets that answer and cuts off one that missed a whole interval', async () => {
    const heartbeat = new Heartbeat(100)
    const [answering, silent] = [new FakeSocket(), new FakeSocket()]
    silent.answers = false
    watchedBy(heartbeat, answering)
    watchedBy(heartbeat, silent)
    await vi.advanceTimersByTimeAsync(100) // first ping
    expect(silent.terminated).toBe(false)
    await vi.advanceTimersByTimeAsync(100) // no answer within the interval
    expect(silent.terminated).toBe(true)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(answering.terminated).toBe(false)
    expect(answering.pings).toBe(12)
    expect(heartbeat.watching).toBe(1)
    heartbeat.stop()
  })

  it('keeps a socket that has not answered yet while it is taking its queue off the server', async () => {
    const heartbeat = new Heartbeat(100)
    const slow = new FakeSocket()
    slow.answers = false
    watchedBy(heartbeat, slow)
    slow.bufferedAmount = 9_000_000 // a big board, queued
    for (const left of [6_000_000, 3_000_000, 1_000]) {
      await vi.advanceTimersByTimeAsync(100)
      slow.bufferedAmount = left
    }
    await vi.advanceTimersByTimeAsync(100)
    expect(slow.terminated).toBe(false)
    await vi.advanceTimersByTimeAsync(100) // stuck: no progress and no answer
    expect(slow.terminated).toBe(true)
    heartbeat.stop()
  })
})
