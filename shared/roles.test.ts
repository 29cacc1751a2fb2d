import { describe, expect, it } from 'vitest'
import { canWrite, hasRole } from './roles.ts'

describe('roles', () => {
  it('nest facilitator ⊃ editor ⊃ viewer', () => {
    expect(hasRole('facilitator', 'editor')).toBe(true)
    expect(hasRole('editor', 'facilitator')).toBe(false)
    expect(hasRole('viewer', 'viewer')).toBe(true)
    expect(hasRole('viewer', 'editor')).toBe(false)
    expect([canWrite('facilitator'), canWrite('editor'), canWrite('viewer')]).toEqual([true, true, false])
  })
})
