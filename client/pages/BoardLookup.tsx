/**
 * A board link checked with the server before the board opens, for the canvas (BoardPage) and the
 * list view (client/list/ListPage.tsx) alike. Without a network it falls back to what this device
 * remembers about the board, so an offline reload still works; a bare /b/:id (no token) opens a
 * board this device knows, with the token it used before.
 */
import { useEffect, useState, type ReactNode } from 'react'
import type { BoardForRole } from '../../shared/api.ts'
import { useI18n } from '../app/i18n-context.tsx'
import { findRecentBoard, rememberBoard } from '../storage/recent-boards.ts'
import { lookUpBoard } from './board-lookup.ts'
import { MessagePage } from './MessagePage.tsx'

type Lookup =
  | { state: 'loading' }
  | { state: 'ok'; board: BoardForRole; token: string }
  | { state: 'invalid' }
  | { state: 'error'; message: string }

export function BoardLookup(props: {
  boardId: string
  token: string | null
  /** Which view of the board, for the window title ("Casus · Lijstweergave · Dialoogbord"); none for the canvas. */
  view?: string
  children(board: BoardForRole, token: string): ReactNode
}) {
  const { boardId, token, view, children } = props
  const { t } = useI18n()
  const [lookup, setLookup] = useState<Lookup>({ state: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let live = true
    const remembered = findRecentBoard(boardId)
    const useToken = token ?? (remembered && remembered.id === boardId ? remembered.token : null)
    if (!useToken) {
      setLookup({ state: 'invalid' })
      return
    }
    void lookUpBoard(boardId, useToken).then((result) => {
      if (!live) return
      if (result.ok) {
        rememberBoard({ id: result.value.id, title: result.value.title, role: result.value.role, token: useToken, anonymous: result.value.anonymous })
        setLookup({ state: 'ok', board: result.value, token: useToken })
      } else if (result.status === 401 || result.status === 403 || result.status === 404) {
        setLookup({ state: 'invalid' })
      } else if (result.status === 0 && remembered && remembered.token === useToken) {
        // Offline: trust what we knew; the websocket will be refused anyway if it is no longer valid.
        setLookup({
          state: 'ok',
          board: { id: remembered.id, title: remembered.title, role: remembered.role, template: '', anonymous: remembered.anonymous ?? true, createdAt: '' },
          token: useToken,
        })
      } else {
        setLookup({ state: 'error', message: result.message })
      }
    })
    return () => {
      live = false
    }
  }, [boardId, token, attempt])

  useEffect(() => {
    if (lookup.state === 'ok') document.title = [lookup.board.title, view, t('app.name')].filter(Boolean).join(' · ')
    if (lookup.state === 'invalid') document.title = `${t('invalid.title')} · ${t('app.name')}`
  }, [lookup, view, t])

  switch (lookup.state) {
    case 'loading':
      return (
        <p className="page-status" role="status">
          {t('board.loading')}
        </p>
      )
    case 'invalid':
      return <MessagePage title={t('invalid.title')} body={t('invalid.body')} testId="invalid-link" />
    case 'error':
      return (
        <MessagePage
          title={t('board.loadFailed', { message: lookup.message })}
          body={t('board.waitingOfflineHint')}
          actions={
            <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
              {t('common.retry')}
            </button>
          }
        />
      )
    case 'ok':
      return children(lookup.board, lookup.token)
  }
}
