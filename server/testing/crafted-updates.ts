/**
 * Test helper: Yjs updates written item by item, the way a hostile client can send them and an
 * honest Y.Doc never would (multi-value map items, parents named explicitly, arbitrary roots).
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

/** One struct to write: where it goes (a root name or next to an origin) and what it holds. */
export interface CraftedItem {
  /** Root type name; used only when the item has no origin (Yjs then writes the parent). */
  parent?: string
  parentSub?: string | null
  origin?: Y.ID | null
  rightOrigin?: Y.ID | null
  content: Y.ContentAny | Y.ContentDeleted
}

/** A V1 update holding `items` as consecutive structs of one client, from `clock` on, and no deletes. */
export function craftUpdate(client: number, items: readonly CraftedItem[], clock = 0): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  encoding.writeVarUint(encoder.restEncoder, 1) // one client
  encoding.writeVarUint(encoder.restEncoder, items.length)
  encoder.writeClient(client)
  encoding.writeVarUint(encoder.restEncoder, clock)
  for (const crafted of items) {
    const item = new Y.Item(
      Y.createID(client, clock),
      null,
      crafted.origin ?? null,
      null,
      crafted.rightOrigin ?? null,
      // Item.write accepts a root name as parent ("the edge case of differential updates").
      (crafted.parent ?? null) as unknown as Y.AbstractType<unknown>,
      crafted.parentSub ?? null,
      crafted.content,
    )
    item.write(encoder, 0)
    clock += item.length
  }
  encoding.writeVarUint(encoder.restEncoder, 0) // empty delete set
  return encoder.toUint8Array()
}

/** The id of the item that currently holds a map key's value in `doc`. */
export function mapEntryId(map: Y.Map<unknown>, key: string): Y.ID {
  const item = map._map.get(key)
  if (!item) throw new Error(`no entry for ${key}`)
  return item.lastId
}

/** A client id above every random one in practice: Yjs orders concurrent map writes by client id. */
export const WINNING_CLIENT = 0xffff_fff0
