/**
 * Following on the open board, for the header's buttons, the Stappen panel and the Deelnemers
 * panel: the tab's FollowSession (follow-session.ts) once the editor and the connection are there,
 * the calls a facilitator makes, and a notice for a live region.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { Editor } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import type { BoardForRole } from '../../shared/api.ts'
import { hasRole } from '../../shared/roles.ts'
import type { Summon } from '../../shared/session.ts'
import { useI18n } from '../app/i18n-context.tsx'
import { startSpotlight, stopSpotlight, summonEveryone } from './follow-api.ts'
import { bindFollowSession, type FollowSession } from './follow-session.ts'

export interface Follow {
  session: FollowSession
  editor: Editor
  awareness: Awareness
  doc: Y.Doc
  facilitator: boolean
  /** Facilitator: brings everyone to `bounds` of `pageId` (default: what this tab shows now). */
  summon(target?: { pageId: string; bounds: Summon['bounds'] }): Promise<void>
  /** Facilitator: "Volg mij" on or off. */
  setSpotlight(on: boolean): Promise<void>
  /** The last outcome, translated, for a live region. */
  notice: { text: string; failed: boolean } | null
}

const FollowContext = createContext<Follow | null>(null)

/** Following on the board the component is on; null before the editor is there, or outside a board. */
export function useFollow(): Follow | null {
  return useContext(FollowContext)
}

const NOTICE_MS = 6000

export function FollowProvider(props: { board: BoardForRole; token: string; editor: Editor | null; doc: Y.Doc | null; awareness: Awareness | null; children: ReactNode }) {
  const { board, token, editor, doc, awareness, children } = props
  const { t } = useI18n()
  const facilitator = hasRole(board.role, 'facilitator')
  const [session, setSession] = useState<FollowSession | null>(null)
  const [notice, setNotice] = useState<Follow['notice']>(null)

  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(() => setNotice(null), NOTICE_MS)
    return () => clearTimeout(timer)
  }, [notice])

  useEffect(() => {
    if (!editor || !doc || !awareness) return
    const bound = bindFollowSession(editor, {
      boardId: board.id,
      doc,
      awareness,
      retake: facilitator ? (clientId) => void startSpotlight(board.id, token, clientId) : undefined,
    })
    setSession(bound)
    return () => {
      bound.dispose()
      setSession(null)
    }
  }, [editor, doc, awareness, board.id, token, facilitator])

  const summon = useCallback<Follow['summon']>(
    async (target) => {
      if (!editor || !session) return
      const area = target ?? { pageId: editor.getCurrentPageId(), bounds: boxOf(editor.getViewportPageBounds()) }
      if (!target) session.sending(area.bounds)
      const result = await summonEveryone(board.id, token, area.pageId, area.bounds)
      setNotice(result.ok ? { text: t('follow.summoned'), failed: false } : { text: t('follow.summonFailed', { message: result.message }), failed: true })
    },
    [editor, session, board.id, token, t],
  )

  const setSpotlight = useCallback<Follow['setSpotlight']>(
    async (on) => {
      if (!session) return
      const result = on ? await startSpotlight(board.id, token, session.clientId) : await stopSpotlight(board.id, token)
      if (result.ok) setNotice({ text: t(on ? 'follow.spotlightOn' : 'follow.spotlightOff'), failed: false })
      else setNotice({ text: t('follow.spotlightFailed', { message: result.message }), failed: true })
    },
    [session, board.id, token, t],
  )

  const value = useMemo<Follow | null>(
    () => (session && editor && doc && awareness ? { session, editor, doc, awareness, facilitator, summon, setSpotlight, notice } : null),
    [session, editor, doc, awareness, facilitator, summon, setSpotlight, notice],
  )
  return <FollowContext.Provider value={value}>{children}</FollowContext.Provider>
}

/** A plain rectangle (tldraw's Box carries methods and getters JSON would not keep). */
function boxOf(box: { x: number; y: number; w: number; h: number }): Summon['bounds'] {
  return { x: box.x, y: box.y, w: box.w, h: box.h }
}
