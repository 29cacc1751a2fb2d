import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { BoardGeometry } from '../../shared/board-geometry.ts'
import { findTemplate } from '../../templates/index.ts'
import { translate, type Lang, type Translate } from '../i18n.ts'
import { initialRecords, note, PAGE_ID } from '../sync/test-records.ts'
import { countChanges, diffBoards, summarizeChanges } from './diff.ts'

const nl: Translate = (key, vars) => translate('nl', key, vars)
const tIn = (lang: Lang): Translate => (key, vars) => translate(lang, key, vars)

/** A casusreconstructie board as the server creates it. */
function templateBoard(): TLRecord[] {
  return [...initialRecords(), ...findTemplate('casusreconstructie')!.build(PAGE_ID)]
}

/** Where to put a note so that it lies in a zone (on the timeline: in the upper or lower lane). */
function spotIn(board: readonly TLRecord[], zone: string, lane?: 'moment' | 'duiding', nth = 0): { x: number; y: number } {
  const geometry = new BoardGeometry(board)
  const frame = geometry.zoneFrames().find((shape) => shape.meta.zone === zone)!
  const box = geometry.bounds(frame)
  const x = box.minX + 100 + nth * 220
  if (!lane) return { x, y: box.maxY - 300 }
  const boundary = geometry.laneBoundary(frame)
  return { x, y: lane === 'moment' ? boundary - 260 : boundary + 60 }
}

function card(name: string, text: string, at: { x: number; y: number }): TLShape {
  return { ...note(name, text, at.x, at.y), index: `a${name.length}` as TLShape['index'] }
}

function update(records: readonly TLRecord[], id: string, change: (shape: TLShape) => TLShape): TLRecord[] {
  return records.map((record) => (record.id === id && record.typeName === 'shape' ? change(record) : record))
}

const withText = (shape: TLShape, text: string): TLShape => ({ ...shape, props: { ...shape.props, richText: note('x', text).props.richText } }) as TLShape

