/**
 * Locked shapes (a template's frames, headings and prompts) change only through a facilitator's
 * connection: an editor's update that moves, unlocks or deletes one is refused whole, and the
 * board stays as it was for everyone.
 */
import { describe, expect, it } from 'vitest'
import type { CreatedBoard } from '../shared/api.ts'
import type { StoredRecord } from '../shared/doc-layout.ts'
import { CloseCode } from '../shared/protocol.ts'
import { createBoard } from './testing/api-client.ts'
import { serverForFile } from './testing/server-for-file.ts'
import { SyncClient, testRecord } from './testing/sync-client.ts'

const server = serverForFile()

async function templateBoard(): Promise<{ board: CreatedBoard; frame: StoredRecord }> {
  const board = await createBoard(server.url, { title: 'Casus', template: 'casusreconstructie' })
  const look = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
  const frame = [...look.records.map.values()].map((entry) => entry.val).find((record) => record.type === 'frame' && record.isLocked === true)
  await look.close()
  if (!frame) throw new Error('the template has no locked frame')
  return { board, frame }
}

/** The frame as a newcomer receives it now. */
async function frameNow(board: CreatedBoard, id: string): Promise<StoredRecord | undefined> {
  const newcomer = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
  const frame = newcomer.records.get(id)
  await newcomer.close()
  return frame
}

describe('locked shapes', () => {
  const attempts: [string, (editor: SyncClient, frame: StoredRecord) => void][] = [
    ['moves', (editor, frame) => editor.records.set(frame.id, { ...frame, x: Number(frame.x) + 500 })],
    ['unlocks', (editor, frame) => editor.records.set(frame.id, { ...frame, isLocked: false })],
    ['deletes', (editor, frame) => editor.records.delete(frame.id)],
  ]
  for (const [what, attempt] of attempts) {
    it(`refuses an editor's update that ${what} a locked frame, and the board keeps it as it was`, async () => {
      const { board, frame } = await templateBoard()
      const editor = await SyncClient.connect(server.url, board.id, board.tokens.editor)
      attempt(editor, frame)
      expect((await editor.closed).code).toBe(CloseCode.invalidContent)
      expect(await frameNow(board, frame.id)).toEqual(frame)
    })
  }

  it('lets editors change unlocked cards, and the facilitator change and unlock the scaffolding', async () => {
    const { board, frame } = await templateBoard()
    const editor = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    editor.records.set('shape:kaart', testRecord('kaart'))
    await editor.roundTrip()
    const facilitator = await SyncClient.connect(server.url, board.id, board.tokens.facilitator)
    facilitator.records.set(frame.id, { ...frame, x: Number(frame.x) + 10 })
    facilitator.records.set(frame.id, { ...frame, x: Number(frame.x) + 10, isLocked: false })
    await facilitator.roundTrip()
    // Unlocked by the facilitator: now an editor may move it.
    await editor.waitFor((client) => client.records.get(frame.id)?.isLocked === false)
    editor.records.set(frame.id, { ...frame, x: Number(frame.x) + 20, isLocked: false })
    await editor.roundTrip()
    expect((await frameNow(board, frame.id))?.x).toBe(Number(frame.x) + 20)
    expect(await frameNow(board, 'shape:kaart')).toBeDefined()
    await Promise.all([editor.close(), facilitator.close()])
  })

  it('knows the locks a restore brings back', async () => {
    const { board, frame } = await templateBoard()
    const auth = { authorization: `Bearer ${board.tokens.facilitator}`, 'content-type': 'application/json' }
    const snapshot = (await (await fetch(`${server.url}/api/boards/${board.id}/snapshots`, { method: 'POST', headers: auth, body: '{}' })).json()) as { id: string }
    const facilitator = await SyncClient.connect(server.url, board.id, board.tokens.facilitator)
    facilitator.records.set(frame.id, { ...frame, isLocked: false })
    await facilitator.roundTrip()
    await facilitator.close()
    expect((await fetch(`${server.url}/api/boards/${board.id}/snapshots/${snapshot.id}/restore`, { method: 'POST', headers: auth })).status).toBe(200)

    const editor = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    expect(editor.records.get(frame.id)?.isLocked).toBe(true)
    editor.records.set(frame.id, { ...frame, x: Number(frame.x) + 500 })
    expect((await editor.closed).code).toBe(CloseCode.invalidContent)
    expect((await frameNow(board, frame.id))?.x).toBe(frame.x)
  })
})
