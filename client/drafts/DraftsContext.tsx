/**
 * My drafts on the board I have open, for everything that shows or changes them: the draft's own
 * connection (editors and facilitators only, never viewers), the session the server runs (silent
 * round, counts), and where new cards go now:
 * - while a silent round is on, or "Concept" is on: to my draft;
 * - while a facilitator has "Voorbereiden" on: to my draft as prepared cards (revealed one by one);
 * - else to the board.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react'
import { atom } from '@tldraw/state'
import { useValue } from '@tldraw/state-react'
import type { TLStore } from '@tldraw/tlschema'
import type { Editor } from 'tldraw'
import type * as Y from 'yjs'
import type { BoardForRole } from '../../shared/api.ts'
import { canWrite, hasRole } from '../../shared/roles.ts'
import type { SessionState } from '../../shared/session.ts'
import { openBoardConnection, type BoardConnection } from '../sync/connection.ts'
import { serverCloseReaction } from '../sync/server-close.ts'
import { draftKeyFor } from './draft-key.ts'
import type { NewCardHome, RecordHomes } from './record-homes.ts'
import { useSession } from './useSession.ts'

export interface DraftModes {
  concept: boolean
  preparing: boolean
  silentRound: boolean
}

/** Where a card made now goes, given the modes. */
export function newCardHome({ concept, preparing, silentRound }: DraftModes): NewCardHome {
  if (preparing) return 'prepared'
  return concept || silentRound ? 'draft' : 'board'
}

export interface Drafts {
  boardId: string
  token: string
  /** Editors and facilitators have a draft; viewers do not. */
  canDraft: boolean
  facilitator: boolean
  /** Never shown: it goes into the draft's socket path and the reveal call only. */
  draftKey: string | null
  session: SessionState
  modes: DraftModes
  setConcept(on: boolean): void
  setPreparing(on: boolean): void
  /** The server refused my draft for good (a link revoked, too many drafts): my cards stay on this device. */
  draftRefused: boolean
  /** What useBoardStore binds: my draft on the board's store (null for viewers). */
  forStore: { connection: BoardConnection; newCards(): NewCardHome } | null
}

/** The drafts of the open board; BoardView calls it once and hands it to DraftsProvider. */
export function useDrafts({ board, token, boardDoc }: { board: BoardForRole; token: string; boardDoc: Y.Doc | null }): Drafts {
  const canDraft = canWrite(board.role)
  const facilitator = hasRole(board.role, 'facilitator')
  const draftKey = useMemo(() => (canDraft ? draftKeyFor(board.id) : null), [board.id, canDraft])
  const [connection, setConnection] = useState<BoardConnection | null>(null)
  useEffect(() => {
    if (!draftKey) return
    const opened = openBoardConnection({ boardId: board.id, token, draftKey })
    setConnection(opened)
    return () => {
      opened.destroy()
      setConnection(null)
    }
  }, [board.id, token, draftKey])

  const subscribe = useCallback((listener: () => void) => connection?.subscribe(listener) ?? (() => undefined), [connection])
  const closeCode = useSyncExternalStore(subscribe, () => connection?.getState().closedByServer?.code ?? null)
  // The board's settings changed (anonymity switched): the board reloads them and reconnects; my
  // draft needs none of them, so it reconnects at once.
  const settingsChanged = closeCode !== null && serverCloseReaction(closeCode) === 'reload-settings'
  useEffect(() => {
    if (settingsChanged) connection?.reconnect()
  }, [connection, settingsChanged])
  const draftRefused = closeCode !== null && !settingsChanged

  const session = useSession(boardDoc)
  const [$modes] = useState(() => atom<DraftModes>('dialoogbord.draftModes', { concept: false, preparing: false, silentRound: false }))
  const silentRound = session.silentRound !== null
  useEffect(() => {
    $modes.update((modes) => ({ ...modes, silentRound }))
  }, [$modes, silentRound])
  const modes = useValue('draft modes', () => $modes.get(), [$modes])

  const forStore = useMemo(() => (connection ? { connection, newCards: () => newCardHome($modes.get()) } : null), [connection, $modes])
  return useMemo(
    (): Drafts => ({
      boardId: board.id,
      token,
      canDraft,
      facilitator,
      draftKey,
      session,
      modes,
      // Preparing and drafting are two answers to one question: turning one on turns the other off.
      setConcept: (on) => $modes.update((current) => ({ ...current, concept: on, preparing: on ? false : current.preparing })),
      setPreparing: (on) => $modes.update((current) => ({ ...current, preparing: on && facilitator, concept: on ? false : current.concept })),
      draftRefused,
      forStore,
    }),
    [board.id, token, canDraft, facilitator, draftKey, session, modes, $modes, draftRefused, forStore],
  )
}

export interface DraftsOnBoard extends Drafts {
  /** Where records live, once the board's store is ready (null for viewers). */
  homes: RecordHomes | null
  store: TLStore | null
  editor: Editor | null
}

const DraftsContext = createContext<DraftsOnBoard | null>(null)

export function DraftsProvider(props: { drafts: Drafts; homes: RecordHomes | null; store: TLStore | null; editor: Editor | null; children: ReactNode }) {
  const { drafts, homes, store, editor, children } = props
  const value = useMemo(() => ({ ...drafts, homes, store, editor }), [drafts, homes, store, editor])
  return <DraftsContext.Provider value={value}>{children}</DraftsContext.Provider>
}

/** The drafts of the board the component is on; null outside a board (a snapshot view, a test). */
export function useDraftsOnBoard(): DraftsOnBoard | null {
  return useContext(DraftsContext)
}
