/**
 * What the board shows in place of the live canvas while someone looks back: a banner saying
 * which state this is (with "Terug naar nu"), and a second, read-only tldraw with its own store.
 * The live editor stays mounted and connected underneath; nothing here writes to it.
 */
import { useCallback, useMemo, useRef } from 'react'
import { Tldraw, type Editor, type TLComponents, type TLRecord } from 'tldraw'
import type { SnapshotInfo } from '../../shared/api.ts'
import { useI18n } from '../app/i18n-context.tsx'
import { boardAssetStore } from '../board/asset-store.ts'
import { BOARD_EDITOR_OPTIONS, BOARD_SHAPE_UTILS } from '../cards/note-shape.tsx'
import { BOARD_THEMES } from '../a11y/board-theme.ts'
import { TLDRAW_ASSET_URLS } from '../board/asset-urls.ts'
import { useClientConfig } from '../board/useClientConfig.ts'
import { formatDate } from '../i18n.ts'
import { comparedMoments } from './compare-order.ts'
import { ChangeLegend, ChangeMarksOverlay, MarksContext, type ChangeMark } from './ChangeMarks.tsx'
import { exposeEditorForTests } from '../board/test-hooks.ts'
import { useViewStore } from './useViewStore.ts'
import type { ClosedVote } from '../../shared/session.ts'
import { SnapshotVoteResults, SnapshotVotesContext } from '../voting/VoteOverlay.tsx'
import './history.css'

const VIEW_COMPONENTS: TLComponents = { InFrontOfTheCanvas: SnapshotVoteResults }
const COMPARE_COMPONENTS: TLComponents = { InFrontOfTheCanvas: ChangeMarksOverlay }

const NO_VOTES: readonly ClosedVote[] = []

export interface SnapshotViewProps {
  boardId: string
  token: string
  /** The snapshot being viewed, or the earlier side of a comparison. */
  snapshot: SnapshotInfo
  /** In a comparison: the later side (null: now). Undefined when only viewing. */
  comparedWith?: SnapshotInfo | null
  /** What the canvas shows: the snapshot, or the later side of the comparison. */
  records: readonly TLRecord[]
  /** When viewing: the snapshot's closed votes, the latest one's results shown on its cards. */
  votes?: readonly ClosedVote[] | undefined
  marks?: readonly ChangeMark[]
  focusedId?: string | null
  /** The live editor: the view opens where the live board was looking, and takes its keyboard. */
  liveEditor: Editor | null
  onEditor(editor: Editor | null): void
  onBack(): void
}

export function SnapshotView(props: SnapshotViewProps) {
  const { boardId, token, snapshot, comparedWith, records, votes = NO_VOTES, marks = [], focusedId = null, liveEditor, onEditor, onBack } = props
  const { t, lang } = useI18n()
  const config = useClientConfig()
  const assets = useMemo(() => boardAssetStore({ boardId, token, canUpload: false }), [boardId, token])
  const store = useViewStore(records, assets)
  const comparing = comparedWith !== undefined
  const date = formatDate(lang, snapshot.createdAt)
  // Two snapshots of the same minute get seconds, so the banner tells them apart.
  const moments = comparedMoments(lang, snapshot.createdAt, comparedWith?.createdAt ?? null)
  const title = comparing
    ? t('history.banner.compare', {
        date: moments.earlier,
        label: snapshot.label,
        other: comparedWith === null ? t('history.banner.now') : t('history.banner.snapshot', { date: moments.later ?? '', label: comparedWith.label }),
      })
    : t('history.banner.view', { date, label: snapshot.label })

  // Read when the view mounts (its camera is taken once), and when it unmounts.
  const latest = useRef({ liveEditor, onEditor })
  latest.current = { liveEditor, onEditor }

  const onMount = useCallback((editor: Editor) => {
    const { liveEditor, onEditor } = latest.current
    // Keys typed here must never reach the hidden live board (tldraw's shortcuts follow focus).
    liveEditor?.blur()
    if (liveEditor) {
      const page = liveEditor.getCurrentPageId()
      if (editor.getPage(page)) editor.setCurrentPage(page)
      editor.setCamera(liveEditor.getCamera())
    } else {
      editor.zoomToFit()
    }
    onEditor(editor)
    const withdraw = exposeEditorForTests(editor, '__dialoogbordSnapshotEditor')
    return () => {
      withdraw()
      latest.current.onEditor(null)
    }
  }, [])

  const marksState = useMemo(() => ({ marks, focusedId }), [marks, focusedId])

  return (
    <div className="history-view" data-testid="snapshot-view" data-mode={comparing ? 'compare' : 'view'}>
      <section className="history-banner" aria-label={title} data-testid="snapshot-banner">
        <p className="history-banner__text" role="status">
          <strong className="history-banner__title" data-testid="snapshot-banner-title">
            {title}
          </strong>
          <button type="button" className="button button--small button--primary" data-testid="snapshot-back" onClick={onBack}>
            {t('history.backToNow')}
          </button>
        </p>
        <p className="history-banner__hint">{t('history.banner.readonly')}</p>
        {comparing && <ChangeLegend />}
      </section>
      <div className="history-view__canvas" aria-label={t('history.view.label', { date })} role="region">
        {store && config !== undefined && (
          <SnapshotVotesContext.Provider value={votes}>
            <MarksContext.Provider value={marksState}>
              <Tldraw
                store={store}
                shapeUtils={BOARD_SHAPE_UTILS}
                options={BOARD_EDITOR_OPTIONS}
                themes={BOARD_THEMES}
                licenseKey={config?.licenseKey ?? undefined}
                assetUrls={TLDRAW_ASSET_URLS}
                locale={lang}
                components={comparing ? COMPARE_COMPONENTS : VIEW_COMPONENTS}
                onMount={onMount}
              />
            </MarksContext.Provider>
          </SnapshotVotesContext.Provider>
        )}
      </div>
    </div>
  )
}
