/**
 * Typing on the canvas when no text is being edited. tldraw reads single letters as tool
 * shortcuts, so a participant who types "hallo" with nothing in edit mode walks through the hand,
 * arrow, line and ellipse tools, and their next click draws an ellipse. What people expect (Miro,
 * a spreadsheet): with one card selected, typing writes into that card (appended, so nothing is
 * lost); with nothing to type into, a word does nothing. A single key on its own stays the tool
 * shortcut tldraw users know (n for a note, v for select…): only the second key of a burst shows
 * it was typing, and then the tool chosen by the first is taken back.
 */
import type { Editor, TLShape, TLShapeId } from 'tldraw'

/** Keys closer together than this are typing, not shortcuts. */
export const TYPING_BURST_MS = 1000

/** A key that types a character: one character, no Ctrl/Cmd/Alt. Space stays tldraw's pan. */
export function isTypedCharacter(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  return [...event.key].length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey
}

/**
 * Shift+L stays tldraw's lock toggle (the facilitator's; participants do not have it). Other
 * Shift+letters type capitals: tldraw's meanings for them on a selected card (flip, "flatten to
 * image" on Shift+F) are what a word typed with a capital must not do.
 */
function isLockShortcut(event: Pick<KeyboardEvent, 'key' | 'shiftKey'>): boolean {
  return event.shiftKey && event.key.toLowerCase() === 'l'
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement
}

/** The one selected shape a person can type into (a card or text, not locked), if any. */
function typableSelection(editor: Editor): TLShape | null {
  const selected = editor.getOnlySelectedShape()
  if (!selected || selected.isLocked || editor.getIsReadonly()) return null
  // Rich text only (cards, text, labels): a frame's name is another kind of editor.
  return 'richText' in selected.props && editor.getShapeUtil(selected).canEdit(selected, { type: 'press_enter' }) ? selected : null
}

/** Listens until the returned function is called. */
export function typeToEdit(editor: Editor): () => void {
  let burst: { at: number; tool: string; toolLocked: boolean } | null = null
  /** Keys typed into a card whose text editor is not there yet; `done`: Escape came too. */
  let pending: { shapeId: TLShapeId; text: string; since: number; done: boolean } | null = null

  const flush = () => {
    if (!pending) return
    const textEditor = editor.getRichTextEditor()
    if (editor.getEditingShapeId() !== pending.shapeId) {
      pending = null
      return
    }
    // tldraw creates the text editor a task after editing starts; keys until then are kept here.
    if (!textEditor) {
      if (performance.now() - pending.since > 2000) pending = null
      else requestAnimationFrame(flush)
      return
    }
    textEditor.chain().focus('end').insertContent(pending.text).run()
    if (pending.done) {
      editor.setEditingShape(null)
      editor.setCurrentTool('select.idle')
    }
    pending = null
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (pending) {
      // Until the card's text editor has taken the first key, the next ones (spaces too) queue
      // behind it, wherever the focus is: typed into the editor early they would land first.
      if ([...event.key].length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) pending.text += event.key
      else if (event.key === 'Escape') pending.done = true
      else return
      event.preventDefault()
      event.stopPropagation()
      return
    }
    if (event.defaultPrevented || event.isComposing || !isTypedCharacter(event) || isTextField(event.target)) return
    if (!editor.getInstanceState().isFocused) return
    if (editor.getEditingShapeId() !== null) return

    const card = typableSelection(editor)
    if (card && editor.getCurrentToolId() === 'select' && !isLockShortcut(event)) {
      event.preventDefault()
      event.stopPropagation()
      burst = null
      pending = { shapeId: card.id, text: event.key, since: performance.now(), done: false }
      editor.setEditingShape(card.id)
      requestAnimationFrame(flush)
      return
    }

    const now = performance.now()
    if (burst && now - burst.at < TYPING_BURST_MS) {
      // Typing, not a shortcut: swallow the key and undo what the first key of the word did.
      event.preventDefault()
      event.stopPropagation()
      burst.at = now
      if (editor.getCurrentToolId() !== burst.tool) editor.setCurrentTool(burst.tool)
      if (editor.getInstanceState().isToolLocked !== burst.toolLocked) editor.updateInstanceState({ isToolLocked: burst.toolLocked })
      return
    }
    burst = { at: now, tool: editor.getCurrentToolId(), toolLocked: editor.getInstanceState().isToolLocked }
  }

  // Capture on the window: before tldraw's own shortcut handling sees the key.
  window.addEventListener('keydown', onKeyDown, true)
  return () => window.removeEventListener('keydown', onKeyDown, true)
}
