import { describe, expect, it } from 'vitest'
import type { CreatedBoard } from '../shared/api.ts'
import { createBoard } from './testing/api-client.ts'
import { serverForFile } from './testing/server-for-file.ts'
import { setStoredAnonymousFlag, storedPlacesMentioning } from './testing/stored-data.ts'
import { SyncClient, testRecord } from './testing/sync-client.ts'

const NAME = 'Zwaantje Vermeulen-Oudshoorn'
const USER_ID = 'zwaantje-7731'
const server = serverForFile({ ROOM_IDLE_MS: '0' })

const api = (board: CreatedBoard, route: string, init: RequestInit = {}) =>
  fetch(`${server.url}/api/boards/${board.id}${route}`, {
    ...init,
    headers: { authorization: `Bearer ${board.tokens.facilitator}`, 'content-type': 'application/json' },
  })

/** Writes what a tldraw client under this person's name would write: attribution and a user record. */
function editAsNamedPerson(client: SyncClient, id: string, text: string): void {
  const note = testRecord(id, { text })
  client.records.set(note.id, { ...note, props: { ...(note.props as object), textFirstEditedBy: USER_ID } })
  client.records.set(`user:${USER_ID}`, { id: `user:${USER_ID}`, typeName: 'user', name: NAME, color: '#e03131', imageUrl: '', meta: {} })
  client.awareness.setLocalState({ user: { name: NAME, color: '#e03131' }, presence: { userName: NAME, userId: USER_ID } })
}

/** Where the server's stored data (every file in DATA_DIR, or every row on PostgreSQL) names `needle`. */
const storedMentions = (needle: string): Promise<string[]> => storedPlacesMentioning(server, needle)

describe('anonymous boards', () => {
  it('store no name or user id anywhere: database, snapshots, export, logs, other clients', async () => {
    const board = await createBoard(server.url, { title: 'Chatham House', anonymous: true })
    const partner = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    const observer = await SyncClient.connect(server.url, board.id, board.tokens.viewer)

    editAsNamedPerson(partner, 'duiding', 'Wij voelden ons niet gehoord')
    await observer.waitFor((c) => c.records.has('shape:duiding'))
    await observer.waitForAwareness((states) => [...states.values()].some((s) => (s.user as { name?: string } | undefined)?.name === 'Deelnemer 1'))
    // The sender's own copy is corrected too.
    await partner.waitFor((c) => !c.records.has(`user:${USER_ID}`) && (c.records.get('shape:duiding')?.props as { textFirstEditedBy: unknown }).textFirstEditedBy === null)

    expect(observer.records.has(`user:${USER_ID}`)).toBe(false)
    expect(JSON.stringify([...observer.awareness.getStates().values()])).not.toContain(NAME)
    expect(JSON.stringify([...observer.awareness.getStates().values()])).not.toContain(USER_ID)

    expect((await api(board, '/snapshots', { method: 'POST', body: '{}' })).status).toBe(201)
    const exported = await (await api(board, '/export.json')).text()
    await Promise.all([partner.close(), observer.close()])
    const afterLeave = await SyncClient.connect(server.url, board.id, board.tokens.viewer) // reload from disk
    expect(afterLeave.records.has('shape:duiding')).toBe(true)
    await afterLeave.close()

    for (const needle of [NAME, USER_ID]) {
      expect(exported).not.toContain(needle)
      expect(await storedMentions(needle)).toEqual([])
      expect(server.logs.join('\n')).not.toContain(needle)
    }
  })

  it('scrubs a board, its log and its snapshots when it becomes anonymous', async () => {
    const board = await createBoard(server.url, { title: 'Eerst open' })
    const partner = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    editAsNamedPerson(partner, 'moment', 'Overleg met de wijkagent')
    await partner.roundTrip()
    expect((await api(board, '/snapshots', { method: 'POST', body: JSON.stringify({ label: 'met namen' }) })).status).toBe(201)
    expect((await storedMentions(NAME)).length).toBeGreaterThan(0) // attribution is kept on open boards

    expect((await api(board, '', { method: 'PATCH', body: JSON.stringify({ anonymous: true }) })).status).toBe(200)
    await partner.waitFor((c) => !c.records.has(`user:${USER_ID}`))
    await partner.close()
    for (const needle of [NAME, USER_ID]) expect(await storedMentions(needle)).toEqual([])
    const viewer = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    expect(viewer.records.has('shape:moment')).toBe(true)
    await viewer.close()
  })

  it('re-runs the whole scrub when a board that is already flagged anonymous is switched on again', async () => {
    const board = await createBoard(server.url, { title: 'Half omgezet' })
    const partner = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    editAsNamedPerson(partner, 'moment', 'Overleg met de wijkagent')
    await partner.roundTrip()
    expect((await api(board, '/snapshots', { method: 'POST', body: JSON.stringify({ label: 'met namen' }) })).status).toBe(201)
    await partner.close()
    // What a switch that died half way leaves: the flag committed, the names still on disk.
    await setStoredAnonymousFlag(server, board.id)
    expect((await storedMentions(NAME)).length).toBeGreaterThan(0)

    expect((await api(board, '', { method: 'PATCH', body: JSON.stringify({ anonymous: true }) })).status).toBe(200)
    for (const needle of [NAME, USER_ID]) expect(await storedMentions(needle)).toEqual([])
    const viewer = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    expect(viewer.records.has('shape:moment')).toBe(true)
    await viewer.close()
  })

  it("relays which card someone edits ('editing', a shape id) under the pseudonym, and nothing else in that field", async () => {
    const board = await createBoard(server.url, { title: 'Chatham House', anonymous: true })
    const partner = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    const observer = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    const editingSeen = () => [...observer.awareness.getStates().entries()].find(([id]) => id === partner.awareness.clientID)?.[1].editing
    partner.awareness.setLocalState({ user: { name: NAME, color: '#e03131' }, presence: null, editing: 'shape:duiding' })
    await observer.waitForAwareness(() => editingSeen() === 'shape:duiding')
    partner.awareness.setLocalState({ user: { name: NAME, color: '#e03131' }, presence: null, editing: NAME })
    await observer.waitForAwareness(() => editingSeen() === null)
    expect(JSON.stringify([...observer.awareness.getStates().values()])).not.toContain(NAME)
    await Promise.all([partner.close(), observer.close()])
  })
})
