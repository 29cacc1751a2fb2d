/**
 * The session's timer and agenda on the open board, for the header's timer and the Stappen panel:
 * what the server wrote into `meta` (timer, agenda, agendaRun), the server clock's offset, and the
 * facilitator's calls with their outcome for a live region.
 *
 * The offset is measured when the board opens, again when the tab comes back into focus (a laptop
 * that slept may have a clock that jumped) and when the connection comes back.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type * as Y from 'yjs'
import { readAgendaPlan, readAgendaRun } from '../../shared/agenda.ts'
import type { BoardForRole } from '../../shared/api.ts'
import { metaMap } from '../../shared/doc-layout.ts'
import { hasRole } from '../../shared/roles.ts'
import { SESSION_KEYS, type AgendaEntry, type AgendaPlan, type TimerState } from '../../shared/session.ts'
import type { TimerAction } from '../../shared/timer-api.ts'
import { asTimerState } from '../../shared/timer-state.ts'
import type { ApiResult } from '../api/client.ts'
import { useI18n } from '../app/i18n-context.tsx'
import { measureOffset } from './server-clock.ts'
import * as api from './session-api.ts'

export interface SessionRun {
  boardId: string
  facilitator: boolean
  timer: TimerState | null
  agenda: AgendaPlan
  agendaRun: AgendaEntry[]
  /** The server's clock now (ms), this browser's corrected by the measured offset. */
  serverNow(): number
  act(action: TimerAction): Promise<boolean>
  setAgenda(plan: AgendaPlan): Promise<boolean>
  startStep(zone: string): Promise<boolean>
  endStep(): Promise<boolean>
  busy: boolean
  /** The last failure, translated, for an alert. */
  failure: string | null
}

const SessionContext = createContext<SessionRun | null>(null)

/** The session on the board the component is on; null outside a board. */
export function useSessionRun(): SessionRun | null {
  return useContext(SessionContext)
}

interface MetaSession {
  timer: TimerState | null
  agenda: AgendaPlan
  agendaRun: AgendaEntry[]
}

const EMPTY: MetaSession = { timer: null, agenda: {}, agendaRun: [] }
const KEYS: readonly string[] = [SESSION_KEYS.timer, SESSION_KEYS.agenda, SESSION_KEYS.agendaRun]

/** The timer and agenda keys of the meta map as React state; a new object only when they changed. */
function useMetaSession(doc: Y.Doc | null): MetaSession {
  const [state, setState] = useState<MetaSession>(EMPTY)
  useEffect(() => {
    if (!doc) return
    const meta = metaMap(doc)
    let last = ''
    const read = () => {
      const next = { timer: asTimerState(meta.get(SESSION_KEYS.timer)), agenda: readAgendaPlan(meta.get(SESSION_KEYS.agenda)), agendaRun: readAgendaRun(meta.get(SESSION_KEYS.agendaRun)) }
      const key = JSON.stringify(next)
      if (key === last) return
      last = key
      setState(next)
    }
    const onChange = (event: Y.YMapEvent<unknown>) => {
      if (KEYS.some((key) => event.keysChanged.has(key))) read()
    }
    read()
    meta.observe(onChange)
    return () => {
      meta.unobserve(onChange)
      setState(EMPTY)
    }
  }, [doc])
  return state
}

/** The server clock's offset, measured on open, on focus and when `connected` turns true. */
function useServerOffset(connected: boolean): number {
  const [offset, setOffset] = useState(0)
  const [focusCount, setFocusCount] = useState(0)
  useEffect(() => {
    const onFocus = () => setFocusCount((n) => n + 1)
    window.addEventListener('focus', onFocus)
    return () => window.removeEventListener('focus', onFocus)
  }, [])
  useEffect(() => {
    if (!connected) return
    let live = true
    void measureOffset().then((measured) => {
      if (live && measured !== null) setOffset(measured)
    })
    return () => {
      live = false
    }
  }, [connected, focusCount])
  return offset
}

export function SessionProvider(props: { board: BoardForRole; token: string; doc: Y.Doc | null; connected: boolean; children: ReactNode }) {
  const { board, token, doc, connected, children } = props
  const { t } = useI18n()
  const meta = useMetaSession(doc)
  const offset = useServerOffset(connected)
  const facilitator = hasRole(board.role, 'facilitator')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const boardId = board.id

  const run = useCallback(
    async <T,>(request: () => Promise<ApiResult<T>>): Promise<boolean> => {
      setBusy(true)
      setFailure(null)
      const result = await request()
      setBusy(false)
      if (!result.ok) setFailure(t('timer.failed', { message: result.message }))
      return result.ok
    },
    [t],
  )

  const value = useMemo<SessionRun>(
    () => ({
      boardId,
      facilitator,
      ...meta,
      serverNow: () => Date.now() + offset,
      act: (action) => run(() => api.timerAction(boardId, token, action)),
      setAgenda: (plan) => run(() => api.putAgenda(boardId, token, plan)),
      startStep: (zone) => run(() => api.startStep(boardId, token, zone)),
      endStep: () => run(() => api.endStep(boardId, token)),
      busy,
      failure,
    }),
    [boardId, token, facilitator, meta, offset, run, busy, failure],
  )
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}
