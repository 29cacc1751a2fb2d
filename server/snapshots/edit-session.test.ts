import { describe, expect, it } from 'vitest'
import { EditSession } from './edit-session.ts'

describe('EditSession', () => {
  it('counts each changed record once, however often it changed', () => {
    const session = new EditSession(1)
    session.note(['shape:a', 'shape:b'])
    session.note(['shape:a'])
    session.note(['shape:c'])
    expect(session.changes).toBe(3)
    expect(session.startedAt).toBe(1)
  })
})
