import { afterEach, describe, expect, it } from 'vitest'
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
