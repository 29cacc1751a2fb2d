import * as awarenessProtocol from 'y-protocols/awareness'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEFAULT_AWARENESS_LIMITS, filterAwarenessUpdate, nestedDeeperThan, type AwarenessFilter } from './awareness-guard.ts'

/** An awareness update with the given JSON texts, as y-protocols encodes one. */
function update(entries: [clientId: number, clock: number, json: string][]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const [clientId, clock, json] of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, json)
  }
  return encoding.toUint8Array(encoder)
}

function applied(filtered: Uint8Array | null): Map<number, unknown> {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc())
  if (filtered) awarenessProtocol.applyAwarenessUpdate(awareness, filtered, null)
  const states = new Map(awareness.getStates())
  states.delete(awareness.clientID)
  awareness.destroy()
  return states
}

const anyone: AwarenessFilter = { limits: DEFAULT_AWARENESS_LIMITS, mayWrite: () => true }

describe('filterAwarenessUpdate', () => {
  it('passes ordinary states through unchanged', () => {
    const state = { user: { name: 'A', color: '#000000' }, presence: { cursor: { x: 1, y: 2 } } }
    expect(applied(filterAwarenessUpdate(update([[5, 1, JSON.stringify(state)]]), anyone))).toEqual(new Map([[5, state]]))
  })

  it('drops oversized and too deeply nested states, keeping the others of the same update', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    const big = JSON.stringify({ blob: 'x'.repeat(DEFAULT_AWARENESS_LIMITS.maxStateBytes) })
    const filtered = filterAwarenessUpdate(update([[1, 1, deep], [2, 1, big], [3, 1, '{"ok":true}']]), anyone)
    expect(applied(filtered)).toEqual(new Map([[3, { ok: true }]]))
    expect(filterAwarenessUpdate(update([[1, 1, deep]]), anyone)).toBeNull()
  })

  it('drops the selection of an oversized presence rather than the whole cursor', () => {
    const selectedShapeIds = Array.from({ length: 1000 }, (_, i) => `shape:${String(i).padStart(21, 'x')}`)
    const state = { user: { name: 'A', color: '#000000' }, presence: { cursor: { x: 1, y: 2 }, selectedShapeIds, scribbles: [] } }
    expect(JSON.stringify(state).length).toBeGreaterThan(DEFAULT_AWARENESS_LIMITS.maxStateBytes)
    const kept = applied(filterAwarenessUpdate(update([[1, 1, JSON.stringify(state)]]), anyone))
    expect(kept.get(1)).toEqual({ ...state, presence: { ...state.presence, selectedShapeIds: [] } })
  })

  it('asks the filter about every entry, and rewrites only the accepted non-null ones', () => {
    const asked: [number, unknown][] = []
    const filtered = filterAwarenessUpdate(update([[1, 2, '{"a":1}'], [2, 2, '{"b":1}'], [3, 2, 'null']]), {
      limits: DEFAULT_AWARENESS_LIMITS,
      mayWrite: (clientId, state) => {
        asked.push([clientId, state])
        return clientId !== 2
      },
      rewrite: (clientId) => ({ rewritten: clientId }),
    })
    expect(asked).toEqual([[1, { a: 1 }], [2, { b: 1 }], [3, null]])
    expect(applied(filtered)).toEqual(new Map([[1, { rewritten: 1 }]]))
  })

  it('reads no more entries than a connection may speak for', () => {
    const asked: number[] = []
    const many = update(Array.from({ length: 1000 }, (_, i): [number, number, string] => [i + 1, 1, '{}']))
    filterAwarenessUpdate(many, { limits: DEFAULT_AWARENESS_LIMITS, mayWrite: (clientId) => asked.push(clientId) > 0 })
    expect(asked).toEqual([1, 2, 3, 4])
  })

  it('throws on malformed updates', () => {
    expect(() => filterAwarenessUpdate(update([[1, 1, '{not json']]), anyone)).toThrow()
    expect(() => filterAwarenessUpdate(new Uint8Array([3, 1]), anyone)).toThrow()
  })

  it('measures nesting depth', () => {
    expect(nestedDeeperThan({ a: [{ b: 1 }] }, 3)).toBe(false)
    expect(nestedDeeperThan({ a: [{ b: {} }] }, 3)).toBe(true)
    expect(nestedDeeperThan('text', 0)).toBe(false)
  })
})
