/**
 * A rate limit every process of a cluster shares: the same token bucket as KeyedRateLimiter
 * (`limit` per `windowMs`, all usable at once), kept in Redis and taken by one script, atomically,
 * on Redis's clock (processes' clocks may differ). While Redis is away each process falls back to
 * its own bucket, so a limit never turns off.
 */
import type { Redis } from 'ioredis'
import { KeyedRateLimiter, type RateLimiter, type RateLimiters } from '../http/rate-limit.ts'

const TAKE = `
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'last')
local tokens = tonumber(state[1]) or limit
local last = tonumber(state[2]) or now
tokens = math.min(limit, tokens + (now - last) * limit / window)
local wait = 0
if tokens < 1 then
  wait = math.ceil((1 - tokens) * window / limit)
else
  tokens = tokens - 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'last', now)
redis.call('PEXPIRE', KEYS[1], window)
return wait`

type WithTake = Redis & { takeToken(key: string, limit: number, windowMs: number): Promise<number> }

export class RedisRateLimiter implements RateLimiter {
  private readonly fallback: KeyedRateLimiter

  constructor(
    private readonly redis: WithTake,
    private readonly name: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {
    this.fallback = new KeyedRateLimiter(limit, windowMs)
  }

  async take(key: string): Promise<number> {
    try {
      return Number(await this.redis.takeToken(`dialoogbord:rate:${this.name}:${key}`, this.limit, this.windowMs))
    } catch {
      return this.fallback.take(key)
    }
  }
}

/** Rate limiters shared through `redis` (a connection that may run commands). */
export function redisRateLimiters(redis: Redis): RateLimiters {
  if (!('takeToken' in redis)) redis.defineCommand('takeToken', { numberOfKeys: 1, lua: TAKE })
  return (name, limit, windowMs) => new RedisRateLimiter(redis as WithTake, name, limit, windowMs)
}
