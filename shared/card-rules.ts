/**
 * What a card is and what it says, as the harvest report (server) and the board (client: card
 * panel, card faces, new cards taking their lane's style) both read it. One place, so the board
 * and the report never disagree:
 *
 * - a card's kind follows from where it lies: on the timeline (zone `tijdlijn`) the upper lane
 *   holds moments and the lower one their interpretations (duidingen); the zones `rode-draden`,
 *   `lessen` and `afspraken` hold red threads, lessons and agreements; a checkbox glyph makes a
 *   checklist item; anything else is a plain card;
 * - each kind has its colour (KIND_COLOURS), which the templates use and new cards take;
 * - a moment's date is `meta.date`, else a line "Datum: …" (or "Date: …") on the card;
 * - an agreement has four fields, Wat / Wie / Wanneer / Hoe: the card's labelled line for each
 *   when it has one (what everyone sees on the board), else `meta.<field>`.
 */
import type { TLDefaultColorStyle } from '@tldraw/tlschema'
import type { BoardGeometry, Shape } from './board-geometry.ts'
import { plainText } from './plain-text.ts'

export type CardKind = 'moment' | 'duiding' | 'rode-draad' | 'les' | 'afspraak' | 'checklist' | 'kaart'

export const TIMELINE_ZONE = 'tijdlijn'
export const AGREEMENTS_ZONE = 'afspraken'

/** Zones whose cards are of one kind (the timeline has two lanes, see cardInfo). */
const ZONE_KINDS: Readonly<Record<string, CardKind>> = { afspraken: 'afspraak', 'rode-draden': 'rode-draad', lessen: 'les' }

/** The tldraw colour of each kind's cards: moments yellow, interpretations blue, red threads red… */
export const KIND_COLOURS = {
  moment: 'yellow',
  duiding: 'light-blue',
  'rode-draad': 'light-red',
  les: 'light-green',
  afspraak: 'orange',
} as const satisfies Partial<Record<CardKind, TLDefaultColorStyle>>

export interface CardInfo {
  kind: CardKind
  /** The zone frame the card lies in, if any. */
  zone: { id: string; zone: string; name: string } | null
}

/** A card is a participant's note, or a text or geo shape with text, that is not scaffolding. */
export function isCard(shape: Shape): boolean {
  if (shape.meta.scaffold === true) return false
  if (shape.type === 'note') return true
  return (shape.type === 'text' || shape.type === 'geo') && plainText(shape) !== ''
}

/** A card that can take dots in a vote: one with text (a template's blank note offers nothing to choose). */
export function isVotableCard(shape: Shape): boolean {
  return isCard(shape) && plainText(shape).trim() !== ''
}

/** `zoneFrames`: pass `geometry.zoneFrames()` once when classifying many shapes. */
export function cardInfo(geometry: BoardGeometry, shape: Shape, zoneFrames: readonly Shape[] = geometry.zoneFrames()): CardInfo {
  const frame = geometry.zoneOf(shape, zoneFrames)
  const zone = frame ? { id: frame.id, zone: String(frame.meta.zone), name: frameName(frame) } : null
  if (frame && zone?.zone === TIMELINE_ZONE) return { kind: timelineLane(geometry, shape, frame), zone }
  if (zone?.zone === AGREEMENTS_ZONE) return { kind: 'afspraak', zone }
  return { kind: zoneCardKind(zone?.zone ?? null, shape), zone }
}

/**
 * A card's kind in a zone other than the timeline (whose lanes need geometry, see timelineLane):
 * every card among the agreements is one, else a checkbox makes a checklist item, else the zone's kind.
 */
export function zoneCardKind(zone: string | null, shape: Shape): CardKind {
  if (zone === AGREEMENTS_ZONE) return 'afspraak'
  if (isChecklist(shape)) return 'checklist'
  return (zone ? ZONE_KINDS[zone] : undefined) ?? 'kaart'
}

/** On the timeline: above the interpretations lane a moment, else an interpretation. */
export function timelineLane(geometry: BoardGeometry, shape: Shape, timeline: Shape): 'moment' | 'duiding' {
  const box = geometry.bounds(shape)
  return (box.minY + box.maxY) / 2 < geometry.laneBoundary(timeline) ? 'moment' : 'duiding'
}

function frameName(frame: Shape): string {
  return typeof frame.props.name === 'string' && frame.props.name.trim() ? frame.props.name : String(frame.meta.zone)
}

// ---------------------------------------------------------------------------------------------
// Checklists

const CHECKBOX_START = /^[☐☑☒]/u
const CHECKED_START = /^[☑☒✓✔✅]/u
/** A checkbox glyph at the start of a card: ☐ open; ☑ ☒ ✓ ✔ ✅ done. */
const CHECKBOX_PREFIX = /^[☐☑☒✓✔✅]\uFE0F?(?:\s+|$)/u

/** `meta.kind: "checklist"`, or text starting with ☐ or ☑. */
export function isChecklist(shape: Shape): boolean {
  return shape.meta.kind === 'checklist' || CHECKBOX_START.test(plainText(shape))
}

