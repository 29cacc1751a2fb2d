import { describe, expect, it } from 'vitest'
import { CloseCode } from '../shared/protocol.ts'
import { createBoard } from './testing/api-client.ts'
import { serverForFile } from './testing/server-for-file.ts'
import { imageAsset, SyncClient } from './testing/sync-client.ts'

const server = serverForFile({ MAX_ASSET_BYTES: '2048' })

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82])

const upload = (boardId: string, token: string, body: Uint8Array, type = 'image/png') =>
  fetch(`${server.url}/api/boards/${boardId}/assets`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body: body as Uint8Array<ArrayBuffer> })

describe('pasted images', () => {
  it('stores sniffed images from editors and serves them safely', async () => {
    const board = await createBoard(server.url)
    expect((await upload(board.id, board.tokens.viewer, PNG)).status).toBe(403)
    const response = await upload(board.id, board.tokens.editor, PNG, 'image/jpeg')
    expect(response.status).toBe(201)
    const stored = (await response.json()) as { src: string; mimeType: string }
    expect(stored.mimeType).toBe('image/png') // what the bytes are, not what was claimed

    const served = await fetch(`${server.url}${stored.src}`)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    expect(served.headers.get('content-disposition')).toContain('afbeelding.png')
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG)
    expect((await fetch(`${server.url}/api/assets/doesnotexist1`)).status).toBe(404)
  })

  it('refuses other types, empty and oversized bodies', async () => {
    const board = await createBoard(server.url)
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    expect((await upload(board.id, board.tokens.editor, svg, 'image/svg+xml')).status).toBe(415)
    expect((await upload(board.id, board.tokens.editor, new Uint8Array())).status).toBe(400)
    const big = new Uint8Array(4096)
    big.set(PNG)
    expect((await upload(board.id, board.tokens.editor, big)).status).toBe(413)
  })

  it('accepts only images stored here as sources in the document', async () => {
    const board = await createBoard(server.url)
    const stored = (await (await upload(board.id, board.tokens.editor, PNG)).json()) as { src: string }
    const good = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    good.records.set('asset:eigen', imageAsset('eigen', stored.src))
    await good.roundTrip()
    expect(good.socket.readyState).toBe(good.socket.OPEN)

    for (const src of ['https://tracker.example/pixel.png', 'data:image/png;base64,iVBORw0KGgo=']) {
      const bad = await SyncClient.connect(server.url, board.id, board.tokens.editor)
      bad.records.set('asset:vreemd', imageAsset('vreemd', src))
      expect((await bad.closed).code).toBe(CloseCode.invalidContent)
    }
    await good.close()
  })
})
