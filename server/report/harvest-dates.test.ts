import { describe, expect, it } from 'vitest'
import { harvestDate, harvestDateTime, harvestDay, harvestTime } from '../../shared/harvest-dates.ts'
import type { HarvestModel } from '../../shared/harvest-model.ts'
import { renderHarvestMarkdown } from './harvest.ts'
import { agendaLine, dateLine, voteHeading } from './harvest-text.ts'

// 23:30 UTC is already the next day in Amsterdam: 00:30 in winter (CET), 01:30 in summer (CEST).
const WINTER = '2026-01-15T23:30:00.000Z'
const SUMMER = '2026-07-15T23:30:00.000Z'

function model(at: string): HarvestModel {
  return {
    title: 'Casus',
    createdAt: at,
    template: null,
    generatedAt: at,
    sections: [],
    votes: [{ closedAt: at, perParticipant: 3, zoneName: null, voters: 2, results: [] }],
    agenda: [{ name: 'Tijdlijn', startedAt: at, endedAt: at, plannedMinutes: null }],
    followUp: null,
  }
}

describe('harvest dates and times are Amsterdam wall-clock in every rendering', () => {
  it.each([
    [WINTER, '16 januari 2026', '00:30'],
    [SUMMER, '16 juli 2026', '01:30'],
  ])('%s reads %s %s', (at, day, time) => {
    expect(harvestDate(at)).toBe(day)
    expect(harvestTime(at)).toBe(time)
    expect(harvestDateTime(at)).toBe(`${day} om ${time}`)

    const md = renderHarvestMarkdown(model(at))
    expect(md).toContain(`Datum: ${day}`)
    expect(md).toContain(`Oogst gemaakt op ${day} om ${time}.`)
    expect(md).toContain(`### Stemming, gesloten op ${day} om ${time}`)
    expect(md).toContain(`Op ${day}.`)
    expect(md).toContain(`| Tijdlijn | ${time} |`)

    // The pieces report.docx and report.pdf are built from.
    expect(dateLine(model(at))).toBe(`Datum: ${day}`)
    expect(voteHeading(model(at).votes[0]!)).toBe(`Hele bord — gesloten ${day} ${time}`)
    expect(agendaLine(model(at).agenda[0]!)).toBe(`${time}–${time}: Tijdlijn`)
  })

  it('shows a calendar day as it is and leaves what is not a date alone', () => {
    expect(harvestDay('2027-03-15')).toBe('15 maart 2027')
    expect(harvestDay('2027-03-15', 'en')).toBe('15 March 2027')
    expect(harvestDate('gisteren')).toBe('gisteren')
    expect(harvestTime('gisteren')).toBe('gisteren')
  })
})
