import * as awarenessProtocol from 'y-protocols/awareness'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { withoutAuthor } from '../../shared/authorship.ts'
import { anonymizeAwarenessUpdate } from './anonymize.ts'

describe('anonymous boards', () => {
  it('relabels presence, dropping names and stable user ids', () => {
    const doc = new Y.Doc()
    const awareness = new awarenessProtocol.Awareness(doc)
    awareness.setLocalState({
      user: { name: 'Zwaantje Vermeulen', color: '#e03131', email: 'z@gemeente.nl' },
      presence: { userName: 'Zwaantje Vermeulen', userId: 'user-42', cursor: { x: 1, y: 2 } },
    })
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])
    const rewritten = anonymizeAwarenessUpdate(update, () => 3)

    const receiver = new awarenessProtocol.Awareness(new Y.Doc())
    awarenessProtocol.applyAwarenessUpdate(receiver, rewritten, null)
    const state = receiver.getStates().get(doc.clientID)
    expect(state).toEqual({
      user: { name: 'Deelnemer 3', color: '#e03131' },
      presence: { userName: 'Deelnemer 3', userId: 'deelnemer-3', cursor: { x: 1, y: 2 } },
    })
    expect(new TextDecoder().decode(rewritten)).not.toContain('Zwaantje')
  })

  it('keeps a leaver’s null state as null', () => {
    const doc = new Y.Doc()
    const awareness = new awarenessProtocol.Awareness(doc)
    awareness.setLocalState(null)
    const rewritten = anonymizeAwarenessUpdate(awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]), () => 1)
    expect(new TextDecoder().decode(rewritten)).toContain('null')
  })

  it('strips authorship from records', () => {
    const note = { id: 'shape:a', typeName: 'shape', props: { textFirstEditedBy: 'user-42', color: 'yellow' } }
    expect(withoutAuthor(note)).toEqual({ id: 'shape:a', typeName: 'shape', props: { textFirstEditedBy: null, color: 'yellow' } })
    expect(withoutAuthor({ id: 'user:42', typeName: 'user', name: 'Zwaantje' })).toBeNull()
    const plain = { id: 'shape:b', typeName: 'shape', props: { textFirstEditedBy: null } }
    expect(withoutAuthor(plain)).toBe(plain)
  })
})
