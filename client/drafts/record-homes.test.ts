/**
 * One store bound to two docs, the board and my draft (sync/binding.ts with drafts/record-homes.ts),
 * against a "server" that holds both docs and reveals the way the real one does.
 */
import { createTLSchema, type TLRecord, type TLShapeId, type TLStore } from '@tldraw/tlschema'
import { createTLStore, defaultBindingUtils, defaultShapeUtils } from 'tldraw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { metaMap, readRecords, recordsKeyValue, SCHEMA_KEY, writeRecords, type StoredRecord } from '../../shared/doc-layout.ts'
import { bindStoreToDoc } from '../sync/binding.ts'
import { arrow, arrowBinding, box, initialRecords, note } from '../sync/test-records.ts'
import { createRecordHomes, DEFAULT_REVEAL_GRACE_MS, type NewCardHome, type RecordHomes } from './record-homes.ts'

const NET = 'network'
const cleanups: Array<() => void> = []
beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  vi.useRealTimers()
})

const makeStore = (): TLStore => createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })

function serverBoard(): Y.Doc {
  const doc = new Y.Doc()
  const kv = recordsKeyValue(doc)
  doc.transact(() => {
    for (const record of initialRecords()) kv.set(record.id, record as unknown as StoredRecord)
    metaMap(doc).set(SCHEMA_KEY, createTLSchema().serialize())
  })
  return doc
}

/** Sends what `to` is missing of `from` (one direction of the provider's sync). */
function send(from: Y.Doc, to: Y.Doc) {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), NET)
}
function sync(a: Y.Doc, b: Y.Doc) {
  send(a, b)
  send(b, a)
}

/** A participant's browser: one store, bound to its copy of the board and to its draft. */
function participant(server: { board: Y.Doc }, mode: { home: NewCardHome }, draftServer: Y.Doc = new Y.Doc()) {
  const board = new Y.Doc()
  send(server.board, board)
  const draft = new Y.Doc()
  send(draftServer, draft)
  const store = makeStore()
  const homes = createRecordHomes(store, { newCards: () => mode.home })
  const boardBinding = bindStoreToDoc(store, board, { homes: { homes, part: 'board' } })
  const draftBinding = bindStoreToDoc(store, draft, { homes: { homes, part: 'draft' } })
  cleanups.push(() => {
    draftBinding.dispose()
    boardBinding.dispose()
    homes.dispose()
  })
  return { board, draft, draftServer, store, homes, boardBinding, draftBinding }
}

/** Someone who only has the board (another participant's screen, as far as the board goes). */
function onlooker(server: { board: Y.Doc }) {
  const board = new Y.Doc()
  send(server.board, board)
  const store = makeStore()
  const binding = bindStoreToDoc(store, board)
  cleanups.push(() => binding.dispose())
  return { board, store }
}

function edit(store: TLStore, fn: () => void) {
  fn()
  store._flushHistory()
}

const ids = (doc: Y.Doc) => readRecords(doc).filter((record) => record.typeName === 'shape').map((record) => record.id).sort()
const shown = (store: TLStore, id: string) => store.get(id as TLShapeId)
const marked = (homes: RecordHomes) => [...homes.draftIds.get()].sort()

/** What the server's reveal does: the cards onto the board in one update, then out of the draft. */
function serverReveal(board: Y.Doc, draft: Y.Doc, cardIds: readonly string[]) {
  const cards = readRecords(draft).filter((record) => cardIds.includes(record.id))
  writeRecords(board, { put: cards.map((card) => ({ ...card, meta: {} })) })
  writeRecords(draft, { remove: cards.map((card) => card.id) })
}

function setup(home: NewCardHome = 'draft') {
  const server = { board: serverBoard(), draft: new Y.Doc() }
  const mode = { home }
  const me = participant(server, mode, server.draft)
  const other = onlooker(server)
  const toServer = () => {
    sync(me.board, server.board)
    sync(me.draft, server.draft)
    sync(other.board, server.board)
  }
  return { server, mode, me, other, toServer }
}

