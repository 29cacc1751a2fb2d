/** Capability tokens: random, shown once, stored only as a SHA-256 hash. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** 256 random bits, url-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** 128 random bits; ids are not secrets, but they should not be guessable either. */
export function newId(): string {
  return randomBytes(16).toString('base64url')
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest()
}

/** Constant-time comparison of a presented token with a stored hash. */
export function tokenMatches(token: string, storedHash: Uint8Array): boolean {
  const presented = hashToken(token)
  return presented.length === storedHash.length && timingSafeEqual(presented, storedHash)
}
