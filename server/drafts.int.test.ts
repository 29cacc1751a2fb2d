/**
 * Drafts and reveal against the real server: a participant's draft is a document of its own,
 * and nothing of it reaches anyone else's socket until it is revealed (the bytes are inspected).
 */
import { describe, expect, it } from 'vitest'
import type { CreatedBoard, DraftCount, RevealResult } from '../shared/api.ts'
import { metaMap, type StoredRecord } from '../shared/doc-layout.ts'
import { CloseCode } from '../shared/protocol.ts'
import { readSession } from '../shared/session.ts'
import { boardCall, createBoard } from './testing/api-client.ts'
import { serverForFile } from './testing/server-for-file.ts'
import { refusedStatus, SyncClient, syncUrl, testRecord } from './testing/sync-client.ts'

const server = serverForFile()

/** A draft key as a browser makes one. */
const newKey = (): string => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url')

const contains = (frames: readonly Uint8Array[], text: string): boolean => {
  const needle = Buffer.from(text)
  return frames.some((frame) => Buffer.from(frame).includes(needle))
}

const call = <T>(board: CreatedBoard, token: string, method: string, path: string, body?: unknown) => boardCall<T>(server.url, board, token, method, path, body)

/** A participant: the board and their own draft, as the web app opens them. */
async function participant(board: CreatedBoard, token: string, key = newKey()) {
  const [onBoard, draft] = await Promise.all([SyncClient.connect(server.url, board.id, token), SyncClient.connect(server.url, board.id, token, { draftKey: key })])
  return { key, board: onBoard, draft, close: () => Promise.all([onBoard.close(), draft.close()]) }
}

const secretCard = (id: string, text: string, extra: Partial<StoredRecord> = {}): StoredRecord => ({ ...testRecord(id, { text }), ...extra })