/** Whether a checklist card counts as done: `meta.checked`, or a check glyph at its start. */
export function isChecked(shape: Shape): boolean {
  return shape.meta.checked === true || CHECKED_START.test(plainText(shape))
}

/** A checklist card's tick and its text without the glyph; null for other cards. */
export function checklistItem(item: { shape: Shape; text: string }): { checked: boolean; text: string } | null {
  if (item.shape.meta.kind !== 'checklist' && !CHECKBOX_START.test(item.text)) return null
  const text = item.text.replace(CHECKBOX_PREFIX, '')
  return { checked: item.shape.meta.checked === true || CHECKED_START.test(item.text), text: text || item.text }
}

// ---------------------------------------------------------------------------------------------
// Labelled lines ("Wie: Gemeente")

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Matches a line "label: value" for any of `labels` (case-insensitive); groups: label, value. */
export function labelPattern(labels: readonly string[]): RegExp {
  return new RegExp(`^\\s*(${labels.map(escapeRegExp).join('|')})\\s*:\\s*(.*)$`, 'i')
}

/** The value of the first line "label: value" in plain text (any of `labels`), or null when there is none. */
export function labelledValue(text: string, labels: readonly string[]): string | null {
  const pattern = labelPattern(labels)
  for (const line of text.split('\n')) {
    const match = pattern.exec(line)
    if (match) return match[2]!.trim()
  }
  return null
}

// ---------------------------------------------------------------------------------------------
// A moment's date

/** The labels of a date line typed on a card. */
export const DATE_LABELS = ['datum', 'date'] as const
const DATE_LINE = labelPattern(DATE_LABELS)

/**
 * A card's date: `meta.date`, else its first line "Datum: …". `text` is the card's text without
 * that line, so a date is never shown twice.
 */
export function cardDate(card: { text: string; meta: Record<string, unknown> }): { date: string; text: string } {
  const meta = typeof card.meta.date === 'string' ? card.meta.date.trim() : ''
  const lines = card.text.split('\n')
  const at = lines.findIndex((line) => DATE_LINE.test(line))
  const text = at === -1 ? card.text : lines.filter((_, i) => i !== at).join('\n')
  const date = meta || (at === -1 ? '' : DATE_LINE.exec(lines[at]!)![2]!.trim())
  return { date, text }
}

// ---------------------------------------------------------------------------------------------
// Agreements

export type AgreementField = 'wat' | 'wie' | 'wanneer' | 'hoe'

export type Agreement = Record<AgreementField, string>

/**
 * The four fields in the order a card shows them, with the line labels that mean each and the
 * meta keys that hold it when the card has no such line (an older `meta.date` means "wanneer").
 */
export const AGREEMENT_FIELDS: readonly { field: AgreementField; label: string; labels: readonly string[]; meta: readonly string[] }[] = [
  { field: 'wat', label: 'Wat', labels: ['wat'], meta: ['wat'] },
  { field: 'wie', label: 'Wie', labels: ['wie'], meta: ['wie'] },
  { field: 'wanneer', label: 'Wanneer', labels: ['wanneer', 'datum'], meta: ['wanneer', 'date'] },
  { field: 'hoe', label: 'Hoe', labels: ['hoe'], meta: ['hoe'] },
]

/** The text of an empty agreement card: one labelled line per field, to be filled in. */
export const AGREEMENT_TEXT = AGREEMENT_FIELDS.map(({ label }) => `${label}: `).join('\n')

const AGREEMENT_LINE = labelPattern(AGREEMENT_FIELDS.flatMap(({ labels }) => labels))

/**
 * An agreement card's fields. A field the card shows as a labelled line is that line (so the
 * report says what the board says); a field without a line comes from meta. Unlabelled text
 * belongs to "wat".
 */
export function agreementOf(card: { text: string; meta: Record<string, unknown> }): Agreement {
  const lines: Record<AgreementField, string[] | null> = { wat: null, wie: null, wanneer: null, hoe: null }
  const loose: string[] = []
  for (const line of card.text.split('\n')) {
    const match = AGREEMENT_LINE.exec(line)
    if (!match) {
      loose.push(line)
      continue
    }
    const label = match[1]!.toLowerCase()
    const { field } = AGREEMENT_FIELDS.find(({ labels }) => labels.includes(label))!
    ;(lines[field] ??= []).push(match[2]!)
  }
  const joined = (values: readonly string[]) =>
    values
      .map((value) => value.trim())
      .filter(Boolean)
      .join('\n')
  const fromMeta = (keys: readonly string[]) => {
    for (const key of keys) {
      const value = card.meta[key]
      if (typeof value === 'string' && value.trim()) return value.trim()
    }
    return ''
  }
  const result = {} as Agreement
  for (const { field, meta } of AGREEMENT_FIELDS) {
    const shown = lines[field]
    result[field] = shown ? joined(shown) : fromMeta(meta)
  }
  if (loose.length > 0) result.wat = joined([...(lines.wat ?? (result.wat ? [result.wat] : [])), ...loose])
  return result
}
