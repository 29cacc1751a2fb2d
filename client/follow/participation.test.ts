import { describe, expect, it } from 'vitest'
import type { HarvestRecord } from '../../shared/board-geometry.ts'
import { documentRecords } from '../../server/initial-document.ts'
import { findTemplate } from '../../templates/index.ts'
import { ActivityClock, cardsPerPart, IDLE_AFTER_MS, participantRows } from './participation.ts'

const presence = (x: number) => ({ cursor: { x, y: 0, type: 'default', rotation: 0 }, camera: { x: 0, y: 0, z: 1 }, selectedShapeIds: [], lastActivityTimestamp: 1, currentPageId: 'page:page' })

describe('participantRows', () => {
  it('lists who is connected with their stamped role and whether they follow, facilitators first', () => {
    const clock = new ActivityClock()
    const states = new Map<number, unknown>([
      [3, { user: { name: 'Deelnemer 2', color: '#f00' }, role: 'viewer', following: true, presence: presence(1) }],
      [1, { user: { name: 'Anna', color: '#0f0' }, presence: presence(1) }], // my own state: no stamp
      [2, { user: { name: 'Bram', color: '#00f' }, role: 'editor', following: false, presence: presence(1) }],
      [4, { user: { name: 'Cor' }, role: 'admin', following: 'ja' }], // odd fields are not believed
      [5, { presence: null }], // a tab that has not joined yet
    ])
    const rows = participantRows(states, { me: 1, myRole: 'facilitator', clock, now: 0 })
    expect(rows.map((row) => [row.name, row.role, row.following, row.me])).toEqual([
      ['Anna', 'facilitator', false, true],
      ['Bram', 'editor', false, false],
      ['Deelnemer 2', 'viewer', true, false],
      ['Cor', null, false, false],
    ])
  })

  it('calls someone idle after two minutes without a pointer, camera or selection change, on our own clock', () => {
    const clock = new ActivityClock()
    const states = new Map<number, unknown>([
      [1, { user: { name: 'Anna' }, presence: presence(0) }],
      [2, { user: { name: 'Bram' }, presence: presence(0) }],
    ])
    for (const [id, state] of states) clock.observe(id, state, 0)
    const idle = (now: number) => participantRows(states, { me: 1, clock, now }).map((row) => row.idle)
    expect(idle(IDLE_AFTER_MS - 1)).toEqual([false, false])
    expect(idle(IDLE_AFTER_MS)).toEqual([false, true]) // never me
    clock.observe(2, states.get(2), IDLE_AFTER_MS) // the same state again: still idle
    expect(idle(IDLE_AFTER_MS + 10)).toEqual([false, true])
    states.set(2, { user: { name: 'Bram' }, presence: presence(5) })
    clock.observe(2, states.get(2), IDLE_AFTER_MS + 20)
    expect(idle(IDLE_AFTER_MS + 30)).toEqual([false, false])
  })
})

describe('cardsPerPart', () => {
  it('counts the cards with text in each part of a 7V board, in step order', () => {
    const records: HarvestRecord[] = documentRecords(findTemplate('7v-dialoog')!)
    const before = cardsPerPart(records)
    expect(before.map((part) => part.zone)).toEqual(['aanpak', 'vinden', 'verzamelen', 'verkennen', 'verrijken', 'voorkeuren', 'verdiepen', 'voortzetten'])
    const frame = records.find((record) => {
      const shape = record as { type?: string; meta?: { zone?: string } }
      return record.typeName === 'shape' && shape.type === 'frame' && shape.meta?.zone === 'verkennen'
    })!
    const card = (id: string, text: string): HarvestRecord => ({
      id: `shape:${id}`, typeName: 'shape', type: 'note', parentId: frame.id, index: 'a9', x: 60, y: 400, rotation: 0, isLocked: false, opacity: 1, meta: {},
      props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] }] } },
    } as HarvestRecord)
    const after = cardsPerPart([...records, card('a', 'Zorgen over de planning'), card('b', 'Meer geld'), card('c', '')])
    const changed = after.filter((part, i) => part.cards !== before[i]!.cards)
    expect(changed).toEqual([{ zone: 'verkennen', name: expect.stringContaining('Verkennen'), cards: before[3]!.cards + 2 }])
  })
})
