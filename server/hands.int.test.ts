/**
 * Hands and reactions travel as awareness (never stored): the server stamps each state with the
 * role of the connection it came on, keeps `lowered` only from a facilitator, and drops malformed
 * session fields, on open and anonymous boards alike.
 */
import { describe, expect, it } from 'vitest'
import { createBoard } from './testing/api-client.ts'
import { serverForFile } from './testing/server-for-file.ts'
import { SyncClient } from './testing/sync-client.ts'

const server = serverForFile({ ROOM_IDLE_MS: '0' })
const NAME = 'Zwaantje Vermeulen-Oudshoorn'

type State = Record<string, unknown>
/** Resolves with `of`'s state as `observer` sees it, once `check` holds for it. */
async function seen(observer: SyncClient, of: SyncClient, check: (state: State) => boolean): Promise<State> {
  const stateOf = (states: Map<number, State>) => states.get(of.awareness.clientID)
  await observer.waitForAwareness((states) => {
    const state = stateOf(states)
    return state !== undefined && check(state)
  })
  return stateOf(observer.awareness.getStates() as Map<number, State>)!
}

describe('hands and reactions in awareness', () => {
  it("relays an editor as editor however it claims otherwise, and only a facilitator's lowered hands", async () => {
    const board = await createBoard(server.url, { title: 'Handen' })
    const facilitator = await SyncClient.connect(server.url, board.id, board.tokens.facilitator)
    const editor = await SyncClient.connect(server.url, board.id, board.tokens.editor)
    const viewer = await SyncClient.connect(server.url, board.id, board.tokens.viewer)

    editor.awareness.setLocalState({
      user: { name: 'Bram', color: '#1971c2' },
      role: 'facilitator',
      hand: { raisedAt: 1000 },
      lowered: { [String(viewer.awareness.clientID)]: 2000 },
      reaction: { emoji: '🔥', n: 1 },
    })
    const forged = await seen(facilitator, editor, (state) => state.hand !== undefined)
    expect(forged).toEqual({ user: { name: 'Bram', color: '#1971c2' }, role: 'editor', hand: { raisedAt: 1000 } })

    viewer.awareness.setLocalState({ user: { name: 'Cas', color: '#2f9e44' }, hand: { raisedAt: 2000 }, reaction: { emoji: '👍', n: 1 } })
    expect(await seen(facilitator, viewer, (state) => state.hand !== undefined)).toEqual({
      user: { name: 'Cas', color: '#2f9e44' },
      role: 'viewer',
      hand: { raisedAt: 2000 },
      reaction: { emoji: '👍', n: 1 },
    })

    facilitator.awareness.setLocalState({ user: { name: 'Fien', color: '#e03131' }, lowered: { [String(editor.awareness.clientID)]: 1000 } })
    const lowering = await seen(editor, facilitator, (state) => state.lowered !== undefined)
    expect(lowering).toEqual({ user: { name: 'Fien', color: '#e03131' }, role: 'facilitator', lowered: { [String(editor.awareness.clientID)]: 1000 } })

    await Promise.all([facilitator.close(), editor.close(), viewer.close()])
  })

  it('shows hands and reactions on anonymous boards under pseudonyms only', async () => {
    const board = await createBoard(server.url, { title: 'Chatham House', anonymous: true })
    const facilitator = await SyncClient.connect(server.url, board.id, board.tokens.facilitator)
    const editor = await SyncClient.connect(server.url, board.id, board.tokens.editor)

    editor.awareness.setLocalState({ user: { name: NAME, color: '#1971c2' }, presence: null, hand: { raisedAt: 1000 }, reaction: { emoji: '💡', n: 2 } })
    const state = await seen(facilitator, editor, (s) => s.hand !== undefined)
    expect(state).toEqual({ user: { name: 'Deelnemer 1', color: '#1971c2' }, presence: null, hand: { raisedAt: 1000 }, reaction: { emoji: '💡', n: 2 }, role: 'editor' })
    expect(JSON.stringify([...facilitator.awareness.getStates().values()])).not.toContain(NAME)

    await Promise.all([facilitator.close(), editor.close()])
  })
})
