/**
 * The browser tests check the read-only snapshot view through its editor, exposed as
 * `window.__dialoogbordSnapshotEditor` (like the live one, see board/test-hooks.ts).
 */
import type { Editor } from 'tldraw'

declare global {
  interface Window {
    __dialoogbordSnapshotEditor?: Editor
  }
}

export function exposeSnapshotEditorForTests(editor: Editor): () => void {
  window.__dialoogbordSnapshotEditor = editor
  return () => {
    if (window.__dialoogbordSnapshotEditor === editor) delete window.__dialoogbordSnapshotEditor
  }
}
