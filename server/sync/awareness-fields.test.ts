import { describe, expect, it } from 'vitest'
import { MAX_LOWERED_HANDS } from '../../shared/awareness.ts'
import { withSessionFields } from './awareness-fields.ts'

const stamp = (sent: Record<string, unknown>, role: 'facilitator' | 'editor' | 'viewer' = 'editor') => withSessionFields(sent, sent, role)

describe('withSessionFields', () => {
  it('stamps the connection role over whatever the client claimed', () => {
    expect(stamp({ user: { name: 'A' }, role: 'facilitator' })).toEqual({ user: { name: 'A' }, role: 'editor' })
    expect(stamp({}, 'viewer')).toEqual({ role: 'viewer' })
    expect(withSessionFields('not an object', 'not an object', 'editor')).toEqual({ role: 'editor' })
  })

  it('keeps well-formed hands, reactions and following', () => {
    const sent = { hand: { raisedAt: 1_700_000_000_000 }, reaction: { emoji: '💡', n: 3 }, following: true }
    expect(stamp(sent, 'viewer')).toEqual({ ...sent, role: 'viewer' })
    expect(stamp({ hand: null })).toEqual({ hand: null, role: 'editor' })
  })

  it('drops a malformed field and keeps the rest of the state', () => {
    const rest = { user: { name: 'A', color: '#000000' }, presence: { cursor: { x: 1, y: 2 } } }
    for (const bad of [
      { reaction: { emoji: '💩', n: 1 } },
      { reaction: { emoji: '❤', n: 1 } }, // without the variation selector: not one of ours
      { reaction: { emoji: '👍', n: 1.5 } },
      { reaction: { emoji: '👍', n: -1 } },
      { reaction: '👍' },
      { hand: { raisedAt: 'gisteren' } },
      { hand: { raisedAt: -5 } },
      { hand: true },
      { following: 'ja' },
    ]) {
      expect(stamp({ ...rest, ...bad })).toEqual({ ...rest, role: 'editor' })
    }
    expect(stamp({ ...rest, hand: { raisedAt: 5, extra: 'x'.repeat(100) } })).toEqual({ ...rest, hand: { raisedAt: 5 }, role: 'editor' })
  })

  it('keeps `lowered` only from a facilitator, and only when well-formed and small', () => {
    const lowered = { '123': 1000, '4294967295': 2000 }
    expect(stamp({ lowered }, 'facilitator')).toEqual({ lowered, role: 'facilitator' })
    expect(stamp({ lowered }, 'editor')).toEqual({ role: 'editor' })
    expect(stamp({ lowered }, 'viewer')).toEqual({ role: 'viewer' })
    expect(stamp({ lowered: { abc: 1 } }, 'facilitator')).toEqual({ role: 'facilitator' })
    expect(stamp({ lowered: { '1': 'x' } }, 'facilitator')).toEqual({ role: 'facilitator' })
    const tooMany = Object.fromEntries(Array.from({ length: MAX_LOWERED_HANDS + 1 }, (_, i) => [String(i + 1), i]))
    expect(stamp({ lowered: tooMany }, 'facilitator')).toEqual({ role: 'facilitator' })
  })

  it('takes the session fields from what was sent, the rest from the base (an anonymized copy)', () => {
    const sent = { user: { name: 'Echte naam' }, hand: { raisedAt: 7 }, role: 'facilitator', secret: 1 }
    expect(withSessionFields({ user: { name: 'Deelnemer 1' } }, sent, 'editor')).toEqual({ user: { name: 'Deelnemer 1' }, hand: { raisedAt: 7 }, role: 'editor' })
  })
})
