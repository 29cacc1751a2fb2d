import { beforeEach, describe, expect, it, vi } from 'vitest'

interface FakeConnection {
  boardId: string
  destroyed: boolean
  destroy(): void
  provider: { once(event: string, listener: () => void): void }
}
const opened: FakeConnection[] = []
vi.mock('../sync/connection.ts', () => ({
  openBoardConnection: ({ boardId }: { boardId: string }) => {
    const connection: FakeConnection = { boardId, destroyed: false, destroy: () => void (connection.destroyed = true), provider: { once: () => undefined } }
    opened.push(connection)
    return connection
  },
}))

const { dropBoardConnection, startBoardConnection, takeBoardConnection } = await import('./early-connection.ts')
/** Lets the dynamic import of the connection code resolve. */
const connectionCodeLoaded = () => import('../sync/connection.ts').then(() => new Promise((resolve) => setTimeout(resolve, 0)))

describe('the connection opened from the app entry', () => {
  beforeEach(() => {
    opened.length = 0
    dropBoardConnection()
  })

  it('is handed to the board page of the same link, once', async () => {
    startBoardConnection('bord1', 'geheim')
    await connectionCodeLoaded()
    expect(takeBoardConnection('bord1', 'geheim')).toBe(opened[0])
    expect(opened[0]!.destroyed).toBe(false)
    expect(takeBoardConnection('bord1', 'geheim')).toBeNull()
  })

  it('is closed when another link is opened, or the link turns out invalid', async () => {
    startBoardConnection('bord1', 'geheim')
    await connectionCodeLoaded()
    expect(takeBoardConnection('bord1', 'ander')).toBeNull()
    expect(opened[0]!.destroyed).toBe(true)

    startBoardConnection('bord2', 'geheim')
    await connectionCodeLoaded()
    dropBoardConnection()
    expect(opened[1]!.destroyed).toBe(true)
  })

  it('is never opened when the link was given up before the connection code arrived', async () => {
    startBoardConnection('bord1', 'geheim')
    dropBoardConnection()
    await connectionCodeLoaded()
    expect(opened).toEqual([])
  })
})
