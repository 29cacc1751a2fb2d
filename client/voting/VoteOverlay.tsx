/**
 * The vote on the canvas, in front of it and in screen coordinates (like the editing badges):
 * - while a vote is open: a bar with the rules, your dots left (and, for the facilitator, how many
 *   have voted and "Stemming sluiten"); on every card you may vote on, a button that places a dot,
 *   and your own dots, each a button that takes it back. Nobody's counts: there are none here.
 * - once closed: the latest vote's count on every card that got dots, the top cards highlighted.
 * The buttons are real buttons (Tab, Enter, a name to read out); the card panel has the same two
 * for the selected card. (No letter key: a letter typed on a selected card goes into its text.)
 */
import { createContext, useContext, useId, useMemo, useState } from 'react'
import { useEditor, useValue, type Editor, type TLShape, type TLShapeId } from 'tldraw'
import { BoardGeometry, plainText, type HarvestRecord, type Shape } from '../../shared/board-geometry.ts'
import { isVotableCard } from '../../shared/card-rules.ts'
import { latestResults, type ClosedVote } from '../../shared/session.ts'
import { useI18n } from '../app/i18n-context.tsx'
import { useDraftsOnBoard } from '../drafts/DraftsContext.tsx'
import { dotsPerCard, topCards } from './vote-results.ts'
import { useVoting, type Voting } from './VotingContext.tsx'
import './voting.css'

interface ScreenBox {
  id: string
  x: number
  y: number
  w: number
  h: number
}

/** Most of your own dots drawn on one card; beyond it a number says how many. */
const MAX_DRAWN_DOTS = 6

export function VoteOverlay() {
  const editor = useEditor()
  const voting = useVoting()
  if (!voting) return null
  return (
    <>
      {voting.open ? <OpenVoteMarks editor={editor} voting={voting} /> : voting.showResults && <ResultMarks editor={editor} latest={voting.closed.at(-1)} />}
      {voting.open && <VoteBar editor={editor} voting={voting} />}
    </>
  )
}

/**
 * The cards of the current page one may vote on in the open vote, in paint order (topmost last):
 * cards on the board, not my draft's (only I see those; the server would refuse them), and not
 * empty ones (a template's blank notes waiting to be filled in: nothing to choose).
 */
export function useVoteCards(editor: Editor, zone: string | null | undefined): readonly string[] {
  const homes = useDraftsOnBoard()?.homes ?? null
  const key = useValue(
    'vote cards',
    () => {
      if (zone === undefined) return ''
      const mine = homes?.draftIds.get()
      const shapes = editor.getCurrentPageShapesSorted().filter((shape) => !mine?.has(shape.id))
      const geometry = zone === null ? null : new BoardGeometry([...editor.getPages(), ...shapes] as unknown as HarvestRecord[])
      const frames = geometry?.zoneFrames() ?? []
      return shapes
        .filter((shape) => isVotableCard(shape as unknown as Shape))
        .filter((shape) => geometry === null || geometry.zoneOf(geometry.shape(shape.id)!, frames)?.meta.zone === zone)
        .map((shape) => shape.id)
        .join(' ')
    },
    [editor, zone, homes],
  )
  return useMemo(() => (key ? key.split(' ') : []), [key])
}

/** Where the given shapes of the current page lie on screen, those in view only. */
function useScreenBoxes(editor: Editor, ids: readonly string[]): ScreenBox[] {
  return useValue(
    'vote boxes',
    () => {
      const view = editor.getViewportPageBounds()
      const boxes: ScreenBox[] = []
      for (const id of ids) {
        if (editor.getAncestorPageId(id as TLShapeId) !== editor.getCurrentPageId()) continue
        const bounds = editor.getShapePageBounds(id as TLShapeId)
        if (!bounds || bounds.maxX < view.minX || bounds.minX > view.maxX || bounds.maxY < view.minY || bounds.minY > view.maxY) continue
        const topLeft = editor.pageToViewport({ x: bounds.minX, y: bounds.minY })
        const bottomRight = editor.pageToViewport({ x: bounds.maxX, y: bounds.maxY })
        boxes.push({ id, x: topLeft.x, y: topLeft.y, w: bottomRight.x - topLeft.x, h: bottomRight.y - topLeft.y })
      }
      return boxes
    },
    [editor, ids],
  )
}

