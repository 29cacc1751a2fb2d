import { describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/protocol.ts'
import { shouldReconnect } from './connection.ts'
import { serverCloseReaction } from './server-close.ts'

describe('reacting to a final close by the server', () => {
  it('reloads the settings after a settings change instead of giving up', () => {
    expect(serverCloseReaction(CloseCode.settingsChanged)).toBe('reload-settings')
    // The provider must not reconnect by itself: the settings are loaded first.
    expect(shouldReconnect(CloseCode.settingsChanged)).toBe(false)
  })

  it('tells a revoked or expired link apart from a refused change', () => {
    expect(serverCloseReaction(CloseCode.revoked)).toBe('revoked')
    expect(serverCloseReaction(CloseCode.unauthorized)).toBe('revoked')
    expect(serverCloseReaction(CloseCode.invalidContent)).toBe('refused')
    expect(serverCloseReaction(CloseCode.tooLarge)).toBe('refused')
    expect(serverCloseReaction(CloseCode.badMessage)).toBe('refused')
    expect(serverCloseReaction(CloseCode.tooManyRecords)).toBe('board-full')
    expect(shouldReconnect(CloseCode.tooManyRecords)).toBe(false) // it would send the same addition again
    expect(serverCloseReaction(4499)).toBe('closed')
  })
})
