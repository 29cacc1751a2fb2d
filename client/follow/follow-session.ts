/**
 * Following on one board, in this tab: "Breng iedereen hierheen" moves this tab's view once per
 * summon (meta.summon), and while "Volg mij" is on (meta.spotlight) this tab follows the awareness
 * client it names with tldraw's own follow (editor.startFollowingUser), which fits the leader's
 * viewport into ours: the same area on any screen, not the same zoom. Stepping out ("Zelf
 * rondkijken", or simply panning or zooming, on which tldraw stops following) holds until the
 * person rejoins or the facilitator starts "Volg mij" anew. This tab tells others whether it
 * follows through its awareness field `following` (the facilitator's "Deelnemers" panel reads it).
 *
 * Pure binding of an Editor, the board's Y.Doc and its Awareness: no React, no HTTP.
 */
import { atom, computed, react, type Editor, type Signal, type TLPageId } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { metaMap } from '../../shared/doc-layout.ts'
import { SESSION_KEYS, type Spotlight, type Summon } from '../../shared/session.ts'
import { freeViewportArea, showRect } from '../board/camera.ts'
import { presenceIdFor } from '../sync/presence.ts'
import { sameArea, summonMove } from './summon-decision.ts'
import { ledSpotlightAs, rememberLeading, rememberSummon, seenSummon } from './tab-memory.ts'

/**
 * `off`: no spotlight; `leading`: this tab is the spotlight; `following`: this tab follows it;
 * `waiting`: it should, but the leader's cursor has not reached us (yet); `stepped-out`: this
 * person looks around on their own.
 */
export type FollowMode = 'off' | 'leading' | 'following' | 'waiting' | 'stepped-out'

export interface FollowSession {
  /** This tab's awareness client id: what "Volg mij" puts in the spotlight. */
  readonly clientId: number
  readonly mode: Signal<FollowMode>
  readonly spotlight: Signal<Spotlight | null>
  /** "Zelf rondkijken". */
  stepOut(): void
  /** "Weer volgen". */
  rejoin(): void
  /** This tab is about to summon everyone to `bounds`, its own view: when the summon comes back, it stays put. */
  sending(bounds: Summon['bounds']): void
  dispose(): void
}

export interface FollowOptions {
  boardId: string
  doc: Y.Doc
  awareness: Awareness
  /**
   * Called when this tab finds the spotlight on the tab it replaced (a facilitator's reload: the
   * old tab's client id is gone), to put the spotlight on `clientId`, this tab.
   */
  retake?: (clientId: number) => void
}

const objectOrNull = <T>(value: unknown): T | null => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as T) : null)

/** Users who asked their system for less motion get no camera animations (tldraw's own default too). */
export function prefersReducedMotion(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false
}

/** Fits a summoned area into the free part of this tab's canvas (as the Stappen panel does). */
export function showSummoned(editor: Editor, summon: Summon, animate: boolean): void {
  const pageId = summon.pageId as TLPageId
  if (pageId !== editor.getCurrentPageId()) {
    if (!editor.getPage(pageId)) return
    editor.setCurrentPage(pageId)
  }
  const free = freeViewportArea(editor)
  const { bounds } = summon
  showRect(editor, bounds, Math.min(free.w / bounds.w, free.h / bounds.h), free, animate)
}

