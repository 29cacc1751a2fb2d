import { describe, expect, it } from 'vitest'
import { formatDateChoice } from './DateParts.tsx'

describe('formatDateChoice', () => {
  it('writes a date the way people write a moment, in the board’s language, whatever the browser’s', () => {
    expect(formatDateChoice({ day: 3, month: 3, year: 2023 }, 'nl')).toBe('3 maart 2023')
    expect(formatDateChoice({ day: 3, month: 3, year: 2023 }, 'en')).toBe('3 March 2023')
    expect(formatDateChoice({ day: null, month: 5, year: 2023 }, 'nl')).toBe('mei 2023')
    expect(formatDateChoice({ day: 12, month: null, year: 2023 }, 'nl')).toBe('2023')
    expect(formatDateChoice({ day: 3, month: 3, year: null }, 'nl')).toBeNull()
  })
})
