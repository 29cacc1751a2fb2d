/**
 * The order in which a facilitator's prepared cards are revealed: those on the timeline from left
 * to right (a moment before the interpretation under it), then the others in reading order (pages,
 * then rows top to bottom). The same reading-order helpers as the harvest, so the list and the
 * report agree.
 */
import { BoardGeometry, sortLeftToRight, type HarvestRecord, type Item } from '../../shared/board-geometry.ts'
import { TIMELINE_ZONE } from '../../shared/card-rules.ts'
import { plainText } from '../../shared/plain-text.ts'

export interface PreparedCard {
  id: string
  text: string
  onTimeline: boolean
}

/** `records`: the whole store (board and draft); `prepared`: the ids of my prepared cards. */
export function preparedInOrder(records: readonly HarvestRecord[], prepared: ReadonlySet<string>): PreparedCard[] {
  if (prepared.size === 0) return []
  const geometry = new BoardGeometry(records)
  const frames = geometry.zoneFrames()
  const timeline: Item[] = []
  const elsewhere: Item[] = []
  for (const id of prepared) {
    const shape = geometry.shape(id)
    if (!shape) continue
    const box = geometry.bounds(shape)
    const item: Item = { shape, text: plainText(shape), box, centre: { x: (box.minX + box.maxX) / 2, y: (box.minY + box.maxY) / 2 } }
    if (geometry.zoneOf(shape, frames)?.meta.zone === TIMELINE_ZONE) timeline.push(item)
    else elsewhere.push(item)
  }
  return [
    ...sortLeftToRight(timeline).map((item) => ({ id: item.shape.id, text: item.text, onTimeline: true })),
    ...geometry.pageOrdered(elsewhere).map((item) => ({ id: item.shape.id, text: item.text, onTimeline: false })),
  ]
}
