/**
 * A modal built on the native <dialog>: the browser traps focus, makes the page behind it
 * inert and returns focus afterwards, which is hard to get right by hand.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react'

export function Dialog({
  open,
  title,
  onClose,
  dismissable = true,
  testId,
  children,
}: {
  open: boolean
  title: string
  /** Escape or the close button (only when dismissable). */
  onClose: () => void
  dismissable?: boolean
  testId?: string
  children: ReactNode
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      // Escape is the dialog's own: a panel or menu it opened from must not close along with it
      // (and take the element focus returns to with it). The browser still cancels the dialog.
      onKeyDown={(event) => {
        if (event.key === 'Escape') event.stopPropagation()
      }}
      onCancel={(event) => {
        event.preventDefault()
        if (dismissable) onClose()
      }}
      onClose={() => {
        // Closed by the browser itself (some close Escape-twice regardless): keep a required dialog up.
        if (open && !dismissable) ref.current?.showModal()
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  )
}
