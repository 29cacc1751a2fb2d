/**
 * What differs between two states of a board (a snapshot and now, or two snapshots): which
 * shapes were added, removed or changed, what kind each is (from its zone, see change-kind.ts),
 * and a one-line summary such as "3 momenten toegevoegd, 1 rode draad gewijzigd".
 *
 * Pure: records in, changes out; no editor needed, so it runs (and is tested) in Node.
 *
 * A shape counts as changed only for differences a person would call a change. Ignored: its
 * `index` (stacking order churns when others bring shapes forward), moves of a pixel or less,
 * and props tldraw derives from the text by measuring it in the browser (`growY`,
 * `fontSizeAdjustment`, an auto-sized text's width), which differ between machines.
 */
import { BoardGeometry, plainText, type Box, type HarvestRecord, type Shape } from '../../shared/board-geometry.ts'
import type { MessageKey, Translate } from '../i18n.ts'
import { CHANGE_KINDS, placeOf, type ChangeKind } from './change-kind.ts'

export const CHANGE_TYPES = ['added', 'changed', 'removed'] as const
export type ChangeType = (typeof CHANGE_TYPES)[number]

export const CHANGE_ASPECTS = ['text', 'position', 'size', 'style', 'meta', 'other'] as const
export type ChangeAspect = (typeof CHANGE_ASPECTS)[number]

/** Moves and resizes up to this many page pixels are noise (rounding, snapping, another browser). */
export const POSITION_TOLERANCE = 1

/** One side of a change: where the shape was (or is) and what it said. */
export interface ShapeSide {
  text: string
  /** Page-space bounds, as the harvest estimates them. */
  box: Box
  pageId: string | null
}

export interface ShapeChange {
  id: string
  /** tldraw shape type (note, geo, text, arrow, …). */
  type: string
  change: ChangeType
  /** Where the shape is now, or where it was when it was removed. */
  kind: ChangeKind
  zone: string | null
  before: ShapeSide | null
  after: ShapeSide | null
  /** What differs, for `changed`; empty otherwise. */
  aspects: ChangeAspect[]
}

const TEXT_PROPS = new Set(['richText', 'text', 'name'])
const SIZE_PROPS = new Set(['w', 'h', 'scale'])
const DERIVED_PROPS = new Set(['growY', 'fontSizeAdjustment', 'textFirstEditedBy'])

/** Every shape that was added, removed or changed from `before` to `after`; added first, then changed, then removed. */
export function diffBoards(before: readonly HarvestRecord[], after: readonly HarvestRecord[]): ShapeChange[] {
  const then = new Side(before)
  const now = new Side(after)
  const changes: ShapeChange[] = []
  for (const shape of now.shapes()) {
    const old = then.geometry.shape(shape.id)
    if (!old) {
      changes.push({ id: shape.id, type: shape.type, change: 'added', ...now.place(shape), before: null, after: now.side(shape), aspects: [] })
      continue
    }
    const aspects = compareShapes(old, shape, then, now)
    if (aspects.length > 0) changes.push({ id: shape.id, type: shape.type, change: 'changed', ...now.place(shape), before: then.side(old), after: now.side(shape), aspects })
  }
  for (const shape of then.shapes()) {
    if (!now.geometry.shape(shape.id)) changes.push({ id: shape.id, type: shape.type, change: 'removed', ...then.place(shape), before: then.side(shape), after: null, aspects: [] })
  }
  const rank = (change: ShapeChange) => (change.change === 'removed' ? then : now).rank(change.id)
  return changes.sort(
    (a, b) =>
      CHANGE_TYPES.indexOf(a.change) - CHANGE_TYPES.indexOf(b.change) ||
      CHANGE_KINDS.indexOf(a.kind) - CHANGE_KINDS.indexOf(b.kind) ||
      compareRanks(rank(a), rank(b)),
  )
}

export interface ChangeCount {
  change: ChangeType
  kind: ChangeKind
  count: number
}

/** How many of each kind were added, changed and removed, in summary order. */
export function countChanges(changes: readonly ShapeChange[]): ChangeCount[] {
  const counts: ChangeCount[] = []
  for (const change of CHANGE_TYPES) {
    for (const kind of CHANGE_KINDS) {
      const count = changes.filter((item) => item.change === change && item.kind === kind).length
      if (count > 0) counts.push({ change, kind, count })
    }
  }
  return counts
}

