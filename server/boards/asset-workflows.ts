/** Images of the board service: upload (checked and within the board's quota) and look-up. Errors and promises as in board-service.ts. */
import { ASSET_PATH } from '../../shared/protocol.ts'
import { sniffImageType, type ImageType } from '../assets/image-type.ts'
import { HttpError } from '../http/errors.ts'
import type { AssetStore } from '../storage/stores.ts'
import { formatBytes } from './format-bytes.ts'

export interface ImageLimits {
  /** One image. */
  maxAssetBytes: number
  /** All images of one board together. */
  maxAssetBytesPerBoard: number
}

export interface UploadedImage {
  id: string
  src: string
  mimeType: ImageType
  bytes: number
}

export class AssetWorkflows {
  constructor(
    private readonly store: AssetStore,
    private readonly limits: ImageLimits,
  ) {}

  /** Stores a pasted image: 400 empty, 413 too large (alone or for the board), 415 not an image we serve. */
  async upload(boardId: string, data: Uint8Array): Promise<UploadedImage> {
    const { maxAssetBytes, maxAssetBytesPerBoard } = this.limits
    if (data.length === 0) throw new HttpError(400, 'send the image bytes as the request body', 'empty_image')
    if (data.length > maxAssetBytes) throw new HttpError(413, `images may be at most ${formatBytes(maxAssetBytes)}`, 'image_too_large')
    const mime = sniffImageType(data)
    if (!mime) throw new HttpError(415, 'only PNG, JPEG, WebP and GIF images can be added', 'unsupported_image')
    if ((await this.store.bytesFor(boardId)) + data.length > maxAssetBytesPerBoard) {
      throw new HttpError(413, `this board's images may take at most ${formatBytes(maxAssetBytesPerBoard)}`, 'asset_quota')
    }
    const id = await this.store.save(boardId, mime, data)
    return { id, src: `${ASSET_PATH}${id}`, mimeType: mime, bytes: data.length }
  }

  /** An image by its id; 404 image_not_found. */
  async get(assetId: string): Promise<{ data: Uint8Array; mime: ImageType }> {
    const asset = await this.store.get(assetId)
    if (!asset) throw new HttpError(404, 'image not found', 'image_not_found')
    return { data: asset.data, mime: asset.mime }
  }
}
