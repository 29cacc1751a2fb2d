/**
 * Raised hands and reactions on the open board, for the header toggle, the facilitator's queue
 * and the reactions floating over the canvas. All of it is awareness (never stored): our own
 * `hand` and `reaction` go out with our presence (client/sync/presence.ts spreads the local state,
 * so these fields survive its cursor updates), and everyone's come in with theirs.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { sessionAwarenessOf, type RaisedHand, type ReactionEmoji } from '../../shared/awareness.ts'
import type { Role } from '../../shared/roles.ts'
import { useSessionRun } from '../session/SessionContext.tsx'
import { handQueue, isLowered, loweredAfter, makeRateLimit, ReactionTracker, type QueuedHand, type ReactionEvent } from './hands-state.ts'

export interface Hands {
  facilitator: boolean
  anonymous: boolean
  ownClientId: number
  /** My raised hand, or null. */
  myHand: RaisedHand | null
  /** Everyone's raised hands, oldest first (mine included). */
  queue: readonly QueuedHand[]
  /** Counts the times a facilitator lowered my hand (for a polite announcement). */
  loweredByFacilitator: number
  toggleHand(): void
  /** Sends a reaction; false when it came too soon after the last one. */
  react(emoji: ReactionEmoji): boolean
  /** Facilitator: lowers these hands. */
  lower(hands: readonly QueuedHand[]): void
  /** Calls `listener` for every new reaction, mine included; returns the unsubscribe. */
  onReaction(listener: (event: ReactionEvent) => void): () => void
}

const HandsContext = createContext<Hands | null>(null)

/** Hands and reactions of the board the component is on; null before it is connected or outside a board. */
export function useHands(): Hands | null {
  return useContext(HandsContext)
}

/** At most one reaction per this many ms from one tab (the server limits messages anyway). */
const REACTION_GAP_MS = 500

interface View {
  myHand: RaisedHand | null
  queue: QueuedHand[]
}

export function HandsProvider(props: { awareness: Awareness | null; role: Role; anonymous: boolean; children: ReactNode }) {
  const { awareness, role, anonymous, children } = props
  const [view, setView] = useState<View>({ myHand: null, queue: [] })
  const [loweredByFacilitator, setLoweredByFacilitator] = useState(0)
  const listeners = useRef(new Set<(event: ReactionEvent) => void>())
  const [rateLimit] = useState(() => makeRateLimit(REACTION_GAP_MS))
  // `raisedAt` on the server's clock (client/session/server-clock.ts), so the queue's order holds
  // across laptops whose clocks differ.
  const session = useSessionRun()
  const serverNow = session?.serverNow ?? Date.now

  useEffect(() => {
    if (!awareness) return
    const ownClientId = awareness.clientID
    const tracker = new ReactionTracker(awareness.getStates())
    let shown = ''
    const refresh = () => {
      const states = awareness.getStates()
      const myHand = sessionAwarenessOf(awareness.getLocalState()).hand ?? null
      if (myHand && isLowered(states, ownClientId, myHand.raisedAt)) {
        awareness.setLocalStateField('hand', null) // emits 'change' again, which refreshes
        setLoweredByFacilitator((count) => count + 1)
        return
      }
      const queue = handQueue(states, ownClientId, anonymous)
      // Cursors move many times a second: render only when the hands changed.
      const key = JSON.stringify([myHand, queue])
      if (key === shown) return
      shown = key
      setView({ myHand, queue })
    }
    const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      for (const event of tracker.changed(awareness.getStates(), [...added, ...updated], removed, anonymous)) {
        for (const listener of listeners.current) listener(event)
      }
      refresh()
    }
    awareness.on('change', onChange)
    refresh()
    return () => awareness.off('change', onChange)
  }, [awareness, anonymous])

  const toggleHand = useCallback(() => {
    if (!awareness) return
    const raised = sessionAwarenessOf(awareness.getLocalState()).hand
    awareness.setLocalStateField('hand', raised ? null : { raisedAt: Math.round(serverNow()) })
  }, [awareness, serverNow])

  const react = useCallback(
    (emoji: ReactionEmoji) => {
      if (!awareness || !rateLimit()) return false
      const previous = sessionAwarenessOf(awareness.getLocalState()).reaction
      awareness.setLocalStateField('reaction', { emoji, n: (previous?.n ?? 0) + 1 })
      return true
    },
    [awareness, rateLimit],
  )

  const facilitator = role === 'facilitator'
  const lower = useCallback(
    (hands: readonly QueuedHand[]) => {
      if (!awareness || !facilitator || hands.length === 0) return
      const own = hands.find((hand) => hand.clientId === awareness.clientID)
      if (own) awareness.setLocalStateField('hand', null)
      const others = hands.filter((hand) => hand !== own)
      if (others.length === 0) return
      const previous = sessionAwarenessOf(awareness.getLocalState()).lowered
      awareness.setLocalStateField('lowered', loweredAfter(previous, others, awareness.getStates()))
    },
    [awareness, facilitator],
  )

  const onReaction = useCallback((listener: (event: ReactionEvent) => void) => {
    listeners.current.add(listener)
    return () => void listeners.current.delete(listener)
  }, [])

  const value = useMemo<Hands | null>(
    () =>
      awareness
        ? { facilitator, anonymous, ownClientId: awareness.clientID, myHand: view.myHand, queue: view.queue, loweredByFacilitator, toggleHand, react, lower, onReaction }
        : null,
    [awareness, facilitator, anonymous, view, loweredByFacilitator, toggleHand, react, lower, onReaction],
  )
  return <HandsContext.Provider value={value}>{children}</HandsContext.Provider>
}
