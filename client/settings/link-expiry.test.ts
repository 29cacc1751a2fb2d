import { describe, expect, it } from 'vitest'
import { dayFromExpiry, expiryFromDay, isExpired, shortens, toDayString } from './link-expiry.ts'

describe('link expiry from a picked day', () => {
  it('keeps the link valid through the whole picked day, in local time', () => {
    const iso = expiryFromDay('2026-03-03')!
    expect(new Date(iso).getTime()).toBe(new Date(2026, 2, 4).getTime())
    expect(isExpired(iso, new Date(2026, 2, 3, 23, 59))).toBe(false)
    expect(isExpired(iso, new Date(2026, 2, 4, 0, 0))).toBe(true)
  })

  it('shows the picked day again', () => {
    expect(dayFromExpiry(expiryFromDay('2026-12-31')!)).toBe('2026-12-31')
    expect(dayFromExpiry(expiryFromDay('2024-02-29')!)).toBe('2024-02-29')
  })

  it('refuses days that do not exist or are not days', () => {
    expect(expiryFromDay('2026-02-31')).toBeNull()
    expect(expiryFromDay('')).toBeNull()
    expect(expiryFromDay('3-3-2026')).toBeNull()
  })

  it('never expires without a date', () => {
    expect(isExpired(null)).toBe(false)
    expect(toDayString(new Date(2026, 0, 5))).toBe('2026-01-05')
  })
})

describe('shortening a link', () => {
  it('is any end date on a link without one, or an earlier one', () => {
    expect(shortens(null, '2026-12-05T00:00:00.000Z')).toBe(true)
    expect(shortens('2026-12-10T00:00:00.000Z', '2026-12-05T00:00:00.000Z')).toBe(true)
    expect(shortens('2026-12-05T00:00:00.000Z', '2026-12-10T00:00:00.000Z')).toBe(false)
    expect(shortens('2026-12-05T00:00:00.000Z', '2026-12-05T00:00:00.000Z')).toBe(false)
    expect(shortens('2026-12-05T00:00:00.000Z', null)).toBe(false)
  })
})
