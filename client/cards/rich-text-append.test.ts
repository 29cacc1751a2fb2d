import { toRichText } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { plainText } from '../../shared/board-geometry.ts'
import { withTextAppended } from './rich-text-append.ts'

describe('rich text append', () => {
  const text = (richText: ReturnType<typeof toRichText>) => plainText({ props: { richText } })

  it('appends typed text at the end of the last line, of an empty card too', () => {
    expect(text(withTextAppended(toRichText('Plan\nmaken'), 'nen'))).toBe('Plan\nmakennen')
    expect(text(withTextAppended({ type: 'doc', content: [{ type: 'paragraph' }] }, 'Fijn'))).toBe('Fijn')
    expect(text(withTextAppended({ type: 'doc', content: [] }, 'Fijn'))).toBe('Fijn')
    const list = { type: 'doc', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'een' }] }] }] }] }
    expect(text(withTextAppended(list, '!'))).toBe('een!')
  })
})
