import { beforeEach, describe, expect, it, vi } from 'vitest'

const getBoard = vi.fn((id: string, token: string) => Promise.resolve({ ok: false as const, status: 401, message: `${id}/${token}` }))
vi.mock('../api/client.ts', () => ({ getBoard }))

const { lookUpBoard, startBoardLookup } = await import('./board-lookup.ts')

describe('the early board lookup', () => {
  beforeEach(() => getBoard.mockClear())

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
