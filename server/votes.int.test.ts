/**
 * Dot voting against the real server: the budget is the server's, counts stay on the server until
 * the vote closes, and the results then live in the board's document (and so in its snapshots).
 */
import { describe, expect, it } from 'vitest'
import type { CreatedBoard, VoteJson } from '../shared/api.ts'
import { metaMap, type StoredRecord } from '../shared/doc-layout.ts'
import { CloseCode } from '../shared/protocol.ts'
import { readClosedVotes, readSession } from '../shared/session.ts'
import { boardCall, createBoard } from './testing/api-client.ts'
import { serverForFile } from './testing/server-for-file.ts'
import { SyncClient, testRecord } from './testing/sync-client.ts'

// Two voters per vote at most here (a voter is a draft key: at most MAX_DRAFTS_PER_BOARD of them).
const server = serverForFile({ MAX_DRAFTS_PER_BOARD: '2' })

const newKey = (): string => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url')

const call = <T>(board: CreatedBoard, token: string, method: string, path: string, body?: unknown) => boardCall<T>(server.url, board, token, method, path, body)

/** A casusreconstructie with three cards in the rode draden and one in the lessen. */
async function boardWithCards(): Promise<{ board: CreatedBoard; editor: SyncClient }> {
  const board = await createBoard(server.url, { title: 'Stemmen', template: 'casusreconstructie' })
  const editor = await SyncClient.connect(server.url, board.id, board.tokens.editor)
  const frames = [...editor.records.map.values()].map((entry) => entry.val).filter((record) => record.type === 'frame')
  const zone = (name: string): StoredRecord => frames.find((frame) => (frame.meta as { zone?: string }).zone === name)!
  for (const [id, frame] of [['r1', zone('rode-draden')], ['r2', zone('rode-draden')], ['r3', zone('rode-draden')], ['l1', zone('lessen')]] as const) {
    editor.records.set(`shape:${id}`, { ...testRecord(id, { x: 20, y: 60 }), parentId: frame.id })
  }
  editor.records.set('shape:leeg', { ...testRecord('leeg', { x: 20, y: 300, text: '' }), parentId: zone('rode-draden').id })
  await editor.stored()
  return { board, editor }
}

