import { describe, expect, it, vi } from 'vitest'
import type { TLAsset } from 'tldraw'
import { AssetUploadError, boardAssetStore } from './asset-store.ts'

const asset = { id: 'asset:a', typeName: 'asset', type: 'image', props: { src: '' }, meta: {} } as unknown as TLAsset
const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'plaatje.png', { type: 'image/png' })

function answering(status: number, body: unknown) {
  return vi.fn<typeof fetch>(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }))
}

describe('the board asset store', () => {
  it('uploads the bytes to this board with the link token and returns the server’s src', async () => {
    const fetch = answering(201, { id: 'abcdefgh12', src: '/api/assets/abcdefgh12', mimeType: 'image/png', bytes: 4 })
    const store = boardAssetStore({ boardId: 'bord_12345', token: 'geheim', canUpload: true, fetch })
    await expect(store.upload(asset, png)).resolves.toEqual({ src: '/api/assets/abcdefgh12' })
    const [url, init] = fetch.mock.calls[0]!
    expect(url).toBe('/api/boards/bord_12345/assets')
    expect(init?.method).toBe('POST')
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer geheim')
    expect(init?.body).toBe(png)
  })

  it('fails (so tldraw shows its error toast) when the server refuses the image', async () => {
    const store = boardAssetStore({ boardId: 'bord_12345', token: 't', canUpload: true, fetch: answering(415, { error: 'only PNG, JPEG, WebP and GIF images can be added' }) })
    await expect(store.upload(asset, png)).rejects.toMatchObject({ status: 415, message: 'only PNG, JPEG, WebP and GIF images can be added' })
  })

  it('never puts a source other than our own asset path into the document', async () => {
    const store = boardAssetStore({ boardId: 'bord_12345', token: 't', canUpload: true, fetch: answering(201, { src: 'https://elders.example/x.png' }) })
    await expect(store.upload(asset, png)).rejects.toBeInstanceOf(AssetUploadError)
  })

  it('does not even try for a viewer', async () => {
    const fetch = answering(201, {})
    const store = boardAssetStore({ boardId: 'bord_12345', token: 't', canUpload: false, fetch })
    await expect(store.upload(asset, png)).rejects.toMatchObject({ status: 403 })
    expect(fetch).not.toHaveBeenCalled()
  })
})
