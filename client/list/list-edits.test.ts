import { createTLSchema, type TLArrowBinding, type TLNoteShape, type TLRecord, type TLShape, type TLShapeId, type TLStore } from '@tldraw/tlschema'
import { createTLStore, defaultBindingUtils, defaultShapeUtils } from 'tldraw'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { plainText, type Shape } from '../../shared/board-geometry.ts'
import { buildOutline, type OutlineCard, type OutlinePart } from '../../shared/board-outline.ts'
import { isPlaceholder } from '../../shared/card-placement.ts'
import { KIND_COLOURS } from '../../shared/card-rules.ts'
import { metaMap, recordsKeyValue, SCHEMA_KEY, type StoredRecord } from '../../shared/doc-layout.ts'
import { testBoard } from '../../shared/test-board.ts'
import { arrowRecords, indexKey, noteGrowY } from '../../templates/shapes.ts'
import { bindStoreToDoc } from '../sync/binding.ts'
import { addCard, CardEditError, moveAlong, moveToPart, removeCard, setAgreementField, setChecked, setDate, setText } from './list-edits.ts'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

/** A casusreconstructie board in a Y.Doc, and the list's store bound to it (as on the list page). */
function listStore(prepare?: (board: ReturnType<typeof testBoard>) => void) {
  const board = testBoard()
  prepare?.(board)
  const doc = new Y.Doc()
  const kv = recordsKeyValue(doc)
  doc.transact(() => {
    for (const record of board.records) kv.set(record.id, record as unknown as StoredRecord)
    metaMap(doc).set(SCHEMA_KEY, createTLSchema().serialize())
  })
  const store: TLStore = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
  const binding = bindStoreToDoc(store, doc)
  cleanups.push(() => binding.dispose())
  /** The board as the doc holds it (what the server gets), flushed. */
  const docRecords = () => {
    store._flushHistory()
    return [...kv.map.values()].map((entry) => entry.val as unknown as TLRecord)
  }
  const outline = () => buildOutline({ records: docRecords(), templateId: 'casusreconstructie' })
  const part = (zone: string) => outline().find((p) => p.zone === zone)!
  const shape = <T extends TLShape = TLShape>(id: string) => docRecords().find((record) => record.id === id) as T | undefined
  return { board, doc, store, docRecords, outline, part, shape }
}

const cardIn = (part: OutlinePart, id: string): OutlineCard | undefined => part.cards.find((card) => card.id === id)