describe('one store on the board and a draft', () => {
  it('puts a new card in the draft while drafting, where nobody else gets it', () => {
    const { server, me, other, toServer } = setup('draft')
    edit(me.store, () => me.store.put([note('mine', 'Alleen voor mij', 100, 100)]))
    toServer()
    expect(ids(me.draft)).toEqual(['shape:mine'])
    expect(ids(server.draft)).toEqual(['shape:mine'])
    expect(ids(me.board)).toEqual([])
    expect(ids(server.board)).toEqual([])
    expect(shown(other.store, 'shape:mine')).toBeUndefined()
    expect(shown(me.store, 'shape:mine')).toBeTruthy()
    expect(marked(me.homes)).toEqual(['shape:mine'])
  })

  it('puts cards on the board when not drafting, and non-cards on the board always', () => {
    const { mode, me, other, toServer } = setup('board')
    edit(me.store, () => me.store.put([note('open', 'Voor iedereen')]))
    mode.home = 'draft'
    const from = box('from', 0, 0)
    const link = arrow('link')
    edit(me.store, () => me.store.put([from, link, arrowBinding('b1', link.id, from.id, 'start')]))
    toServer()
    // The box is a card (geo), so it is drafted; the arrow is no card: the board, with its binding
    // to the drafted box kept on this screen (the board must not point at what others can't see).
    expect(ids(me.board)).toEqual(['shape:link', 'shape:open'])
    expect(ids(me.draft)).toEqual(['shape:from'])
    expect(readRecords(me.board).some((record) => record.typeName === 'binding')).toBe(false)
    expect(shown(other.store, 'shape:open')).toBeTruthy()
    expect(marked(me.homes)).toEqual(['shape:from'])
  })

  it('marks a prepared card in the store and in the draft', () => {
    const { me } = setup('prepared')
    edit(me.store, () => me.store.put([note('moment', 'Moment 1')]))
    expect(shown(me.store, 'shape:moment')?.meta).toEqual({ prepared: true })
    expect(recordsKeyValue(me.draft).get('shape:moment')?.meta).toEqual({ prepared: true })
  })

  it('makes a copy of a prepared card an ordinary card outside "Voorbereiden"', () => {
    const { mode, me } = setup('board')
    edit(me.store, () => me.store.put([{ ...note('copy', 'Kopie'), meta: { prepared: true } }]))
    expect(shown(me.store, 'shape:copy')?.meta).toEqual({})
    expect(recordsKeyValue(me.board).get('shape:copy')?.meta).toEqual({})
    mode.home = 'draft'
    edit(me.store, () => me.store.put([{ ...note('copy2', 'Kopie'), meta: { prepared: true, kind: 'moment' } }]))
    expect(recordsKeyValue(me.draft).get('shape:copy2')?.meta).toEqual({ kind: 'moment' })
  })

  it('keeps a draft card in the draft when it is edited, moved into a frame or drafting stops', () => {
    const { server, mode, me, other, toServer } = setup('draft')
    edit(me.store, () => me.store.put([note('mine', 'Eerste versie')]))
    mode.home = 'board'
    edit(me.store, () => me.store.update('shape:mine' as TLShapeId, (shape) => ({ ...shape, x: 500, parentId: 'shape:frame' as TLShapeId })))
    toServer()
    expect(recordsKeyValue(server.draft).get('shape:mine')).toMatchObject({ x: 500, parentId: 'shape:frame' })
    expect(ids(server.board)).toEqual([])
    expect(shown(other.store, 'shape:mine')).toBeUndefined()
    expect(marked(me.homes)).toEqual(['shape:mine'])
  })

  it('writes nothing to the draft that the server would refuse (a locked card)', () => {
    const { me } = setup('draft')
    edit(me.store, () => me.store.put([note('mine', 'x')]))
    edit(me.store, () => me.store.update('shape:mine' as TLShapeId, (shape) => ({ ...shape, isLocked: true })))
    expect(recordsKeyValue(me.draft).get('shape:mine')?.isLocked).toBe(false)
    expect(ids(me.board)).toEqual([])
  })

  it('undoes the creation of a draft card in the draft only, and redoes it there', () => {
    const { mode, me } = setup('draft')
    const boardUpdates: Uint8Array[] = []
    me.board.on('update', (update: Uint8Array) => boardUpdates.push(update))
    const card = note('mine', 'Oeps')
    edit(me.store, () => me.store.put([card]))
    mode.home = 'board'
    // What tldraw's undo and redo do to the store: remove the record, then put it back.
    edit(me.store, () => me.store.remove([card.id]))
    expect(ids(me.draft)).toEqual([])
    edit(me.store, () => me.store.put([card]))
    expect(ids(me.draft)).toEqual(['shape:mine'])
    expect(boardUpdates).toHaveLength(0)
  })

  it('undoes the deletion of a board card onto the board, even while drafting', () => {
    const { mode, me, other, toServer } = setup('board')
    const card = note('open', 'Voor iedereen')
    edit(me.store, () => me.store.put([card]))
    mode.home = 'draft'
    edit(me.store, () => me.store.remove([card.id]))
    edit(me.store, () => me.store.put([card]))
    toServer()
    expect(ids(me.board)).toEqual(['shape:open'])
    expect(ids(me.draft)).toEqual([])
    expect(shown(other.store, 'shape:open')).toBeTruthy()
  })

  describe('a reveal, which reaches the board and the draft over two sockets', () => {
    function drafted() {
      const context = setup('draft')
      edit(context.me.store, () => context.me.store.put([note('mine', 'Mijn idee', 40, 40)]))
      context.toServer()
      serverReveal(context.server.board, context.server.draft, ['shape:mine'])
      return context
    }

    it('keeps the card on screen when the board gets it first', () => {
      const { server, me, other, toServer } = drafted()
      send(server.board, me.board)
      expect(shown(me.store, 'shape:mine')).toBeTruthy()
      expect(marked(me.homes)).toEqual([])
      send(server.draft, me.draft)
      expect(shown(me.store, 'shape:mine')).toBeTruthy()
      vi.advanceTimersByTime(DEFAULT_REVEAL_GRACE_MS * 2)
      expect(shown(me.store, 'shape:mine')).toBeTruthy()
      // From now on it is a board card: my edits reach the others.
      edit(me.store, () => me.store.update('shape:mine' as TLShapeId, (shape) => ({ ...shape, x: 300 })))
      toServer()
      expect(shown(other.store, 'shape:mine')?.x).toBe(300)
      expect(ids(me.draft)).toEqual([])
    })

    it('keeps the card on screen when the draft lets go of it first', () => {
      const { server, me, other, toServer } = drafted()
      send(server.draft, me.draft)
      expect(shown(me.store, 'shape:mine')).toBeTruthy()
      // Still mine only until the board has it.
      expect(marked(me.homes)).toEqual(['shape:mine'])
      vi.advanceTimersByTime(DEFAULT_REVEAL_GRACE_MS / 2)
      send(server.board, me.board)
      expect(shown(me.store, 'shape:mine')).toBeTruthy()
      expect(marked(me.homes)).toEqual([])
      vi.advanceTimersByTime(DEFAULT_REVEAL_GRACE_MS * 2)
      expect(shown(me.store, 'shape:mine')).toBeTruthy()
      edit(me.store, () => me.store.update('shape:mine' as TLShapeId, (shape) => ({ ...shape, x: 300 })))
      toServer()
      expect(shown(other.store, 'shape:mine')?.x).toBe(300)
      expect(ids(server.draft)).toEqual([])
    })

    it('does not write a card back into the draft while it waits for the board', () => {
      const { server, me } = drafted()
      send(server.draft, me.draft)
      edit(me.store, () => me.store.update('shape:mine' as TLShapeId, (shape) => ({ ...shape, x: 999 })))
      expect(ids(me.draft)).toEqual([])
      expect(ids(me.board)).toEqual([])
    })

    it('removes a card the draft dropped when the board never takes it (deleted in another tab)', () => {
      const { server, me } = setup('draft')
      edit(me.store, () => me.store.put([note('mine', 'Weg ermee')]))
      sync(me.draft, server.draft)
      writeRecords(server.draft, { remove: ['shape:mine'] })
      send(server.draft, me.draft)
      expect(shown(me.store, 'shape:mine')).toBeTruthy()
      vi.advanceTimersByTime(DEFAULT_REVEAL_GRACE_MS)
      expect(shown(me.store, 'shape:mine')).toBeUndefined()
      expect(marked(me.homes)).toEqual([])
    })
  })

  it('shows the draft copy when the board lets go of a card both hold (after a crash mid-reveal)', () => {
    const { server, me } = setup('draft')
    edit(me.store, () => me.store.put([note('mine', 'Beide', 10, 10)]))
    sync(me.draft, server.draft)
    writeRecords(server.board, { put: [{ ...recordsKeyValue(server.draft).get('shape:mine')!, x: 77 }] })
    send(server.board, me.board)
    expect(shown(me.store, 'shape:mine')?.x).toBe(77)
    writeRecords(server.board, { remove: ['shape:mine'] })
    send(server.board, me.board)
    expect(shown(me.store, 'shape:mine')?.x).toBe(10)
    expect(marked(me.homes)).toEqual(['shape:mine'])
  })

  it('loads a returning browser\'s draft, and a board binding made later keeps its cards on screen', () => {
    const server = { board: serverBoard() }
    const draftServer = new Y.Doc()
    writeRecords(draftServer, { put: [note('kept', 'Van gisteren') as unknown as StoredRecord] })
    const me = participant(server, { home: 'board' }, draftServer)
    expect(shown(me.store, 'shape:kept')).toBeTruthy()
    expect(marked(me.homes)).toEqual(['shape:kept'])
    // The board is bound again (a reconnect after a final close): its load removes what the board
    // does not hold, except what the draft holds.
    me.boardBinding.dispose()
    const again = bindStoreToDoc(me.store, me.board, { homes: { homes: me.homes, part: 'board' } })
    cleanups.push(() => again.dispose())
    expect(shown(me.store, 'shape:kept')).toBeTruthy()
  })

  it('does not show the draft copy of a card the board already holds', () => {
    const server = { board: serverBoard() }
    const card = note('both', 'Al onthuld', 5, 5) as unknown as StoredRecord
    writeRecords(server.board, { put: [{ ...card, x: 50 }] })
    const draftServer = new Y.Doc()
    writeRecords(draftServer, { put: [card] })
    const me = participant(server, { home: 'draft' }, draftServer)
    expect(shown(me.store, 'shape:both')?.x).toBe(50)
    expect(marked(me.homes)).toEqual([])
    edit(me.store, () => me.store.update('shape:both' as TLRecord['id'] as TLShapeId, (shape) => ({ ...shape, x: 60 })))
    expect(recordsKeyValue(me.board).get('shape:both')?.x).toBe(60)
    expect(recordsKeyValue(me.draft).get('shape:both')?.x).toBe(5)
  })
})
