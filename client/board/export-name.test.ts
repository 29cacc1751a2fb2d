import { describe, expect, it } from 'vitest'
import { exportFileName } from './export-name.ts'

describe('export file name', () => {
  it('is the board title', () => {
    expect(exportFileName('Casus Zuid')).toBe('Casus Zuid')
    expect(exportFileName('Casus Zuid', 'Tijdlijn')).toBe('Casus Zuid - Tijdlijn')
  })

  it('drops what a file system refuses, and never ends up empty', () => {
    expect(exportFileName('Wijk 3/4: "evaluatie" <2025>?')).toBe('Wijk 3 4 evaluatie 2025')
    expect(exportFileName('regel\nregel\ttab')).toBe('regel regel tab')
    expect(exportFileName('..verborgen.')).toBe('verborgen')
    expect(exportFileName('  ')).toBe('Dialoogbord')
    expect(exportFileName('///')).toBe('Dialoogbord')
  })

  it('stays short enough for any file system', () => {
    expect(Array.from(exportFileName('é'.repeat(300))).length).toBe(120)
  })
})
