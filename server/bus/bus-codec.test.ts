import { describe, expect, it } from 'vitest'
import { decodeBusMessage, encodeBusMessage } from './bus-codec.ts'
import type { BusMessage } from './room-bus.ts'

describe('bus messages', () => {
  const messages: BusMessage[] = [
    { kind: 'update', seq: 2 ** 40, data: new Uint8Array([0, 1, 2, 255]) },
    { kind: 'awareness', data: new Uint8Array([7]) },
    { kind: 'control', control: { type: 'close', roles: ['editor'], code: 4401, reason: 'link revoked' } },
    { kind: 'control', control: { type: 'anonymous', anonymous: true } },
    { kind: 'control', control: { type: 'expiry', role: 'viewer', expiresAt: '2027-01-01T00:00:00.000Z' } },
    { kind: 'control', control: { type: 'deleted' } },
    { kind: 'control', control: { type: 'snapshot-taken' } },
  ]

  it.each(messages)('travel as they were sent: $kind', (message) => {
    expect(decodeBusMessage(encodeBusMessage('process-1', message))).toEqual({ from: 'process-1', message })
  })

  it('ignores what no process of ours sent', () => {
    expect(decodeBusMessage(new Uint8Array([1, 2, 3]))).toBeNull()
    expect(decodeBusMessage(new TextEncoder().encode('hello'))).toBeNull()
    const unknownControl = encodeBusMessage('p', { kind: 'control', control: { type: 'deleted' } })
    const tampered = new TextEncoder().encode(new TextDecoder().decode(unknownControl).replace('deleted', 'nuke-it'))
    expect(decodeBusMessage(tampered)).toBeNull()
  })
})
