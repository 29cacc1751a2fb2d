import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { forgetBoard, knownLinks, listRecentBoards, rememberBoard, rememberCreatedBoard, rememberLink, forgetLink } from './recent-boards.ts'

/** Node has no localStorage; a Map-backed one is all these functions need. */
function memoryStorage(): Storage {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  }
}

beforeEach(() => {
  vi.stubGlobal('localStorage', memoryStorage())
})
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('recent boards', () => {
  it('lists the most recently opened first', () => {
    rememberBoard({ id: 'board-aaaa', title: 'A', role: 'editor', token: 'ta' }, new Date('2025-01-01T10:00:00Z'))
    rememberBoard({ id: 'board-bbbb', title: 'B', role: 'viewer', token: 'tb' }, new Date('2025-01-02T10:00:00Z'))
    expect(listRecentBoards().map((board) => board.id)).toEqual(['board-bbbb', 'board-aaaa'])
  })

  it('never lets a lower role replace a higher one, but keeps the newest title', () => {
    rememberBoard({ id: 'board-aaaa', title: 'Oud', role: 'facilitator', token: 'boss' })
    rememberBoard({ id: 'board-aaaa', title: 'Nieuw', role: 'viewer', token: 'look' })
    expect(listRecentBoards()).toEqual([expect.objectContaining({ title: 'Nieuw', role: 'facilitator', token: 'boss' })])
    rememberBoard({ id: 'board-bbbb', title: 'B', role: 'viewer', token: 'look' })
    rememberBoard({ id: 'board-bbbb', title: 'B', role: 'editor', token: 'edit' })
    expect(listRecentBoards().find((board) => board.id === 'board-bbbb')).toMatchObject({ role: 'editor', token: 'edit' })
  })

  it('keeps all links of a board created here, and forgets everything on request', () => {
    rememberCreatedBoard({
      id: 'board-aaaa',
      title: 'A',
      template: 'leeg',
      anonymous: false,
      createdAt: '2025-01-01T00:00:00Z',
      tokens: { facilitator: 'f', editor: 'e', viewer: 'v' },
      urls: { facilitator: 'https://x/b/board-aaaa?token=f', editor: 'https://x/b/board-aaaa?token=e', viewer: 'https://x/b/board-aaaa?token=v' },
    })
    rememberBoard({ id: 'board-aaaa', title: 'A', role: 'facilitator', token: 'f' })
    expect(knownLinks('board-aaaa')?.urls.viewer).toBe('https://x/b/board-aaaa?token=v')
    expect(knownLinks('board-other')).toBeNull()
    forgetBoard('board-aaaa')
    expect(knownLinks('board-aaaa')).toBeNull()
    expect(listRecentBoards()).toEqual([])
  })

  it('forgets the offline copies of the board and of my draft of it', () => {
    const deleted: string[] = []
    vi.stubGlobal('indexedDB', { deleteDatabase: (name: string) => void deleted.push(name) })
    rememberBoard({ id: 'board-aaaa', title: 'A', role: 'editor', token: 'e' })
    forgetBoard('board-aaaa')
    expect(deleted).toEqual(['dialoogbord-board-aaaa', 'dialoogbord-board-aaaa:draft'])
  })

  it('remembers a regenerated link, replacing the old one and keeping the others', () => {
    rememberLink('board-cccc', 'editor', 'e1', 'https://x/b/board-cccc?token=e1')
    expect(knownLinks('board-cccc')).toEqual({ id: 'board-cccc', tokens: { editor: 'e1' }, urls: { editor: 'https://x/b/board-cccc?token=e1' } })
    rememberLink('board-cccc', 'viewer', 'v1', 'https://x/b/board-cccc?token=v1')
    rememberLink('board-cccc', 'editor', 'e2', 'https://x/b/board-cccc?token=e2')
    expect(knownLinks('board-cccc')?.urls).toEqual({ editor: 'https://x/b/board-cccc?token=e2', viewer: 'https://x/b/board-cccc?token=v1' })
    forgetLink('board-cccc', 'editor')
    expect(knownLinks('board-cccc')).toEqual({ id: 'board-cccc', tokens: { viewer: 'v1' }, urls: { viewer: 'https://x/b/board-cccc?token=v1' } })
  })

  it('ignores what it cannot read', () => {
    localStorage.setItem('dialoogbord:recent-boards', '{not json')
    expect(listRecentBoards()).toEqual([])
    localStorage.setItem('dialoogbord:recent-boards', JSON.stringify([{ id: 'x' }, { id: 'board-aaaa', title: 'A', role: 'editor', token: 't', lastOpened: '2025' }]))
    expect(listRecentBoards().map((board) => board.id)).toEqual(['board-aaaa'])
  })
})