function cardText(editor: Editor, id: string, fallback: string): string {
  const shape = editor.getShape(id as TLShapeId)
  const text = shape ? plainText(shape as unknown as Shape).replace(/\s+/g, ' ').trim() : ''
  return text.length > 80 ? `${text.slice(0, 79)}…` : text || fallback
}

const place = (box: ScreenBox) => ({ transform: `translate(${Math.round(box.x)}px, ${Math.round(box.y)}px)`, width: Math.round(box.w), height: Math.round(box.h) })

function OpenVoteMarks({ editor, voting }: { editor: Editor; voting: Voting }) {
  const { t } = useI18n()
  const cards = useVoteCards(editor, voting.canVote ? (voting.open?.zone ?? null) : undefined)
  const mine = useMemo(() => dotsPerCard(voting.mine), [voting.mine])
  const shown = useMemo(() => [...new Set([...cards, ...mine.keys()])], [cards, mine])
  const boxes = useScreenBoxes(editor, shown)
  if (!voting.canVote) return null
  const eligible = new Set(cards)
  return (
    <>
      {boxes.map((box) => {
        const text = cardText(editor, box.id, t('vote.noText'))
        const count = mine.get(box.id) ?? 0
        return (
          <div key={box.id} className="vote-card" data-testid="vote-card" data-shape-id={box.id} data-mine={count} style={place(box)} onWheel={(event) => passWheelOn(editor, event.nativeEvent)}>
            {voting.clickToVote && eligible.has(box.id) && (
              <button
                type="button"
                className="vote-card__cover"
                data-testid="vote-place"
                aria-label={count > 0 ? t('vote.placeMore', { text, n: String(count) }) : t('vote.place', { text })}
                onClick={() => void voting.place(box.id)}
              />
            )}
            {count > 0 && (
              <div className="vote-card__dots">
                {Array.from({ length: Math.min(count, MAX_DRAWN_DOTS) }, (_, i) => (
                  <button
                    key={i}
                    type="button"
                    className="vote-dot vote-dot--mine"
                    data-testid="vote-dot"
                    aria-label={t('vote.takeBack', { text })}
                    title={t('vote.takeBack', { text })}
                    onClick={() => void voting.takeBack(box.id)}
                  >
                    <span aria-hidden="true">−</span>
                  </button>
                ))}
                {count > MAX_DRAWN_DOTS && <span className="vote-card__more">+{count - MAX_DRAWN_DOTS}</span>}
              </div>
            )}
          </div>
        )
      })}
    </>
  )
}

/**
 * The buttons lie in front of the canvas, where tldraw does not hear the wheel: hand it a copy, so
 * zooming and scrolling over the cards work during a vote as they do otherwise.
 */
function passWheelOn(editor: Editor, event: WheelEvent) {
  const canvas = editor.getContainer().querySelector('.tl-canvas')
  if (!canvas) return
  const { deltaX, deltaY, deltaZ, deltaMode, clientX, clientY, ctrlKey, shiftKey, altKey, metaKey } = event
  canvas.dispatchEvent(new WheelEvent('wheel', { deltaX, deltaY, deltaZ, deltaMode, clientX, clientY, ctrlKey, shiftKey, altKey, metaKey, bubbles: true, cancelable: true }))
}

/** A snapshot's closed votes (its document's `meta.votes`), for its view to show like the live board. */
export const SnapshotVotesContext = createContext<readonly ClosedVote[]>([])

/** In front of a snapshot's canvas: the results of its latest closed vote, as the board showed them then. */
export function SnapshotVoteResults() {
  const editor = useEditor()
  const votes = useContext(SnapshotVotesContext)
  return <ResultMarks editor={editor} latest={votes.at(-1)} />
}

/** The latest closed vote's count on each card that got dots; the top cards highlighted. */
function ResultMarks({ editor, latest }: { editor: Editor; latest: ClosedVote | undefined }) {
  const { t } = useI18n()
  const counts = useMemo(() => latestResults(latest ? [latest] : []), [latest])
  const top = useMemo(() => topCards(latest?.results ?? []), [latest])
  const ids = useMemo(() => [...counts.keys()], [counts])
  const boxes = useScreenBoxes(editor, ids)
  return (
    <>
      {boxes.map((box) => {
        const votes = counts.get(box.id) ?? 0
        const isTop = top.has(box.id)
        const count = votes === 1 ? t('vote.badge.one') : t('vote.badge.other', { n: String(votes) })
        return (
          <div
            key={box.id}
            className={`vote-result${isTop ? ' vote-result--top' : ''}`}
            data-testid="vote-result"
            data-shape-id={box.id}
            data-votes={votes}
            data-top={isTop}
            style={place(box)}
          >
            <span className="vote-result__badge" role="img" aria-label={isTop ? t('vote.badge.top', { count }) : count}>
              <span aria-hidden="true">● {votes}</span>
            </span>
          </div>
        )
      })}
    </>
  )
}

