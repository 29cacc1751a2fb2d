import { describe, expect, it } from 'vitest'
import type { BoardListing } from '../../shared/api.ts'
import { formatSize, nextSort, sortBoards } from './board-table.ts'

const board = (id: string, lastActivity: string, bytes: number, title = id): BoardListing => ({
  id,
  title,
  template: 'casusreconstructie',
  anonymous: false,
  createdAt: '2025-01-01T00:00:00.000Z',
  lastActivity,
  bytes,
  snapshots: 0,
})

describe('admin board table', () => {
  it('writes sizes in kB and MB, in the language’s number format', () => {
    expect(formatSize(0, 'nl')).toBe('0,0 kB')
    expect(formatSize(1_450, 'nl')).toBe('1,5 kB')
    expect(formatSize(48_213, 'en')).toBe('48 kB')
    expect(formatSize(2_340_000, 'nl')).toBe('2,3 MB')
    expect(formatSize(25_000_000, 'en')).toBe('25 MB')
  })

  it('sorts by last activity, newest first or oldest first', () => {
    const boards = [board('a', '2025-03-01T10:00:00Z', 5), board('b', '2025-03-03T10:00:00Z', 1), board('c', '2025-03-02T10:00:00Z', 9)]
    expect(sortBoards(boards, 'lastActivity', 'desc').map((b) => b.id)).toEqual(['b', 'c', 'a'])
    expect(sortBoards(boards, 'lastActivity', 'asc').map((b) => b.id)).toEqual(['a', 'c', 'b'])
    expect(sortBoards(boards, 'bytes', 'desc').map((b) => b.id)).toEqual(['c', 'a', 'b'])
    expect(boards.map((b) => b.id)).toEqual(['a', 'b', 'c']) // the input is left alone
  })

  it('sorts titles alphabetically, ignoring case', () => {
    const boards = [board('1', '2025-03-01T10:00:00Z', 0, 'casus'), board('2', '2025-03-01T10:00:00Z', 0, 'Bestuur'), board('3', '2025-03-01T10:00:00Z', 0, 'ánders')]
    expect(sortBoards(boards, 'title', 'asc').map((b) => b.title)).toEqual(['ánders', 'Bestuur', 'casus'])
  })

  it('flips the sorted column and starts other columns sensibly', () => {
    expect(nextSort({ key: 'lastActivity', direction: 'desc' }, 'lastActivity')).toEqual({ key: 'lastActivity', direction: 'asc' })
    expect(nextSort({ key: 'lastActivity', direction: 'asc' }, 'title')).toEqual({ key: 'title', direction: 'asc' })
    expect(nextSort({ key: 'title', direction: 'asc' }, 'bytes')).toEqual({ key: 'bytes', direction: 'desc' })
  })
})
