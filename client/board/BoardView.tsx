/**
 * An open board: our header (title, connection, role, share, language) above tldraw, which is
 * bound to the board's Y.Doc. The editor mounts only once the doc has content.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { atom, Tldraw, type Editor, type TLComponents, type TLCurrentUser, type TLStore, type TLUiOverrides } from 'tldraw'
import 'tldraw/tldraw.css'
import type { BoardForRole } from '../../shared/api.ts'
import { canWrite } from '../../shared/roles.ts'
import { useI18n } from '../app/i18n-context.tsx'
import { keepCardsInTheirLane } from '../cards/lane-style.ts'
import { BOARD_EDITOR_OPTIONS, BOARD_SHAPE_UTILS } from '../cards/note-shape.tsx'
import { BOARD_THEMES } from '../a11y/board-theme.ts'
import { LINKS_SECTION_ID } from '../settings/LinkManager.tsx'
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx'
import { Link } from '../ui/Link.tsx'
import { boardAssetStore, keepPastedLinksAsText, STORABLE_IMAGE_TYPES, STORABLE_VIDEO_TYPES } from './asset-store.ts'
import { TLDRAW_ASSET_URLS } from './asset-urls.ts'
import { ConnectionBadge } from './ConnectionBadge.tsx'
import { EditingBadges } from './EditingBadges.tsx'
import { ForkedFrom } from './ForkedFrom.tsx'
import { NameDialog } from './NameDialog.tsx'
import { markOpen } from './open-marks.ts'
import { PANELS, type PanelId } from './panels.tsx'
import { useParticipant } from './participant.ts'
import { ServerClosedNotice } from './ServerClosedNotice.tsx'
import { openCamera } from './session-camera.ts'
import { ShareDialog } from './ShareDialog.tsx'
import { exposeEditorForTests } from './test-hooks.ts'
import { exportsNamedAfterBoard } from './export-name.ts'
import { BoardMainMenu, BoardTitleContext } from '../exports/BoardMainMenu.tsx'
import { TRANSLATION_OVERRIDES } from './tldraw-translations.ts'
import { typeToEdit } from './type-to-edit.ts'
import { canvasStore } from './canvas-store.ts'
import { useBoardConnection } from './useBoardConnection.ts'
import { useBoardStore } from './useBoardStore.ts'
import { BoardHelpMenu } from './BoardHelpMenu.tsx'
import { ListViewLink, SkipToListView } from './ListViewLinks.tsx'
import { useClientConfig } from './useClientConfig.ts'
import { useServerClose } from './useServerClose.ts'
import { VoteOverlay } from '../voting/VoteOverlay.tsx'
import { VotingProvider } from '../voting/VotingContext.tsx'
import { DraftMarks } from '../drafts/DraftMarks.tsx'
import { DraftModeBar } from '../drafts/DraftModeBar.tsx'
import { DraftsProvider, useDrafts } from '../drafts/DraftsContext.tsx'
import { SilentRoundBanner } from '../drafts/SilentRoundBanner.tsx'
import { FollowBar, FollowButtons } from '../follow/FollowButtons.tsx'
import { FollowProvider } from '../follow/FollowContext.tsx'
import { FloatingReactions } from '../hands/FloatingReactions.tsx'
import { HandControls } from '../hands/HandControls.tsx'
import { HandQueue } from '../hands/HandQueue.tsx'
import { HandsProvider } from '../hands/HandsContext.tsx'
import { SessionProvider } from '../session/SessionContext.tsx'
import { SessionTimer } from '../session/SessionTimer.tsx'

/** Everything drawn in front of the canvas, in screen coordinates over the shapes. */
function InFrontOfTheCanvas() {
  return (
    <>
      <EditingBadges />
      <VoteOverlay />
      <DraftMarks />
      <DraftModeBar />
      <FloatingReactions />
    </>
  )
}

// On anonymous boards there is no name to edit in tldraw's people menu.
const NAMED_COMPONENTS: TLComponents = { InFrontOfTheCanvas, MainMenu: BoardMainMenu, HelpMenu: BoardHelpMenu }
const ANONYMOUS_COMPONENTS: TLComponents = { UserPresenceEditor: null, InFrontOfTheCanvas, MainMenu: BoardMainMenu, HelpMenu: BoardHelpMenu }

