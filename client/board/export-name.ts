/**
 * Exports carry the board's title as their file name ("Casus Zuid.png"), not tldraw's
 * "Zonder titel.png". tldraw names them after the document's `name`, which lives in the shared
 * Yjs document: writing the title there from every client on load would add an update per open,
 * so we override the export actions on this client instead and pass the name ourselves.
 */
import type { Editor, TLShapeId, TLUiActionsContextType, TLUiOverrideHelpers, TLUiOverrides } from 'tldraw'

/** What the file is called without its extension: the title, made safe for any file system. */
export function exportFileName(title: string, frameName = ''): string {
  const clean = (text: string) =>
    text
      // Characters Windows, macOS or Linux refuse in a file name, and control characters.
      .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^[.\s]+|[.\s]+$/g, '')
  const board = clean(title) || 'Dialoogbord'
  const frame = clean(frameName)
  // Most file systems allow 255 bytes; keep room for " (2).png" and multi-byte letters.
  return Array.from(frame ? `${board} - ${frame}` : board)
    .slice(0, 120)
    .join('')
    .trim()
}

const FORMATS = { 'export-as-svg': 'svg', 'export-as-png': 'png', 'export-all-as-svg': 'svg', 'export-all-as-png': 'png' } as const

/** The shapes an export covers, as tldraw's own actions choose them. */
function exportedShapes(editor: Editor, action: keyof typeof FORMATS): TLShapeId[] {
  const all = Array.from(editor.getCurrentPageShapeIds())
  if (action.startsWith('export-all')) return all
  const selected = editor.getSelectedShapeIds()
  return selected.length > 0 ? selected : all
}

/** A single selected frame adds its name: "Casus Zuid - Tijdlijn.png". */
function frameOf(editor: Editor, ids: readonly TLShapeId[]): string {
  if (ids.length !== 1) return ''
  const shape = editor.getShape(ids[0]!)
  return shape && editor.isShapeOfType(shape, 'frame') ? shape.props.name : ''
}

/** Overrides tldraw's four export actions to name the file after the board (title read at export time). */
export function exportsNamedAfterBoard(title: () => string): TLUiOverrides {
  return {
    actions(editor: Editor, actions: TLUiActionsContextType, helpers: TLUiOverrideHelpers) {
      for (const [id, format] of Object.entries(FORMATS) as [keyof typeof FORMATS, 'svg' | 'png'][]) {
        const action = actions[id]
        if (!action) continue
        actions[id] = {
          ...action,
          onSelect() {
            const ids = exportedShapes(editor, id)
            if (ids.length === 0) return
            const selectedFrame = id.startsWith('export-all') ? '' : frameOf(editor, ids)
            helpers.exportAs(ids, { format, name: exportFileName(title(), selectedFrame) })
          },
        }
      }
      return actions
    },
  }
}