export function bindFollowSession(editor: Editor, options: FollowOptions): FollowSession {
  const { boardId, doc, awareness, retake } = options
  const me = awareness.clientID
  const meta = metaMap(doc)
  const readSpotlight = () => objectOrNull<Spotlight>(meta.get(SESSION_KEYS.spotlight))

  const $spotlight = atom<Spotlight | null>('follow.spotlight', readSpotlight())
  const $steppedOut = atom('follow.steppedOut', false)
  /** The tldraw user id of the leader's presence record: what startFollowingUser takes (on anonymous boards `anon-<clientId>`). */
  const $leader = computed<string | null>('follow.leaderUserId', () => {
    const spotlight = $spotlight.get()
    if (!spotlight || spotlight.clientId === me) return null
    return editor.store.get(presenceIdFor(spotlight.clientId))?.userId ?? null
  })
  const $mode = computed<FollowMode>('follow.mode', () => {
    const spotlight = $spotlight.get()
    if (!spotlight) return 'off'
    if (spotlight.clientId === me) return 'leading'
    if ($steppedOut.get()) return 'stepped-out'
    const leader = $leader.get()
    return leader !== null && editor.getInstanceState().followingUserId === leader ? 'following' : 'waiting'
  })

  /* ------------------------------ summons ------------------------------ */

  let seenId = seenSummon(boardId)
  const sent: Summon['bounds'][] = []
  const onSummon = (opening: boolean) => {
    const summon = objectOrNull<Summon>(meta.get(SESSION_KEYS.summon))
    if (!summon || summon.id === seenId) return
    const mine = sent.findIndex((bounds) => sameArea(bounds, summon.bounds))
    if (mine >= 0) sent.splice(mine, 1)
    const mode = $mode.get()
    const move = summonMove({ summon, seenId, opening, following: mode === 'following' || mode === 'waiting', sentHere: mine >= 0, now: Date.now() })
    seenId = summon.id
    rememberSummon(boardId, summon.id)
    if (move !== 'none') showSummoned(editor, summon, move === 'move' && !prefersReducedMotion())
  }

  /* ------------------------------ following ------------------------------ */

  /** Set while this module starts or stops following, so its own stop is not taken for stepping out. */
  let ours = false
  /** The user id this module started following, so it never stops a follow the person chose in tldraw's people menu. */
  let startedFollowing: string | null = null
  const ourselves = (change: () => void) => {
    ours = true
    try {
      change()
    } finally {
      ours = false
    }
  }
  const onStopFollowing = () => {
    if (ours || startedFollowing === null) return
    startedFollowing = null
    // tldraw stops following when this person pans, zooms or changes page themselves: they step
    // out. It also stops when the leader's cursor is gone (their tab closed): then we wait for it.
    if ($leader.get() !== null && $spotlight.get() !== null) $steppedOut.set(true)
  }
  editor.on('stop-following', onStopFollowing)

  const stopFollowingTheSpotlight = react('follow.spotlight', () => {
    const spotlight = $spotlight.get()
    const leader = $leader.get()
    const out = $steppedOut.get()
    const following = editor.getInstanceState().followingUserId
    if (spotlight && leader !== null && !out) {
      if (following === leader) return
      ourselves(() => editor.startFollowingUser(leader))
      startedFollowing = editor.getInstanceState().followingUserId === leader ? leader : null
    } else if (startedFollowing !== null && following === startedFollowing) {
      startedFollowing = null
      ourselves(() => editor.stopFollowingUser())
    }
  })

  const stopPublishing = react('follow.publish', () => {
    const following = $mode.get() === 'following'
    const state = awareness.getLocalState()
    if (state?.following === following) return
    awareness.setLocalState({ ...(state ?? {}), following })
  })

  /* ------------------------------ meta ------------------------------ */

  const onMeta = (event: Y.YMapEvent<unknown>) => {
    if (event.keysChanged.has(SESSION_KEYS.spotlight)) {
      const next = readSpotlight()
      const previous = $spotlight.get()
      // "Volg mij" anew (or off): whoever stepped out follows again next time.
      if (next?.since !== previous?.since || next?.clientId !== previous?.clientId) $steppedOut.set(false)
      $spotlight.set(next)
    }
    if (event.keysChanged.has(SESSION_KEYS.summon)) onSummon(false)
  }
  meta.observe(onMeta)
  onSummon(true)

  // A facilitator's reload: the spotlight still names the tab this one replaced.
  const before = ledSpotlightAs(boardId)
  const current = $spotlight.get()
  if (retake && before !== null && before !== me && current?.clientId === before) retake(me)
  const stopRemembering = react('follow.rememberLeading', () => {
    const spotlight = $spotlight.get()
    if (spotlight?.clientId === me) rememberLeading(boardId, me)
    else if (spotlight === null || spotlight.clientId !== before) rememberLeading(boardId, null)
  })

  return {
    clientId: me,
    mode: $mode,
    spotlight: $spotlight,
    stepOut() {
      $steppedOut.set(true)
    },
    rejoin() {
      $steppedOut.set(false)
    },
    sending(bounds) {
      sent.push({ ...bounds })
    },
    dispose() {
      meta.unobserve(onMeta)
      editor.off('stop-following', onStopFollowing)
      stopFollowingTheSpotlight()
      stopPublishing()
      stopRemembering()
      if (startedFollowing !== null && editor.getInstanceState().followingUserId === startedFollowing) ourselves(() => editor.stopFollowingUser())
    },
  }
}
