/**
 * Checks a client's Yjs update before it touches a board: it may only carry what the document
 * layout allows (record entries in `tl_records`, the schema in `meta`), every record must pass
 * the board's record rules, and nothing may be oversized.
 *
 * Items are checked where Yjs will put them. An item written next to another one (with an origin)
 * carries no parent of its own: Yjs takes parent and map key from that neighbour, which is in the
 * same update or already in the room's document. So the guard resolves each item's real place
 * first, and checks only what Yjs will integrate (parts the room already holds are skipped, as
 * Yjs skips them).
 */
import * as Y from 'yjs'
import { META_MAP, RECORDS_ARRAY, SCHEMA_KEY, type StoredRecord } from '../../shared/doc-layout.ts'
import { checkRecord, looksLikeSchema, MAX_RECORD_CHARS, schemaProblem } from '../record-rules.ts'

export interface GuardLimits {
  /** Largest JSON size of one record, in characters. */
  maxRecordChars: number
  /** Most record entries a board may hold (MAX_RECORDS_PER_BOARD). */
  maxRecords: number
}

export const DEFAULT_GUARD_LIMITS: GuardLimits = { maxRecordChars: MAX_RECORD_CHARS, maxRecords: 20_000 }

export type Verdict =
  | {
      ok: true
      /** The records the update writes. */
      records: StoredRecord[]
      /** How many record entries the board gains (negative when it loses some). */
      addedRecords: number
      /** Keys of the room's live record entries the update deletes (a change deletes the old entry). */
      removedKeys: string[]
    }
  /** `malformed`: not a Yjs update at all, rather than content the board does not accept. */
  | { ok: false; reason: string; malformed: boolean }

type UpdateDeleteSet = ReturnType<typeof Y.decodeUpdate>['ds']

const refuse = (reason: string, malformed = false): Verdict => ({ ok: false, reason, malformed })

/** Where an item lands: a root type of the document and, for map entries, the key. */
interface Place {
  root: string
  key: string | null
}

/**
 * A place; or why an item has none we accept; or `pending`: it sits next to content neither the
 * room nor the update has, so Yjs keeps it aside instead of integrating it (and the room drops
 * what is pending and refuses its sender).
 */
type Placed = Place | { refused: string } | { pending: true }

const isRefused = (placed: Placed): placed is { refused: string } => 'refused' in placed
const isPending = (placed: Placed): placed is { pending: true } => 'pending' in placed
const PENDING: Placed = { pending: true }

/** Root types of the layout: Yjs creates a root for any name it decodes, even on items it skips. */
const LAYOUT_ROOTS = new Set([RECORDS_ARRAY, META_MAP])

const isRecordEntry = (place: Place) => place.root === RECORDS_ARRAY && place.key === null
const isSchemaEntry = (place: Place) => place.root === META_MAP && place.key === SCHEMA_KEY

/**
 * `doc` is the room's document (read only). `knownGood` holds records that passed before (by id):
 * tldraw then only validates the fields that differ, so moving a note does not re-check its text.
 */
export function inspectUpdate(
  update: Uint8Array,
  doc: Y.Doc,
  limits: GuardLimits = DEFAULT_GUARD_LIMITS,
  knownGood: ReadonlyMap<string, StoredRecord> = new Map(),
): Verdict {
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(update)
  } catch {
    return refuse('undecodable update', true)
  }
  const structs = UpdateStructs.of(decoded.structs)
  if (structs === null) return refuse('malformed update: a client’s changes appear twice', true)
  const placement = new Placement(doc, structs)
  const records: StoredRecord[] = []
  /** Record entries the update adds, per client: [first clock, end clock) of each run. */
  const added = new Map<number, [number, number][]>()
  // No record can be larger than the update that carries it: measure records only when needed.
  const measure = update.length > limits.maxRecordChars
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue // GC and Skip hold no content
    const content = struct.content
    if (!(content instanceof Y.ContentAny) && !(content instanceof Y.ContentDeleted)) {
      return refuse(`content of type ${content.constructor.name} is not part of the board layout`)
    }
    const parent: unknown = struct.parent // a root name in decoded updates (Yjs types it as a type)
    if (typeof parent === 'string' && !LAYOUT_ROOTS.has(parent)) return refuse(`unexpected root type "${parent.slice(0, 40)}"`)
    const known = Math.max(0, Y.getState(doc.store, struct.id.client) - struct.id.clock)
    if (known >= struct.length) continue // the room holds all of it: Yjs skips it
    const placed = placement.of(struct, known)
    if (isRefused(placed)) return refuse(placed.refused)
    if (isPending(placed)) continue
    if (!isRecordEntry(placed) && !isSchemaEntry(placed)) return refuse(`unexpected entry in "${placed.root.slice(0, 40)}"${placed.key === null ? '' : ` under "${placed.key.slice(0, 40)}"`}`)
    if (content instanceof Y.ContentDeleted) continue
    if (isSchemaEntry(placed)) {
      const problem = schemaEntryProblem(content.arr)
      if (problem !== null) return refuse(problem)
      continue
    }
    for (const entry of content.arr.slice(known)) {
      const checked = checkEntry(entry, limits, measure, knownGood)
      if (typeof checked === 'string') return refuse(checked)
      records.push(checked)
    }
    const runs = added.get(struct.id.client) ?? []
    runs.push([struct.id.clock + known, struct.id.clock + struct.length])
    added.set(struct.id.client, runs)
  }
  const removedKeys: string[] = []
  const deleted = countDeleted(doc, decoded.ds, added, removedKeys)
  return { ok: true, records, addedRecords: countAdded(added) - deleted, removedKeys }
}

