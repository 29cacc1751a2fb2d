import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DRAFT_KEY_PATTERN } from '../../shared/api.ts'
import { draftKeyFor, newDraftKey } from './draft-key.ts'

describe('draft key', () => {
  afterEach(() => globalThis.localStorage?.clear())

  it('is 43 base64url characters (32 random bytes) that the server accepts', () => {
    const key = newDraftKey()
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(DRAFT_KEY_PATTERN.test(key)).toBe(true)
    expect(newDraftKey()).not.toBe(key)
  })

  it('is the same on every call for one board, and differs between boards', () => {
    const a = draftKeyFor('board-a')
    expect(draftKeyFor('board-a')).toBe(a)
    expect(draftKeyFor('board-b')).not.toBe(a)
  })
})

describe('draft key in localStorage', () => {
  const items = new Map<string, string>()
  const storage = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, String(value)),
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
  }
  beforeEach(() => {
    items.clear()
    vi.stubGlobal('localStorage', storage)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('is kept under dialoogbord:draft:<boardId>, where another tab (or a reload) finds it', () => {
    const key = draftKeyFor('board-tabs')
    expect(JSON.parse(items.get('dialoogbord:draft:board-tabs')!)).toBe(key)
    // Another tab made its own at the same moment and wrote it last: from now on that one counts.
    const other = newDraftKey()
    items.set('dialoogbord:draft:board-tabs', JSON.stringify(other))
    expect(draftKeyFor('board-tabs')).toBe(other)
  })

  it('replaces a stored value that is no valid key', () => {
    items.set('dialoogbord:draft:board-bad', JSON.stringify('te-kort'))
    const key = draftKeyFor('board-bad')
    expect(DRAFT_KEY_PATTERN.test(key)).toBe(true)
    expect(JSON.parse(items.get('dialoogbord:draft:board-bad')!)).toBe(key)
  })
})
