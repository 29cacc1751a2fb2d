import { toRichText } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { plainText } from '../../shared/board-geometry.ts'
import { withCheckbox, withLabelledLine } from './rich-text-lines.ts'

describe('rich text lines', () => {
  const text = (richText: ReturnType<typeof toRichText> | null) => (richText ? plainText({ props: { richText } }) : null)

  it('sets an agreement line and leaves the others, keeping the label as written', () => {
    const card = toRichText('Wat: Casusoverleg\nWIE: \nWanneer: \nHoe: Teams')
    expect(text(withLabelledLine(card, ['wie'], 'Gemeente'))).toBe('Wat: Casusoverleg\nWIE: Gemeente\nWanneer:\nHoe: Teams')
    expect(text(withLabelledLine(card, ['wanneer', 'datum'], 'elke\nmaand'))).toBe('Wat: Casusoverleg\nWIE:\nWanneer: elke maand\nHoe: Teams')
    expect(withLabelledLine(toRichText('Alleen tekst'), ['wie'], 'x')).toBeNull()
  })

  it('turns a leading checkbox on and off, whichever glyph it had', () => {
    expect(text(withCheckbox(toRichText('☐ Opdracht helder'), true))).toBe('☑ Opdracht helder')
    expect(text(withCheckbox(toRichText('✅ Klaar'), false))).toBe('☐ Klaar')
    expect(withCheckbox(toRichText('Geen vakje'), true)).toBeNull()
  })
})
