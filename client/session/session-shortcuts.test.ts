import { describe, expect, it } from 'vitest'
import { sessionShortcutFor } from './session-shortcuts.ts'

const key = (code: string, more: Partial<KeyboardEvent> = {}) => ({ code, altKey: true, shiftKey: true, ctrlKey: false, metaKey: false, repeat: false, target: null, ...more })

describe('session shortcuts', () => {
  it('maps Alt+Shift with its keys, by code', () => {
    expect(sessionShortcutFor(key('KeyT'))).toBe('openTimer')
    expect(sessionShortcutFor(key('KeyP'))).toBe('pauseResume')
    expect(sessionShortcutFor(key('Equal'))).toBe('addOne')
    expect(sessionShortcutFor(key('Digit5'))).toBe('addFive')
    expect(sessionShortcutFor(key('KeyX'))).toBe('stop')
    expect(sessionShortcutFor(key('KeyN'))).toBe('nextStep')
  })

  it('leaves other keys, other modifiers and repeats alone', () => {
    // Taken by tldraw (H, V, F), following (B, M, K) and hands (K, L, A, 1–4).
    for (const code of ['KeyH', 'KeyV', 'KeyF', 'KeyB', 'KeyM', 'KeyK', 'KeyL', 'KeyA', 'Digit1', 'Digit4']) expect(sessionShortcutFor(key(code))).toBeNull()
    expect(sessionShortcutFor(key('KeyT', { altKey: false }))).toBeNull()
    expect(sessionShortcutFor(key('KeyT', { shiftKey: false }))).toBeNull()
    expect(sessionShortcutFor(key('KeyT', { ctrlKey: true }))).toBeNull()
    expect(sessionShortcutFor(key('KeyT', { metaKey: true }))).toBeNull()
    expect(sessionShortcutFor(key('KeyT', { repeat: true }))).toBeNull()
  })
})
