import { CameraRecordType, InstancePageStateRecordType, PointerRecordType, TLINSTANCE_ID, TLPOINTER_ID, type TLInstancePresence, type TLStore } from '@tldraw/tlschema'
import { atom, createTLStore, defaultBindingUtils, defaultShapeUtils } from 'tldraw'
import { afterEach, describe, expect, it } from 'vitest'
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { bindPresence, editingShapeOf, presenceIdFor, type AwarenessState, type PresenceUser } from './presence.ts'
import { initialRecords, PAGE_ID } from './test-records.ts'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

/** A store with the session records an editor would create (instance, page state, camera, pointer). */
function editorLikeStore(): TLStore {
  const store = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
  store.put([
    ...initialRecords(),
    store.schema.types.instance.create({ id: TLINSTANCE_ID, currentPageId: PAGE_ID }),
    InstancePageStateRecordType.create({ id: InstancePageStateRecordType.createId(PAGE_ID), pageId: PAGE_ID }),
    CameraRecordType.create({ id: CameraRecordType.createId(PAGE_ID) }),
    PointerRecordType.create({ id: TLPOINTER_ID, x: 10, y: 20 }),
  ])
  return store
}

/** Awareness relayed between peers, the way the websocket server relays it. */
function network(...peers: Awareness[]) {
  for (const from of peers) {
    from.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin === 'network') return
      const update = encodeAwarenessUpdate(from, [...added, ...updated, ...removed])
      for (const to of peers) if (to !== from) applyAwarenessUpdate(to, update, 'network')
    })
  }
}

function participant(user: PresenceUser | null, hideNames = false) {
  const doc = new Y.Doc()
  const awareness = new Awareness(doc)
  const store = editorLikeStore()
  const $user = atom<PresenceUser | null>('user', user)
  const $hide = atom('hide', hideNames)
  const errors: unknown[] = []
  const dispose = bindPresence(store, awareness, { user: $user, hideNames: $hide, schedule: (publish) => publish(), onError: (e) => errors.push(e) })
  cleanups.push(() => {
    dispose()
    awareness.destroy()
  })
  return { doc, awareness, store, $user, $hide, dispose, errors }
}

function presences(store: TLStore): TLInstancePresence[] {
  return store.allRecords().filter((record): record is TLInstancePresence => record.typeName === 'instance_presence')
}

