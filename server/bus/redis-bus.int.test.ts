/** The room bus between two "processes" (two RedisBus instances) over a private redis-server. */
import { Redis } from 'ioredis'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createLogger } from '../log.ts'
import { startRedis, type RedisProcess } from '../testing/redis-process.ts'
import { RedisBus } from './redis-bus.ts'
import type { BusMessage } from './room-bus.ts'

let redis: RedisProcess
const buses: RedisBus[] = []

beforeAll(async () => {
  redis = await startRedis()
}, 30_000)
afterEach(async () => {
  await Promise.all(buses.splice(0).map((bus) => bus.close()))
})
afterAll(() => redis?.stop())

async function processBus(): Promise<RedisBus> {
  const bus = new RedisBus(redis.url, createLogger(() => {}))
  buses.push(bus)
  await bus.ready()
  return bus
}

/** The next message `bus` receives about `boardId`. */
function nextMessage(bus: RedisBus, boardId: string): { message: Promise<BusMessage>; ready: Promise<void> } {
  let resolve!: (message: BusMessage) => void
  const message = new Promise<BusMessage>((settle) => (resolve = settle))
  const subscription = bus.subscribe(boardId, (received) => {
    subscription.close()
    resolve(received)
  })
  return { message, ready: subscription.ready }
}

describe('RedisBus', () => {
  it('delivers a board’s messages to the other processes, as sent, and not back to the sender', async () => {
    const [a, b] = [await processBus(), await processBus()]
    const toA = nextMessage(a, 'bord-1')
    const toB = nextMessage(b, 'bord-1')
    await Promise.all([toA.ready, toB.ready])
    const update: BusMessage = { kind: 'update', seq: 42, data: new Uint8Array([1, 2, 3]) }
    b.publish('bord-1', update)
    expect(await toA.message).toEqual(update)
    // B hears A's next message, not its own earlier one.
    const close: BusMessage = { kind: 'control', control: { type: 'close', roles: ['viewer'], code: 4401, reason: 'link revoked' } }
    a.publish('bord-1', close)
    expect(await toB.message).toEqual(close)
  })

  it('stops delivering a board once its subscription is closed', async () => {
    const [a, b] = [await processBus(), await processBus()]
    const heard: BusMessage[] = []
    const first = a.subscribe('bord-weg', (message) => heard.push(message))
    const marker = nextMessage(a, 'bord-marker')
    await Promise.all([first.ready, marker.ready])
    first.close()
    b.publish('bord-weg', { kind: 'awareness', data: new Uint8Array([9]) })
    b.publish('bord-marker', { kind: 'awareness', data: new Uint8Array([1]) })
    // One connection delivers in order: the marker after whatever came before it.
    await marker.message
    expect(heard).toEqual([])
  })

  it('ignores messages that are not ours', async () => {
    const a = await processBus()
    const stray = new Redis(redis.url)
    try {
      const next = nextMessage(a, 'bord-2')
      await next.ready
      await stray.publish('dialoogbord:board:bord-2', 'not a bus message')
      const real: BusMessage = { kind: 'control', control: { type: 'deleted' } }
      ;(await processBus()).publish('bord-2', real)
      expect(await next.message).toEqual(real)
    } finally {
      stray.disconnect()
    }
  })

  it('reports a reconnect after Redis restarted, and delivers again', async () => {
    const [a, b] = [await processBus(), await processBus()]
    const subscription = a.subscribe('bord-3', () => {})
    await subscription.ready
    const reconnected = new Promise<void>((resolve) => a.onReconnect(resolve))
    await redis.restart()
    await reconnected
    await b.ready()
    // The subscription was renewed on the fresh server.
    const next = nextMessage(a, 'bord-3')
    const update: BusMessage = { kind: 'update', seq: 1, data: new Uint8Array([5]) }
    b.publish('bord-3', update)
    expect(await next.message).toEqual(update)
    subscription.close()
  })
})
