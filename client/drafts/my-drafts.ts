/** My draft cards on screen, from the store and where its records live. */
import type { TLShape, TLStore } from '@tldraw/tlschema'
import { isPrepared } from '../../shared/session.ts'
import type { RecordHomes } from './record-homes.ts'

export interface MyDraftCard {
  shape: TLShape
  prepared: boolean
}

/** Reactive when read inside a signal (useValue): the draft ids and the records are signals. */
export function myDraftCards(store: TLStore, homes: RecordHomes): MyDraftCard[] {
  const cards: MyDraftCard[] = []
  for (const id of homes.draftIds.get()) {
    const record = store.get(id as TLShape['id'])
    if (record?.typeName === 'shape') cards.push({ shape: record, prepared: isPrepared(record) })
  }
  return cards
}
