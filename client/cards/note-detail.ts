/**
 * How much of each note an editor renders, decided for all notes of an editor by one reactor
 * (as tldraw decides which shapes to hide) instead of a subscription of every note's own:
 *
 * - `hidden`: never on screen yet (culled since the board opened); its container stays empty.
 * - `sketch`: zoomed out below SKETCH_BELOW_ZOOM, where a note is a few pixels of text: the same
 *   DOM tldraw renders there (note-sketch.tsx), without its editing machinery.
 * - `full`: tldraw's own note, with the rich text editor ready for a click.
 *
 * A note stays rendered once it has been on screen. The note being edited, the only selected
 * note and, while editing, the hovered note (the next one a click edits) are always `full`.
 */
import { react, type Editor, type TLShapeId } from 'tldraw'

export type NoteDetail = 'hidden' | 'sketch' | 'full'

/**
 * What a note renders, as one comparable value for useSyncExternalStore: its detail and, for a
 * sketch (which is not tracked, unlike tldraw's note), how often the theme or colour mode changed.
 */
export type NoteView = 'hidden' | 'full' | `sketch ${number}`

/** Below this zoom tldraw's note trades its shadow for a border: from here on a sketch looks the same. */
export const SKETCH_BELOW_ZOOM = 0.25

const NONE: ReadonlySet<TLShapeId> = new Set()

export class NoteDetails {
  private readonly shown = new Set<TLShapeId>()
  private readonly listeners = new Map<TLShapeId, Set<() => void>>()
  private culled: ReadonlySet<TLShapeId> = NONE
  private far = false
  private active: ReadonlySet<TLShapeId> = NONE
  private looks = 0
  private look: unknown[] = []

  constructor(editor: Editor) {
    editor.disposables.add(
      react('dialoogbord.noteDetails', () =>
        this.update(editor.getCulledShapes(), editor.getEfficientZoomLevel() < SKETCH_BELOW_ZOOM, activeNotes(editor), [editor.getCurrentTheme(), editor.getColorMode()]),
      ),
    )
  }

  view(id: TLShapeId): NoteView {
    const detail = this.detail(id)
    return detail === 'sketch' ? `sketch ${this.looks}` : detail
  }

  detail(id: TLShapeId): NoteDetail {
    if (!this.shown.has(id)) {
      if (this.culled.has(id)) return 'hidden'
      this.shown.add(id)
    }
    return this.far && !this.active.has(id) ? 'sketch' : 'full'
  }

  subscribe(id: TLShapeId, listener: () => void): () => void {
    const listeners = this.listeners.get(id) ?? new Set()
    listeners.add(listener)
    this.listeners.set(id, listeners)
    return () => {
      listeners.delete(listener)
      if (listeners.size === 0 && this.listeners.get(id) === listeners) this.listeners.delete(id)
    }
  }

  private update(culled: ReadonlySet<TLShapeId>, far: boolean, active: ReadonlySet<TLShapeId>, look: unknown[]) {
    const lookChanged = this.look.length > 0 && look.some((value, index) => value !== this.look[index])
    if (lookChanged) this.looks++
    this.look = look
    const farChanged = far !== this.far || (far && lookChanged)
    const before = this.active
    this.culled = culled
    this.far = far
    this.active = active
    for (const [id, listeners] of this.listeners) {
      const changed = this.shown.has(id) ? farChanged || before.has(id) !== active.has(id) : !culled.has(id)
      if (changed) for (const listener of [...listeners]) listener()
    }
  }
}

function activeNotes(editor: Editor): ReadonlySet<TLShapeId> {
  const editing = editor.getEditingShapeId()
  const selected = editor.getOnlySelectedShapeId()
  const hovered = editing ? editor.getHoveredShapeId() : null
  if (!editing && !selected) return NONE
  return new Set([editing, selected, hovered].filter((id): id is TLShapeId => id !== null))
}

const byEditor = new WeakMap<Editor, NoteDetails>()

/** The one NoteDetails of an editor. */
export function noteDetails(editor: Editor): NoteDetails {
  let details = byEditor.get(editor)
  if (!details) {
    details = new NoteDetails(editor)
    byEditor.set(editor, details)
  }
  return details
}
