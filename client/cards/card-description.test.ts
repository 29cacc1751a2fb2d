import { PageRecordType, toRichText, type Editor, type TLGeoShape, type TLNoteShape, type TLPageId, type TLShape, type TLTextShape } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { casusreconstructie } from '../../templates/casusreconstructie.ts'
import { describeCard } from './card-description.ts'
import { BoardGeoShapeUtil, BoardTextShapeUtil } from './card-shapes.ts'
import { BoardNoteShapeUtil } from './note-shape.tsx'

describe('describeCard', () => {
  it('says a moment with its date in words, or as written', () => {
    expect(describeCard({ kind: 'moment', text: 'Melding bij Veilig Thuis', meta: { date: '2024-03-12' } }, 'nl')).toBe('Moment, 12 maart 2024: Melding bij Veilig Thuis')
    expect(describeCard({ kind: 'moment', text: 'Melding bij Veilig Thuis', meta: { date: '2024-03-12' } }, 'en')).toBe('Moment, 12 March 2024: Melding bij Veilig Thuis')
    expect(describeCard({ kind: 'moment', text: 'Datum: voorjaar 2023\nHuisbezoek', meta: {} }, 'nl')).toBe('Moment, voorjaar 2023: Huisbezoek')
    expect(describeCard({ kind: 'moment', text: 'Huisbezoek', meta: {} }, 'nl')).toBe('Moment: Huisbezoek')
  })

  it('names an agreement’s filled-in fields', () => {
    const text = 'Wat: Casusregie beleggen\nWie: Gemeente\nWanneer: \nHoe: '
    expect(describeCard({ kind: 'afspraak', text, meta: { wanneer: '1 juni' } }, 'nl')).toBe('Afspraak — wat: Casusregie beleggen, wie: Gemeente')
    expect(describeCard({ kind: 'afspraak', text: 'Wat: Casusregie\nWie: Gemeente\nWanneer: 1 juni\nHoe: overleg', meta: {} }, 'en')).toBe('Agreement — what: Casusregie, who: Gemeente, when: 1 juni, how: overleg')
    expect(describeCard({ kind: 'afspraak', text: 'Wat: \nWie: \nWanneer: \nHoe: ', meta: {} }, 'nl')).toBe('Afspraak: (nog leeg)')
  })

  it('says the kind of other cards, a checklist item’s tick, and an empty card as empty', () => {
    expect(describeCard({ kind: 'duiding', text: 'Niemand voelde zich eigenaar', meta: {} }, 'nl')).toBe('Duiding: Niemand voelde zich eigenaar')
    expect(describeCard({ kind: 'rode-draad', text: 'Informatie bleef hangen\nbij de wijkteams', meta: {} }, 'nl')).toBe('Rode draad: Informatie bleef hangen. bij de wijkteams')
    expect(describeCard({ kind: 'checklist', text: '☑ Rollen benoemd', meta: {} }, 'nl')).toBe('Checklistpunt, afgevinkt: Rollen benoemd')
    expect(describeCard({ kind: 'checklist', text: '☐ Rollen benoemd', meta: {} }, 'nl')).toBe('Checklistpunt: Rollen benoemd')
    expect(describeCard({ kind: 'les', text: '  ', meta: {} }, 'nl')).toBe('Les: (nog leeg)')
  })
})

describe('BoardNoteShapeUtil.getAriaDescriptor', () => {
  const pageId = 'page:page' as TLPageId
  const shapes = casusreconstructie.build(pageId).filter((record): record is TLShape => record.typeName === 'shape')
  const page = PageRecordType.create({ id: pageId, name: 'Pagina 1', index: 'a1' as never })
  /** Just what the descriptor reads of an editor: the board's shapes and the language. */
  const editorWith = (extra: TLShape[], locale: string) =>
    ({ user: { getLocale: () => locale }, getPages: () => [page], getCurrentPageShapes: () => [...shapes, ...extra] }) as unknown as Editor

  it('describes a card by the lane it lies in, in the board’s language', () => {
    const placeholder = shapes.find((shape): shape is TLNoteShape => shape.type === 'note' && shape.meta.kind === 'moment')!
    const moment: TLNoteShape = { ...placeholder, props: { ...placeholder.props, richText: toRichText('Melding bij Veilig Thuis') }, meta: { ...placeholder.meta, date: '2024-03-12' } }
    expect(new BoardNoteShapeUtil(editorWith([], 'nl')).getAriaDescriptor(moment)).toBe('Moment, 12 maart 2024: Melding bij Veilig Thuis')
    expect(new BoardNoteShapeUtil(editorWith([], 'en')).getAriaDescriptor(moment)).toBe('Moment, 12 March 2024: Melding bij Veilig Thuis')
    const duiding = shapes.find((shape): shape is TLNoteShape => shape.type === 'note' && shape.meta.kind === 'duiding')!
    expect(new BoardNoteShapeUtil(editorWith([], 'nl')).getAriaDescriptor(duiding)).toBe('Duiding: (nog leeg)')
  })

  it('describes the templates’ agreement cards (geo shapes) as agreements, and leaves scaffolding to tldraw', () => {
    const util = new BoardGeoShapeUtil(editorWith([], 'nl'))
    const followUp = shapes.find((shape): shape is TLGeoShape => shape.type === 'geo' && shape.meta.kind === 'vervolgafspraak')!
    expect(util.getAriaDescriptor(followUp)).toBe('Afspraak — wat: terugblikken op de casus en de ontwikkelingen bespreken')
    const empty = shapes.find((shape): shape is TLGeoShape => shape.type === 'geo' && shape.meta.kind === 'afspraak')!
    expect(util.getAriaDescriptor(empty)).toBe('Afspraak: (nog leeg)')
    const heading = shapes.find((shape): shape is TLTextShape => shape.type === 'text' && shape.meta.scaffold === true)!
    expect(new BoardTextShapeUtil(editorWith([], 'nl')).getAriaDescriptor(heading)).toBeUndefined()
  })
})
