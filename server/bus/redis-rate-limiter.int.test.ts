/** Rate limits shared by processes through Redis, and kept per process while Redis is away. */
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRedis, type RedisProcess } from '../testing/redis-process.ts'
import { redisRateLimiters } from './redis-rate-limiter.ts'

let redis: RedisProcess
const connections: Redis[] = []
beforeAll(async () => {
  redis = await startRedis()
}, 30_000)
afterAll(async () => {
  for (const connection of connections) connection.disconnect()
  await redis?.stop()
})

function processConnection(): Redis {
  const connection = new Redis(redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true })
  connection.on('error', () => {})
  connections.push(connection)
  return connection
}

describe('redisRateLimiters', () => {
  it('shares one budget between processes', async () => {
    const [one, two] = [processConnection(), processConnection()]
    await Promise.all([one.connect(), two.connect()])
    const a = redisRateLimiters(one)('test', 3, 60_000)
    const b = redisRateLimiters(two)('test', 3, 60_000)
    expect([await a.take('address:1'), await b.take('address:1'), await a.take('address:1')]).toEqual([0, 0, 0])
    const wait = await b.take('address:1')
    expect(wait).toBeGreaterThan(0)
    expect(wait).toBeLessThanOrEqual(20_000) // one token comes back every 20 s
    expect(await b.take('address:2')).toBe(0) // another key, its own budget
  })

  it('keeps limiting on its own while Redis is away', async () => {
    const connection = processConnection()
    await connection.connect()
    const limiter = redisRateLimiters(connection)('away', 2, 60_000)
    connection.disconnect()
    expect([await limiter.take('k'), await limiter.take('k')]).toEqual([0, 0])
    expect(await limiter.take('k')).toBeGreaterThan(0)
  })
})
