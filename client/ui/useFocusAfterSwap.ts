/**
 * For a part whose controls swap when its state changes (a start form that becomes a running
 * status with other buttons, and back): the button a keyboard user just pressed is gone, and the
 * browser drops the focus to <body>, out of the panel (Tab starts over at the top of the page and
 * Escape no longer closes the panel). When that happens, the focus goes to the part's first
 * control in its new state instead.
 */
import { useEffect, useRef, type FocusEvent } from 'react'

const CONTROLS = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled)'

export function useFocusAfterSwap<T extends HTMLElement>(state: unknown) {
  const ref = useRef<T>(null)
  /** The control inside that had the focus last. */
  const last = useRef<HTMLElement | null>(null)
  const seen = useRef(state)
  useEffect(() => {
    if (Object.is(seen.current, state)) return
    seen.current = state
    const active = document.activeElement
    // Only a focus this part lost: not one the person has since moved elsewhere.
    if (last.current && !last.current.isConnected && (active === null || active === document.body)) {
      ref.current?.querySelector<HTMLElement>(CONTROLS)?.focus()
    }
  }, [state])
  const onFocus = (event: FocusEvent) => {
    if (event.target instanceof HTMLElement) last.current = event.target
  }
  return { ref, onFocus }
}
