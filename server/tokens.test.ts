import { describe, expect, it } from 'vitest'
import { hashToken, newId, newToken, tokenMatches } from './tokens.ts'

describe('capability tokens', () => {
  it('are long, url-safe and unique', () => {
    const tokens = new Set(Array.from({ length: 100 }, newToken))
    expect(tokens.size).toBe(100)
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128)
    }
    expect(newId()).toMatch(/^[A-Za-z0-9_-]{22}$/)
  })

  it('match only their own hash', () => {
    const token = newToken()
    const stored = hashToken(token)
    expect(tokenMatches(token, stored)).toBe(true)
    expect(tokenMatches(newToken(), stored)).toBe(false)
    expect(tokenMatches(token.slice(1), stored)).toBe(false)
    expect(tokenMatches(token, stored.subarray(1))).toBe(false)
  })
})
