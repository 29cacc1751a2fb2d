/**
 * Pasted images: uploaded by editors, served to anyone holding the asset's unguessable URL (it
 * only appears inside the board, so only the board's participants learn it). Never a token in
 * the URL: the URL is stored in the document that viewers read too.
 */
import { Hono } from 'hono'
import { z } from 'zod'
import type { BoardRepository } from '../boards.ts'
import { AssetStore } from '../assets/asset-store.ts'
import { IMAGE_EXTENSIONS, sniffImageType } from '../assets/image-type.ts'
import { ASSET_PATH } from '../../shared/protocol.ts'
import { requireBoardRole, type BoardAccessEnv } from './access.ts'
import { HttpError } from './errors.ts'
import { clientAddress, KeyedRateLimiter, rateLimit } from './rate-limit.ts'

const assetIdParam = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)

export interface UploadLimits {
  /** One image. */
  maxBytes: number
  /** All images of one board together. */
  maxBytesPerBoard: number
  /** Uploads per minute, per board and per client address. */
  uploadsPerMinute: number
  trustProxy: boolean
}

export function assetUploadRoutes(boards: BoardRepository, assets: AssetStore, limits: UploadLimits): Hono<BoardAccessEnv> {
  const routes = new Hono<BoardAccessEnv>()
  const uploads = new KeyedRateLimiter(limits.uploadsPerMinute, 60_000)
  const uploadRate = rateLimit(uploads, (c) => [`address:${clientAddress(c, limits.trustProxy)}`, `board:${c.req.param('id')}`], 'image uploads')
  routes.post('/:id/assets', requireBoardRole(boards, 'editor'), uploadRate, async (c) => {
    const data = new Uint8Array(await c.req.arrayBuffer())
    if (data.length === 0) throw new HttpError(400, 'send the image bytes as the request body', 'empty_image')
    if (data.length > limits.maxBytes) throw new HttpError(413, `images may be at most ${formatBytes(limits.maxBytes)}`, 'image_too_large')
    const mime = sniffImageType(data)
    if (!mime) throw new HttpError(415, 'only PNG, JPEG, WebP and GIF images can be added', 'unsupported_image')
    if (assets.bytesFor(c.var.board.id) + data.length > limits.maxBytesPerBoard) {
      throw new HttpError(413, `this board's images may take at most ${formatBytes(limits.maxBytesPerBoard)}`, 'asset_quota')
    }
    const id = assets.save(c.var.board.id, mime, data)
    return c.json({ id, src: `${ASSET_PATH}${id}`, mimeType: mime, bytes: data.length }, 201)
  })
  return routes
}

export function assetServeRoutes(assets: AssetStore): Hono {
  const routes = new Hono()
  routes.get('/:assetId', (c) => {
    const id = assetIdParam.safeParse(c.req.param('assetId'))
    const asset = id.success ? assets.get(id.data) : null
    if (!asset) throw new HttpError(404, 'image not found', 'image_not_found')
    return c.body(new Uint8Array(asset.data), 200, {
      'Content-Type': asset.mime,
      'Content-Disposition': `inline; filename="afbeelding.${IMAGE_EXTENSIONS[asset.mime]}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, max-age=31536000, immutable',
      // Even if a browser were tricked into rendering it as a document, it could run nothing.
      'Content-Security-Policy': "default-src 'none'; sandbox",
    })
  })
  return routes
}

/** 2 MiB, 512 KiB, 300 bytes: the unit that keeps the number readable. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MiB`
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`
  return `${bytes} bytes`
}