/**
 * A map item may hold several values; Yjs shows the last one. That one must be a schema this
 * server can migrate from, the hidden ones at least look like schemas.
 */
function schemaEntryProblem(values: readonly unknown[]): string | null {
  if (values.length === 0) return 'empty map entry'
  if (!values.slice(0, -1).every(looksLikeSchema)) return 'meta.schema is not a tldraw schema'
  return schemaProblem(values[values.length - 1])
}

function checkEntry(entry: unknown, limits: GuardLimits, measure: boolean, knownGood: ReadonlyMap<string, StoredRecord>): StoredRecord | string {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return 'a record entry must be {key, val}'
  const { key, val } = entry as { key?: unknown; val?: unknown }
  if (typeof key !== 'string' || typeof val !== 'object' || val === null) return 'a record entry must be {key, val}'
  if ((val as { id?: unknown }).id !== key) return 'a record entry’s key must be its record id'
  return checkRecord(val, { maxRecordChars: limits.maxRecordChars, measure, before: knownGood.get(key) })
}

/** The update's structs per client, in clock order, for finding an item by id. */
class UpdateStructs {
  private constructor(private readonly byClient: Map<number, (Y.Item | Y.GC | Y.Skip)[]>) {}

  /** Null when a client's structs come in two runs: Yjs would silently use only the last one. */
  static of(structs: readonly (Y.Item | Y.GC | Y.Skip)[]): UpdateStructs | null {
    const byClient = new Map<number, (Y.Item | Y.GC | Y.Skip)[]>()
    let current: (Y.Item | Y.GC | Y.Skip)[] | null = null
    let currentClient = -1
    for (const struct of structs) {
      if (struct.id.client !== currentClient || current === null) {
        if (byClient.has(struct.id.client)) return null
        currentClient = struct.id.client
        current = []
        byClient.set(currentClient, current)
      }
      current.push(struct)
    }
    return new UpdateStructs(byClient)
  }

  /** The struct holding `id`, if the update has it (a client's structs are contiguous). */
  find(id: Y.ID): Y.Item | Y.GC | Y.Skip | null {
    const structs = this.byClient.get(id.client)
    if (!structs) return null
    let low = 0
    let high = structs.length - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const struct = structs[middle]!
      if (id.clock < struct.id.clock) high = middle - 1
      else if (id.clock >= struct.id.clock + struct.length) low = middle + 1
      else return struct
    }
    return null
  }
}

/**
 * Resolves where items land, as Yjs's Item.getMissing does: an item without a parent takes its
 * left neighbour's (origin), else its right neighbour's (rightOrigin). Neighbours are looked up in
 * the room's document for what it already holds, else in the update. Iterative with memoisation,
 * so a long chain of items costs linear time and no stack.
 */
class Placement {
  private readonly resolved = new Map<Y.Item, Placed>()

  constructor(
    private readonly doc: Y.Doc,
    private readonly structs: UpdateStructs,
  ) {}

  /** Where `item` lands; `known` of its leading elements the room already holds. */
  of(item: Y.Item, known: number): Placed {
    const placed = this.follow(item)
    if (isRefused(placed) || isPending(placed)) return placed
    // Yjs integrates the rest of a partly known item right after the part it holds, whatever
    // parent the item names: an honest item continues in the same place.
    if (known > 0) {
      const held = this.neighbour(item, Y.createID(item.id.client, item.id.clock + known - 1), true)
      if (!samePlace(placed, held)) return { refused: 'an item that continues content of another place' }
    }
    if (item.origin === null || item.rightOrigin === null) return placed
    // Both neighbours named: an honest item sits between two entries of the same place.
    const right = this.neighbour(item, item.rightOrigin)
    const rightPlaced = right instanceof Y.Item ? this.follow(right) : right
    if (isRefused(rightPlaced) || isPending(rightPlaced)) return rightPlaced
    return samePlace(placed, rightPlaced) ? placed : { refused: 'an item between entries of two different places' }
  }

