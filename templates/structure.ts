/**
 * "Save as template": the part of a board worth reusing is its structure — frames, scaffolding
 * (`meta.scaffold: true`) and the arrows that join them — never the participants' cards. The
 * structure is kept as records of one page and placed onto a new board's first page later.
 */
import { BoardGeometry, type Shape } from '../shared/board-geometry.ts'
import { withoutAuthor } from '../shared/authorship.ts'
import type { StoredRecord } from '../shared/doc-layout.ts'

/** The page id saved structures use; `placeOnPage` swaps it for the new board's page. */
export const STRUCTURE_PAGE_ID = 'page:page'

interface BindingRecord extends StoredRecord {
  fromId: string
  toId: string
}

const isShape = (record: StoredRecord): boolean => record.typeName === 'shape'
const isBinding = (record: StoredRecord): record is BindingRecord =>
  record.typeName === 'binding' && typeof record.fromId === 'string' && typeof record.toId === 'string'

/**
 * The structure of the board's first page: its frames and scaffold shapes, arrows whose every
 * binding ends on one of those, and the bindings between kept shapes. Everything kept is locked
 * (scaffolding must not be dragged by accident on the new board, even if the facilitator had
 * unlocked it), loses any author attribution, and sits on `STRUCTURE_PAGE_ID`. A kept shape
 * whose parent is not kept (scaffolding inside a card group, say) moves to the page, in place.
 * Images and other asset-backed shapes stay behind: their files belong to the old board.
 */
export function extractStructure(records: readonly StoredRecord[]): StoredRecord[] {
  const firstPage = records
    .filter((record) => record.typeName === 'page')
    .sort((a, b) => compareIndex(a.index, b.index))[0]
  if (!firstPage) return []
  const geometry = new BoardGeometry(records)
  const onPage = records.filter((record) => {
    const shape = isShape(record) ? geometry.shape(record.id) : undefined
    return shape !== undefined && geometry.pageOf(shape) === firstPage.id
  })

  const kept = new Set(onPage.filter((record) => isStructural(geometry.shape(record.id)!, record)).map((record) => record.id))
  const bindings = records.filter(isBinding)
  for (const record of onPage) {
    if (kept.has(record.id) || record.type !== 'arrow') continue
    const ends = bindings.filter((binding) => binding.fromId === record.id)
    if (ends.length > 0 && ends.every((binding) => kept.has(binding.toId))) kept.add(record.id)
  }

  const result: StoredRecord[] = []
  const pageIndexes = new Set(onPage.filter((record) => record.parentId === firstPage.id && kept.has(record.id)).map((record) => record.index as string))
  for (const record of onPage) {
    if (!kept.has(record.id)) continue
    const shape = geometry.shape(record.id)!
    let copy: StoredRecord = { ...structuredClone(record), isLocked: true }
    if (copy.parentId === firstPage.id) copy.parentId = STRUCTURE_PAGE_ID
    else if (!kept.has(copy.parentId as string)) copy = { ...copy, ...onPageAt(geometry, shape), index: freeIndex(pageIndexes, shape.index) }
    const clean = withoutAuthor(copy) // null only for user records, and these are shapes
    if (clean) result.push(clean)
  }
  for (const binding of bindings) {
    if (kept.has(binding.fromId) && kept.has(binding.toId)) result.push(structuredClone(binding))
  }
  return result
}

/** Copies of saved structure records with their page-level shapes on `pageId`. */
export function placeOnPage(records: readonly StoredRecord[], pageId: string): StoredRecord[] {
  return records.map((record) => {
    const copy = structuredClone(record)
    if (isShape(copy) && typeof copy.parentId === 'string' && copy.parentId.startsWith('page:')) copy.parentId = pageId
    return copy
  })
}

/** Whether a shape is structure: every frame, and whatever the template marked as scaffolding. */
function isStructural(shape: Shape, record: StoredRecord): boolean {
  const props = record.props as Record<string, unknown> | undefined
  if (props?.assetId != null) return false
  return shape.type === 'frame' || shape.meta.scaffold === true
}

/** A shape's page position and rotation, for moving it to the page without it jumping. */
function onPageAt(geometry: BoardGeometry, shape: Shape): { parentId: string; x: number; y: number; rotation: number } {
  const origin = geometry.toPage(shape, { x: 0, y: 0 })
  let rotation = 0
  for (let current: Shape | undefined = shape, depth = 0; current && depth < 64; depth++) {
    rotation += current.rotation
    current = geometry.shape(current.parentId)
  }
  return { parentId: STRUCTURE_PAGE_ID, x: origin.x, y: origin.y, rotation }
}

/** `wanted`, or a key just above it that no page-level sibling uses (a valid fractional index). */
function freeIndex(taken: Set<string>, wanted: string): string {
  let index = wanted
  while (taken.has(index)) index += 'V'
  taken.add(index)
  return index
}

function compareIndex(a: unknown, b: unknown): number {
  const x = typeof a === 'string' ? a : ''
  const y = typeof b === 'string' ? b : ''
  return x < y ? -1 : x > y ? 1 : 0
}
