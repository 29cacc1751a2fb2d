/**
 * The history panel: capture the board, list its snapshots, and per snapshot view it read-only,
 * compare it (with now or another snapshot), restore it, or continue from it on a new board.
 *
 * Viewing and comparing happen "in the same canvas": the panel hands BoardView a SnapshotView
 * to show in place of the live board (showInCanvas), which stays mounted and connected below.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import type { Editor, TLRecord } from 'tldraw'
import type { SnapshotInfo } from '../../shared/api.ts'
import type { ClosedVote } from '../../shared/session.ts'
import { canWrite, hasRole } from '../../shared/roles.ts'
import { useI18n } from '../app/i18n-context.tsx'
import type { PanelProps } from '../board/panels.tsx'
import { SchemaTooNewError } from '../sync/binding.ts'
import { CaptureForm } from './CaptureForm.tsx'
import { marksFor } from './ChangeMarks.tsx'
import { inTimeOrder } from './compare-order.ts'
import { CompareSection } from './CompareSection.tsx'
import { diffBoards, type ShapeChange } from './diff.ts'
import { ForkDialog } from './ForkDialog.tsx'
import { RestoreDialog } from './RestoreDialog.tsx'
import { getSnapshot, listSnapshots } from './snapshot-api.ts'
import { recordsForViewing } from './snapshot-records.ts'
import { SnapshotList } from './SnapshotList.tsx'
import { SnapshotView } from './SnapshotView.tsx'
import { useLiveRecords } from './useLiveRecords.ts'
import './history.css'

type ListState = { state: 'loading' } | { state: 'ok'; snapshots: SnapshotInfo[] } | { state: 'failed'; message: string }

interface Opened {
  snapshot: SnapshotInfo
  records: readonly TLRecord[]
  /** Its closed dot votes, whose latest results its view shows on the cards. */
  votes: readonly ClosedVote[]
}

/** What the canvas shows instead of the live board. */
type Shown =
  | { mode: 'view'; earlier: Opened }
  /**
   * `later` null: compared with now (the live board). `earlier` and `later` are in time order;
   * `picked` and `other` are the snapshot the comparison started from and the one chosen to
   * compare it with, as the facilitator chose them.
   */
  | { mode: 'compare'; earlier: Opened; later: Opened | null; picked: SnapshotInfo; other: SnapshotInfo | null }

type Notice = { tone: 'ok' | 'error'; text: string }

