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
import { richTextOf, updateCard } from '../cards/card-fields.ts'
import { withTextAppended } from '../cards/rich-text-append.ts'

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

/** Keys held for a Shift/Ctrl-click: they do not end a double-click. */
const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock'])

/** Whether a text editor's element is the live one inside the shape's element. */
function editsShape(element: Element, shapeId: TLShapeId): boolean {
  return element.isConnected && element.closest('[data-shape-id]')?.getAttribute('data-shape-id') === shapeId
}

/** Listens until the returned function is called. */
export function typeToEdit(editor: Editor): () => void {
  let burst: { at: number; tool: string; toolLocked: boolean } | null = null
  /** Keys typed into a card whose text editor is not there yet. */
  let pending: { shapeId: TLShapeId; text: string; since: number } | null = null

  /** The card's text editor once tldraw has made it (a task after editing starts), live and its own. */
  const liveTextEditor = (shapeId: TLShapeId) => {
    const textEditor = editor.getRichTextEditor()
    return textEditor && !textEditor.isDestroyed && editsShape(textEditor.view.dom, shapeId) ? textEditor : null
  }

  const flush = () => {
    if (!pending) return
    if (editor.getEditingShapeId() !== pending.shapeId) {
      pending = null
      return
    }
    const textEditor = liveTextEditor(pending.shapeId)
    if (!textEditor) {
      if (performance.now() - pending.since > 2000) pending = null
      else requestAnimationFrame(flush)
      return
    }
    textEditor.chain().focus('end').insertContent(pending.text).run()
    pending = null
  }

  /**
   * Escape before the text editor is there: the keys go into the card's text and editing ends at
   * once, as Escape does. Waiting for the text editor instead left the card in edit mode for a
   * moment in which a click or a second Escape was lost or undone.
   */
  const finishPending = () => {
    if (!pending) return
    const shape = editor.getShape(pending.shapeId)
    const richText = shape && richTextOf(shape)
    if (liveTextEditor(pending.shapeId)) flush()
    else if (shape && richText && editor.getEditingShapeId() === shape.id) updateCard(editor, shape, shape.meta, withTextAppended(richText, pending.text))
    pending = null
    editor.setEditingShape(null)
    editor.setCurrentTool('select.idle')
    // As tldraw does on Escape: the focus back on the canvas, not on the page's body (where the
    // text editor that goes leaves it), or the next Escape and shortcuts go nowhere.
    editor.getContainer().focus()
  }

  const onKeyDown = (event: KeyboardEvent) => {
    // A key between two clicks makes them two clicks, not a double-click. tldraw counts two
    // clicks on one spot within 450 ms as a double-click even with keys typed in between: click a
    // card, type a word, Escape, click it again quickly, and it edited the card with all its text
    // selected, so the next key replaced the card's text.
    if (!MODIFIER_KEYS.has(event.key)) editor.cancelDoubleClick()
    if (pending) {
      // Until the card's text editor has taken the first key, the next ones (spaces too) queue
      // behind it, wherever the focus is: typed into the editor early they would land first.
      if ([...event.key].length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) pending.text += event.key
      else if (event.key === 'Escape') finishPending()
      else return
      event.preventDefault()
      event.stopPropagation()
      return
    }
    // A word is keys typed one after another on the canvas: any other key, or one typed into a
    // text, ends it (so "n", click, type a note, Escape, "n" picks the note tool twice).
    if (event.defaultPrevented || event.isComposing || !isTypedCharacter(event) || isTextField(event.target)) {
      if (!MODIFIER_KEYS.has(event.key)) burst = null
      return
    }
    if (!editor.getInstanceState().isFocused || editor.getEditingShapeId() !== null) {
      burst = null
      return
    }

    const card = typableSelection(editor)
    if (card && editor.getCurrentToolId() === 'select' && !isLockShortcut(event)) {
      event.preventDefault()
      event.stopPropagation()
      burst = null
      pending = { shapeId: card.id, text: event.key, since: performance.now() }
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

  // A click between two keys makes them two shortcuts, not a word.
  const onPointerDown = () => {
    burst = null
  }

  // Capture on the window: before tldraw's own shortcut handling sees the key.
  window.addEventListener('keydown', onKeyDown, true)
  window.addEventListener('pointerdown', onPointerDown, true)
  return () => {
    window.removeEventListener('keydown', onKeyDown, true)
    window.removeEventListener('pointerdown', onPointerDown, true)
  }
}
