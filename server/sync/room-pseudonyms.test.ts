/**
 * Pseudonyms on an anonymous board served by two processes: two Rooms of one board whose
 * awareness changes reach each other as over the room bus (at once, or held back to make both
 * processes number a newcomer at the same moment).
 */
import * as awarenessProtocol from 'y-protocols/awareness'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { FakePeer } from '../testing/fake-peer.ts'
import { awarenessMessage } from './messages.ts'
import { Room } from './room.ts'

/** A room of an anonymous board whose awareness changes go to `publish`. */
function processRoom(publish: (update: Uint8Array) => void): Room {
  return new Room(
    'bord',
    new Y.Doc(),
    { onUpdate: () => {}, whenStored: (send) => send(), onAwareness: (_, update) => publish(update), onEmpty: () => {} },
    true,
  )
}

/** Two processes; `held` keeps their messages back until `deliver()`. */
function twoProcesses() {
  const held: (() => void)[] = []
  let holding = false
  let one: Room | null = null
  let two: Room | null = null
  const send = (to: () => Room | null) => (update: Uint8Array) => {
    const deliver = () => to()!.applyAwarenessFromElsewhere(update)
    if (holding) held.push(deliver)
    else deliver()
  }
  one = processRoom(send(() => two))
  two = processRoom(send(() => one))
  return {
    one,
    two,
    hold: () => (holding = true),
    deliver: () => {
      holding = false
      for (const deliver of held.splice(0)) deliver()
    },
  }
}

/** A participant with a client id of our choosing who joins `room` and says who they are. */
function participant(room: Room, clientId: number): void {
  const peer = new FakePeer()
  peer.doc.clientID = clientId
  room.addPeer(peer)
  const awareness = new awarenessProtocol.Awareness(peer.doc)
  awareness.setLocalState({ user: { name: `Echte naam ${clientId}`, color: '#123456' } })
  room.receive(peer, awarenessMessage(awareness, [clientId]))
  awareness.destroy()
}

const names = (room: Room) =>
  Object.fromEntries([...room.awareness.getStates()].map(([id, state]) => [id, (state as { user: { name: string } }).user.name]))

describe('pseudonyms across processes', () => {
  it('numbers a newcomer past the numbers other processes gave', () => {
    const { one, two } = twoProcesses()
    participant(one, 100)
    participant(two, 200)
    participant(one, 300)
    const expected = { 100: 'Deelnemer 1', 200: 'Deelnemer 2', 300: 'Deelnemer 3' }
    expect(names(one)).toEqual(expected)
    expect(names(two)).toEqual(expected)
  })

  it('settles two newcomers numbered alike at the same moment: the higher client id moves on', () => {
    const { one, two, hold, deliver } = twoProcesses()
    hold()
    participant(one, 500)
    participant(two, 400)
    expect(names(one)).toEqual({ 500: 'Deelnemer 1' })
    expect(names(two)).toEqual({ 400: 'Deelnemer 1' })
    deliver()
    const expected = { 400: 'Deelnemer 1', 500: 'Deelnemer 2' }
    expect(names(one)).toEqual(expected)
    expect(names(two)).toEqual(expected)
  })
})