export function BoardView({ board: initialBoard, token }: { board: BoardForRole; token: string }) {
  const { t, lang } = useI18n()
  const [board, setBoard] = useState(initialBoard)
  const readonly = !canWrite(board.role)
  const [shareOpen, setShareOpen] = useState(false)
  const [editor, setEditor] = useState<Editor | null>(null)
  const [panel, setPanel] = useState<PanelId | null>(null)
  const [canvasOverride, setCanvasOverride] = useState<ReactNode | null>(null)
  const panels = PANELS.filter((definition) => definition.visibleTo(board))
  const openPanel = panels.find((definition) => definition.id === panel)
  const panelRef = useRef<HTMLElement>(null)
  /** What had focus before the panel opened (its button, mostly), to return to when it closes. */
  const panelOpener = useRef<HTMLElement | null>(null)
  const openPanelFrom = (id: PanelId, button: HTMLElement) => {
    // The button itself, not document.activeElement: Safari does not focus a clicked button.
    panelOpener.current = button
    setPanel(id)
  }
  const closePanel = () => {
    setPanel(null)
    const opener = panelOpener.current
    panelOpener.current = null
    // After React removed the panel: focus on something gone would fall to <body>.
    requestAnimationFrame(() => (opener?.isConnected ? opener : document.querySelector<HTMLElement>('.tl-container'))?.focus())
  }
  // A keyboard user lands in the panel they opened, on its heading (read out, then Tab onwards).
  useEffect(() => {
    if (panel !== null) panelRef.current?.querySelector<HTMLElement>('h2')?.focus()
  }, [panel])
  const onPanelKeyDown = (event: KeyboardEvent) => {
    // A dialog or menu inside the panel handles its own Escape first.
    if (event.key !== 'Escape' || event.defaultPrevented) return
    event.preventDefault()
    closePanel()
  }

  const { connection, state, online: $online } = useBoardConnection(board.id, token)

  const participant = useParticipant({ anonymous: board.anonymous, lang })
  const [$frozen] = useState(() => atom('dialoogbord.frozen', false))
  const assets = useMemo(() => boardAssetStore({ boardId: board.id, token, canUpload: !readonly }), [board.id, token, readonly])
  const drafts = useDrafts({ board, token, boardDoc: connection?.doc ?? null })
  const boardStore = useBoardStore(connection, state.ready, {
    makeStore: canvasStore,
    readonly,
    presenceUser: participant.presenceUser,
    hideNames: participant.hideNames,
    online: $online,
    assets,
    frozen: $frozen,
    draft: drafts.forStore,
  })
  const serverClose = useServerClose({ boardId: board.id, token, connection, closed: state.closedByServer, frozen: $frozen, onBoard: setBoard })
  const config = useClientConfig()

  return (
    <DraftsProvider
      drafts={drafts}
      homes={boardStore.state === 'ready' ? boardStore.homes : null}
      store={boardStore.state === 'ready' ? boardStore.store : null}
      editor={editor}
    >
    <VotingProvider board={board} token={token} doc={connection?.doc ?? null}>
    <FollowProvider board={board} token={token} editor={editor} doc={connection?.doc ?? null} awareness={connection?.provider.awareness ?? null}>
    <SessionProvider board={board} token={token} doc={connection?.doc ?? null} connected={state.status === 'connected'}>
    <HandsProvider awareness={connection?.provider.awareness ?? null} role={board.role} anonymous={board.anonymous}>
      <div className="board">
        <SkipToListView boardId={board.id} token={token} />
        {/* Three groups that wrap as wholes when the width runs out (a facilitator's header holds the
            session's controls too): the board's identity, the session, then the panels. */}
        <header className="board-header">
          <div className="board-header__identity">
            <Link href="/" className="board-header__home" aria-label={t('board.home')} title={t('board.home')}>
              <span className="app-header__logo" aria-hidden="true" />
            </Link>
            <div className="board-header__name">
              <h1 className="board-header__title" data-testid="board-title">
                {board.title}
              </h1>
              <ForkedFrom forkedFrom={board.forkedFrom} />
              <ListViewLink boardId={board.id} token={token} />
            </div>
            <span className={`role-tag role-tag--${board.role}`} data-testid="board-role">
              {t(`role.${board.role}`)}
            </span>
            {board.anonymous && (
              <span className="badge badge--anonymous" data-testid="anonymous-badge" title={t('board.anonymousHint')}>
                {t('board.anonymous')}
              </span>
            )}
          </div>
          <div className="board-header__session">
            <SessionTimer editor={editor} />
            <FollowButtons />
          </div>
          <div className="board-header__end">
            <ConnectionBadge state={state} />
            {readonly && (
              <span className="badge badge--readonly" data-testid="readonly-badge" title={t('board.readonlyHint')}>
                {t('board.readonly')}
              </span>
            )}
            <nav className="panel-switch" aria-label={t('panel.switch')}>
              {panels.map((definition) => (
                <button
                  key={definition.id}
                  type="button"
                  className="button button--small"
                  aria-pressed={panel === definition.id}
                  data-testid={`panel-button-${definition.id}`}
                  onClick={(event) => (panel === definition.id ? closePanel() : openPanelFrom(definition.id, event.currentTarget))}
                >
                  {t(definition.label)}
                </button>
              ))}
            </nav>
            <button type="button" className="button button--primary button--small" data-testid="share-button" aria-haspopup="dialog" onClick={() => setShareOpen(true)}>
              {t('share.button')}
            </button>
            <LanguageSwitch />
          </div>
        </header>

        <ServerClosedNotice reaction={serverClose} boardId={board.id} connection={connection} />
        <SilentRoundBanner />

        <div className="board__body">
          <main className="board__canvas" aria-label={board.title}>
            {canvasOverride !== null && <div className="board__override">{canvasOverride}</div>}
            {canvasOverride === null && <HandQueue />}
            {canvasOverride === null && <FollowBar />}
            {canvasOverride === null && <HandControls />}
            {boardStore.state === 'ready' && config !== undefined ? (
              <BoardCanvas
                boardId={board.id}
                title={board.title}
                hidden={canvasOverride !== null}
                onEditor={setEditor}
                store={boardStore.store}
                user={participant.currentUser}
                licenseKey={config?.licenseKey ?? undefined}
                locale={lang}
                readonly={readonly}
                canLock={board.role === 'facilitator'}
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
          {openPanel && (
            <aside ref={panelRef} className="board__panel" data-testid={`panel-${openPanel.id}`} aria-label={t(openPanel.label)} onKeyDown={onPanelKeyDown}>
              <header className="board__panel-header">
                <h2 tabIndex={-1}>{t(openPanel.label)}</h2>
                <button type="button" className="button button--small" aria-label={t('panel.close')} data-testid="panel-close" onClick={closePanel}>
                  ×
                </button>
              </header>
              <openPanel.Component
                board={board}
                token={token}
                editor={editor}
                onClose={closePanel}
                showInCanvas={setCanvasOverride}
                onBoardChanged={setBoard}
              />
            </aside>
          )}
        </div>

        <NameDialog open={participant.needsName} onAnswer={participant.answerName} />
        <ShareDialog
          open={shareOpen}
          onClose={() => setShareOpen(false)}
          board={board}
          token={token}
          onManageLinks={() => {
            setShareOpen(false)
            setPanel('settings')
            // Once the panel has rendered: bring its links section into view and focus.
            requestAnimationFrame(() => document.getElementById(LINKS_SECTION_ID)?.querySelector<HTMLElement>('h3')?.focus())
          }}
        />
      </div>
    </HandsProvider>
    </SessionProvider>
    </FollowProvider>
    </VotingProvider>
    </DraftsProvider>
  )
}

/**
 * tldraw's lock actions removed (the toggle with its Shift+L, and Edit → "Unlock all"): only the
 * facilitator locks and unlocks the scaffolding, and the server refuses anyone else's change.
 */
const WITHOUT_LOCK_TOGGLE: TLUiOverrides = {
  actions(_editor, actions) {
    const { ['toggle-lock']: _toggleLock, ['unlock-all']: _unlockAll, ...others } = actions
    return others
  },
}
// Constant arrays: tldraw refetches its translations whenever the overrides object changes.
const FACILITATOR_OVERRIDES = [TRANSLATION_OVERRIDES]
const PARTICIPANT_OVERRIDES = [TRANSLATION_OVERRIDES, WITHOUT_LOCK_TOGGLE]

function BoardCanvas(props: {
  boardId: string
  /** Names exported files (read when exporting, so a renamed board exports under its new name). */
  title: string
  store: TLStore
  user: TLCurrentUser
  licenseKey: string | undefined
  locale: string
  readonly: boolean
  /** Locking and unlocking (the template's scaffolding above all) is the facilitator's. */
  canLock: boolean
  anonymous: boolean
  hidden: boolean
  onEditor(editor: Editor | null): void
}) {
  const { boardId, title, store, user, licenseKey, locale, readonly, canLock, anonymous, hidden, onEditor } = props
  const titleNow = useRef(title)
  titleNow.current = title
  // Stable per mount: tldraw refetches its translations whenever the overrides change.
  const overrides = useMemo(() => [...(canLock ? FACILITATOR_OVERRIDES : PARTICIPANT_OVERRIDES), exportsNamedAfterBoard(() => titleNow.current)], [canLock])
  const onMount = useCallback(
    (editor: Editor) => {
      // The store's collaboration mode keeps a viewer read-only; this makes it so from the first frame.
      if (readonly) editor.updateInstanceState({ isReadonly: true })
      markOpen('editor mounted')
      keepPastedLinksAsText(editor)
      editor.disposables.add(keepCardsInTheirLane(editor))
      editor.disposables.add(openCamera(editor, boardId))
      editor.disposables.add(typeToEdit(editor))
      onEditor(editor)
      const withdraw = exposeEditorForTests(editor)
      return () => {
        withdraw()
        onEditor(null)
      }
    },
    [readonly, onEditor, boardId],
  )
  const components = useMemo(() => (anonymous ? ANONYMOUS_COMPONENTS : NAMED_COMPONENTS), [anonymous])
  const titleForExports = useCallback(() => titleNow.current, [])
  return (
    <div className="board__live" hidden={hidden}>
      <BoardTitleContext.Provider value={titleForExports}>
        <Tldraw
          store={store}
          shapeUtils={BOARD_SHAPE_UTILS}
          user={user}
          licenseKey={licenseKey}
          assetUrls={TLDRAW_ASSET_URLS}
          locale={locale}
          components={components}
          acceptedImageMimeTypes={STORABLE_IMAGE_TYPES}
          acceptedVideoMimeTypes={STORABLE_VIDEO_TYPES}
          overrides={overrides}
          onMount={onMount}
          options={BOARD_EDITOR_OPTIONS}
          themes={BOARD_THEMES}
        />
      </BoardTitleContext.Provider>
    </div>
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
