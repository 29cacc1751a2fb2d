/**
 * When an editor starts asking notes for their fonts. tldraw ties every shape's geometry to the
 * load state of the fonts it names, so each font that goes from unknown to loading to loaded
 * makes the editor recompute the geometry and spatial index of every note: twice on every open,
 * about a fifth of a 5,000-card board's opening. A note's bounds never depend on its font (its
 * label is measured lazily, lazy-geometry.ts), and tldraw loads all its default fonts when it
 * mounts anyway. So an editor's notes name no fonts until the board has opened and the browser
 * is idle; from then on they name them as tldraw's note does (one recompute, after the open), so
 * exports embed them and labels measured before are measured again.
 */
import { atom, type Atom, type Editor } from 'tldraw'

/** At the latest this long after the editor first asked, even if the page never goes idle. */
const AT_THE_LATEST_MS = 3000

const byEditor = new WeakMap<Editor, Atom<boolean>>()

/** Whether notes of `editor` name their fonts yet (reactive: font caches follow it). */
export function noteFontsFollowed(editor: Editor): boolean {
  let followed = byEditor.get(editor)
  if (!followed) {
    const created = atom('dialoogbord.noteFontsFollowed', false)
    followed = created
    byEditor.set(editor, created)
    editor.disposables.add(whenIdle(() => created.set(true)))
  }
  return followed.get()
}

/** Runs `run` once the page is idle; returns the cancel. */
function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: AT_THE_LATEST_MS })
    return () => cancelIdleCallback(handle)
  }
  const handle = setTimeout(run, AT_THE_LATEST_MS / 3)
  return () => clearTimeout(handle)
}
