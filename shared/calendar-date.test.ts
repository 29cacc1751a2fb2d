import { describe, expect, it } from 'vitest'
import { agreementDate, parseCalendarDate } from './calendar-date.ts'

describe('parseCalendarDate', () => {
  it('reads the ways people write a day in Dutch, and the picker’s English', () => {
    for (const text of ['2027-03-15', '15-3-2027', '15-03-2027', '15/03/2027', '15/3/2027', '15.3.2027', '15 maart 2027', '15 Maart 2027', '15 mrt 2027', '15 mrt. 2027', '15 March 2027', 'maandag 15 maart 2027'])
      expect(parseCalendarDate(text), text).toBe('2027-03-15')
    expect(parseCalendarDate('1 mei 2027')).toBe('2027-05-01')
    expect(parseCalendarDate('3 okt 2027')).toBe('2027-10-03')
    expect(parseCalendarDate('3 oct 2027')).toBe('2027-10-03')
  })

  it('finds the first day in free text', () => {
    expect(parseCalendarDate('uiterlijk 1-4-2027, daarna evalueren')).toBe('2027-04-01')
    expect(parseCalendarDate('eerst 2 juni 2027 en dan 2027-01-05')).toBe('2027-06-02')
  })

  it('gives null for no day, a day without a year, an unknown month or a day that does not exist', () => {
    for (const text of ['', 'elke week', 'over een paar maanden', '15 maart', 'maart 2027', '2027', '15 foo 2027', '30-2-2027', '2027-02-30', '31 april 2027', '15-3/2027', '115-3-2027'])
      expect(parseCalendarDate(text), text).toBeNull()
    expect(parseCalendarDate('29 februari 2028')).toBe('2028-02-29')
  })
})

describe('agreementDate', () => {
  it('takes the card’s Wanneer line, else meta.date', () => {
    expect(agreementDate({ text: 'Wat: Evaluatie plannen\nWanneer: 15 maart 2027', meta: {} })).toBe('2027-03-15')
    expect(agreementDate({ text: 'Evaluatie', meta: { wanneer: '2027-03-15' } })).toBe('2027-03-15')
    expect(agreementDate({ text: 'Wat: terugblikken\nWanneer: ', meta: { date: '2027-03-15' } })).toBe('2027-03-15')
    expect(agreementDate({ text: 'Wat: terugblikken\nWanneer: over een paar maanden', meta: { date: '' } })).toBeNull()
  })

  it('lets a valid YYYY-MM-DD meta.date win over the Wanneer text (CONTRACT: followup.ics falls on meta.date)', () => {
    expect(agreementDate({ text: 'Wat: terugblikken\nWanneer: uiterlijk 1-4-2027', meta: { date: '2027-03-15' } })).toBe('2027-03-15')
    // Not a real day, or not YYYY-MM-DD: the Wanneer text decides, then a day written otherwise in meta.date.
    expect(agreementDate({ text: 'Wanneer: uiterlijk 1-4-2027', meta: { date: '2027-02-30' } })).toBe('2027-04-01')
    expect(agreementDate({ text: 'Wanneer: uiterlijk 1-4-2027', meta: { date: '15 maart 2027' } })).toBe('2027-04-01')
    expect(agreementDate({ text: 'Wanneer: binnenkort', meta: { date: '15 maart 2027' } })).toBe('2027-03-15')
  })

  it('counts a day a calendar file cannot hold (before 1900, in 9999) as none, falling back to the next source', () => {
    expect(agreementDate({ text: 'Wanneer: 31-12-9999', meta: {} })).toBeNull()
    expect(agreementDate({ text: 'Wanneer: 1 januari 1850', meta: {} })).toBeNull()
    expect(agreementDate({ text: 'Wanneer: 1-4-2027', meta: { date: '9999-12-31' } })).toBe('2027-04-01')
    expect(agreementDate({ text: 'Wanneer: 31-12-9998', meta: {} })).toBe('9998-12-31')
  })
})
