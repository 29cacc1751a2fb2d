import { describe, expect, it } from 'vitest'
import { KeyedRateLimiter } from './rate-limit.ts'

describe('KeyedRateLimiter', () => {
  it('allows `limit` at once per key, then says how long to wait, and refills over the window', () => {
    let now = 0
    const limiter = new KeyedRateLimiter(3, 60_000, 100, () => now)
    expect([1, 2, 3].map(() => limiter.take('a'))).toEqual([0, 0, 0])
    expect(limiter.take('a')).toBe(20_000) // one token comes back every 20 s
    expect(limiter.take('b')).toBe(0)
    now = 20_000
    expect(limiter.take('a')).toBe(0)
    expect(limiter.take('a')).toBeGreaterThan(0)
  })

  it('keeps at most maxKeys buckets, dropping the least recently used', () => {
    let now = 0
    const limiter = new KeyedRateLimiter(1, 60_000, 2, () => now)
    limiter.take('a')
    limiter.take('b')
    limiter.take('a') // refused, but 'a' is now the most recent
    limiter.take('c')
    expect(limiter.size).toBe(2)
    expect(limiter.take('a')).toBeGreaterThan(0) // still remembered: still empty
    expect(limiter.take('b')).toBe(0) // forgotten: starts full again
  })
})
