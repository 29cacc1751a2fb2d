/**
 * What a shape is, for saying what changed on a board: a moment or an interpretation on the
 * timeline, a common thread, a lesson, an agreement, another card, or any other shape. Read from
 * the zone it lies in, with the card rules the harvest report uses (shared/card-rules.ts).
 */
import type { BoardGeometry, Shape } from '../../shared/board-geometry.ts'
import { cardInfo, isCard } from '../../shared/card-rules.ts'

export const CHANGE_KINDS = ['moment', 'duiding', 'rode-draad', 'les', 'afspraak', 'kaart', 'vorm'] as const
export type ChangeKind = (typeof CHANGE_KINDS)[number]

export interface ShapePlace {
  kind: ChangeKind
  /** The `meta.zone` of the frame the shape lies in, if any. */
  zone: string | null
}

/** `zoneFrames`: pass `geometry.zoneFrames()` once when classifying many shapes. */
export function placeOf(geometry: BoardGeometry, shape: Shape, zoneFrames: readonly Shape[] = geometry.zoneFrames()): ShapePlace {
  const info = cardInfo(geometry, shape, zoneFrames)
  const zone = info.zone?.zone ?? null
  if (!isCard(shape)) return { kind: 'vorm', zone }
  // A checklist item is a plain card here.
  return { kind: info.kind === 'checklist' ? 'kaart' : info.kind, zone }
}
