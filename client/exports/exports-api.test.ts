import { describe, expect, it } from 'vitest'
import { filenameFrom } from './exports-api.ts'
import { pageSizeFor } from './board-pdf.ts'

describe('filenameFrom', () => {
  it('prefers the UTF-8 name, so a title with é keeps it', () => {
    expect(filenameFrom(`attachment; filename="Caf-.docx"; filename*=UTF-8''Caf%C3%A9%20Zuid.docx`)).toBe('Café Zuid.docx')
  })
  it('takes the plain name when there is no UTF-8 one', () => {
    expect(filenameFrom('attachment; filename="casus-zuid.dialoogbord.json"')).toBe('casus-zuid.dialoogbord.json')
  })
  it('drops path separators and is empty without a header', () => {
    expect(filenameFrom('attachment; filename="../x/y.pdf"')).toBe('..xy.pdf')
    expect(filenameFrom(null)).toBe('')
  })
})

describe('pageSizeFor', () => {
  it('is A4 landscape for an ordinary part and A3 landscape for a timeline', () => {
    expect(pageSizeFor(1600, 1000).map(Math.round)).toEqual([842, 595])
    expect(pageSizeFor(6000, 1000).map(Math.round)).toEqual([1191, 842])
  })
})
