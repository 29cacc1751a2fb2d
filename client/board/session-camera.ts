/**
 * Where a board opens. Like tldraw (which keeps the camera in per-tab session state) and Miro:
 * opening a link shows the whole board fitted to its frames; reloading the same tab brings you
 * back to where you were working. The camera lives in sessionStorage, per board and per tab, so a
 * new tab or a link opened tomorrow starts from the overview again, and nothing of it reaches the
 * server or other people.
 */
import { react, type Editor, type TLPageId } from 'tldraw'
import { z } from 'zod'
import { showOverview } from './camera.ts'

const storedCamera = z.object({ pageId: z.string(), x: z.number(), y: z.number(), z: z.number().positive() })
type StoredCamera = z.infer<typeof storedCamera>

const keyFor = (boardId: string) => `dialoogbord:camera:${boardId}`

function read(boardId: string): StoredCamera | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(keyFor(boardId))
    const parsed = raw ? storedCamera.safeParse(JSON.parse(raw)) : null
    return parsed?.success ? parsed.data : null
  } catch {
    return null
  }
}

function write(boardId: string, camera: StoredCamera): void {
  try {
    globalThis.sessionStorage?.setItem(keyFor(boardId), JSON.stringify(camera))
  } catch {
    // Storage full or disabled: the next open shows the overview, which is fine.
  }
}

/**
 * Puts the camera where this tab last had it on this board, or on the overview; then keeps
 * remembering it until the returned function is called.
 */
export function openCamera(editor: Editor, boardId: string): () => void {
  const stored = read(boardId)
  const page = stored && editor.getPage(stored.pageId as TLPageId)
  if (stored && page) {
    if (page.id !== editor.getCurrentPageId()) editor.setCurrentPage(page.id)
    editor.setCamera({ x: stored.x, y: stored.y, z: stored.z })
  } else {
    showOverview(editor)
  }

  let timer: ReturnType<typeof setTimeout> | undefined
  const stop = react('dialoogbord.rememberCamera', () => {
    const { x, y, z: zoom } = editor.getCamera()
    const pageId = editor.getCurrentPageId()
    clearTimeout(timer)
    // Camera moves come every frame while panning; one write when it settles is enough.
    timer = setTimeout(() => write(boardId, { pageId, x, y, z: zoom }), 250)
  })
  return () => {
    clearTimeout(timer)
    stop()
  }
}