  /** The place of `item`, following origins through the update until a known place. */
  private follow(item: Y.Item): Placed {
    const chain: Y.Item[] = []
    const visiting = new Set<Y.Item>()
    let current = item
    let placed: Placed
    for (;;) {
      const memo = this.resolved.get(current)
      if (memo !== undefined) {
        placed = memo
        break
      }
      chain.push(current)
      visiting.add(current)
      const parent: unknown = current.parent
      if (typeof parent === 'string') {
        placed = { root: parent, key: current.parentSub }
        break
      }
      if (parent !== null) {
        placed = { refused: 'nested types are not part of the board layout' }
        break
      }
      const id = current.origin ?? current.rightOrigin
      if (id === null) {
        placed = { refused: 'an item with neither a parent nor a neighbour' }
        break
      }
      const next = this.neighbour(current, id)
      if (!(next instanceof Y.Item)) {
        placed = next
        break
      }
      if (visiting.has(next)) {
        placed = { refused: 'items placed next to each other in a circle' }
        break
      }
      current = next
    }
    for (const link of chain) this.resolved.set(link, placed)
    return placed
  }

  /**
   * The neighbour `id` of `item`: a place when the room holds it, an update item to follow, or a
   * refusal. `ownPart`: `id` is the part of `item` itself that the room holds.
   */
  private neighbour(item: Y.Item, id: Y.ID, ownPart = false): Y.Item | Placed {
    if (!ownPart && id.client === item.id.client && id.clock >= item.id.clock) return { refused: 'malformed update: an item placed next to a later one of its own client' }
    const store = this.doc.store
    if (id.clock < Y.getState(store, id.client)) {
      const held = Y.getItem(store, id) as Y.Item | Y.GC
      if (!(held instanceof Y.Item)) return { refused: 'an item placed next to removed content' }
      return placeInDoc(held)
    }
    const struct = this.structs.find(id)
    if (struct === null || struct instanceof Y.Skip) return PENDING
    if (struct instanceof Y.GC) return { refused: 'an item placed next to removed content' }
    return struct
  }
}

/** Whether `b` is a resolved place equal to `a` (an unresolved neighbour or a refusal is not). */
function samePlace(a: Place, b: Y.Item | Placed): boolean {
  return !(b instanceof Y.Item) && !isRefused(b) && !isPending(b) && a.root === b.root && a.key === b.key
}

function placeInDoc(item: Y.Item): Placed {
  const parent = item.parent
  if (!(parent instanceof Y.AbstractType) || parent._item !== null) return { refused: 'nested types are not part of the board layout' }
  return { root: Y.findRootTypeKey(parent), key: item.parentSub }
}

function countAdded(added: ReadonlyMap<number, [number, number][]>): number {
  let count = 0
  for (const runs of added.values()) for (const [start, end] of runs) count += end - start
  return count
}

/**
 * Record entries the update's delete set removes: live ones the room holds, and ones the update
 * itself adds. Overlapping ranges are merged first, so nothing is counted twice.
 */
function countDeleted(doc: Y.Doc, ds: UpdateDeleteSet, added: ReadonlyMap<number, [number, number][]>, removedKeys: string[]): number {
  if (ds.clients.size === 0) return 0
  const records = doc.share.get(RECORDS_ARRAY)
  // Sorted with overlaps joined; a single range per client (a typical edit) needs neither.
  const merged = [...ds.clients.values()].every((ranges) => ranges.length <= 1) ? ds : Y.mergeDeleteSets([ds])
  let count = 0
  for (const [client, ranges] of merged.clients) {
    const structs = doc.store.clients.get(client)
    const held = Y.getState(doc.store, client)
    const runs = added.get(client) ?? []
    let run = 0 // ranges and runs are both in clock order: walk them together
    for (const { clock, len } of ranges) {
      const end = clock + len
      if (structs && records && clock < held) count += liveEntriesIn(structs, records, clock, Math.min(end, held), removedKeys)
      while (run < runs.length && runs[run]![1] <= clock) run++
      for (let next = run; next < runs.length && runs[next]![0] < end; next++) {
        const [start, stop] = runs[next]!
        count += Math.min(stop, end) - Math.max(start, clock)
      }
    }
  }
  return count
}

/** Undeleted entries of `records` among the room's structs in [from, to); their keys go to `keys`. */
function liveEntriesIn(structs: readonly (Y.Item | Y.GC)[], records: unknown, from: number, to: number, keys: string[]): number {
  let count = 0
  for (let i = Y.findIndexSS(structs as (Y.Item | Y.GC)[], from); i < structs.length; i++) {
    const struct = structs[i]!
    if (struct.id.clock >= to) break
    if (struct instanceof Y.Item && !struct.deleted && struct.countable && struct.parent === records && struct.parentSub === null) {
      const first = Math.max(from, struct.id.clock) - struct.id.clock
      const last = Math.min(to, struct.id.clock + struct.length) - struct.id.clock
      count += last - first
      if (struct.content instanceof Y.ContentAny) {
        for (const entry of struct.content.arr.slice(first, last)) keys.push((entry as { key: string }).key)
      }
    }
  }
  return count
}