export function HistoryPanel({ board, token, editor, showInCanvas }: PanelProps) {
  const { t } = useI18n()
  const listHeading = useId()
  const [list, setList] = useState<ListState>({ state: 'loading' })
  const [notice, setNotice] = useState<Notice | null>(null)
  const [shown, setShown] = useState<Shown | null>(null)
  const [openingId, setOpeningId] = useState<string | null>(null)
  const [focusedId, setFocusedId] = useState<string | null>(null)
  const [restoring, setRestoring] = useState<SnapshotInfo | null>(null)
  const [forking, setForking] = useState<SnapshotInfo | null>(null)
  const viewEditor = useRef<Editor | null>(null)
  // Snapshots never change: each is fetched and migrated once.
  const opened = useRef(new Map<string, Pick<Opened, 'records' | 'votes'>>())
  // Only the last thing asked for may open (a slow answer must not replace a later choice).
  const request = useRef(0)

  const refresh = useCallback(async () => {
    const result = await listSnapshots(board.id, token)
    setList(result.ok ? { state: 'ok', snapshots: result.value } : { state: 'failed', message: result.message })
  }, [board.id, token])

  useEffect(() => {
    void refresh()
  }, [refresh])

  const open = useCallback(
    async (snapshot: SnapshotInfo): Promise<Opened | null> => {
      const known = opened.current.get(snapshot.id)
      if (known) return { snapshot, ...known }
      const result = await getSnapshot(board.id, token, snapshot.id)
      if (!result.ok) {
        setNotice({ tone: 'error', text: t('history.open.failed', { message: result.message }) })
        if (result.status === 404) void refresh() // pruned meanwhile
        return null
      }
      try {
        const content = { records: recordsForViewing(result.value), votes: result.value.votes ?? [] }
        opened.current.set(snapshot.id, content)
        return { snapshot, ...content }
      } catch (error) {
        const text = error instanceof SchemaTooNewError ? t('history.open.tooNew') : t('history.open.failed', { message: String(error) })
        setNotice({ tone: 'error', text })
        return null
      }
    },
    [board.id, token, t, refresh],
  )

  /** Opens one snapshot (and maybe a second) and then shows what `make` builds from them. */
  const show = useCallback(
    async (snapshot: SnapshotInfo, make: (earlier: Opened, later: Opened | null) => Shown, other: SnapshotInfo | null = null) => {
      const ticket = ++request.current
      setOpeningId(snapshot.id)
      setNotice(null)
      const [earlier, later] = await Promise.all([open(snapshot), other ? open(other) : Promise.resolve(null)])
      if (ticket !== request.current) return
      setOpeningId(null)
      if (!earlier || (other && !later)) return
      setFocusedId(null)
      setShown(make(earlier, later))
    },
    [open],
  )

  const view = (snapshot: SnapshotInfo) => void show(snapshot, (earlier) => ({ mode: 'view', earlier }))
  const compare = (snapshot: SnapshotInfo, other: SnapshotInfo | null = null) =>
    void show(snapshot, (first, second) => ({ mode: 'compare', ...inTimeOrder(first, second, (side) => side.snapshot.createdAt), picked: snapshot, other }), other)

  const backToNow = useCallback(() => {
    request.current++
    setOpeningId(null)
    setShown(null)
    editor?.focus()
  }, [editor])

  // Comparing with now: the live board's records, following it while others work.
  const live = useLiveRecords(editor, shown?.mode === 'compare' && shown.later === null)
  const laterRecords = shown?.mode === 'compare' ? (shown.later?.records ?? live) : null
  const changes = useMemo(
    () => (shown?.mode === 'compare' && laterRecords ? diffBoards(shown.earlier.records, laterRecords) : null),
    [shown, laterRecords],
  )
  const marks = useMemo(() => marksFor(changes ?? []), [changes])

  const onViewEditor = useCallback((next: Editor | null) => {
    viewEditor.current = next
  }, [])

  useEffect(() => {
    if (!shown) {
      showInCanvas(null)
      return
    }
    const records = shown.mode === 'view' ? shown.earlier.records : laterRecords
    if (!records) return
    const comparedWith = shown.mode === 'compare' ? (shown.later?.snapshot ?? null) : undefined
    showInCanvas(
      <SnapshotView
        key={`${shown.mode} ${shown.earlier.snapshot.id} ${comparedWith?.id ?? ''}`}
        boardId={board.id}
        token={token}
        snapshot={shown.earlier.snapshot}
        comparedWith={comparedWith}
        records={records}
        votes={shown.mode === 'view' ? shown.earlier.votes : undefined}
        marks={marks}
        focusedId={focusedId}
        liveEditor={editor}
        onEditor={onViewEditor}
        onBack={backToNow}
      />,
    )
  }, [shown, laterRecords, marks, focusedId, board.id, token, editor, onViewEditor, backToNow, showInCanvas])

  // Closing the panel returns to the live board.
  useEffect(() => () => showInCanvas(null), [showInCanvas])

  const showChange = (change: ShapeChange) => {
    setFocusedId(change.id)
    const target = viewEditor.current
    if (!target) return
    zoomTo(target, change)
  }

  const snapshots = list.state === 'ok' ? list.snapshots : []
  const facilitator = hasRole(board.role, 'facilitator')

  return (
    <div className="history-panel">
      {notice && (
        <p className={`history-notice history-notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="history-notice">
          {notice.text}
        </p>
      )}

      {shown?.mode === 'compare' && (
        <CompareSection
          snapshot={shown.picked}
          snapshots={snapshots}
          comparedWith={shown.other}
          changes={changes}
          focusedId={focusedId}
          onCompareWith={(other) => compare(shown.picked, other)}
          onShow={showChange}
        />
      )}

      {canWrite(board.role) && (
        <CaptureForm
          boardId={board.id}
          token={token}
          onCaptured={(snapshot) => {
            setNotice({ tone: 'ok', text: t('history.capture.done', { label: snapshot.label }) })
            void refresh()
          }}
          onFailed={(text) => setNotice({ tone: 'error', text })}
        />
      )}

      <section className="history-snapshots" aria-labelledby={listHeading}>
        <div className="history-snapshots__head">
          <h3 id={listHeading} className="history-section-title">
            {t('history.list.heading')}
          </h3>
          <button type="button" className="button button--small button--quiet" data-testid="snapshot-refresh" onClick={() => void refresh()}>
            {t('history.list.refresh')}
          </button>
        </div>
        {list.state === 'loading' && <p role="status">{t('history.list.loading')}</p>}
        {list.state === 'failed' && (
          <p className="history-error" role="alert">
            {t('history.list.failed', { message: list.message })}
          </p>
        )}
        {list.state === 'ok' && snapshots.length === 0 && <p className="muted">{t('history.list.empty')}</p>}
        {snapshots.length > 0 && (
          <SnapshotList
            snapshots={snapshots}
            shownId={shown?.earlier.snapshot.id ?? null}
            openingId={openingId}
            onView={view}
            onCompare={(snapshot) => compare(snapshot)}
            {...(facilitator ? { onRestore: setRestoring, onFork: setForking } : {})}
          />
        )}
      </section>

      <RestoreDialog
        boardId={board.id}
        token={token}
        snapshot={restoring}
        onClose={() => setRestoring(null)}
        onRestored={(snapshot) => {
          setRestoring(null)
          backToNow()
          setNotice({ tone: 'ok', text: t('history.restore.done', { label: snapshot.label }) })
          void refresh()
        }}
      />
      <ForkDialog boardId={board.id} boardTitle={board.title} token={token} snapshot={forking} onClose={() => setForking(null)} />
    </div>
  )
}

/** Brings a change into view on the read-only canvas (switching page if it is on another one). */
function zoomTo(editor: Editor, change: ShapeChange) {
  const side = change.change === 'removed' ? change.before : change.after
  if (!side) return
  const page = side.pageId as Parameters<Editor['setCurrentPage']>[0] | null
  if (page && page !== editor.getCurrentPageId() && editor.getPage(page)) editor.setCurrentPage(page)
  const exact = change.change === 'removed' ? undefined : editor.getShapePageBounds(change.id as Parameters<Editor['getShapePageBounds']>[0])
  const box = exact ?? { x: side.box.minX, y: side.box.minY, w: side.box.maxX - side.box.minX, h: side.box.maxY - side.box.minY }
  editor.zoomToBounds(box, { inset: 160, targetZoom: 1, animation: { duration: 300 } })
}
