import { describe, expect, it } from 'vitest'
import { translate } from './i18n.ts'

describe('translate', () => {
  it('speaks Dutch by default phrasing and English on request, filling placeholders', () => {
    expect(translate('nl', 'status.connecting')).toBe('Opnieuw verbinden…')
    expect(translate('en', 'status.connecting')).toBe('Reconnecting…')
    expect(translate('nl', 'board.loadFailed', { message: 'stuk' })).toBe('Het bord kon niet worden geladen: stuk')
    expect(translate('en', 'board.loadFailed')).toContain('{message}')
  })
})