describe('diffBoards', () => {
  const board = templateBoard()
  const moment = card('m1', 'Melding bij de wijkagent', spotIn(board, 'tijdlijn', 'moment'))
  const duiding = card('d1', 'Niemand voelde zich eigenaar', spotIn(board, 'tijdlijn', 'duiding'))
  const thread = card('r1', 'Informatie bleef hangen', spotIn(board, 'rode-draden'))
  const loose = card('k1', 'Los idee', { x: -2000, y: -2000 })
  const before = [...board, moment, duiding, thread, loose]

  it('finds nothing between a board and itself', () => {
    expect(diffBoards(before, before)).toEqual([])
    expect(summarizeChanges([], nl)).toBe('Geen verschillen')
  })

  it('tells added, changed and removed shapes apart, each with its kind from its zone', () => {
    const added = card('m2', 'Overleg met de school', spotIn(board, 'tijdlijn', 'moment', 1))
    const after = [...update(before, thread.id, (shape) => withText(shape, 'Informatie bleef bij één partner hangen')).filter((record) => record.id !== loose.id), added]
    const changes = diffBoards(before, after)
    expect(changes.map(({ id, change, kind }) => ({ id, change, kind }))).toEqual([
      { id: added.id, change: 'added', kind: 'moment' },
      { id: thread.id, change: 'changed', kind: 'rode-draad' },
      { id: loose.id, change: 'removed', kind: 'kaart' },
    ])
    const changed = changes[1]!
    expect(changed.aspects).toEqual(['text'])
    expect(changed.before?.text).toBe('Informatie bleef hangen')
    expect(changed.after?.text).toBe('Informatie bleef bij één partner hangen')
    expect(changes[2]!.before?.box).toMatchObject({ minX: -2000, minY: -2000 })
    expect(changes[2]!.after).toBeNull()
    expect(summarizeChanges(changes, nl)).toBe('1 moment toegevoegd, 1 rode draad gewijzigd, 1 kaart verwijderd')
  })

  it('reads moments above the timeline and interpretations below it', () => {
    const added = [card('m3', 'a', spotIn(board, 'tijdlijn', 'moment', 2)), card('d2', 'b', spotIn(board, 'tijdlijn', 'duiding', 2)), card('d3', 'c', spotIn(board, 'tijdlijn', 'duiding', 3))]
    const lessons = [card('l1', 'Eerder bellen', spotIn(board, 'lessen')), card('a1', 'Maandelijks overleg', spotIn(board, 'afspraken'))]
    const changes = diffBoards(before, [...before, ...added, ...lessons])
    expect(countChanges(changes)).toEqual([
      { change: 'added', kind: 'moment', count: 1 },
      { change: 'added', kind: 'duiding', count: 2 },
      { change: 'added', kind: 'les', count: 1 },
      { change: 'added', kind: 'afspraak', count: 1 },
    ])
    expect(summarizeChanges(changes, nl)).toBe('1 moment toegevoegd, 2 duidingen toegevoegd, 1 les toegevoegd, 1 afspraak toegevoegd')
  })

  it('says plurals properly, in Dutch and in English', () => {
    const after = [
      ...before.filter((record) => record.id !== moment.id && record.id !== duiding.id),
      card('m4', 'a', spotIn(board, 'tijdlijn', 'moment', 4)),
      card('m5', 'b', spotIn(board, 'tijdlijn', 'moment', 5)),
      card('m6', 'c', spotIn(board, 'tijdlijn', 'moment', 6)),
      card('r2', 'd', spotIn(board, 'rode-draden', undefined, 2)),
      card('r3', 'e', spotIn(board, 'rode-draden', undefined, 3)),
    ]
    const changes = diffBoards(before, after)
    expect(summarizeChanges(changes, nl)).toBe('3 momenten toegevoegd, 2 rode draden toegevoegd, 1 moment verwijderd, 1 duiding verwijderd')
    expect(summarizeChanges(changes, tIn('en'))).toBe('3 moments added, 2 common threads added, 1 moment removed, 1 interpretation removed')
  })

  it('ignores jitter of a pixel, stacking order and sizes tldraw measures itself', () => {
    const after = update(
      before,
      moment.id,
      (shape) =>
        ({
          ...shape,
          x: shape.x + 0.6,
          y: shape.y - 1,
          index: 'a9' as TLShape['index'],
          props: { ...shape.props, growY: 37, fontSizeAdjustment: 0.8 },
        }) as TLShape,
    )
    expect(diffBoards(before, after)).toEqual([])
  })

  it('sees a real move, a resize, a colour and a meta change', () => {
    let after = update(before, moment.id, (shape) => ({ ...shape, x: shape.x + 40 }))
    after = update(after, thread.id, (shape) => ({ ...shape, props: { ...shape.props, color: 'red' } }) as TLShape)
    after = update(after, loose.id, (shape) => ({ ...shape, meta: { vote: 3 }, props: { ...shape.props, scale: 2 } }) as TLShape)
    const changes = diffBoards(before, after)
    expect(Object.fromEntries(changes.map((change) => [change.id, change.aspects]))).toEqual({
      [moment.id]: ['position'],
      [thread.id]: ['style'],
      [loose.id]: ['size', 'meta'],
    })
    expect(summarizeChanges(changes, nl)).toBe('1 moment gewijzigd, 1 rode draad gewijzigd, 1 kaart gewijzigd')
  })

  it('takes the kind from where a shape lies now, and from where it was when it is gone', () => {
    // The moment moves down into the interpretations lane; the interpretation is removed.
    const lower = spotIn(board, 'tijdlijn', 'duiding', 5)
    const after = update(before, moment.id, (shape) => ({ ...shape, ...lower })).filter((record) => record.id !== duiding.id)
    const changes = diffBoards(before, after)
    expect(changes.map(({ change, kind }) => `${change} ${kind}`)).toEqual(['changed duiding', 'removed duiding'])
  })

  it('counts shapes that are not cards as shapes', () => {
    const frame = board.find((record): record is TLShape => record.typeName === 'shape' && record.type === 'frame')!
    const after = update(before, frame.id, (shape) => ({ ...shape, props: { ...shape.props, name: 'Nieuwe naam' } }) as TLShape)
    const [change] = diffBoards(before, after)
    expect(change).toMatchObject({ change: 'changed', kind: 'vorm', aspects: ['text'], after: { text: 'Nieuwe naam' } })
    expect(summarizeChanges([change!], nl)).toBe('1 vorm gewijzigd')
  })
})