describe('dot voting', () => {
  it('enforces the budget per participant, hides counts while open, and shows results to everyone on close', async () => {
    const { board, editor } = await boardWithCards()
    const f = board.tokens.facilitator
    const opened = await call<VoteJson>(board, f, 'POST', '/votes', { perParticipant: 2, zone: 'rode-draden' })
    expect(opened.status).toBe(201)
    expect(opened.body).toMatchObject({ perParticipant: 2, zone: 'rode-draden', open: true })
    const vote = opened.body.id
    expect((await call(board, f, 'POST', '/votes', { perParticipant: 1 })).status).toBe(409)
    await editor.waitFor((client) => readSession(metaMap(client.doc)).vote?.id === vote)

    const [a, b] = [newKey(), newKey()]
    const ballot = (key: string, shapeId: string, method = 'POST') => call<VoteJson>(board, board.tokens.editor, method, `/votes/${vote}/ballots`, { draftKey: key, shapeId })
    expect((await ballot(a, 'shape:r1')).status).toBe(201)
    expect((await ballot(a, 'shape:r1')).status).toBe(201) // several dots on one card
    expect((await ballot(a, 'shape:r2')).body).toMatchObject({ code: 'vote_spent' })
    expect((await ballot(b, 'shape:l1')).body).toMatchObject({ code: 'vote_card' }) // outside the zone
    expect((await ballot(b, 'shape:onbekend')).status).toBe(400)
    expect((await ballot(b, 'shape:leeg')).body).toMatchObject({ code: 'vote_card' }) // a blank note
    expect((await ballot(b, 'shape:r2')).status).toBe(201)
    expect((await ballot(b, 'shape:r3')).status).toBe(201)
    expect((await ballot(b, 'shape:r3', 'DELETE')).status).toBe(200)
    expect((await ballot(b, 'shape:r3', 'DELETE')).body).toMatchObject({ code: 'no_ballot' })
    expect((await ballot(newKey(), 'shape:r3')).body).toMatchObject({ code: 'vote_full' }) // a third, made-up voter
    expect((await call(board, board.tokens.viewer, 'POST', `/votes/${vote}/ballots`, { draftKey: b, shapeId: 'shape:r2' })).status).toBe(403)

    // While open: how many voted, each voter's own dots, no counts anywhere.
    const mine = await call<VoteJson>(board, board.tokens.viewer, 'GET', `/votes/${vote}?draftKey=${a}`)
    expect(mine.body).toMatchObject({ open: true, voters: 2, mine: ['shape:r1', 'shape:r1'] })
    expect(mine.body.results).toBeUndefined()
    await editor.waitFor((client) => readSession(metaMap(client.doc)).vote?.voters === 2)
    expect(readClosedVotes(metaMap(editor.doc))).toEqual([])

    const closed = await call<VoteJson>(board, f, 'POST', `/votes/${vote}/close`)
    expect(closed.body).toMatchObject({ open: false, voters: 2, results: [{ shapeId: 'shape:r1', votes: 2 }, { shapeId: 'shape:r2', votes: 1 }] })
    await editor.waitFor((client) => readClosedVotes(metaMap(client.doc)).length === 1)
    expect(readClosedVotes(metaMap(editor.doc))[0]).toMatchObject({ id: vote, results: closed.body.results })
    expect(readSession(metaMap(editor.doc)).vote).toBeNull()
    expect((await ballot(b, 'shape:r2')).body).toMatchObject({ code: 'vote_closed' })
    expect((await call(board, f, 'POST', `/votes/${vote}/close`)).status).toBe(200) // closing again changes nothing
    expect((await call<VoteJson[]>(board, board.tokens.viewer, 'GET', '/votes')).body).toHaveLength(1)

    // Results are the server's to write: a client forging them is refused, and nothing changes.
    const forger = await SyncClient.connect(server.url, board.id, board.tokens.facilitator)
    metaMap(forger.doc).set('votes', [{ ...closed.body, results: [{ shapeId: 'shape:r3', votes: 99 }] }])
    expect((await forger.closed).code).toBe(CloseCode.invalidContent)
    const look = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    expect(readClosedVotes(metaMap(look.doc))[0]?.results).toEqual(closed.body.results)
    await Promise.all([editor.close(), look.close()])
  })

  it('keeps the results through a restore of an older snapshot, and lets a new vote open', async () => {
    const { board, editor } = await boardWithCards()
    const f = board.tokens.facilitator
    const snapshot = await call<{ id: string }>(board, f, 'POST', '/snapshots', { label: 'voor' })
    const vote = (await call<VoteJson>(board, f, 'POST', '/votes', { perParticipant: 1 })).body.id
    await call(board, board.tokens.editor, 'POST', `/votes/${vote}/ballots`, { draftKey: newKey(), shapeId: 'shape:l1' })
    await call(board, f, 'POST', `/votes/${vote}/close`)
    // The history keeps what each snapshot showed: the results taken after the vote, none before it.
    const after = await call<{ id: string }>(board, f, 'POST', '/snapshots', { label: 'na' })
    const opened = await call<{ votes: { results: unknown }[]; records: unknown[] }>(board, f, 'GET', `/snapshots/${after.body.id}`)
    expect(opened.body.votes.map((past) => past.results)).toEqual([[{ shapeId: 'shape:l1', votes: 1 }]])
    expect(opened.body.records.length).toBeGreaterThan(4)
    expect((await call<{ votes: unknown[] }>(board, f, 'GET', `/snapshots/${snapshot.body.id}`)).body.votes).toEqual([])
    expect((await call(board, f, 'POST', `/snapshots/${snapshot.body.id}/restore`)).status).toBe(200)
    const late = await SyncClient.connect(server.url, board.id, board.tokens.viewer)
    expect(readClosedVotes(metaMap(late.doc))[0]?.results).toEqual([{ shapeId: 'shape:l1', votes: 1 }])
    expect((await call(board, f, 'POST', '/votes', { perParticipant: 3 })).status).toBe(201)
    expect((await call(board, f, 'GET', '/votes/onbekend-id')).status).toBe(404)

    // A follow-up board forked while a vote and a silent round ran starts its own session: it keeps
    // the closed vote's results, not the open vote or the round.
    expect((await call(board, f, 'POST', '/drafts/silent-round', {})).status).toBe(200)
    const during = await call<{ id: string }>(board, f, 'POST', '/snapshots', { label: 'tijdens' })
    const fork = await call<CreatedBoard>(board, f, 'POST', `/snapshots/${during.body.id}/fork`, {})
    expect(fork.status).toBe(201)
    const followUp = await SyncClient.connect(server.url, fork.body.id, fork.body.tokens.viewer)
    expect(readSession(metaMap(followUp.doc))).toEqual({ silentRound: null, drafts: [], vote: null })
    expect(readClosedVotes(metaMap(followUp.doc))).toHaveLength(1)
    await followUp.close()
    expect((await call(board, f, 'POST', '/votes', { perParticipant: 0 })).status).toBe(400)
    await Promise.all([editor.close(), late.close()])
  })
})