describe('drafts', () => {
  it("keeps a draft off every other participant's socket until the facilitator reveals it, then shows it to everyone at once", async () => {
    const board = await createBoard(server.url)
    const a = await participant(board, board.tokens.editor)
    const b = await participant(board, board.tokens.editor)
    const facilitator = await SyncClient.connect(server.url, board.id, board.tokens.facilitator)

    a.draft.records.set('shape:geheim', secretCard('geheim', 'GEHEIM-moment-van-A'))
    await a.draft.stored()
    const late = await participant(board, board.tokens.editor)
    // Each observer's connection has handled everything sent to it so far.
    await Promise.all([b.board.roundTrip(), b.draft.roundTrip(), facilitator.roundTrip(), late.board.roundTrip(), late.draft.roundTrip(), a.board.roundTrip()])
    for (const frames of [b.board.frames, b.draft.frames, facilitator.frames, late.board.frames, late.draft.frames, a.board.frames]) {
      expect(contains(frames, 'GEHEIM-moment-van-A')).toBe(false)
    }
    expect(b.board.records.get('shape:geheim')).toBeUndefined()

    const reveal = await call<RevealResult>(board, board.tokens.facilitator, 'POST', '/drafts/reveal', {})
    expect(reveal).toEqual({ status: 200, body: { revealed: 1 } })
    await b.board.waitFor((client) => client.records.get('shape:geheim') !== undefined)
    await a.draft.waitFor((client) => client.records.get('shape:geheim') === undefined)
    expect(a.board.records.get('shape:geheim')).toBeDefined()
    await Promise.all([a.close(), b.close(), late.close(), facilitator.close()])
  })

  it('runs a silent round with fifteen partners: each sees only counts, then all cards arrive in one update', async () => {
    const board = await createBoard(server.url, { title: 'Vijftien', anonymous: true })
    const partners = await Promise.all(Array.from({ length: 15 }, () => participant(board, board.tokens.editor)))
    const facilitator = await participant(board, board.tokens.facilitator)
    expect((await call(board, board.tokens.facilitator, 'POST', '/drafts/silent-round', {})).status).toBe(200)
    await Promise.all(partners.map((p) => p.board.waitFor((client) => readSession(metaMap(client.doc)).silentRound !== null)))
    partners.forEach((p, i) => {
      p.draft.records.set(`shape:p${i}a`, secretCard(`p${i}a`, `Partner-${i}-eerste`))
      p.draft.records.set(`shape:p${i}b`, secretCard(`p${i}b`, `Partner-${i}-tweede`))
    })
    await Promise.all(partners.map((p) => p.draft.stored()))
    await facilitator.board.waitFor((client) => readSession(metaMap(client.doc)).drafts.length === 15)
    expect(readSession(metaMap(facilitator.board.doc)).drafts).toEqual(Array.from({ length: 15 }, () => 2))
    await Promise.all(partners.map((p) => Promise.all([p.board.roundTrip(), p.draft.roundTrip()])))
    partners.forEach((p, i) => {
      for (let j = 0; j < 15; j++) {
        if (j === i) continue
        expect(contains([...p.board.frames, ...p.draft.frames], `Partner-${j}-`)).toBe(false)
      }
    })

    const updatesBefore = partners.map((p) => p.board.frames.length)
    expect((await call<RevealResult>(board, board.tokens.facilitator, 'POST', '/drafts/reveal', {})).body).toEqual({ revealed: 30 })
    await Promise.all(partners.map((p) => p.board.waitFor((client) => [...client.records.map.keys()].filter((id) => /^shape:p\d+[ab]$/.test(id)).length === 30)))
    // One document update carried all thirty cards (and the round's end) to each partner.
    for (const [i, p] of partners.entries()) expect(p.board.frames.length - updatesBefore[i]!).toBe(1)
    await Promise.all([...partners.map((p) => p.close()), facilitator.close()])
  })

  it('survives a crash (kill -9) of the server like the board does', async () => {
    const board = await createBoard(server.url)
    const a = await participant(board, board.tokens.editor)
    a.draft.records.set('shape:blijft', secretCard('blijft', 'Blijft bewaard'))
    await a.draft.stored()
    await server.restart('kill')
    const again = await SyncClient.connect(server.url, board.id, board.tokens.editor, { draftKey: a.key })
    expect(again.records.get('shape:blijft')).toMatchObject({ id: 'shape:blijft' })
    await again.close()
  })

  it('refuses viewers, missing tokens and malformed keys, and holds cards only', async () => {
    const board = await createBoard(server.url)
    expect(await refusedStatus(syncUrl(server.url, board.id, board.tokens.viewer, newKey()))).toBe(403)
    expect(await refusedStatus(syncUrl(server.url, board.id, undefined, newKey()))).toBe(401)
    expect(await refusedStatus(syncUrl(server.url, board.id, board.tokens.editor, 'kort'))).toBe(400)

    const frame = await SyncClient.connect(server.url, board.id, board.tokens.editor, { draftKey: newKey() })
    frame.records.set('shape:kader', { ...testRecord('kader'), type: 'frame', props: { w: 100, h: 100, name: 'x', color: 'black' } })
    expect((await frame.closed).code).toBe(CloseCode.invalidContent)
    const locked = await SyncClient.connect(server.url, board.id, board.tokens.facilitator, { draftKey: newKey() })
    locked.records.set('shape:slot', { ...testRecord('slot'), isLocked: true })
    expect((await locked.closed).code).toBe(CloseCode.invalidContent)
  })

  it("closes a draft's sockets when its link is revoked or the board deleted", async () => {
    const board = await createBoard(server.url)
    const a = await SyncClient.connect(server.url, board.id, board.tokens.editor, { draftKey: newKey() })
    expect((await call(board, board.tokens.facilitator, 'POST', '/links/editor/regenerate')).status).toBe(200)
    expect((await a.closed).code).toBe(CloseCode.revoked)
  })

  it('reveals one participant’s chosen cards, and a silent round all but the prepared ones', async () => {
    const board = await createBoard(server.url, { title: 'Casus', template: 'casusreconstructie' })
    const facilitator = await participant(board, board.tokens.facilitator)
    const a = await participant(board, board.tokens.editor)
    facilitator.draft.records.set('shape:m1', secretCard('m1', 'Moment een', { meta: { prepared: true } }))
    facilitator.draft.records.set('shape:m2', secretCard('m2', 'Moment twee', { meta: { prepared: true } }))
    await facilitator.draft.stored()

    const started = await call<{ silentRound: unknown }>(board, board.tokens.facilitator, 'POST', '/drafts/silent-round', { minutes: 5 })
    expect(started.status).toBe(200)
    await a.board.waitFor((client) => readSession(metaMap(client.doc)).silentRound !== null)
    a.draft.records.set('shape:a1', secretCard('a1', 'Stil-A-een'))
    a.draft.records.set('shape:a2', secretCard('a2', 'Stil-A-twee'))
    await a.draft.stored()
    // Everyone sees how many cards a participant wrote (prepared ones not counted), never what.
    await facilitator.board.waitFor((client) => readSession(metaMap(client.doc)).drafts.includes(2))
    expect(readSession(metaMap(facilitator.board.doc)).drafts).toEqual([2])
    expect((await call<DraftCount[]>(board, board.tokens.facilitator, 'GET', '/drafts')).body.map((draft) => draft.cards).sort()).toEqual([0, 2])
    expect((await call(board, board.tokens.editor, 'GET', '/drafts')).status).toBe(403)
    expect(contains(facilitator.board.frames, 'Stil-A-een')).toBe(false)

    expect((await call<RevealResult>(board, board.tokens.facilitator, 'POST', `/drafts/${facilitator.key}/reveal`, { ids: ['shape:m2'] })).body).toEqual({ revealed: 1 })
    await a.board.waitFor((client) => client.records.get('shape:m2') !== undefined)
    expect(a.board.records.get('shape:m2')?.meta).toEqual({})
    expect(a.board.records.get('shape:m1')).toBeUndefined()

    expect((await call<RevealResult>(board, board.tokens.facilitator, 'POST', '/drafts/reveal', {})).body).toEqual({ revealed: 2 })
    await facilitator.board.waitFor((client) => client.records.get('shape:a1') !== undefined && client.records.get('shape:a2') !== undefined)
    expect(readSession(metaMap(facilitator.board.doc)).silentRound).toBeNull()
    expect(facilitator.board.records.get('shape:m1')).toBeUndefined() // prepared: still the facilitator's
    expect(facilitator.draft.records.get('shape:m1')).toBeDefined()

    expect((await call(board, board.tokens.editor, 'POST', `/drafts/${newKey()}/reveal`, {})).status).toBe(404)
    expect((await call(board, board.tokens.editor, 'POST', '/drafts/reveal', {})).status).toBe(403)
    await Promise.all([facilitator.close(), a.close()])
  })

  it('reveals on an anonymous board without authors, and onto the page when the card’s frame is gone', async () => {
    const board = await createBoard(server.url, { title: 'Anoniem', anonymous: true })
    const a = await participant(board, board.tokens.editor)
    const card = secretCard('wie', 'Van iemand')
    a.draft.records.set('shape:wie', { ...card, parentId: 'shape:weg', props: { ...(card.props as object), textFirstEditedBy: 'user:an' } })
    await a.draft.stored()
    await a.draft.waitFor((client) => (client.records.get('shape:wie')?.props as { textFirstEditedBy?: unknown }).textFirstEditedBy == null)
    expect((await call<RevealResult>(board, board.tokens.editor, 'POST', `/drafts/${a.key}/reveal`)).body).toEqual({ revealed: 1 })
    await a.board.waitFor((client) => client.records.get('shape:wie') !== undefined)
    const revealed = a.board.records.get('shape:wie')!
    expect((revealed.props as { textFirstEditedBy?: unknown }).textFirstEditedBy ?? null).toBeNull()
    expect(revealed.parentId).toBe('page:page')
    await a.close()
  })
})
