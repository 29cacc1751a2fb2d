/**
 * The facilitator's timer and agenda shortcuts: Alt+Shift with a key tldraw and the other session
 * controls leave free (tldraw: H, V, F; following: B, M, Z; hands: K, L, A, 1–4). Read from
 * `code`, not `key`: with Alt held, macOS turns letters into other characters.
 */
export type SessionShortcut = 'openTimer' | 'pauseResume' | 'addOne' | 'addFive' | 'stop' | 'nextStep'

/** As aria-keyshortcuts writes them. */
export const SESSION_SHORTCUTS: Record<SessionShortcut, string> = {
  openTimer: 'Alt+Shift+T',
  pauseResume: 'Alt+Shift+P',
  addOne: 'Alt+Shift+=',
  addFive: 'Alt+Shift+5',
  stop: 'Alt+Shift+X',
  nextStep: 'Alt+Shift+N',
}

const BY_CODE: Record<string, SessionShortcut> = {
  KeyT: 'openTimer',
  KeyP: 'pauseResume',
  Equal: 'addOne',
  NumpadAdd: 'addOne',
  Digit5: 'addFive',
  Numpad5: 'addFive',
  KeyX: 'stop',
  KeyN: 'nextStep',
}

type KeyEventLike = Pick<KeyboardEvent, 'code' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'repeat' | 'target'>

export function sessionShortcutFor(event: KeyEventLike): SessionShortcut | null {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.repeat) return null
  if (isTyping(event.target)) return null
  return BY_CODE[event.code] ?? null
}

/** Whether the key goes into something being typed in (a field, a card's text). */
function isTyping(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null
}