describe('list edits', () => {
  it('adds a card to a part as a complete note of its kind, in the doc, taking an empty template card’s place', () => {
    const { store, part, shape, docRecords } = listStore()
    const threads = part('rode-draden')
    const placeholders = docRecords()
      .filter((r): r is TLShape => r.typeName === 'shape' && isPlaceholder(r as unknown as Shape) && r.meta.kind === 'rode-draad')
      .sort((p, q) => p.y - q.y || p.x - q.x)
    expect(placeholders).toHaveLength(4)
    const id = addCard(store, { part: threads }, 'Informatie kwam te laat')
    const note = shape<TLNoteShape>(id)!
    expect(note).toMatchObject({ type: 'note', isLocked: false, parentId: 'page:page', props: { color: KIND_COLOURS['rode-draad'], size: 'm', growY: noteGrowY('Informatie kwam te laat', 'm') }, meta: { kind: 'rode-draad' } })
    expect(plainText(note as unknown as Shape)).toBe('Informatie kwam te laat')
    // Valid for tldraw's schema as stored (the store validated it on put; the doc holds the same).
    expect(() => createTLSchema().types.shape.validate(note)).not.toThrow()
    expect(part('rode-draden').cards).toEqual([{ id, kind: 'rode-draad', text: 'Informatie kwam te laat', locked: false, dots: null }])
    expect(shape(placeholders[0]!.id)).toBeUndefined()
    expect(shape(placeholders[1]!.id)).toBeDefined()
  })

  it('adds moments where their date puts them, duidingen under them, agreements with their fields', () => {
    const { store, part, shape } = listStore()
    const march = addCard(store, { part: part('tijdlijn'), date: '2024-03-01' }, 'Overleg')
    const jan = addCard(store, { part: part('tijdlijn'), date: '2024-01-15' }, 'Melding')
    const duiding = addCard(store, { duidingOf: jan }, 'Niemand voelde zich eigenaar')
    const timeline = part('tijdlijn')
    expect(timeline.cards.map((c) => [c.id, c.kind, c.text, c.date])).toEqual([
      [jan, 'moment', 'Melding', '2024-01-15'],
      [march, 'moment', 'Overleg', '2024-03-01'],
    ])
    expect(timeline.cards[0]!.duidingen).toEqual([{ id: duiding, kind: 'duiding', text: 'Niemand voelde zich eigenaar', locked: false, dots: null }])
    expect(shape<TLNoteShape>(duiding)!.props.color).toBe(KIND_COLOURS.duiding)

    const agreement = addCard(store, { part: part('afspraken') }, 'Casus evalueren')
    setAgreementField(store, agreement, 'wie', 'Gemeente')
    expect(cardIn(part('afspraken'), agreement)).toMatchObject({ kind: 'afspraak', agreement: { wat: 'Casus evalueren', wie: 'Gemeente', wanneer: '', hoe: '' } })
    expect(plainText(shape(agreement) as unknown as Shape)).toBe('Wat: Casus evalueren\nWie: Gemeente\nWanneer:\nHoe:')
  })

  it('sets text, a moment’s date and an agreement’s field the way the card panel does', () => {
    const { store, part, shape } = listStore()
    const moment = addCard(store, { part: part('tijdlijn') }, 'Eerste melding\nDatum: 3 maart 2023')
    expect(cardIn(part('tijdlijn'), moment)).toMatchObject({ text: 'Eerste melding', date: '3 maart 2023' })
    setDate(store, moment, '2023-03-04')
    // The note shows its date in its badge: the line goes, meta.date holds it.
    expect(shape(moment)!.meta.date).toBe('2023-03-04')
    expect(plainText(shape(moment) as unknown as Shape)).toBe('Eerste melding')
    const long = 'Een veel langere tekst die over meerdere regels loopt, zodat de kaart moet groeien om alles te laten zien'
    setText(store, moment, long)
    expect(shape<TLNoteShape>(moment)!.props.growY).toBe(noteGrowY(long, 'm'))
    expect(cardIn(part('tijdlijn'), moment)).toMatchObject({ text: long, date: '2023-03-04' })

    // A template agreement card (a geo box with the four prompt lines).
    const agreement = part('afspraken').cards[0]!
    setAgreementField(store, agreement.id as TLShapeId, 'wanneer', '1 juni 2025')
    setAgreementField(store, agreement.id as TLShapeId, 'wat', 'Terugkoppeling')
    expect(cardIn(part('afspraken'), agreement.id)!.agreement).toEqual({ wat: 'Terugkoppeling', wie: '', wanneer: '1 juni 2025', hoe: '' })
    expect(shape(agreement.id)!.meta).toMatchObject({ wat: 'Terugkoppeling', wanneer: '1 juni 2025' })
  })

  it('keeps a card that grows near its part’s bottom edge in that part (it moves up, not out)', () => {
    const { store, part, shape, docRecords } = listStore()
    const threads = part('rode-draden')
    const frame = docRecords().find((r): r is TLShape => r.id === threads.frameId)!
    const { h } = frame.props as { h: number }
    const id = addCard(store, { part: threads }, 'Kort')
    // Someone on the canvas dragged it down: its centre just inside the frame's bottom edge.
    const note = shape<TLNoteShape>(id)!
    store.put([{ ...note, y: frame.y + h - 120 }])
    const long = Array.from({ length: 12 }, (_, i) => `Regel ${i + 1} van een lange toelichting`).join('\n')
    setText(store, id, long)
    const grown = shape<TLNoteShape>(id)!
    expect(grown.props.growY).toBe(noteGrowY(long, 'm'))
    expect(grown.y).toBeLessThan(frame.y + h - 120)
    expect(grown.y + 200 + grown.props.growY).toBeLessThanOrEqual(frame.y + h)
    expect(cardIn(part('rode-draden'), id)).toMatchObject({ text: long })

    // A field written on an agreement near the bottom: the same.
    const agreements = part('afspraken')
    const agreementFrame = docRecords().find((r): r is TLShape => r.id === agreements.frameId)!
    const agreement = addCard(store, { part: agreements }, 'Evalueren')
    store.put([{ ...shape<TLNoteShape>(agreement)!, y: agreementFrame.y + (agreementFrame.props as { h: number }).h - 150 }])
    setAgreementField(store, agreement, 'hoe', Array.from({ length: 8 }, () => 'in een werksessie met alle partners').join(' '))
    expect(cardIn(part('afspraken'), agreement)).toMatchObject({ kind: 'afspraak' })
  })

  it('moves a card to another part, where it takes that part’s kind and colour', () => {
    const { store, part, shape } = listStore()
    const moment = addCard(store, { part: part('tijdlijn') }, 'Te laat gedeeld')
    moveToPart(store, moment, 'rode-draden')
    expect(cardIn(part('rode-draden'), moment)).toMatchObject({ kind: 'rode-draad', text: 'Te laat gedeeld' })
    // To the part it is in already: it stays where it is.
    const there = store.get(moment)
    moveToPart(store, moment, 'rode-draden')
    expect(store.get(moment)).toBe(there)
    expect(cardIn(part('tijdlijn'), moment)).toBeUndefined()
    expect(shape<TLNoteShape>(moment)!).toMatchObject({ props: { color: KIND_COLOURS['rode-draad'] }, meta: { kind: 'rode-draad' } })
    // A colour someone chose stays.
    store.put([{ ...(store.get(moment) as TLNoteShape), props: { ...(store.get(moment) as TLNoteShape).props, color: 'violet' } }])
    moveToPart(store, moment, 'lessen')
    expect(shape<TLNoteShape>(moment)!).toMatchObject({ props: { color: 'violet' }, meta: { kind: 'les' } })
    moveToPart(store, moment, null)
    expect(cardIn(part('lessen'), moment)).toBeUndefined()
    expect(buildOutline({ records: store.allRecords(), templateId: 'casusreconstructie' }).at(-1)).toMatchObject({ zone: null, cards: [{ id: moment }] })
  })

  it('moves a moment to another part with its duidingen, which take that part’s kind (they do not fall to another moment)', () => {
    const { store, part } = listStore()
    const tl = () => part('tijdlijn')
    const a = addCard(store, { part: tl() }, 'A')
    const b = addCard(store, { part: tl() }, 'B')
    const underA = addCard(store, { duidingOf: a }, 'Bij A')
    moveToPart(store, a, 'rode-draden')
    expect(cardIn(part('rode-draden'), a)).toMatchObject({ kind: 'rode-draad', text: 'A' })
    expect(cardIn(part('rode-draden'), underA)).toMatchObject({ kind: 'rode-draad', text: 'Bij A' })
    expect(tl().cards.map((card) => [card.id, card.duidingen])).toEqual([[b, []]])
  })

  it('ticks a checklist item as the card panel does; new text keeps the box as it is now', () => {
    let item = '' as TLShapeId
    const { store, part, shape } = listStore((board) => {
      item = board.note('lessen', 40, 120, '☐ Uitnodiging versturen', { kind: 'checklist', checked: false }).id
    })
    const text = () => plainText(shape(item) as unknown as Shape)
    expect(cardIn(part('lessen'), item)).toMatchObject({ kind: 'checklist', text: 'Uitnodiging versturen', checked: false })
    setChecked(store, item, true)
    expect(shape(item)!.meta.checked).toBe(true)
    expect(text()).toBe('☑ Uitnodiging versturen')
    // The list edits the text without its box: the box comes back ticked, as the card is now.
    setText(store, item, 'Uitnodiging op tijd versturen')
    expect(text()).toBe('☑ Uitnodiging op tijd versturen')
    expect(cardIn(part('lessen'), item)).toMatchObject({ text: 'Uitnodiging op tijd versturen', checked: true })
    setChecked(store, item, false)
    expect(shape(item)!.meta.checked).toBe(false)
    expect(text()).toBe('☐ Uitnodiging op tijd versturen')
  })

  it('moves a moment along the timeline with its duidingen, and swaps cards in rows', () => {
    const { store, part } = listStore()
    const tl = () => part('tijdlijn')
    const a = addCard(store, { part: tl() }, 'A')
    const b = addCard(store, { part: tl() }, 'B')
    const c = addCard(store, { part: tl() }, 'C')
    const underC = addCard(store, { duidingOf: c }, 'Bij C')
    expect(tl().cards.map((card) => card.id)).toEqual([a, b, c])
    expect(moveAlong(store, c, 'earlier')).toBe(true)
    expect(tl().cards.map((card) => card.id)).toEqual([a, c, b])
    expect(cardIn(tl(), c)!.duidingen!.map((d) => d.id)).toEqual([underC])
    expect(moveAlong(store, c, 'earlier')).toBe(true)
    expect(moveAlong(store, c, 'earlier')).toBe(false)
    expect(tl().cards.map((card) => card.id)).toEqual([c, a, b])
    // An interpretation goes under the next moment.
    expect(moveAlong(store, underC, 'later')).toBe(true)
    expect(cardIn(tl(), a)!.duidingen!.map((d) => d.id)).toEqual([underC])

    const first = addCard(store, { part: part('lessen') }, 'Les 1')
    const second = addCard(store, { part: part('lessen') }, 'Les 2')
    const lessons = () => part('lessen').cards.map((card) => card.id).filter((id) => id === first || id === second)
    expect(lessons()).toEqual([first, second])
    expect(moveAlong(store, second, 'earlier')).toBe(true)
    expect(lessons()).toEqual([second, first])
  })

  it('removes a card and the arrow bindings to it', () => {
    const { store, part, docRecords } = listStore()
    const a = addCard(store, { part: part('lessen') }, 'Van')
    const b = addCard(store, { part: part('lessen') }, 'Naar')
    const [arrow, ...bindings] = arrowRecords({ id: 'shape:pijl' as TLShapeId, parentId: 'page:page' as never, index: indexKey(1000), x: 0, y: 0, start: { point: { x: 0, y: 0 }, to: a }, end: { point: { x: 10, y: 0 }, to: b } })
    store.put([arrow, ...bindings])
    removeCard(store, b)
    const ids = docRecords().map((record) => record.id)
    expect(ids).not.toContain(b)
    expect(ids).toContain(arrow.id)
    expect(ids).toContain(a)
    expect(docRecords().filter((record): record is TLArrowBinding => record.typeName === 'binding' && record.fromId === arrow.id).map((binding) => binding.toId)).toEqual([a])
  })

  it('refuses every change to a locked card (throws CardEditError "locked"), changing nothing', () => {
    let lockedId = '' as TLShapeId
    const { store, part, docRecords } = listStore((board) => {
      const note = board.note('tijdlijn', 600, 300, 'Vastgezet moment', { kind: 'moment', date: '2024-01-01' })
      ;(note as { isLocked: boolean }).isLocked = true
      lockedId = note.id
    })
    expect(cardIn(part('tijdlijn'), lockedId)).toMatchObject({ locked: true })
    const before = JSON.stringify(docRecords())
    const writes: Array<() => unknown> = [
      () => setText(store, lockedId, 'Anders'),
      () => setDate(store, lockedId, '2025-01-01'),
      () => setAgreementField(store, lockedId, 'wie', 'Iemand'),
      () => setChecked(store, lockedId, true),
      () => moveToPart(store, lockedId, 'rode-draden'),
      () => moveAlong(store, lockedId, 'later'),
      () => removeCard(store, lockedId),
    ]
    for (const write of writes) expect(write).toThrow(new CardEditError('locked'))
    expect(JSON.stringify(docRecords())).toBe(before)
    expect(() => setText(store, 'shape:weg' as TLShapeId, 'x')).toThrow(new CardEditError('missing'))
  })
})
