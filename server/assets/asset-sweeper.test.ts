import { describe, expect, it } from 'vitest'
import { createLogger } from '../log.ts'
import { tempStorages } from '../testing/temp-database.ts'
import { assetIdsIn, AssetSweeper } from './asset-sweeper.ts'

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const LATER = new Date(Date.now() + 2 * 60 * 60_000)

/** A stand-in for a Yjs state: the asset URLs sit in it verbatim, between other bytes. */
const stateMentioning = (...ids: string[]) => Buffer.concat([Buffer.from([0, 1, 2]), ...ids.map((id) => Buffer.from(`{"src":"/api/assets/${id}"}\u0000`))])

const openStorage = tempStorages('sweep')

function setup() {
  const storage = openStorage()
  const sweeper = new AssetSweeper(storage.assets, { graceMs: 60 * 60_000, beforeSweep: () => {}, logger: createLogger(() => {}) })
  return { storage, boards: storage.boards, assets: storage.assets, sweeper }
}

describe('assetIdsIn', () => {
  it('finds every asset URL in a blob, once', () => {
    expect([...assetIdsIn(stateMentioning('abcdefgh12', 'XYZ_-xyz99', 'abcdefgh12'))].sort()).toEqual(['XYZ_-xyz99', 'abcdefgh12'])
    expect(assetIdsIn(Buffer.from('/api/assets/kort')).size).toBe(0)
  })
})

describe('AssetSweeper', () => {
  it('deletes old images nothing refers to; keeps those in the state, the update log, a snapshot or a fork of the board', async () => {
    const { storage, boards, assets, sweeper } = setup()
    const { board } = await boards.create({ title: 'A', template: 'leeg', anonymous: false, initialState: new Uint8Array() })
    const [inState, inLog, inSnapshot, inFork, inForkOfFork, unused] = await Promise.all([1, 2, 3, 4, 5, 6].map(() => assets.save(board.id, 'image/png', PNG)))
    await storage.documents.compact(board.id, stateMentioning(inState!), 0)
    await storage.documents.append([{ boardId: board.id, data: stateMentioning(inLog!) }])
    const snapshot = await storage.snapshots.capture(board.id, { label: 's', auto: false, state: stateMentioning(inSnapshot!), schema: { schemaVersion: 2, sequences: {} } })
    const fork = await boards.create({ title: 'B', template: 'leeg', anonymous: false, initialState: stateMentioning(inFork!), forkedFrom: { boardId: board.id, snapshotId: snapshot.id } })
    await boards.create({ title: 'C', template: 'leeg', anonymous: false, initialState: stateMentioning(inForkOfFork!), forkedFrom: { boardId: fork.board.id, snapshotId: 'x' } })
    // An unrelated board mentioning it does not keep it (its file belongs to board A).
    await boards.create({ title: 'D', template: 'leeg', anonymous: false, initialState: stateMentioning(unused!) })

    expect(await sweeper.sweep(new Date())).toBe(0) // all within their grace period
    expect(await sweeper.sweep(LATER)).toBe(1)
    expect(await assets.get(unused!)).toBeNull()
    for (const id of [inState, inLog, inSnapshot, inFork, inForkOfFork]) expect(await assets.get(id!), id).not.toBeNull()
  })

  it('reads a board again only once it changed since all its images were found in use', async () => {
    const { storage, boards, assets, sweeper } = setup()
    // A change no store method makes (the state rewritten with its time kept) goes round the stores.
    const db = storage.db
    const { board } = await boards.create({ title: 'A', template: 'leeg', anonymous: false, initialState: new Uint8Array() })
    const image = await assets.save(board.id, 'image/png', PNG)
    const setState = (state: Uint8Array, updatedAt: string | null) =>
      updatedAt === null
        ? db.prepare('UPDATE board_state SET state = ? WHERE board_id = ?').run(state, board.id)
        : db.prepare('UPDATE board_state SET state = ?, updated_at = ? WHERE board_id = ?').run(state, updatedAt, board.id)
    setState(stateMentioning(image), '2026-01-01T00:00:00.000Z')
    expect(await sweeper.sweep(LATER)).toBe(0)

    // A change the board's version does not show is not looked at (only a test can make one)...
    setState(stateMentioning(), null)
    expect(await sweeper.sweep(LATER)).toBe(0)
    expect(await assets.get(image)).not.toBeNull()
    // ...a stored change is.
    setState(stateMentioning(), '2026-01-02T00:00:00.000Z')
    expect(await sweeper.sweep(LATER)).toBe(1)
    expect(await assets.get(image)).toBeNull()
  })
})
