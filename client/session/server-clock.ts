/**
 * The server's clock, as this browser sees it: everyone's timer counts down to the server's
 * `endsAt`, so each laptop's own clock (minutes off, sometimes) must not matter.
 *
 * One sample is a `GET /api/time`: the server read its clock somewhere between sending and
 * receiving, best guessed as the midpoint, so offset = server time − midpoint. The error is at most
 * half the round trip, so of several samples the one with the shortest round trip is the best.
 */
import type { ServerTimeJson } from '../../shared/timer-api.ts'

export interface ClockSample {
  /** Local clock (Date.now()) when the request went out. */
  sentAt: number
  /** Local clock when the answer came in. */
  receivedAt: number
  /** The server's clock in the answer (ms). */
  serverNow: number
}

/** How far the server's clock is ahead of ours (ms; negative: behind). */
export function sampleOffset(sample: ClockSample): number {
  return sample.serverNow - (sample.sentAt + sample.receivedAt) / 2
}

/** The offset of the sample with the shortest round trip; null without samples. */
export function bestOffset(samples: readonly ClockSample[]): number | null {
  let best: ClockSample | null = null
  for (const sample of samples) {
    if (sample.receivedAt < sample.sentAt) continue // the local clock jumped back meanwhile
    if (!best || sample.receivedAt - sample.sentAt < best.receivedAt - best.sentAt) best = sample
  }
  return best ? sampleOffset(best) : null
}

/** How many samples one measurement takes: a slow first request (DNS, TLS, a cold server) is outvoted. */
export const SAMPLES = 3

/** One sample from the server, or null when it did not answer. */
async function takeSample(fetchTime: typeof fetch): Promise<ClockSample | null> {
  try {
    const sentAt = Date.now()
    const response = await fetchTime('/api/time', { cache: 'no-store', headers: { accept: 'application/json' } })
    const receivedAt = Date.now()
    if (!response.ok) return null
    const body = (await response.json()) as Partial<ServerTimeJson>
    const serverNow = typeof body.now === 'string' ? Date.parse(body.now) : Number.NaN
    return Number.isFinite(serverNow) ? { sentAt, receivedAt, serverNow } : null
  } catch {
    return null
  }
}

/** Measures the offset with SAMPLES requests one after another; null when none was answered. */
export async function measureOffset(fetchTime: typeof fetch = fetch, samples = SAMPLES): Promise<number | null> {
  const taken: ClockSample[] = []
  for (let i = 0; i < samples; i++) {
    const sample = await takeSample(fetchTime)
    if (sample) taken.push(sample)
  }
  return bestOffset(taken)
}
