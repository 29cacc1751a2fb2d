import { describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/protocol.ts'
import { deriveStatus, shouldReconnect, syncServerUrl } from './connection.ts'

describe('connection status', () => {
  it('is connected only when the socket is open and the first sync is done', () => {
    expect(deriveStatus({ online: true, socket: 'connected', synced: true, closedByServer: false })).toBe('connected')
    expect(deriveStatus({ online: true, socket: 'connected', synced: false, closedByServer: false })).toBe('connecting')
    expect(deriveStatus({ online: true, socket: 'disconnected', synced: false, closedByServer: false })).toBe('connecting')
  })

  it('is offline without a network or after the server ended the connection for good', () => {
    expect(deriveStatus({ online: false, socket: 'connected', synced: true, closedByServer: false })).toBe('offline')
    expect(deriveStatus({ online: true, socket: 'disconnected', synced: false, closedByServer: true })).toBe('offline')
  })

  it('reconnects after restarts and rate limits, not after a refused or revoked link', () => {
    expect(shouldReconnect(CloseCode.shuttingDown)).toBe(true)
    expect(shouldReconnect(CloseCode.boardFull)).toBe(true)
    expect(shouldReconnect(CloseCode.rateLimited)).toBe(true)
    expect(shouldReconnect(1006)).toBe(true)
    expect(shouldReconnect(CloseCode.unauthorized)).toBe(false)
    expect(shouldReconnect(CloseCode.revoked)).toBe(false)
  })

  it('talks to /sync on the page origin, over wss on https', () => {
    expect(syncServerUrl({ protocol: 'https:', host: 'bord.example.nl' })).toBe('wss://bord.example.nl/sync')
    expect(syncServerUrl({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080/sync')
  })
})
