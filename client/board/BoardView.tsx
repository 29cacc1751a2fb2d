/**
 * An open board: our header (title, connection, role, share, language) above tldraw, which is
 * bound to the board's Y.Doc. The editor mounts only once the doc has content.
 */
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { atom, Tldraw, type Editor, type TLComponents, type TLCurrentUser, type TLStore } from 'tldraw'
import 'tldraw/tldraw.css'
import type { BoardForRole } from '../../shared/api.ts'
import { canWrite } from '../../shared/roles.ts'
import { useI18n } from '../app/i18n-context.tsx'
import { openBoardConnection, type BoardConnection, type ConnectionState } from '../sync/connection.ts'
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx'
import { Link } from '../ui/Link.tsx'
import { TLDRAW_ASSET_URLS } from './asset-urls.ts'
import { ConnectionBadge } from './ConnectionBadge.tsx'
import { NameDialog } from './NameDialog.tsx'
import { useParticipant } from './participant.ts'
import { ShareDialog } from './ShareDialog.tsx'
import { exposeEditorForTests } from './test-hooks.ts'
import { useBoardStore } from './useBoardStore.ts'
import { useClientConfig } from './useClientConfig.ts'

// On anonymous boards there is no name to edit in tldraw's people menu.
const NAMED_COMPONENTS: TLComponents = {}
const ANONYMOUS_COMPONENTS: TLComponents = { UserPresenceEditor: null }

const WAITING_STATE: ConnectionState = { status: 'connecting', everSynced: false, ready: false, emptyAfterSync: false, closedByServer: null }

export function BoardView({ board, token }: { board: BoardForRole; token: string }) {
  const { t, lang } = useI18n()
  const readonly = !canWrite(board.role)
  const [connection, setConnection] = useState<BoardConnection | null>(null)
  const [shareOpen, setShareOpen] = useState(false)

  useEffect(() => {
    const opened = openBoardConnection({ boardId: board.id, token })
    setConnection(opened)
    return () => {
      opened.destroy()
      setConnection(null)
    }
  }, [board.id, token])

  const subscribe = useCallback((listener: () => void) => connection?.subscribe(listener) ?? (() => undefined), [connection])
  const state = useSyncExternalStore(subscribe, () => connection?.getState() ?? WAITING_STATE)

  const [$online] = useState(() => atom<'online' | 'offline'>('dialoogbord.online', 'offline'))
  useEffect(() => {
    $online.set(state.status === 'connected' ? 'online' : 'offline')
  }, [$online, state.status])

  const participant = useParticipant({ anonymous: board.anonymous, lang })
  const boardStore = useBoardStore(connection, state.ready, {
    readonly,
    presenceUser: participant.presenceUser,
    hideNames: participant.hideNames,
    online: $online,
  })
  const config = useClientConfig()

  return (
    <div className="board">
      <header className="board-header">
        <Link href="/" className="board-header__home" aria-label={t('board.home')} title={t('board.home')}>
          <span className="app-header__logo" aria-hidden="true" />
        </Link>
        <h1 className="board-header__title" data-testid="board-title">
          {board.title}
        </h1>
        <span className={`role-tag role-tag--${board.role}`} data-testid="board-role">
          {t(`role.${board.role}`)}
        </span>
        {board.anonymous && (
          <span className="badge badge--anonymous" data-testid="anonymous-badge" title={t('board.anonymousHint')}>
            {t('board.anonymous')}
          </span>
        )}
        <div className="board-header__end">
          <ConnectionBadge state={state} />
          {readonly && (
            <span className="badge badge--readonly" data-testid="readonly-badge" title={t('board.readonlyHint')}>
              {t('board.readonly')}
            </span>
          )}
          <button type="button" className="button button--primary button--small" data-testid="share-button" aria-haspopup="dialog" onClick={() => setShareOpen(true)}>
            {t('share.button')}
          </button>
          <LanguageSwitch />
        </div>
      </header>

      {state.closedByServer && (
        <p className="board-notice board-notice--error" role="alert" data-testid="board-closed">
          {t('board.closed')}
        </p>
      )}

      <main className="board__canvas" aria-label={board.title}>
        {boardStore.state === 'ready' && config !== undefined ? (
          <BoardCanvas
            store={boardStore.store}
            user={participant.currentUser}
            licenseKey={config?.licenseKey ?? undefined}
            locale={lang}
            readonly={readonly}
            anonymous={board.anonymous}
          />
        ) : boardStore.state === 'schema-too-new' ? (
          <BoardMessage text={t('board.schemaTooNew')} reload />
        ) : boardStore.state === 'failed' ? (
          <BoardMessage text={t('board.loadFailed', { message: boardStore.message })} reload />
        ) : state.emptyAfterSync ? (
          <BoardMessage text={t('board.emptyDocument')} reload />
        ) : (
          <div className="board-waiting" role="status">
            <p>{state.status === 'offline' ? t('status.offline') : t('board.waitingForServer')}</p>
            <p className="muted">{t('board.waitingOfflineHint')}</p>
          </div>
        )}
      </main>

      <NameDialog open={participant.needsName} onAnswer={participant.answerName} />
      <ShareDialog open={shareOpen} onClose={() => setShareOpen(false)} board={board} token={token} />
    </div>
  )
}

function BoardCanvas(props: { store: TLStore; user: TLCurrentUser; licenseKey: string | undefined; locale: string; readonly: boolean; anonymous: boolean }) {
  const { store, user, licenseKey, locale, readonly, anonymous } = props
  const onMount = useCallback(
    (editor: Editor) => {
      // The store's collaboration mode keeps a viewer read-only; this makes it so from the first frame.
      if (readonly) editor.updateInstanceState({ isReadonly: true })
      return exposeEditorForTests(editor)
    },
    [readonly],
  )
  const components = useMemo(() => (anonymous ? ANONYMOUS_COMPONENTS : NAMED_COMPONENTS), [anonymous])
  return (
    <Tldraw
      store={store}
      user={user}
      licenseKey={licenseKey}
      assetUrls={TLDRAW_ASSET_URLS}
      locale={locale}
      components={components}
      onMount={onMount}
    />
  )
}

function BoardMessage({ text, reload }: { text: string; reload?: boolean }) {
  const { t } = useI18n()
  return (
    <div className="board-waiting" role="alert">
      <p>{text}</p>
      {reload && (
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </button>
      )}
    </div>
  )
}
