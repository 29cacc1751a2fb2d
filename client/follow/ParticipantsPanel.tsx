/**
 * "Deelnemers" (facilitator): who is connected, in which role, who follows "Volg mij" and who has
 * been idle for two minutes; and the cards per part, so the facilitator sees whether every group
 * contributes. Everything comes from awareness (never stored) and the board itself.
 */
import { useEffect, useId, useMemo, useState } from 'react'
import { useValue } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { readRecords } from '../../shared/doc-layout.ts'
import type { Role } from '../../shared/roles.ts'
import { useI18n } from '../app/i18n-context.tsx'
import type { PanelProps } from '../board/panels.tsx'
import type { MessageKey } from '../i18n.ts'
import { useFollow } from './FollowContext.tsx'
import type { FollowSession } from './follow-session.ts'
import { ActivityClock, cardsPerPart, participantRows, type ParticipantRow, type PartCount } from './participation.ts'
import './follow.css'

/** How often idleness is looked at again while nothing changes. */
const IDLE_TICK_MS = 15_000
/** Card counts follow the board's edits at most this often (a big board's records take a while to read). */
const COUNT_EVERY_MS = 1000

export function ParticipantsPanel({ board }: PanelProps) {
  const { t } = useI18n()
  const follow = useFollow()
  if (!follow) return <p className="muted">{t('board.loading')}</p>
  return <Participation awareness={follow.awareness} doc={follow.doc} session={follow.session} myRole={board.role} />
}

function Participation({ awareness, doc, session, myRole }: { awareness: Awareness; doc: Y.Doc; session: FollowSession; myRole: Role }) {
  const { t } = useI18n()
  const rows = useParticipants(awareness, session.clientId, myRole)
  const parts = usePartCounts(doc)
  const isLeading = useValue('leading', () => session.mode.get() === 'leading', [session])
  const listId = useId()
  const partsId = useId()
  const others = rows.filter((row) => !row.me)
  const followers = others.filter((row) => row.following).length
  const count = (base: 'participants.connected' | 'participants.partCards', n: number) => t(`${base}.${n === 1 ? 'one' : 'other'}` as MessageKey, { n: String(n) })

  return (
    <div className="participants" data-testid="participants-panel">
      <p className="muted">{t('participants.intro')}</p>
      <p className="participants__summary" role="status">
        <span data-testid="participants-connected">{count('participants.connected', rows.length)}</span>
        {isLeading && <span data-testid="participants-following">{t('participants.followingCount', { n: String(followers), total: String(others.length) })}</span>}
      </p>
      <section aria-labelledby={listId}>
        <h3 id={listId}>{t('participants.list')}</h3>
        <ul className="participants__list">
          {rows.map((row) => (
            <ParticipantItem key={row.clientId} row={row} spotlight={isLeading} />
          ))}
        </ul>
      </section>
      {parts.length > 0 && (
        <section aria-labelledby={partsId}>
          <h3 id={partsId}>{t('participants.parts')}</h3>
          <p className="muted">{t('participants.partsIntro')}</p>
          <ul className="participants__parts" data-testid="participants-parts">
            {parts.map((part) => (
              <li key={part.zone} className={`participants__part${part.cards === 0 ? ' participants__part--empty' : ''}`} data-testid={`part-count-${part.zone}`} data-cards={part.cards}>
                <span className="participants__name">{part.name}</span>
                <span className="participants__count">{part.cards === 0 ? t('participants.partEmpty') : count('participants.partCards', part.cards)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}

const ROLE_LABEL: Record<Role, MessageKey> = {
  facilitator: 'participants.role.facilitator',
  editor: 'participants.role.editor',
  viewer: 'participants.role.viewer',
}

/** `spotlight`: "Volg mij" is on, so not following means looking around on one's own. */
function ParticipantItem({ row, spotlight }: { row: ParticipantRow; spotlight: boolean }) {
  const { t } = useI18n()
  return (
    <li className={`participants__row${row.idle ? ' participants__row--idle' : ''}`} data-testid="participant" data-role={row.role ?? ''} data-following={row.following} data-idle={row.idle}>
      <span className="participants__who">
        <span className="participants__name">
          {row.name || t('participants.nameless')} {row.me && <span className="muted">{t('participants.me')}</span>}
        </span>
        <span className="participants__role">{t(row.role ? ROLE_LABEL[row.role] : 'participants.role.unknown')}</span>
      </span>
      <span className="participants__tags">
        {row.following && <span className="participants__tag">{t('participants.follows')}</span>}
        {spotlight && !row.me && !row.following && <span className="participants__tag participants__tag--own">{t('participants.ownWay')}</span>}
        {row.idle && (
          <span className="participants__tag participants__tag--idle" title={t('participants.idleHint')}>
            {t('participants.idle')}
          </span>
        )}
      </span>
    </li>
  )
}

/** Everyone's awareness as rows, re-read on every change and, for idleness, every few seconds. */
function useParticipants(awareness: Awareness, me: number, myRole: Role): ParticipantRow[] {
  const clock = useMemo(() => new ActivityClock(), [])
  const [rows, setRows] = useState<ParticipantRow[]>([])
  useEffect(() => {
    const read = () => {
      const now = Date.now()
      const states = awareness.getStates()
      for (const [clientId, state] of states) clock.observe(clientId, state, now)
      setRows(participantRows(states, { me, myRole, clock, now }))
    }
    const onChange = ({ removed }: { removed: number[] }) => {
      for (const clientId of removed) clock.forget(clientId)
      read()
    }
    read()
    awareness.on('change', onChange)
    const tick = setInterval(read, IDLE_TICK_MS)
    return () => {
      awareness.off('change', onChange)
      clearInterval(tick)
    }
  }, [awareness, me, myRole, clock])
  return rows
}

/** The cards per part of the board, kept up to date at most once a second. */
function usePartCounts(doc: Y.Doc): PartCount[] {
  const [parts, setParts] = useState<PartCount[]>(() => cardsPerPart(readRecords(doc)))
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const count = () => {
      timer = undefined
      const next = cardsPerPart(readRecords(doc))
      setParts((previous) => (JSON.stringify(previous) === JSON.stringify(next) ? previous : next))
    }
    const onUpdate = () => {
      timer ??= setTimeout(count, COUNT_EVERY_MS)
    }
    count()
    doc.on('update', onUpdate)
    return () => {
      doc.off('update', onUpdate)
      clearTimeout(timer)
    }
  }, [doc])
  return parts
}