/** "3 momenten toegevoegd, 1 rode draad gewijzigd, 2 kaarten verwijderd" (or "Geen verschillen"). */
export function summarizeChanges(changes: readonly ShapeChange[], t: Translate): string {
  const counts = countChanges(changes)
  if (counts.length === 0) return t('history.diff.none')
  return counts
    .map(({ change, kind, count }) => t(`history.diff.${change}`, { count: String(count), noun: kindNoun(kind, count, t) }))
    .join(t('history.diff.separator'))
}

export function kindNoun(kind: ChangeKind, count: number, t: Translate): string {
  const key = `history.kind.${kind}.${count === 1 ? 'one' : 'other'}` as const satisfies MessageKey
  return t(key)
}

/** The text a shape shows: its label, or a frame's name. */
export function shapeText(shape: Shape): string {
  if (shape.type === 'frame') return typeof shape.props.name === 'string' ? shape.props.name.trim() : ''
  return plainText(shape)
}

// ---------------------------------------------------------------------------------------------

/** One board state, with its geometry and zone frames worked out once. */
class Side {
  readonly geometry: BoardGeometry
  private readonly frames: Shape[]
  /** The shape records as stored (geometry keeps only what it reads). */
  private readonly records = new Map<string, HarvestRecord & { opacity?: unknown; isLocked?: unknown }>()

  constructor(records: readonly HarvestRecord[]) {
    this.geometry = new BoardGeometry(records)
    this.frames = this.geometry.zoneFrames()
    for (const record of records) if (record.typeName === 'shape') this.records.set(record.id, record)
  }

  shapes(): Shape[] {
    return [...this.records.keys()].flatMap((id) => this.geometry.shape(id) ?? [])
  }

  record(id: string) {
    return this.records.get(id)
  }

  place(shape: Shape) {
    return placeOf(this.geometry, shape, this.frames)
  }

  side(shape: Shape): ShapeSide {
    return { text: shapeText(shape), box: this.geometry.bounds(shape), pageId: this.geometry.pageOf(shape) }
  }

  /** Page order, then top to bottom, then left to right. */
  rank(id: string): [number, number, number] {
    const shape = this.geometry.shape(id)
    if (!shape) return [Number.MAX_SAFE_INTEGER, 0, 0]
    const box = this.geometry.bounds(shape)
    return [this.geometry.pageRank(shape), box.minY, box.minX]
  }
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!
  return 0
}

function compareShapes(old: Shape, shape: Shape, then: Side, now: Side): ChangeAspect[] {
  const aspects = new Set<ChangeAspect>()
  if (shapeText(old) !== shapeText(shape)) aspects.add('text')
  else if (!sameJson(old.props.richText, shape.props.richText)) aspects.add('style') // same words, other formatting

  const a = then.geometry.bounds(old)
  const b = now.geometry.bounds(shape)
  if (Math.abs(a.minX - b.minX) > POSITION_TOLERANCE || Math.abs(a.minY - b.minY) > POSITION_TOLERANCE) aspects.add('position')

  for (const key of new Set([...Object.keys(old.props), ...Object.keys(shape.props)])) {
    if (TEXT_PROPS.has(key) || DERIVED_PROPS.has(key)) continue
    if (SIZE_PROPS.has(key)) {
      if (key === 'w' && shape.type === 'text' && old.props.autoSize !== false && shape.props.autoSize !== false) continue
      if (differs(old.props[key], shape.props[key], key === 'scale' ? 0.001 : POSITION_TOLERANCE)) aspects.add('size')
    } else if (!sameJson(old.props[key], shape.props[key])) {
      aspects.add('style')
    }
  }

  if (!sameJson(old.meta, shape.meta)) aspects.add('meta')
  if (old.type !== shape.type || differs(old.rotation, shape.rotation, 1e-6)) aspects.add('other')
  const [oldRecord, record] = [then.record(old.id), now.record(shape.id)]
  if (oldRecord?.opacity !== record?.opacity || oldRecord?.isLocked !== record?.isLocked) aspects.add('other')
  return CHANGE_ASPECTS.filter((aspect) => aspects.has(aspect))
}

function differs(a: unknown, b: unknown, tolerance: number): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) > tolerance
  return !sameJson(a, b)
}

/** Deep equality of JSON values, whatever the key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const other = b as unknown[]
    return a.length === other.length && a.every((value, i) => sameJson(value, other[i]))
  }
  const left = a as Record<string, unknown>
  const right = b as Record<string, unknown>
  const keys = Object.keys(left).filter((key) => left[key] !== undefined)
  const otherKeys = Object.keys(right).filter((key) => right[key] !== undefined)
  return keys.length === otherKeys.length && keys.every((key) => sameJson(left[key], right[key]))
}
