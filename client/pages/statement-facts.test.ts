import { describe, expect, it } from 'vitest'
import { translate } from '../i18n.ts'
import { LAST_CHECK, lastCheckMessage } from './statement-facts.ts'

describe('lastCheckMessage', () => {
  it('without a check by hand, says the last check was the automated one and that none was done by hand', () => {
    const { key, date } = lastCheckMessage({ date: '2026-11-30', byHand: false })
    expect(date).toBe('2026-11-30')
    expect(translate('nl', key, { date: '30 november 2026' })).toBe(
      'De laatste controle was op 30 november 2026: de automatische toetsen hierboven. Een controle met de hand (alleen toetsenbord, een schermlezer, 320 pixels breed) is nog niet gedaan.',
    )
    expect(translate('en', key, { date: '30 November 2026' })).toContain('has not been done yet')
  })

  it('after a check by hand, gives its date as the last check by hand', () => {
    const { key, date } = lastCheckMessage({ date: '2027-01-15', byHand: true })
    expect(date).toBe('2027-01-15')
    expect(translate('nl', key, { date: '15 januari 2027' })).toBe('De laatste controle met de hand was op 15 januari 2027.')
    expect(translate('en', key, { date: '15 January 2027' })).toBe('The last check by hand was on 15 January 2027.')
  })

  it('the published fact is a calendar day', () => {
    expect(LAST_CHECK.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(Number.isNaN(new Date(`${LAST_CHECK.date}T12:00:00Z`).getTime())).toBe(false)
  })
})
