import { describe, expect, it } from 'vitest'
import { TokenBucket } from './rate-limit.ts'

describe('TokenBucket', () => {
  it('allows a burst, then refills at the given rate', () => {
    let now = 0
    const bucket = new TokenBucket(10, 3, () => now)
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false])
    now += 100 // one token back
    expect([bucket.take(), bucket.take()]).toEqual([true, false])
    now += 10_000 // never more than the burst
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false])
  })
})
