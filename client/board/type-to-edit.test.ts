import { describe, expect, it } from 'vitest'
import { isTypedCharacter } from './type-to-edit.ts'

const key = (key: string, modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, ...modifiers })

describe('isTypedCharacter', () => {
  it('is a key that writes a character: letters, capitals, digits, punctuation, accented letters', () => {
    for (const k of ['a', 'H', '7', '?', 'ë', '€']) expect(isTypedCharacter(key(k)), k).toBe(true)
  })

  it("is not a shortcut with Ctrl/Cmd/Alt, a named key, or the space (tldraw's pan)", () => {
    expect(isTypedCharacter(key('z', { ctrlKey: true }))).toBe(false)
    expect(isTypedCharacter(key('c', { metaKey: true }))).toBe(false)
    expect(isTypedCharacter(key('h', { altKey: true }))).toBe(false)
    for (const k of ['Enter', 'Escape', 'Backspace', 'ArrowLeft', 'Dead', 'Shift', ' ']) expect(isTypedCharacter(key(k)), k).toBe(false)
  })
})
