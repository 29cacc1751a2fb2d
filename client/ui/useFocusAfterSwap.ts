/**
 * For a part whose controls swap when its state changes (a start form that becomes a running
 * status with other buttons, and back): the button a keyboard user just pressed is gone, and the
 * browser drops the focus to <body>, out of the panel (Tab starts over at the top of the page and
 * Escape no longer closes the panel). When that happens, the focus goes to the part's first
 * control in its new state instead, or to `fallback()` when the part itself is gone (a banner
 * that closes).
 */
import { useEffect, useRef, type FocusEvent } from 'react'

/** The fallback of a part over the canvas that goes away: tldraw's container takes keys again. */
export const theCanvas = () => document.querySelector<HTMLElement>('.tl-container')

const CONTROLS = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled)'

export function useFocusAfterSwap<T extends HTMLElement>(state: unknown, fallback?: () => HTMLElement | null) {
  const ref = useRef<T>(null)
  /** The control inside that had the focus last. */
  const last = useRef<HTMLElement | null>(null)
  const seen = useRef(state)
  const fallbackNow = useRef(fallback)
  fallbackNow.current = fallback
  useEffect(() => {
    if (Object.is(seen.current, state)) return
    seen.current = state
    const active = document.activeElement
    // Only a focus this part lost: not one the person has since moved elsewhere.
    if (last.current && !last.current.isConnected && (active === null || active === document.body)) {
      const next = ref.current?.querySelector<HTMLElement>(CONTROLS) ?? fallbackNow.current?.()
      next?.focus()
    }
  }, [state])
  const onFocus = (event: FocusEvent) => {
    if (event.target instanceof HTMLElement) last.current = event.target
  }
  // Moved on elsewhere (not just removed, which blurs towards nothing): this part no longer holds it.
  const onBlur = (event: FocusEvent) => {
    const next = event.relatedTarget
    if (next instanceof Node && !ref.current?.contains(next)) last.current = null
  }
  return { ref, onFocus, onBlur }
}
