import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { BoardForRole } from '../../shared/api.ts'
import type { ApiResult } from '../api/client.ts'

const getBoard = vi.fn((id: string, token: string): Promise<ApiResult<BoardForRole>> => Promise.resolve({ ok: false, status: 401, message: `${id}/${token}` }))
vi.mock('../api/client.ts', () => ({ getBoard }))

// localStorage as a browser has it (Node has none).
const stored = new Map<string, string>()
vi.stubGlobal('localStorage', {
  getItem: (key: string) => stored.get(key) ?? null,
  setItem: (key: string, value: string) => void stored.set(key, value),
  removeItem: (key: string) => void stored.delete(key),
})

const { lookUpBoard, startBoardLookup } = await import('./board-lookup.ts')

const board: BoardForRole = { id: 'bord1', title: 'Casus Noord', template: 'casusreconstructie', anonymous: false, createdAt: '2026-11-30T10:00:00.000Z', role: 'editor' }
const offline = { ok: false as const, status: 0, message: 'Failed to fetch' }

describe('the early board lookup', () => {
  beforeEach(() => {
    getBoard.mockClear()
    stored.clear()
  })

  it('is handed to the page once, and a retry asks the server again', async () => {
    startBoardLookup('bord1', 'geheim')
    expect(getBoard).toHaveBeenCalledTimes(1)
    await lookUpBoard('bord1', 'geheim')
    expect(getBoard).toHaveBeenCalledTimes(1)
    await lookUpBoard('bord1', 'geheim')
    expect(getBoard).toHaveBeenCalledTimes(2)
  })

  it('is not used for another board or token', async () => {
    startBoardLookup('bord1', 'geheim')
    const answer = await lookUpBoard('bord1', 'ander')
    expect(answer).toMatchObject({ message: 'bord1/ander' })
    expect(getBoard).toHaveBeenCalledTimes(2)
  })
})

describe('the board lookup without a network', () => {
  beforeEach(() => {
    getBoard.mockReset()
    stored.clear()
  })

  it('answers with what the server last said to the same link, without keeping the token', async () => {
    getBoard.mockResolvedValueOnce({ ok: true, value: board })
    await lookUpBoard('bord1', 'geheim')
    expect([...stored.values()].join()).not.toContain('geheim')
    getBoard.mockResolvedValueOnce(offline)
    expect(await lookUpBoard('bord1', 'geheim')).toEqual({ ok: true, value: board })
  })

  it('does not hand that answer to another link, or use it when the server did answer', async () => {
    getBoard.mockResolvedValueOnce({ ok: true, value: board })
    await lookUpBoard('bord1', 'geheim')
    getBoard.mockResolvedValueOnce(offline)
    expect(await lookUpBoard('bord1', 'ander')).toEqual(offline)
    const refused = { ok: false as const, status: 401, message: 'link withdrawn' }
    getBoard.mockResolvedValueOnce(refused)
    expect(await lookUpBoard('bord1', 'geheim')).toEqual(refused)
  })
})
