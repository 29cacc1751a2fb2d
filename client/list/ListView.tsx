/**
 * The board as structured HTML (the list view): a section per part in template order, its cards
 * as a list in reading order (shared/board-outline.ts, the harvest's order), each with keyboard
 * controls to edit, move and delete it. It edits the same store and Y.Doc as the canvas
 * (useBoardStore with a plain store: no tldraw editor), so both show every change at once.
 *
 * Screen readers hear other people's changes in one polite live region, batched
 * (announcements.ts); never their own. Focus stays where it was when others' changes re-render
 * the list (stable keys, and a control moved in the DOM gets its focus back).
 */
import { atom } from '@tldraw/state'
import { useValue } from '@tldraw/state-react'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent } from 'react'
import type { BoardForRole } from '../../shared/api.ts'
import type { OutlinePart } from '../../shared/board-outline.ts'
import { canWrite } from '../../shared/roles.ts'
import type { ClosedVote } from '../../shared/session.ts'
import { useI18n } from '../app/i18n-context.tsx'
import { ACCESSIBILITY_PATH, boardPath } from '../app/routes.ts'
import { ConnectionBadge } from '../board/ConnectionBadge.tsx'
import { plainStore } from '../board/plain-store.ts'
import { ServerClosedNotice } from '../board/ServerClosedNotice.tsx'
import { useBoardConnection } from '../board/useBoardConnection.ts'
import { useBoardStore, type BoardStoreState } from '../board/useBoardStore.ts'
import { useServerClose } from '../board/useServerClose.ts'
import { DraftsProvider, useDrafts, type Drafts } from '../drafts/DraftsContext.tsx'
import { HandControls } from '../hands/HandControls.tsx'
import { HandsProvider } from '../hands/HandsContext.tsx'
import { SilentRoundBanner } from '../drafts/SilentRoundBanner.tsx'
import { SessionProvider } from '../session/SessionContext.tsx'
import { SessionTimer } from '../session/SessionTimer.tsx'
import type { PresenceUser } from '../sync/presence.ts'
import type { ConnectionState } from '../sync/connection.ts'
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx'
import { deviceIdentity, loadIdentity } from '../user/identity.ts'
import { Link } from '../ui/Link.tsx'
import { useVoting, VotingProvider } from '../voting/VotingContext.tsx'
import { AnnouncementBatcher, describeChanges } from './announcements.ts'
import { ListContext, type ListContextValue } from './list-context.ts'
import { CardEditError } from './list-edits.ts'
import { ListPart } from './ListPart.tsx'
import { partName, useOutline } from './useOutline.ts'
import './list.css'

/**
 * Who I am to the others: the participants panel and the hand queue know me by the name this
 * device gave on the canvas (none on anonymous boards), as the canvas publishes it. The list has
 * no cursor to show, so only the name goes out. Not asked here: until the name question was
 * answered (on the canvas), nothing is published, as on the canvas while it is open.
 */
function listPresence(anonymous: boolean): PresenceUser | null {
  const device = deviceIdentity()
  if (anonymous) return { id: device.id, name: '', color: device.color }
  const identity = loadIdentity()
  return identity ? { id: device.id, name: identity.name, color: identity.color } : null
}
const NO_VOTES: readonly ClosedVote[] = []
const NO_DRAFTS: ReadonlySet<string> = new Set()
/** How long a requested focus waits for its control to appear (a new card comes with the next outline). */
const FOCUS_WAIT_MS = 3000

