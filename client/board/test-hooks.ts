/**
 * The browser tests drive the real editor through `window.__dialoogbordEditor` (as tldraw's own
 * examples expose `window.editor`). Harmless: people already have full access to their own tab.
 */
import type { Editor } from 'tldraw'

declare global {
  interface Window {
    __dialoogbordEditor?: Editor
  }
}

/** Exposes the editor; the returned function withdraws it again (for onMount's cleanup). */
export function exposeEditorForTests(editor: Editor): () => void {
  window.__dialoogbordEditor = editor
  return () => {
    if (window.__dialoogbordEditor === editor) delete window.__dialoogbordEditor
  }
}
