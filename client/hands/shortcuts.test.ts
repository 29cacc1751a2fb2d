import { describe, expect, it } from 'vitest'
import { handActionFor } from './shortcuts.ts'

const key = (code: string, modifiers: Partial<Record<'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'repeat', boolean>> = {}) => ({
  code,
  altKey: true,
  shiftKey: true,
  ctrlKey: false,
  metaKey: false,
  repeat: false,
  ...modifiers,
})

describe('handActionFor', () => {
  it('reads Alt+Shift with K, L, A and the digits 1–4', () => {
    expect(handActionFor(key('KeyK'))).toEqual({ type: 'toggleHand' })
    expect(handActionFor(key('KeyL'))).toEqual({ type: 'lowerFirst' })
    expect(handActionFor(key('KeyA'))).toEqual({ type: 'lowerAll' })
    expect(handActionFor(key('Digit1'))).toEqual({ type: 'react', emoji: '👍' })
    expect(handActionFor(key('Numpad4'))).toEqual({ type: 'react', emoji: '💡' })
    expect(handActionFor(key('Digit5'))).toBeNull()
  })

  it("leaves other combinations alone (tldraw's own, typing, held keys)", () => {
    expect(handActionFor(key('KeyK', { altKey: false }))).toBeNull()
    expect(handActionFor(key('KeyK', { shiftKey: false }))).toBeNull()
    expect(handActionFor(key('KeyK', { ctrlKey: true }))).toBeNull()
    expect(handActionFor(key('KeyK', { metaKey: true }))).toBeNull()
    expect(handActionFor(key('KeyK', { repeat: true }))).toBeNull()
    expect(handActionFor(key('KeyH'))).toBeNull()
  })
})
