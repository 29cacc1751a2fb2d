/**
 * A board store without tldraw's editor: the same records and schema as the canvas's store
 * (canvas-store.ts; a unit test holds them equal), made from @tldraw/store and @tldraw/tlschema
 * alone. createTLStore would do the same but lives in @tldraw/editor, which brings the whole
 * editor; the list view (client/list/) reads and writes records and needs none of it.
 */
import { atom } from '@tldraw/state'
import { Store } from '@tldraw/store'
import { createTLSchema, type TLAsset, type TLStore, type TLUser } from '@tldraw/tlschema'
import type { MakeStore } from './useBoardStore.ts'

const NOBODY = atom<TLUser | null>('dialoogbord.nobody', null)

export const plainStore: MakeStore = ({ users, assets, collaboration }) =>
  new Store({
    schema: createTLSchema(),
    props: {
      defaultName: '',
      assets: {
        // Nothing on the list uploads; should anything try, it is refused rather than inlined.
        upload: assets?.upload ?? (() => Promise.reject(new Error('no uploads here'))),
        resolve: assets?.resolve ?? ((asset: TLAsset) => asset.props.src),
        remove: assets?.remove ?? (() => Promise.resolve()),
      },
      users: { currentUser: users.currentUser, resolve: users.resolve ?? (() => NOBODY) },
      onMount: () => undefined,
      collaboration,
    },
  }) as TLStore