describe('bindPresence', () => {
  it('publishes the contract state: user name and colour plus the tldraw presence', () => {
    const anna = participant({ id: 'anna-device', name: 'Anna', color: '#1565c0' })
    const state = anna.awareness.getLocalState() as AwarenessState
    expect(state.user).toEqual({ name: 'Anna', color: '#1565c0' })
    expect(state.presence).toMatchObject({ userName: 'Anna', userId: 'anna-device', color: '#1565c0', currentPageId: PAGE_ID, cursor: { x: 10, y: 20 } })
  })

  it("shows each participant the other's cursor with name and colour, and never their own", () => {
    const anna = participant({ id: 'a', name: 'Anna', color: '#1565c0' })
    const bram = participant({ id: 'b', name: 'Bram', color: '#2e7d32' })
    network(anna.awareness, bram.awareness)
    // Bram moves; his new presence reaches Anna.
    bram.store.put([{ ...bram.store.get(TLPOINTER_ID)!, x: 300, y: 400 }])
    anna.store.put([{ ...anna.store.get(TLPOINTER_ID)!, x: 1, y: 2 }])

    expect(presences(anna.store)).toEqual([
      expect.objectContaining({ id: presenceIdFor(bram.awareness.clientID), userName: 'Bram', color: '#2e7d32', cursor: expect.objectContaining({ x: 300, y: 400 }) }),
    ])
    expect(presences(bram.store)).toEqual([expect.objectContaining({ userName: 'Anna', cursor: expect.objectContaining({ x: 1, y: 2 }) })])
  })

  it('keeps the fields others set on the local state (a raised hand, a reaction) when the cursor moves and when unbound', () => {
    const anna = participant({ id: 'a', name: 'Anna', color: '#1565c0' })
    anna.awareness.setLocalStateField('hand', { raisedAt: 5 })
    anna.awareness.setLocalStateField('reaction', { emoji: '👍', n: 1 })
    anna.store.put([{ ...anna.store.get(TLPOINTER_ID)!, x: 300, y: 400 }])
    expect(anna.awareness.getLocalState()).toMatchObject({ hand: { raisedAt: 5 }, reaction: { emoji: '👍', n: 1 }, presence: { cursor: { x: 300, y: 400 } } })
    anna.dispose()
    expect(anna.awareness.getLocalState()).toMatchObject({ hand: { raisedAt: 5 }, presence: null })
  })

  it('removes a cursor when its awareness disappears', () => {
    const anna = participant({ id: 'a', name: 'Anna', color: '#1565c0' })
    const bram = participant({ id: 'b', name: 'Bram', color: '#2e7d32' })
    network(anna.awareness, bram.awareness)
    bram.store.put([{ ...bram.store.get(TLPOINTER_ID)!, x: 5, y: 5 }])
    expect(presences(anna.store)).toHaveLength(1)
    // What y-websocket does when the connection drops or the peer times out.
    removeAwarenessStates(anna.awareness, [bram.awareness.clientID], 'network')
    expect(presences(anna.store)).toHaveLength(0)
  })

  it('publishes no cursor until the name is known', () => {
    const anna = participant(null)
    const bram = participant({ id: 'b', name: 'Bram', color: '#2e7d32' })
    network(anna.awareness, bram.awareness)
    anna.store.put([{ ...anna.store.get(TLPOINTER_ID)!, x: 7, y: 7 }])
    expect(presences(bram.store)).toHaveLength(0)
    anna.$user.set({ id: 'a', name: 'Anna', color: '#1565c0' })
    expect(presences(bram.store)).toEqual([expect.objectContaining({ userName: 'Anna' })])
  })

  it('on an anonymous board sends no name or stable id, and blanks names others send', () => {
    const anna = participant({ id: 'anna-device', name: 'Anna', color: '#1565c0' }, true)
    const bram = participant({ id: 'bram-device', name: 'Bram', color: '#2e7d32' }, false)
    network(anna.awareness, bram.awareness)
    anna.store.put([{ ...anna.store.get(TLPOINTER_ID)!, x: 8, y: 8 }])
    bram.store.put([{ ...bram.store.get(TLPOINTER_ID)!, x: 9, y: 9 }])

    const sent = JSON.stringify(anna.awareness.getLocalState())
    expect(sent).not.toContain('Anna')
    expect(sent).not.toContain('anna-device')
    // Bram's client still sends his name (stale settings); Anna's store never shows it.
    expect(presences(anna.store)).toEqual([expect.objectContaining({ userName: '' })])
    expect(JSON.stringify(presences(anna.store))).not.toContain('bram-device')

    // The server's pseudonym is what an anonymous board shows.
    bram.awareness.setLocalStateField('user', { name: 'Deelnemer 2', color: '#2e7d32' })
    expect(presences(anna.store)).toEqual([expect.objectContaining({ userName: 'Deelnemer 2' })])
    bram.awareness.setLocalStateField('user', { name: 'Deelnemer 2 (Bram)', color: '#2e7d32' })
    expect(presences(anna.store)).toEqual([expect.objectContaining({ userName: '' })])
  })

  it('ignores a malformed presence without breaking the others', () => {
    const anna = participant({ id: 'a', name: 'Anna', color: '#1565c0' })
    const rogue = new Awareness(new Y.Doc())
    cleanups.push(() => rogue.destroy())
    const bram = participant({ id: 'b', name: 'Bram', color: '#2e7d32' })
    network(anna.awareness, rogue, bram.awareness)
    rogue.setLocalState({ user: { name: 'X', color: 'red' }, presence: { cursor: 'nonsense' } })
    bram.store.put([{ ...bram.store.get(TLPOINTER_ID)!, x: 3, y: 3 }])
    expect(presences(anna.store).map((p) => p.userName)).toEqual(['Bram'])
    expect(anna.errors.length).toBeGreaterThan(0)
  })

  it('withdraws our cursor and clears theirs on dispose', () => {
    const anna = participant({ id: 'a', name: 'Anna', color: '#1565c0' })
    const bram = participant({ id: 'b', name: 'Bram', color: '#2e7d32' })
    network(anna.awareness, bram.awareness)
    bram.store.put([{ ...bram.store.get(TLPOINTER_ID)!, x: 3, y: 3 }])
    anna.store.put([{ ...anna.store.get(TLPOINTER_ID)!, x: 4, y: 4 }])
    anna.dispose()
    expect(presences(anna.store)).toHaveLength(0)
    expect(presences(bram.store)).toHaveLength(0)
  })

  it("tells the others which card someone is editing, and when they stop", () => {
    const anna = participant({ id: 'a', name: 'Anna', color: '#1565c0' })
    const bram = participant({ id: 'b', name: 'Bram', color: '#2e7d32' })
    network(anna.awareness, bram.awareness)
    const pageState = InstancePageStateRecordType.createId(PAGE_ID)
    anna.store.put([{ ...anna.store.get(pageState)!, editingShapeId: 'shape:card1' as never }])
    expect((anna.awareness.getLocalState() as AwarenessState).editing).toBe('shape:card1')
    expect(presences(bram.store).map(editingShapeOf)).toEqual(['shape:card1'])
    anna.store.put([{ ...anna.store.get(pageState)!, editingShapeId: null }])
    expect(presences(bram.store).map(editingShapeOf)).toEqual([null])
  })

  it('never names a private shape (my draft card) as selected or being edited', () => {
    const doc = new Y.Doc()
    const awareness = new Awareness(doc)
    const store = editorLikeStore()
    const $private = atom<ReadonlySet<string>>('private', new Set(['shape:draft']))
    const dispose = bindPresence(store, awareness, { user: atom('user', { id: 'a', name: 'Anna', color: '#1565c0' }), schedule: (publish) => publish(), privateShapes: $private })
    cleanups.push(() => {
      dispose()
      awareness.destroy()
    })
    const pageState = InstancePageStateRecordType.createId(PAGE_ID)
    store.put([{ ...store.get(pageState)!, selectedShapeIds: ['shape:draft', 'shape:open'] as never, editingShapeId: 'shape:draft' as never }])
    const published = () => awareness.getLocalState() as AwarenessState
    expect(published().presence?.selectedShapeIds).toEqual(['shape:open'])
    expect(published().editing).toBeNull()
    expect(JSON.stringify(published())).not.toContain('shape:draft')
    // Revealed, it is a board card like any other: the others may know it is being edited.
    $private.set(new Set())
    expect(published().presence?.selectedShapeIds).toEqual(['shape:draft', 'shape:open'])
    expect(published().editing).toBe('shape:draft')
  })

  it('ignores an editing field that is no shape id, and a meta a peer sent', () => {
    const anna = participant({ id: 'a', name: 'Anna', color: '#1565c0' })
    const rogue = new Awareness(new Y.Doc())
    cleanups.push(() => rogue.destroy())
    network(anna.awareness, rogue)
    const presence = { ...(anna.awareness.getLocalState() as AwarenessState).presence!, meta: { editing: 'shape:x', secret: 1 } }
    rogue.setLocalState({ user: { name: 'R', color: '#2e7d32' }, presence, editing: '<img src=x>' })
    expect(presences(anna.store).map((p) => p.meta)).toEqual([{ editing: null }])
  })

  it('draws two people who prefer the same colour in different colours, the same for everyone', () => {
    const anna = participant({ id: 'a', name: 'Anna', color: '#1565C0' })
    const bram = participant({ id: 'b', name: 'Bram', color: '#1565C0' })
    const cor = participant({ id: 'c', name: 'Cor', color: '#2E7D32' })
    network(anna.awareness, bram.awareness, cor.awareness)
    for (const p of [anna, bram, cor]) p.store.put([{ ...p.store.get(TLPOINTER_ID)!, x: 1, y: 1 }])
    const colorOf = (seen: typeof anna, of: typeof anna) => presences(seen.store).find((p) => p.id === presenceIdFor(of.awareness.clientID))?.color
    expect(colorOf(cor, anna)).not.toBe(colorOf(cor, bram))
    expect(colorOf(cor, anna)).toBe(colorOf(bram, anna))
    expect(colorOf(cor, bram)).toBe(colorOf(anna, bram))
    expect(colorOf(anna, cor)).toBe('#2E7D32')
  })
})
