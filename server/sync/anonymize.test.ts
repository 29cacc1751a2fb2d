import { describe, expect, it } from 'vitest'
import { withoutAuthor } from '../../shared/authorship.ts'
import { anonymizeState } from './anonymize.ts'

describe('anonymous boards', () => {
  it('relabels presence, dropping names and stable user ids', () => {
    const state = anonymizeState(
      {
        user: { name: 'Zwaantje Vermeulen', color: '#e03131', email: 'z@gemeente.nl' },
        presence: { userName: 'Zwaantje Vermeulen', userId: 'user-42', cursor: { x: 1, y: 2 } },
      },
      3,
    )
    expect(state).toEqual({
      user: { name: 'Deelnemer 3', color: '#e03131' },
      presence: { userName: 'Deelnemer 3', userId: 'deelnemer-3', cursor: { x: 1, y: 2 } },
    })
  })

  it('keeps only the whitelisted fields: no extra top-level fields, an empty presence meta, no named ids', () => {
    const state = anonymizeState(
      {
        user: { name: 'Zwaantje', color: 42, avatar: 'zwaantje.png' },
        email: 'z@gemeente.nl',
        presence: {
          id: 'instance_presence:zwaantje',
          typeName: 'instance_presence',
          userName: 'Zwaantje',
          meta: { email: 'z@gemeente.nl' },
          followingUserId: 'user-42',
          currentPageId: 'page:page',
          extra: 'Zwaantje',
        },
      },
      1,
    )
    expect(state).toEqual({
      user: { name: 'Deelnemer 1', color: '#888888' },
      presence: { userName: 'Deelnemer 1', userId: 'deelnemer-1', meta: {}, followingUserId: null, currentPageId: 'page:page' },
    })
    expect(anonymizeState({ presence: { followingUserId: 'anon-17' } }, 2)).toMatchObject({ presence: { followingUserId: 'anon-17' } })
  })

  it('turns a state that is not an object into a bare pseudonym, and keeps a withdrawn presence as null', () => {
    expect(anonymizeState('Zwaantje', 4)).toEqual({ user: { name: 'Deelnemer 4', color: '#888888' } })
    expect(anonymizeState({ user: { name: 'Z', color: '#000000' }, presence: null }, 5)).toEqual({ user: { name: 'Deelnemer 5', color: '#000000' }, presence: null })
  })

  it('keeps the shape being edited, only when it is a shape id', () => {
    expect(anonymizeState({ user: { name: 'Z', color: '#000000' }, editing: 'shape:card-1' }, 2)).toEqual({
      user: { name: 'Deelnemer 2', color: '#000000' },
      editing: 'shape:card-1',
    })
    expect(anonymizeState({ editing: 'Zwaantje Vermeulen' }, 2)).toMatchObject({ editing: null })
    expect(anonymizeState({ editing: `shape:${'x'.repeat(200)}` }, 2)).toMatchObject({ editing: null })
  })

  it('strips authorship from records', () => {
    const note = { id: 'shape:a', typeName: 'shape', props: { textFirstEditedBy: 'user-42', color: 'yellow' } }
    expect(withoutAuthor(note)).toEqual({ id: 'shape:a', typeName: 'shape', props: { textFirstEditedBy: null, color: 'yellow' } })
    expect(withoutAuthor({ id: 'user:42', typeName: 'user', name: 'Zwaantje' })).toBeNull()
    const plain = { id: 'shape:b', typeName: 'shape', props: { textFirstEditedBy: null } }
    expect(withoutAuthor(plain)).toBe(plain)
  })
})