/** The name of the part (zone frame) a vote is limited to, as the board shows it. */
export function useZoneName(editor: Editor, zone: string | null): string | null {
  return useValue(
    'vote zone name',
    () => {
      if (zone === null) return null
      const frame = editor.getCurrentPageShapes().find((shape: TLShape) => shape.type === 'frame' && shape.meta.zone === zone)
      const name = frame && typeof (frame.props as { name?: unknown }).name === 'string' ? (frame.props as { name: string }).name.trim() : ''
      return name || zone
    },
    [editor, zone],
  )
}

function VoteBar({ editor, voting }: { editor: Editor; voting: Voting }) {
  const { t } = useI18n()
  const hintId = useId()
  const open = voting.open!
  const zone = useZoneName(editor, open.zone)
  const rules = open.perParticipant === 1 ? t('vote.rules.one') : t('vote.rules.other', { n: String(open.perParticipant) })
  // Dots on a card someone removed meanwhile: no card to click, so they are taken back from here.
  const removed = useValue('dots on removed cards', () => [...new Set(voting.mine)].filter((id) => !editor.getShape(id as TLShapeId)), [editor, voting.mine])
  return (
    <div className="vote-bar" data-testid="vote-bar" role="region" aria-label={t('vote.label')}>
      <p className="vote-bar__rules">
        <strong>{t('vote.label')}</strong> · {rules}
        {zone !== null && ` · ${t('vote.rules.zone', { zone })}`}
      </p>
      {voting.canVote ? (
        <>
          <p className="vote-bar__left" data-testid="vote-left" role="status">
            {voting.left === 0 ? t('vote.left.none') : voting.left === 1 ? t('vote.left.one') : t('vote.left.other', { n: String(voting.left) })}
          </p>
          <label className="vote-bar__mode">
            <input type="checkbox" data-testid="vote-click-mode" checked={voting.clickToVote} aria-describedby={hintId} onChange={(event) => voting.setClickToVote(event.target.checked)} />
            {t('vote.mode')}
          </label>
          <span id={hintId} hidden>
            {t('vote.modeHint')}
          </span>
        </>
      ) : (
        <p className="vote-bar__left">{t('vote.viewer')}</p>
      )}
      {removed.map((id) => (
        <button key={id} type="button" className="button button--small" data-testid="vote-take-back-removed" onClick={() => void voting.takeBack(id)}>
          {t('vote.takeBackRemoved')}
        </button>
      ))}
      {voting.facilitator && <FacilitatorVoteControls voting={voting} compact />}
      {voting.notice && (
        <p className="vote-bar__notice" role="alert" data-testid="vote-notice">
          {voting.notice}
        </p>
      )}
    </div>
  )
}

/** How many have voted and "Stemming sluiten": in the bar and in the panel. */
export function FacilitatorVoteControls({ voting, compact = false }: { voting: Voting; compact?: boolean }) {
  const { t } = useI18n()
  const open = voting.open
  if (!open) return null
  const voters = open.voters === 0 ? t('vote.voters.none') : open.voters === 1 ? t('vote.voters.one') : t('vote.voters.other', { n: String(open.voters) })
  return (
    <div className={`vote-facilitator${compact ? ' vote-facilitator--compact' : ''}`}>
      <span data-testid="vote-voters" role="status">
        {voters}
      </span>
      <CloseVoteButton voting={voting} />
    </div>
  )
}

function CloseVoteButton({ voting }: { voting: Voting }) {
  const { t } = useI18n()
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null })
  return (
    <>
      <button
        type="button"
        className="button button--small button--primary"
        data-testid="vote-close"
        disabled={state.busy}
        onClick={async () => {
          setState({ busy: true, error: null })
          const result = await voting.closeVote()
          setState({ busy: false, error: result.ok ? null : t('vote.close.failed', { message: result.message }) })
        }}
      >
        {state.busy ? t('vote.closing') : t('vote.close')}
      </button>
      {state.error && (
        <span className="form__error" role="alert">
          {state.error}
        </span>
      )}
    </>
  )
}
