/**
 * The browser tests drive the real editors through `window.__dialoogbordEditor` (the live board)
 * and `window.__dialoogbordSnapshotEditor` (a snapshot being viewed), as tldraw's own examples
 * expose `window.editor`. Harmless: people already have full access to their own tab.
 */
import type { Editor } from 'tldraw'

declare global {
  interface Window {
    __dialoogbordEditor?: Editor
    __dialoogbordSnapshotEditor?: Editor
  }
}

type EditorHook = '__dialoogbordEditor' | '__dialoogbordSnapshotEditor'

/** Exposes the editor; the returned function withdraws it again (for onMount's cleanup). */
export function exposeEditorForTests(editor: Editor, as: EditorHook = '__dialoogbordEditor'): () => void {
  window[as] = editor
  return () => {
    if (window[as] === editor) delete window[as]
  }
}
