/**
 * What a shape is, for saying what changed on a board: a moment or an interpretation on the
 * timeline, a common thread, a lesson, an agreement, another card, or any other shape. Read from
 * the zone it lies in, with the rules the harvest report uses (shared/board-geometry.ts): on the
 * timeline the upper lane holds moments and the lower lane their interpretations ("duidingen").
 */
import { plainText, type BoardGeometry, type Shape } from '../../shared/board-geometry.ts'

export const CHANGE_KINDS = ['moment', 'duiding', 'rode-draad', 'les', 'afspraak', 'kaart', 'vorm'] as const
export type ChangeKind = (typeof CHANGE_KINDS)[number]

const ZONE_KINDS: Readonly<Record<string, ChangeKind>> = { 'rode-draden': 'rode-draad', lessen: 'les', afspraken: 'afspraak' }
const TIMELINE_ZONE = 'tijdlijn'

/** A participant's card: a note, or a text or geo shape with text, that is not template scaffolding. */
export function isCard(shape: Shape): boolean {
  if (shape.meta.scaffold === true) return false
  if (shape.type === 'note') return true
  return (shape.type === 'text' || shape.type === 'geo') && plainText(shape) !== ''
}

export interface ShapePlace {
  kind: ChangeKind
  /** The `meta.zone` of the frame the shape lies in, if any. */
  zone: string | null
}

/** `zoneFrames`: pass `geometry.zoneFrames()` once when classifying many shapes. */
export function placeOf(geometry: BoardGeometry, shape: Shape, zoneFrames: readonly Shape[] = geometry.zoneFrames()): ShapePlace {
  const frame = geometry.zoneOf(shape, zoneFrames)
  const zone = frame ? String(frame.meta.zone) : null
  if (!isCard(shape)) return { kind: 'vorm', zone }
  if (frame && zone === TIMELINE_ZONE) {
    const box = geometry.bounds(shape)
    return { kind: (box.minY + box.maxY) / 2 < geometry.laneBoundary(frame) ? 'moment' : 'duiding', zone }
  }
  return { kind: (zone !== null && ZONE_KINDS[zone]) || 'kaart', zone }
}