export function ListView({ board: initialBoard, token }: { board: BoardForRole; token: string }) {
  const { t } = useI18n()
  const [board, setBoard] = useState(initialBoard)
  const writable = canWrite(board.role)
  const { connection, state, online } = useBoardConnection(board.id, token)
  const [$frozen] = useState(() => atom('dialoogbord.frozen', false))
  const [$hideNames] = useState(() => atom('dialoogbord.hideNames', board.anonymous))
  const [$presence] = useState(() => atom('dialoogbord.listPresence', listPresence(board.anonymous)))
  useEffect(() => {
    $hideNames.set(board.anonymous)
    $presence.set(listPresence(board.anonymous))
  }, [$hideNames, $presence, board.anonymous])
  const drafts = useDrafts({ board, token, boardDoc: connection?.doc ?? null })
  const boardStore = useBoardStore(connection, state.ready, {
    makeStore: plainStore,
    readonly: !writable,
    presenceUser: $presence,
    hideNames: $hideNames,
    online,
    frozen: $frozen,
    draft: drafts.forStore,
  })
  const serverClose = useServerClose({ boardId: board.id, token, connection, closed: state.closedByServer, frozen: $frozen, onBoard: setBoard })
  const ready = boardStore.state === 'ready' ? boardStore : null
  // The server ended the link for good (revoked): read-only from then on, as on the canvas.
  const frozen = useValue('frozen', () => $frozen.get(), [$frozen])

  return (
    <DraftsProvider drafts={drafts} homes={ready?.homes ?? null} store={ready?.store ?? null} editor={null}>
      <VotingProvider board={board} token={token} doc={connection?.doc ?? null}>
        <SessionProvider board={board} token={token} doc={connection?.doc ?? null} connected={state.status === 'connected'}>
          <HandsProvider awareness={connection?.provider.awareness ?? null} role={board.role} anonymous={board.anonymous}>
          <div className="list-page">
            <header className="list-header">
              <Link href="/" className="list-header__home">
                {t('board.home')}
              </Link>
              <Link href={boardPath(board.id, token)} className="button button--small" data-testid="list-canvas-link">
                {t('list.canvasLink')}
              </Link>
              <ConnectionBadge state={state} />
              <LanguageSwitch />
            </header>
            <ServerClosedNotice reaction={serverClose} boardId={board.id} connection={connection} />
            <SilentRoundBanner />
            <ListMain board={board} writable={writable && !frozen} drafts={drafts} boardStore={boardStore} connectionState={state} />
            <footer className="list-footer">
              <Link href={ACCESSIBILITY_PATH} data-testid="list-statement-link">
                {t('statement.link')}
              </Link>
            </footer>
          </div>
          </HandsProvider>
        </SessionProvider>
      </VotingProvider>
    </DraftsProvider>
  )
}

