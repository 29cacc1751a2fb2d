/**
 * The session fields of awareness (hands, reactions, following, lowered) as a room keeps and
 * relays them: `role` from the connection, on this process and after the room bus.
 */
import * as awarenessProtocol from 'y-protocols/awareness'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Role } from '../../shared/roles.ts'
import { FakePeer } from '../testing/fake-peer.ts'
import { awarenessMessage } from './messages.ts'
import { Room } from './room.ts'

function room(anonymous: boolean, publish: (update: Uint8Array) => void = () => {}): Room {
  return new Room('bord', new Y.Doc(), { onUpdate: () => {}, whenStored: (send) => send(), onAwareness: (_, update) => publish(update), onEmpty: () => {} }, anonymous)
}

/** A client of `role` with a client id of our choosing who joins and publishes `state`. */
function join(target: Room, clientId: number, role: Role, state: Record<string, unknown>): void {
  const peer = new FakePeer(role)
  peer.doc.clientID = clientId
  target.addPeer(peer)
  const awareness = new awarenessProtocol.Awareness(peer.doc)
  awareness.setLocalState(state)
  target.receive(peer, awarenessMessage(awareness, [clientId]))
  awareness.destroy()
}

const stateOf = (target: Room, clientId: number) => target.awareness.getStates().get(clientId)
const user = { name: 'Anna de Vries', color: '#123456' }

describe('session fields in awareness', () => {
  it('stamps each state with its connection role, whatever the client claimed', () => {
    const open = room(false)
    join(open, 1, 'editor', { user, role: 'facilitator' })
    join(open, 2, 'facilitator', { user })
    join(open, 3, 'viewer', { user, role: 'editor', hand: { raisedAt: 10 } })
    expect(stateOf(open, 1)).toEqual({ user, role: 'editor' })
    expect(stateOf(open, 2)).toEqual({ user, role: 'facilitator' })
    expect(stateOf(open, 3)).toEqual({ user, role: 'viewer', hand: { raisedAt: 10 } })
  })

  it("keeps a facilitator's lowered hands and drops an editor's; a bad reaction goes, the rest stays", () => {
    const open = room(false)
    join(open, 1, 'editor', { user, lowered: { '2': 10 }, reaction: { emoji: '🔥', n: 1 }, hand: { raisedAt: 20 } })
    join(open, 2, 'facilitator', { user, lowered: { '1': 20 }, reaction: { emoji: '👍', n: 4 } })
    expect(stateOf(open, 1)).toEqual({ user, hand: { raisedAt: 20 }, role: 'editor' })
    expect(stateOf(open, 2)).toEqual({ user, lowered: { '1': 20 }, reaction: { emoji: '👍', n: 4 }, role: 'facilitator' })
  })

  it('keeps the session fields under a pseudonym on anonymous boards', () => {
    const anonymous = room(true)
    join(anonymous, 1, 'editor', { user, presence: null, hand: { raisedAt: 30 }, reaction: { emoji: '❓', n: 1 }, following: true, role: 'facilitator' })
    expect(stateOf(anonymous, 1)).toEqual({
      user: { name: 'Deelnemer 1', color: '#123456' },
      presence: null,
      hand: { raisedAt: 30 },
      reaction: { emoji: '❓', n: 1 },
      following: true,
      role: 'editor',
    })
  })

  it('relays the stamped role to other processes, and renumbering a clashing pseudonym keeps it', () => {
    const held: (() => void)[] = []
    let one: Room | null = null
    let two: Room | null = null
    one = room(true, (update) => held.push(() => two!.applyAwarenessFromElsewhere(update)))
    two = room(true, (update) => held.push(() => one!.applyAwarenessFromElsewhere(update)))
    // Both number their newcomer 1 before hearing of the other's: 500 is renumbered on one.
    join(one, 500, 'facilitator', { user, lowered: { '400': 1 }, role: 'viewer' })
    join(two, 400, 'editor', { user, hand: { raisedAt: 40 }, role: 'facilitator' })
    while (held.length > 0) held.shift()!()
    for (const process of [one, two]) {
      expect(stateOf(process, 500)).toEqual({ user: { name: 'Deelnemer 2', color: '#123456' }, lowered: { '400': 1 }, role: 'facilitator' })
      expect(stateOf(process, 400)).toEqual({ user: { name: 'Deelnemer 1', color: '#123456' }, hand: { raisedAt: 40 }, role: 'editor' })
    }
  })
})
