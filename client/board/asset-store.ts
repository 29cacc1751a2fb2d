/**
 * Images on a board are stored by our server, never inlined or linked from elsewhere (the server
 * refuses any other image source and closes the connection that sent it). This is tldraw's
 * asset store for one board: an upload POSTs the bytes with the link's token, the document then
 * refers to `/api/assets/<id>`.
 */
import type { Editor, TLAssetStore } from 'tldraw'
import type { UploadedAsset } from '../../shared/api.ts'
import { ASSET_PATH } from '../../shared/protocol.ts'

/**
 * The image types our server stores (it sniffs the bytes; server/assets/image-type.ts). tldraw
 * refuses anything else up front, with its own message, instead of placing an image that can
 * never load. No videos: the server stores none.
 */
export const STORABLE_IMAGE_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/webp', 'image/gif']
export const STORABLE_VIDEO_TYPES: readonly string[] = []

export class AssetUploadError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
    this.name = 'AssetUploadError'
  }
}

export interface BoardAssetOptions {
  boardId: string
  token: string
  /** Viewers cannot upload (the server would answer 403 anyway). */
  canUpload: boolean
  fetch?: typeof globalThis.fetch
}

export function boardAssetStore({ boardId, token, canUpload, fetch = globalThis.fetch.bind(globalThis) }: BoardAssetOptions): TLAssetStore {
  return {
    async upload(_asset, file, abortSignal) {
      if (!canUpload) throw new AssetUploadError(403, 'viewers cannot add images')
      const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/assets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': file.type || 'application/octet-stream' },
        body: file,
        signal: abortSignal ?? null,
        credentials: 'same-origin',
      })
      const body: unknown = await response.json().catch(() => null)
      if (!response.ok) throw new AssetUploadError(response.status, errorMessage(body) ?? `HTTP ${response.status}`)
      const src = (body as Partial<UploadedAsset> | null)?.src
      // Whatever else the answer says, the document may only point at our own images.
      if (typeof src !== 'string' || !src.startsWith(ASSET_PATH)) throw new AssetUploadError(response.status, 'unexpected upload answer')
      return { src }
    },
    resolve(asset) {
      return asset.props.src ?? null
    },
  }
}

function errorMessage(body: unknown): string | null {
  const error = (body as { error?: unknown } | null)?.error
  return typeof error === 'string' ? error : null
}

/**
 * A pasted or dropped link becomes plain text, not tldraw's bookmark card: that card fetches the
 * page from the browser (a third-party call) and stores the site's own address as an asset, which
 * our server refuses.
 */
export function keepPastedLinksAsText(editor: Editor): void {
  editor.registerExternalContentHandler('url', ({ url, point }) => {
    void editor.putExternalContent({ type: 'text', text: url, ...(point ? { point } : {}) })
  })
}
