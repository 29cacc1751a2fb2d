/**
 * The board's dot vote as this participant sees it, for everything that shows or changes it (the
 * dots on the cards, the vote bar, the "Stemmen" panel, the card panel, the harvest):
 * - the open vote and the closed votes' results come from the board document's meta, which only
 *   the server writes, so every client sees the same at the same moment, late joiners included;
 * - your own dots (`mine`) come from the server by your draft key: they are in nobody's document.
 *   Other tabs of this browser share the key; they learn of a change through a BroadcastChannel,
 *   and every tab asks again when the vote changes or the window gets focus.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type * as Y from 'yjs'
import type { BoardForRole, VoteJson } from '../../shared/api.ts'
import { metaMap } from '../../shared/doc-layout.ts'
import { canWrite, hasRole } from '../../shared/roles.ts'
import { readClosedVotes, readSession, type ClosedVote, type OpenVoteState } from '../../shared/session.ts'
import type { ApiResult } from '../api/client.ts'
import { draftKeyFor } from '../drafts/draft-key.ts'
import { closeVote, getVote, openVote, placeDot, takeDotBack } from './vote-api.ts'
import { dotsLeft } from './vote-results.ts'

export interface Voting {
  /** The open vote, or null. */
  open: OpenVoteState | null
  /** Every closed vote with its results, oldest first. */
  closed: readonly ClosedVote[]
  /** Your dots in the open vote, one shape id per dot. */
  mine: readonly string[]
  left: number
  /** Editors and facilitators vote; viewers only see the results. */
  canVote: boolean
  facilitator: boolean
  /** Whether a click on a card places a dot (on while a vote is open, unless you turn it off). */
  clickToVote: boolean
  setClickToVote(on: boolean): void
  /** Whether the latest results show on the cards (your own choice; on by default). */
  showResults: boolean
  setShowResults(on: boolean): void
  /** The last refusal or failure, translated, for a live region. */
  notice: string | null
  place(shapeId: string): Promise<void>
  takeBack(shapeId: string): Promise<void>
  openVote(perParticipant: number, zone: string | null): Promise<ApiResult<VoteJson>>
  closeVote(): Promise<ApiResult<VoteJson>>
}

const VotingContext = createContext<Voting | null>(null)

/** The vote of the board the component is on; null outside a board (a snapshot view, a test). */
export function useVoting(): Voting | null {
  return useContext(VotingContext)
}

/** A notice stays this long unless another replaces it. */
const NOTICE_MS = 8000

interface MetaVotes {
  open: OpenVoteState | null
  closed: ClosedVote[]
}

/** The vote keys of the meta map, kept as React state; a new object only when they changed. */
function useMetaVotes(doc: Y.Doc | null): MetaVotes {
  const [state, setState] = useState<MetaVotes>({ open: null, closed: [] })
  useEffect(() => {
    if (!doc) return
    const meta = metaMap(doc)
    let last = ''
    const read = () => {
      const next = { open: readSession(meta).vote, closed: readClosedVotes(meta) }
      const key = JSON.stringify(next)
      if (key === last) return
      last = key
      setState(next)
    }
    read()
    meta.observe(read)
    return () => meta.unobserve(read)
  }, [doc])
  return state
}

export function VotingProvider({ board, token, doc, children }: { board: BoardForRole; token: string; doc: Y.Doc | null; children: ReactNode }) {
  const { open, closed } = useMetaVotes(doc)
  const canVote = canWrite(board.role)
  const facilitator = hasRole(board.role, 'facilitator')
  const boardId = board.id
  const [mine, setMine] = useState<{ voteId: string; shapeIds: string[] } | null>(null)
  const [clickToVote, setClickToVote] = useState(true)
  const [showResults, setShowResults] = useState(true)
  const [notice, setNoticeState] = useState<string | null>(null)
  const noticeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const setNotice = useCallback((text: string | null) => {
    clearTimeout(noticeTimer.current)
    setNoticeState(text)
    if (text !== null) noticeTimer.current = setTimeout(() => setNoticeState(null), NOTICE_MS)
  }, [])
  useEffect(() => () => clearTimeout(noticeTimer.current), [])

  // Answers may overtake each other: only a newer request's `mine` replaces what we show.
  const sequence = useRef({ sent: 0, shown: 0 })
  const showMine = useCallback((voteId: string, result: ApiResult<VoteJson>, seq: number) => {
    if (!result.ok || result.value.mine === undefined || seq < sequence.current.shown) return
    sequence.current.shown = seq
    setMine({ voteId, shapeIds: result.value.mine })
  }, [])

  const openId = open?.id ?? null
  const channel = useMemo(() => (typeof BroadcastChannel === 'function' ? new BroadcastChannel(`dialoogbord:vote:${boardId}`) : null), [boardId])
  useEffect(() => () => channel?.close(), [channel])

  const refresh = useCallback(async () => {
    if (openId === null || !canVote) return
    const seq = ++sequence.current.sent
    showMine(openId, await getVote(boardId, token, openId, draftKeyFor(boardId)), seq)
  }, [boardId, token, openId, canVote, showMine])

  // Asked again whenever the open vote changes (its voters too: another tab may have voted), when
  // another tab says it voted, and when the window comes back into focus.
  useEffect(() => {
    void refresh()
  }, [refresh, open?.voters])
  useEffect(() => {
    const again = () => {
      if (document.visibilityState === 'visible') void refresh()
    }
    const onMessage = () => void refresh()
    window.addEventListener('focus', again)
    document.addEventListener('visibilitychange', again)
    channel?.addEventListener('message', onMessage)
    return () => {
      window.removeEventListener('focus', again)
      document.removeEventListener('visibilitychange', again)
      channel?.removeEventListener('message', onMessage)
    }
  }, [refresh, channel])

  // A newly opened vote starts with click-to-vote on.
  useEffect(() => {
    if (openId !== null) setClickToVote(true)
  }, [openId])

  const ballot = useCallback(
    async (action: typeof placeDot, shapeId: string) => {
      if (openId === null || !canVote) return
      const seq = ++sequence.current.sent
      const result = await action(boardId, token, openId, draftKeyFor(boardId), shapeId)
      if (!result.ok) {
        setNotice(result.message)
        // What the server holds may differ from what we show (another tab): ask.
        void refresh()
        return
      }
      setNotice(null)
      showMine(openId, result, seq)
      channel?.postMessage('changed')
    },
    [boardId, token, openId, canVote, setNotice, refresh, showMine, channel],
  )

  const value = useMemo<Voting>(() => {
    const shapeIds = open !== null && mine?.voteId === open.id ? mine.shapeIds : []
    return {
      open,
      closed,
      mine: shapeIds,
      left: open ? dotsLeft(open.perParticipant, shapeIds) : 0,
      canVote,
      facilitator,
      clickToVote: clickToVote && open !== null && canVote,
      setClickToVote,
      showResults,
      setShowResults,
      notice,
      place: (shapeId) => ballot(placeDot, shapeId),
      takeBack: (shapeId) => ballot(takeDotBack, shapeId),
      openVote: (perParticipant, zone) => openVote(boardId, token, perParticipant, zone),
      closeVote: async () => (open ? closeVote(boardId, token, open.id) : { ok: false, status: 409, message: '' }),
    }
  }, [open, closed, mine, canVote, facilitator, clickToVote, showResults, notice, ballot, boardId, token])

  return <VotingContext.Provider value={value}>{children}</VotingContext.Provider>
}
