/**
 * What a card on the board is, read from where it lies — the same rules the harvest report uses
 * (server/report/harvest.ts): the timeline's upper lane holds moments and the lower one their
 * interpretations, the agreements zone holds agreements, checklist cards are ticked off.
 */
import { BoardGeometry, plainText, type Shape } from '../../shared/board-geometry.ts'

export type CardKind = 'moment' | 'duiding' | 'rode-draad' | 'les' | 'afspraak' | 'checklist' | 'kaart'

export interface CardInfo {
  kind: CardKind
  /** The zone frame the card lies in, if any. */
  zone: { id: string; zone: string; name: string } | null
}

/** Zone ids the harvest treats specially (TIMELINE_ZONE, AGREEMENTS_ZONE there), and two that name a kind. */
const ZONE_KINDS: Record<string, CardKind> = { afspraken: 'afspraak', 'rode-draden': 'rode-draad', lessen: 'les' }
const TIMELINE_ZONE = 'tijdlijn'

const CHECKBOX_START = /^[☐☑☒]/u
const CHECKED_START = /^[☑☒✓✔✅]/u

/** A card is a participant's note, or a text or geo shape with text, that is not scaffolding. */
export function isCard(shape: Shape): boolean {
  if (shape.meta.scaffold === true) return false
  if (shape.type === 'note') return true
  return (shape.type === 'text' || shape.type === 'geo') && plainText(shape) !== ''
}

export function isChecklist(shape: Shape): boolean {
  return shape.meta.kind === 'checklist' || CHECKBOX_START.test(plainText(shape))
}

/** Whether a checklist card counts as done: `meta.checked`, or a check glyph at its start. */
export function isChecked(shape: Shape): boolean {
  return shape.meta.checked === true || CHECKED_START.test(plainText(shape))
}

export function cardInfo(geometry: BoardGeometry, shape: Shape): CardInfo {
  const frame = geometry.zoneOf(shape)
  const zone = frame ? { id: frame.id, zone: String(frame.meta.zone), name: typeof frame.props.name === 'string' && frame.props.name.trim() ? frame.props.name : String(frame.meta.zone) } : null
  if (frame && zone?.zone === TIMELINE_ZONE) {
    const box = geometry.bounds(shape)
    return { kind: (box.minY + box.maxY) / 2 < geometry.laneBoundary(frame) ? 'moment' : 'duiding', zone }
  }
  if (zone?.zone === 'afspraken') return { kind: 'afspraak', zone }
  if (isChecklist(shape)) return { kind: 'checklist', zone }
  return { kind: (zone && ZONE_KINDS[zone.zone]) ?? 'kaart', zone }
}
