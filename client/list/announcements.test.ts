import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { translate } from '../i18n.ts'
import { AnnouncementBatcher, describeChanges, type ChangeEvent } from './announcements.ts'

const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string>) => translate('nl', key, vars)

describe('describeChanges', () => {
  it('counts per kind and part, in the order things happened', () => {
    const events: ChangeEvent[] = [
      { kind: 'changed', part: '2 Tijdlijn' },
      { kind: 'added', part: '3 Rode draden' },
      { kind: 'changed', part: '2 Tijdlijn' },
      { kind: 'removed', part: '3 Rode draden' },
    ]
    expect(describeChanges(events, t)).toBe('2 kaarten gewijzigd in 2 Tijdlijn. Nieuwe kaart in 3 Rode draden. Kaart verwijderd uit 3 Rode draden.')
  })
})

describe('AnnouncementBatcher', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('turns a burst into one announcement, and says nothing without events', () => {
    const said: ChangeEvent[][] = []
    const batcher = new AnnouncementBatcher((events) => said.push(events))
    batcher.add([])
    vi.advanceTimersByTime(5000)
    expect(said).toEqual([])
    batcher.add([{ kind: 'added', part: 'A' }])
    batcher.add([{ kind: 'changed', part: 'A' }])
    vi.advanceTimersByTime(299)
    expect(said).toEqual([])
    vi.advanceTimersByTime(1)
    expect(said).toEqual([[{ kind: 'added', part: 'A' }, { kind: 'changed', part: 'A' }]])
  })

  it('never announces twice within two seconds, whatever keeps coming', () => {
    const times: number[] = []
    const batcher = new AnnouncementBatcher(() => times.push(Date.now()))
    const start = Date.now()
    // Someone types steadily for ten seconds: a change every 100 ms.
    for (let ms = 0; ms < 10_000; ms += 100) {
      batcher.add([{ kind: 'changed', part: 'A' }])
      vi.advanceTimersByTime(100)
    }
    vi.advanceTimersByTime(3000)
    const gaps = times.slice(1).map((time, i) => time - times[i]!)
    expect(times[0]! - start).toBeLessThan(400)
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(2000)
    expect(times.length).toBeGreaterThanOrEqual(5)
    batcher.dispose()
  })

  it('drops what is pending when disposed (the page closed)', () => {
    const said: ChangeEvent[][] = []
    const batcher = new AnnouncementBatcher((events) => said.push(events))
    batcher.add([{ kind: 'removed', part: 'A' }])
    batcher.dispose()
    vi.advanceTimersByTime(5000)
    expect(said).toEqual([])
  })
})
