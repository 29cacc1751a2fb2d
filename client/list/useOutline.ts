/**
 * The board in reading order (shared/board-outline.ts), kept current from the store: recomputed
 * at most once per animation frame however many changes arrive, and only while the page shows.
 * Other people's card changes (remote ones: the list's own edits are `user` changes) go to
 * `onOthersChanged` as events per part, for the live region. My own draft cards are left out of
 * that: a reveal comes back from the server as a remote change of my card (without `meta.prepared`,
 * or re-added after a slow reveal), and my own "Onthul" is no news to me.
 */
import type { TLRecord, TLStore } from '@tldraw/tlschema'
import { useEffect, useRef, useState } from 'react'
import type { HarvestRecord } from '../../shared/board-geometry.ts'
import { buildOutline, BOARD_NAME, OUTSIDE_NAME, type OutlineCard, type OutlinePart } from '../../shared/board-outline.ts'
import type { ClosedVote } from '../../shared/session.ts'
import type { ChangeEvent } from './announcements.ts'

/** Each card's part (by name as shown), moments' interpretations included. */
export function partsOfCards(outline: readonly OutlinePart[], nameOf: (part: OutlinePart) => string): Map<string, string> {
  const parts = new Map<string, string>()
  const add = (card: OutlineCard, name: string) => {
    parts.set(card.id, name)
    for (const duiding of card.duidingen ?? []) add(duiding, name)
  }
  for (const part of outline) {
    const name = nameOf(part)
    for (const card of part.cards) add(card, name)
    for (const card of part.loose) add(card, name)
  }
  return parts
}

/** The part's name as the list shows it: the frame's, or ours (translated) for the parts without a frame. */
export function partName(part: OutlinePart, texts: { outside: string; wholeBoard: string }): string {
  if (part.frameId === null && part.name === OUTSIDE_NAME) return texts.outside
  if (part.frameId === null && part.name === BOARD_NAME) return texts.wholeBoard
  return part.name
}

export type RemoteChange = 'added' | 'updated' | 'removed'

/**
 * Turns the remote changes since the last outline into events for the live region. It remembers
 * the cards of my draft: a remote change of one of them is my card going onto the board (my
 * reveal, or the facilitator's "reveal all") or my own edit in another tab, never someone else's
 * news. Once such a card is on the board and out of my draft, others' changes to it count again.
 */
export class OthersChanges {
  /** My draft's cards, and those that left it and have not been seen on the board yet. */
  private readonly mine = new Set<string>()

  events(previous: ReadonlyMap<string, string> | null, parts: ReadonlyMap<string, string>, remote: ReadonlyMap<string, RemoteChange>, myDraft: ReadonlySet<string>): ChangeEvent[] {
    const events: ChangeEvent[] = []
    if (previous) {
      for (const [id, change] of remote) {
        if (this.mine.has(id)) continue
        const now = parts.get(id)
        const before = previous.get(id)
        // Not a card before or after (a frame, an arrow, someone's blank template card): not news.
        if (now === undefined && before === undefined) continue
        if (now === undefined) events.push({ kind: 'removed', part: before! })
        else if (before === undefined || change === 'added') events.push({ kind: 'added', part: now })
        else events.push({ kind: 'changed', part: now })
      }
    }
    // A card of mine that is on screen and out of my draft is on the board now. One that is on
    // neither may still be on its way there (or was deleted): it stays remembered.
    for (const id of this.mine) if (parts.has(id) && !myDraft.has(id)) this.mine.delete(id)
    for (const id of myDraft) this.mine.add(id)
    return events
  }
}

const NO_IDS: ReadonlySet<string> = new Set()

export function useOutline(options: {
  store: TLStore | null
  templateId: string
  votes: readonly ClosedVote[]
  nameOf(part: OutlinePart): string
  onOthersChanged(events: ChangeEvent[]): void
  /** The cards of my own draft on screen now (read at each recompute). */
  myDraftIds?(): ReadonlySet<string>
}): OutlinePart[] | null {
  const { store, templateId, votes } = options
  const [outline, setOutline] = useState<OutlinePart[] | null>(null)
  // Read at the frame, not when subscribing: a new language or callback needs no resubscription.
  const latest = useRef(options)
  latest.current = options

  useEffect(() => {
    if (!store) return
    let frame: number | null = null
    let previous: Map<string, string> | null = null
    const remote = new Map<string, RemoteChange>()
    const others = new OthersChanges()

    const recompute = () => {
      frame = null
      const next = buildOutline({ records: store.allRecords() as readonly HarvestRecord[], templateId, votes })
      const parts = partsOfCards(next, latest.current.nameOf)
      const events = others.events(previous, parts, remote, latest.current.myDraftIds?.() ?? NO_IDS)
      if (events.length > 0) latest.current.onOthersChanged(events)
      remote.clear()
      previous = parts
      setOutline(next)
    }
    const schedule = () => {
      frame ??= requestAnimationFrame(recompute)
    }
    const stopAll = store.listen(schedule, { source: 'all', scope: 'document' })
    const stopRemote = store.listen(
      ({ changes }) => {
        const note = (record: TLRecord, change: RemoteChange) => {
          if (record.typeName === 'shape' && !remote.has(record.id)) remote.set(record.id, change)
        }
        for (const record of Object.values(changes.added)) note(record, 'added')
        for (const [, record] of Object.values(changes.updated)) note(record, 'updated')
        for (const record of Object.values(changes.removed)) note(record, 'removed')
      },
      { source: 'remote', scope: 'document' },
    )
    recompute()
    return () => {
      stopAll()
      stopRemote()
      if (frame !== null) cancelAnimationFrame(frame)
    }
  }, [store, templateId, votes])

  return outline
}
