import { describe, expect, it } from 'vitest'
import { bestOffset, measureOffset, sampleOffset } from './server-clock.ts'

describe('server clock offset', () => {
  it('takes the midpoint of the request when the delays are symmetric', () => {
    // Sent at 1000, answered at 1200; the server read 5100 at our 1100: 4000 ahead.
    expect(sampleOffset({ sentAt: 1000, receivedAt: 1200, serverNow: 5100 })).toBe(4000)
    // A server behind us.
    expect(sampleOffset({ sentAt: 1000, receivedAt: 1040, serverNow: -2980 })).toBe(-4000)
  })

  it('is off by at most half the round trip when the delays are asymmetric', () => {
    // True offset 4000; the request took 180 ms out and 20 ms back: the server read 4000 + 1180.
    const offset = sampleOffset({ sentAt: 1000, receivedAt: 1200, serverNow: 5180 })
    expect(offset).toBe(4080)
    expect(Math.abs(offset - 4000)).toBeLessThanOrEqual(100)
  })

  it('of several samples takes the one with the shortest round trip', () => {
    const samples = [
      { sentAt: 0, receivedAt: 900, serverNow: 4000 + 850 }, // slow and lopsided: 3 400 would be wrong by 400
      { sentAt: 1000, receivedAt: 1030, serverNow: 4000 + 1020 }, // fast: within 15 ms
      { sentAt: 2000, receivedAt: 2300, serverNow: 4000 + 2050 },
    ]
    expect(bestOffset(samples)).toBe(4005)
    expect(bestOffset([])).toBeNull()
    // A sample during which our clock jumped back says nothing.
    expect(bestOffset([{ sentAt: 5000, receivedAt: 1000, serverNow: 0 }])).toBeNull()
  })

  it('measures against GET /api/time, skipping failed requests', async () => {
    let n = 0
    const fakeFetch = (async () => {
      n++
      if (n === 2) throw new Error('offline')
      return new Response(JSON.stringify({ now: new Date(Date.now() + 60_000).toISOString() }), { status: 200 })
    }) as typeof fetch
    const offset = await measureOffset(fakeFetch, 3)
    expect(n).toBe(3)
    expect(offset).toBeGreaterThan(59_000)
    expect(offset).toBeLessThan(61_000)
    expect(await measureOffset((async () => new Response('nee', { status: 500 })) as typeof fetch)).toBeNull()
  })
})