function ListMain(props: { board: BoardForRole; writable: boolean; drafts: Drafts; boardStore: BoardStoreState; connectionState: ConnectionState }) {
  const { board, writable, drafts, boardStore, connectionState } = props
  const { t } = useI18n()
  const voting = useVoting()
  const store = boardStore.state === 'ready' ? boardStore.store : null
  const homes = boardStore.state === 'ready' ? boardStore.homes : null

  // The live region: others' changes, batched. The same text twice would not be read again.
  const [announcement, setAnnouncement] = useState('')
  const tNow = useRef(t)
  tNow.current = t
  const [batcher] = useState(() => new AnnouncementBatcher((events) => setAnnouncement((before) => {
    const text = describeChanges(events, tNow.current)
    return text === before ? `${text}\u00a0` : text
  })))
  useEffect(() => () => batcher.dispose(), [batcher])

  const nameOf = useCallback((part: OutlinePart) => partName(part, { outside: t('list.outside'), wholeBoard: t('list.wholeBoard') }), [t])
  const outline = useOutline({
    store,
    templateId: board.template,
    votes: voting?.closed ?? NO_VOTES,
    nameOf,
    onOthersChanged: (events) => batcher.add(events),
    // My own reveal comes back as a remote change of my card: not announced.
    myDraftIds: () => homes?.draftIds.get() ?? NO_DRAFTS,
  })
  const draftIds = useValue('my draft ids', () => homes?.draftIds.get() ?? NO_DRAFTS, [homes])

  const [notice, setNotice] = useState<string | null>(null)
  const act = useCallback(
    (write: () => void) => {
      try {
        write()
        setNotice(null)
        return true
      } catch (error) {
        if (error instanceof CardEditError) setNotice(t(error.reason === 'locked' ? 'list.error.locked' : 'list.error.missing'))
        else setNotice(t('list.failed', { message: error instanceof Error ? error.message : String(error) }))
        return false
      }
    },
    [t],
  )

  // Focus: a requested control (a new card's, after a move) once it is there; and a control that
  // lost focus because the list re-rendered under it (someone else's change) gets it back.
  const root = useRef<HTMLElement>(null)
  const wanted = useRef<{ key: string; until: number } | null>(null)
  const last = useRef<{ key: string; element: HTMLElement } | null>(null)
  const findKey = (key: string) => root.current?.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`) ?? null
  const applyFocus = useCallback(() => {
    const want = wanted.current
    if (want) {
      if (performance.now() > want.until) wanted.current = null
      else {
        const element = findKey(want.key)
        if (element) {
          wanted.current = null
          element.focus()
        }
        return
      }
    }
    const previous = last.current
    const active = document.activeElement
    if (previous && (active === null || active === document.body) && !previous.element.isConnected) findKey(previous.key)?.focus()
  }, [])
  const focusSoon = useCallback(
    (key: string) => {
      wanted.current = { key, until: performance.now() + FOCUS_WAIT_MS }
      requestAnimationFrame(applyFocus)
    },
    [applyFocus],
  )
  useLayoutEffect(applyFocus, [outline, applyFocus])
  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const element = (event.target as HTMLElement).closest<HTMLElement>('[data-focus-key]')
    if (element?.dataset.focusKey) last.current = { key: element.dataset.focusKey, element }
  }

  const parts = useMemo(() => (outline ?? []).map((part) => ({ part, name: nameOf(part) })), [outline, nameOf])
  // Kept while the parts stay the same, so the context (and with it every card) does not change
  // with each outline: a card re-renders only when it changed itself (ListCard is memoised). Keyed
  // on partsKey alone: parts with the same key give the same targets.
  const partsKey = JSON.stringify(parts.map(({ part, name }) => [part.zone, part.frameId, name]))
  const moveTargets = useMemo(() => parts.map(({ part, name }) => ({ zone: part.zone, frameId: part.frameId, name })), [partsKey])
  const context = useMemo<ListContextValue | null>(
    () => (store ? { board, store, writable, moveTargets, draftIds, drafts, voting, act, focusSoon } : null),
    [board, store, writable, moveTargets, draftIds, drafts, voting, act, focusSoon],
  )

  return (
    <main className="list-main" ref={root} onFocus={onFocus} aria-labelledby="list-title">
      <h1 id="list-title" className="list-main__title" data-testid="list-title">
        {board.title}
      </h1>
      <p className="list-main__meta">
        <span className={`role-tag role-tag--${board.role}`} data-testid="board-role">
          {t(`role.${board.role}`)}
        </span>
        {board.anonymous && <span className="badge badge--anonymous">{t('board.anonymous')}</span>}
        {!writable && <span className="badge badge--readonly">{t('board.readonlyHint')}</span>}
      </p>
      <p className="list-main__intro muted">{t('list.intro')}</p>
      <SessionTimer editor={null} />
      {/* Everyone takes part here too: a hand and the reactions (the facilitator sees the queue on the canvas). */}
      <div className="list-main__hands">
        <HandControls />
      </div>
      {writable && drafts.canDraft && <ConceptToggle drafts={drafts} />}
      <VoteStatus parts={parts} />
      <p className="list-main__notice form__error" role="alert" data-testid="list-notice">
        {notice ?? voting?.notice ?? ''}
      </p>
      {context && outline ? (
        <ListContext.Provider value={context}>
          {parts.map(({ part, name }) => (
            <ListPart key={part.frameId ?? part.name} part={part} name={name} />
          ))}
        </ListContext.Provider>
      ) : boardStore.state === 'schema-too-new' ? (
        <p role="alert">{t('board.schemaTooNew')}</p>
      ) : boardStore.state === 'failed' ? (
        <p role="alert">{t('board.loadFailed', { message: boardStore.message })}</p>
      ) : connectionState.emptyAfterSync ? (
        <p role="alert">{t('board.emptyDocument')}</p>
      ) : (
        <div className="list-main__waiting" role="status">
          <p>{connectionState.status === 'offline' ? t('status.offline') : t('board.waitingForServer')}</p>
          <p className="muted">{t('board.waitingOfflineHint')}</p>
        </div>
      )}
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="list-announcements">
        {announcement}
      </div>
    </main>
  )
}

/** "Concept": my new cards go to my draft until I reveal them (during a silent round they do anyway). */
function ConceptToggle({ drafts }: { drafts: Drafts }) {
  const { t } = useI18n()
  const silent = drafts.session.silentRound !== null
  return (
    <p className="list-main__concept">
      <label>
        <input
          type="checkbox"
          data-testid="list-concept"
          checked={drafts.modes.concept || silent}
          disabled={silent}
          onChange={(event) => drafts.setConcept(event.currentTarget.checked)}
        />{' '}
        {t('list.concept')}
      </label>
    </p>
  )
}

/** While a vote is open: how many dots I have left (and over which part), as text. */
function VoteStatus({ parts }: { parts: readonly { part: OutlinePart; name: string }[] }) {
  const { t } = useI18n()
  const voting = useVoting()
  const open = voting?.open ?? null
  if (!voting || !open) return null
  if (!voting.canVote) return <p className="list-main__vote">{t('list.vote.viewer')}</p>
  const part = open.zone === null ? null : parts.find((candidate) => candidate.part.zone === open.zone)
  const n = { n: String(voting.left) }
  const text = part
    ? t(voting.left === 1 ? 'list.vote.openIn.one' : 'list.vote.openIn.other', { ...n, part: part.name })
    : t(voting.left === 1 ? 'list.vote.open.one' : 'list.vote.open.other', n)
  return (
    <p className="list-main__vote" data-testid="list-vote-status">
      {text}
    </p>
  )
}
