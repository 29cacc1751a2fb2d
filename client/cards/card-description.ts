/**
 * What a screen reader hears for a card on the canvas (tldraw reads a shape util's
 * getAriaDescriptor when the card is selected): its kind first, then what it says, e.g.
 * "Moment, 12 maart 2024: Melding bij Veilig Thuis", "Afspraak — wat: …, wie: …, wanneer: …".
 * The same kinds, dates and fields as the card panel and the harvest (shared/card-rules.ts).
 */
import type { Editor, TLShape } from 'tldraw'
import { plainText, type Shape } from '../../shared/board-geometry.ts'
import { agreementOf, AGREEMENT_FIELDS, cardDate, checklistItem, isCard, type CardKind } from '../../shared/card-rules.ts'
import { translate, type Lang } from '../i18n.ts'
import { kindOf } from './lane-style.ts'

export interface DescribedCard {
  kind: CardKind
  /** The card's plain text, lines separated by \n. */
  text: string
  meta: Record<string, unknown>
}

/**
 * A shape's description as a card of this board, in the board's language; undefined for what is
 * no card (scaffolding, an empty text or geo shape): tldraw then reads its text, as before.
 */
export function describeShapeOnBoard(editor: Editor, shape: TLShape): string | undefined {
  const card = shape as unknown as Shape
  if (!isCard(card)) return undefined
  const lang: Lang = editor.user.getLocale() === 'en' ? 'en' : 'nl'
  // The templates' agreement cards say what they are (as lane-style.ts's caret rule reads them), wherever they lie.
  const kind = AGREEMENT_META_KINDS.has(String(shape.meta.kind)) ? 'afspraak' : (kindOf(editor, shape) ?? 'kaart')
  return describeCard({ kind, text: plainText(card), meta: shape.meta as Record<string, unknown> }, lang)
}

const AGREEMENT_META_KINDS = new Set(['afspraak', 'informatiedeling', 'vervolgafspraak'])

export function describeCard(card: DescribedCard, lang: Lang): string {
  const kind = translate(lang, `card.kind.${card.kind}`)
  const said = (text: string) => oneLine(text) || translate(lang, 'card.emptyText')
  switch (card.kind) {
    case 'moment': {
      const { date, text } = cardDate(card)
      return date ? `${kind}, ${spokenDate(date, lang)}: ${said(text)}` : `${kind}: ${said(text)}`
    }
    case 'afspraak': {
      const agreement = agreementOf(card)
      const fields = AGREEMENT_FIELDS.filter(({ field }) => agreement[field].trim() !== '').map(({ field }) => `${translate(lang, `card.${field}`).toLowerCase()}: ${oneLine(agreement[field])}`)
      return fields.length > 0 ? `${kind} — ${fields.join(', ')}` : `${kind}: ${translate(lang, 'card.emptyText')}`
    }
    case 'checklist': {
      // checklistItem reads only the shape's meta.
      const item = checklistItem({ shape: { meta: card.meta } as unknown as Shape, text: card.text })
      const checked = item?.checked === true || card.meta.checked === true
      return `${kind}${checked ? `, ${translate(lang, 'card.checked').toLowerCase()}` : ''}: ${said(item?.text ?? card.text)}`
    }
    default:
      return `${kind}: ${said(card.text)}`
  }
}

/** Lines read as one sentence each. */
function oneLine(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('. ')
}

/** A date as YYYY-MM-DD said in words ("12 maart 2024"); a date written otherwise as written. */
function spokenDate(date: string, lang: Lang): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!iso) return date
  const when = new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])))
  return when.toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
}
