import { describe, expect, it } from 'vitest'
import { editChanges, typedDate } from './edit-changes.ts'

describe('editChanges (what a save in the list editor writes)', () => {
  it('writes only what the person changed since the editor opened, not what someone else changed meanwhile', () => {
    const opened = { text: 'Eerste melding', fields: { date: '' } }
    // Someone else rewrote the text meanwhile; this person only typed a date.
    expect(editChanges(opened, { text: 'Eerste melding', fields: { date: ' 2024-03-12 ' } })).toEqual({ text: null, fields: [{ key: 'date', value: '2024-03-12' }] })
    expect(editChanges(opened, { text: 'Eerste melding bij school', fields: { date: '' } })).toEqual({ text: 'Eerste melding bij school', fields: [] })
    // Clearing a field is a change too.
    expect(editChanges({ text: 'A', fields: { date: '2024' } }, { text: 'A', fields: { date: '  ' } })).toEqual({ text: null, fields: [{ key: 'date', value: '' }] })
  })

  it('leaves an agreement field with a line break alone when another field is edited', () => {
    const opened = { text: null, fields: { wat: 'Casusoverleg', wie: 'Gemeente\nWijkteam', wanneer: '', hoe: '' } }
    const saved = { text: null, fields: { ...opened.fields, wanneer: '2025-01-01' } }
    expect(editChanges(opened, saved)).toEqual({ text: null, fields: [{ key: 'wanneer', value: '2025-01-01' }] })
  })

  it('takes a "Datum:" line typed in a moment’s text as its date', () => {
    expect(typedDate({ text: 'Huisbezoek\nDatum: 5 mei 2024', fields: { date: '' } })).toEqual({ text: 'Huisbezoek', fields: { date: '5 mei 2024' } })
    const plain = { text: 'Huisbezoek', fields: { date: '' } }
    expect(typedDate(plain)).toBe(plain)
  })
})
