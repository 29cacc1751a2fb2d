import { atom } from '@tldraw/state'
import { describe, expect, it } from 'vitest'
import { canvasStore } from './canvas-store.ts'
import { plainStore } from './plain-store.ts'
import type { StoreParts } from './useBoardStore.ts'

const parts = (): StoreParts => ({
  users: { currentUser: atom('user', null) },
  collaboration: { mode: atom('mode', 'readwrite' as const), status: atom('status', 'online' as const) },
})

describe('plainStore', () => {
  it('has the canvas store’s schema, so the list and the canvas read and write the same records', () => {
    expect(plainStore(parts()).schema.serialize()).toEqual(canvasStore(parts()).schema.serialize())
  })

  it('validates records as the canvas store does (a note with a bad colour is refused)', () => {
    const store = plainStore(parts())
    const note = { id: 'shape:n', typeName: 'shape', type: 'note', parentId: 'page:page', index: 'a1', x: 0, y: 0, rotation: 0, isLocked: false, opacity: 1, meta: {}, props: { color: 'nope' } }
    expect(() => store.put([note as never])).toThrow()
  })
})
