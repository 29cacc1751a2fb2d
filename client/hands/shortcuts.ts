/**
 * Keyboard shortcuts for hands and reactions. Alt+Shift with a key tldraw leaves free (its own
 * Alt+Shift shortcuts are H, V and F; single letters pick tools and are typed into cards). Read
 * from `code`, not `key`: with Alt held, macOS turns letters into other characters.
 */
import { REACTION_EMOJIS, type ReactionEmoji } from '../../shared/awareness.ts'

export type HandAction = { type: 'toggleHand' } | { type: 'react'; emoji: ReactionEmoji } | { type: 'lowerFirst' } | { type: 'lowerAll' }

/** As aria-keyshortcuts writes them, and as the tooltips show them. */
export const HAND_SHORTCUTS = {
  toggleHand: 'Alt+Shift+K',
  lowerFirst: 'Alt+Shift+L',
  lowerAll: 'Alt+Shift+A',
  react: REACTION_EMOJIS.map((_, i) => `Alt+Shift+${i + 1}`),
} as const

type KeyEventLike = Pick<KeyboardEvent, 'code' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'repeat'>

export function handActionFor(event: KeyEventLike): HandAction | null {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.repeat) return null
  if (event.code === 'KeyK') return { type: 'toggleHand' }
  if (event.code === 'KeyL') return { type: 'lowerFirst' }
  if (event.code === 'KeyA') return { type: 'lowerAll' }
  const digit = /^(?:Digit|Numpad)([1-9])$/.exec(event.code)
  const emoji = digit ? REACTION_EMOJIS[Number(digit[1]) - 1] : undefined
  return emoji ? { type: 'react', emoji } : null
}

/** Whether the key goes into something being typed in (a field, a card's text). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null
}
