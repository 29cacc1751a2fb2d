/**
 * Pasted images: uploaded by editors, served to anyone holding the asset's unguessable URL (it
 * only appears inside the board, so only the board's participants learn it). Never a token in
 * the URL: the URL is stored in the document that viewers read too.
 */
import { Hono } from 'hono'
import { z } from 'zod'
import type { BoardService } from '../boards/board-service.ts'
import { IMAGE_EXTENSIONS } from '../assets/image-type.ts'
import { requireBoardRole, type BoardAccessEnv } from './access.ts'
import { HttpError } from './errors.ts'
import { clientAddress, rateLimit, type RateLimiters } from './rate-limit.ts'

const assetIdParam = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)

export interface UploadLimits {
  /** Uploads per minute, per board and per client address. */
  uploadsPerMinute: number
  /** Where the upload budget is kept (this process, or Redis for a cluster). */
  limiters: RateLimiters
  trustProxy: boolean
}

/** Sizes and the board's quota are the service's checks (server/boards/asset-workflows.ts). */
export function assetUploadRoutes(service: BoardService, limits: UploadLimits): Hono<BoardAccessEnv> {
  const routes = new Hono<BoardAccessEnv>()
  const uploads = limits.limiters('image-uploads', limits.uploadsPerMinute, 60_000)
  const uploadRate = rateLimit(uploads, (c) => [`address:${clientAddress(c, limits.trustProxy)}`, `board:${c.req.param('id')}`], 'image uploads')
  routes.post('/:id/assets', requireBoardRole(service, 'editor'), uploadRate, async (c) => {
    const data = new Uint8Array(await c.req.arrayBuffer())
    return c.json(await service.assets.upload(c.var.board.id, data), 201)
  })
  return routes
}

export function assetServeRoutes(service: BoardService): Hono {
  const routes = new Hono()
  routes.get('/:assetId', async (c) => {
    const id = assetIdParam.safeParse(c.req.param('assetId'))
    if (!id.success) throw new HttpError(404, 'image not found', 'image_not_found')
    const asset = await service.assets.get(id.data)
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
