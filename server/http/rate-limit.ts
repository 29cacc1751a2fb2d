/**
 * HTTP rate limits: token buckets keyed by client address or board, as a Hono middleware that
 * answers 429 'rate_limited' with Retry-After. Also where a request's client address comes from.
 */
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context, MiddlewareHandler } from 'hono'
import { HttpError } from './errors.ts'

/** Takes one token for `key`: 0 when allowed, else the milliseconds until one is back. */
export interface RateLimiter {
  take(key: string): number | Promise<number>
}

/**
 * Makes the limiter named `name` (`limit` per `windowMs` per key): in this process's memory, or
 * shared by every process of a cluster (Redis, server/bus/redis-rate-limiter.ts).
 */
export type RateLimiters = (name: string, limit: number, windowMs: number) => RateLimiter

export const localRateLimiters: RateLimiters = (_name, limit, windowMs) => new KeyedRateLimiter(limit, windowMs)

interface Bucket {
  tokens: number
  last: number
}

/**
 * `limit` requests per `windowMs` per key, all of them usable at once. The map stays bounded:
 * past `maxKeys`, the least recently used keys are dropped (a full bucket loses nothing).
 */
export class KeyedRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>()

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one token for `key`: 0 when allowed, else the milliseconds until one is back. */
  take(key: string): number {
    const now = this.now()
    const bucket = this.buckets.get(key) ?? { tokens: this.limit, last: now }
    bucket.tokens = Math.min(this.limit, bucket.tokens + ((now - bucket.last) * this.limit) / this.windowMs)
    bucket.last = now
    // Re-inserting keeps the Map in least-recently-used order for eviction.
    this.buckets.delete(key)
    this.buckets.set(key, bucket)
    this.evict()
    if (bucket.tokens < 1) return Math.ceil(((1 - bucket.tokens) * this.windowMs) / this.limit)
    bucket.tokens -= 1
    return 0
  }

  get size(): number {
    return this.buckets.size
  }

  private evict(): void {
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= this.maxKeys) return
      this.buckets.delete(key)
    }
  }
}

/**
 * Refuses a request once any of its keys (e.g. its address and its board) is out of tokens.
 * `keysOf` returns null to skip limiting (e.g. for an admin).
 */
export function rateLimit(
  limiter: RateLimiter,
  keysOf: (c: Context) => string[] | null | Promise<string[] | null>,
  what: string,
): MiddlewareHandler {
  return async (c, next) => {
    const keys = (await keysOf(c)) ?? []
    const waits = await Promise.all(keys.map((key) => limiter.take(key)))
    const wait = Math.max(0, ...waits)
    if (wait > 0) {
      c.header('Retry-After', String(Math.max(1, Math.ceil(wait / 1000))))
      throw new HttpError(429, `too many ${what}; try again in ${Math.ceil(wait / 1000)} s`, 'rate_limited')
    }
    await next()
  }
}

/**
 * The client's address: the socket's peer, or behind a trusted reverse proxy the last hop of
 * X-Forwarded-For (the one our proxy added; earlier hops are whatever the client claimed).
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = c.req.header('x-forwarded-for')?.split(',').map((hop) => hop.trim()).filter(Boolean)
    const last = hops?.at(-1)
    if (last) return last
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    // Not served by @hono/node-server (app.request in unit tests): one shared bucket.
    return 'unknown'
  }
}
