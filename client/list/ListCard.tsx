/**
 * One card as a list item: its kind, text and fields (a moment's date, an agreement's wat / wie /
 * wanneer / hoe), dots from the latest closed vote, and — for those who may write, on cards that
 * are not locked — its controls: edit, tick a checklist item, move to another part, earlier /
 * later on the timeline (a moment, or an interpretation from moment to moment), delete (after a
 * confirmation), add an interpretation under a moment, give or take back a dot in an open vote,
 * reveal my draft card. Every control's name says which card it is for.
 */
import type { TLShapeId } from '@tldraw/tlschema'
import { deepEqual } from 'fast-equals'
import { memo, useId, useState, type ReactNode } from 'react'
import type { OutlineCard } from '../../shared/board-outline.ts'
import { AGREEMENT_FIELDS, type AgreementField } from '../../shared/card-rules.ts'
import { isPrepared } from '../../shared/session.ts'
import { useI18n } from '../app/i18n-context.tsx'
import { revealMine } from '../drafts/drafts-api.ts'
import { useDraftRequest } from '../drafts/useDraftRequest.ts'
import type { MessageKey } from '../i18n.ts'
import { CardEditor, type EditorValues } from './CardEditor.tsx'
import { focusKey, useList } from './list-context.ts'
import { editChanges, typedDate } from './edit-changes.ts'
import { addCard, moveAlong, moveToPart, removeCard, setAgreementField, setChecked, setDate, setText } from './list-edits.ts'
import { agreementFields } from './ListPart.tsx'

type Mode = 'view' | 'edit' | 'delete' | 'duiding'

/** How a card is named in its controls: its first line, shortened. */
export function cardLabel(card: OutlineCard, empty: string): string {
  // An agreement is named by what is agreed (a template's empty one has only its labels: empty).
  const source = card.agreement ? card.agreement.wat || card.agreement.wie || card.agreement.hoe : card.text
  const line = source.split('\n').find((candidate) => candidate.trim() !== '')?.trim() ?? ''
  if (line === '') return empty
  return line.length > 40 ? `${line.slice(0, 39).trimEnd()}…` : line
}

interface ListCardProps {
  card: OutlineCard
  /** The card's part. */
  zone: string | null
  frameId: string | null
  /** Its place among the timeline's moments (Eerder / Later), for an interpretation its moment's; null elsewhere. */
  index: number | null
  count: number
}

/**
 * Memoised on what the card shows: the outline is rebuilt on every change on the board, and a
 * long board should not re-render hundreds of unchanged cards for one changed one.
 */
export const ListCard = memo(ListCardView, (before, after) => before.zone === after.zone && before.frameId === after.frameId && before.index === after.index && before.count === after.count && deepEqual(before.card, after.card))

function ListCardView({ card, zone, frameId, index, count }: ListCardProps) {
  const { t } = useI18n()
  const list = useList()
  const { store, writable, act, focusSoon, voting, drafts } = list
  const [mode, setMode] = useState<Mode>('view')
  const id = card.id as TLShapeId
  const label = cardLabel(card, t('list.emptyCard'))
  const named = (verb: MessageKey, suffix = ` ‘${label}’`) => (
    <>
      {t(verb)}
      <span className="visually-hidden">{suffix}</span>
    </>
  )
  const mine = list.draftIds.has(card.id)
  const canEdit = writable && !card.locked
  const back = (control: string) => () => {
    setMode('view')
    focusSoon(focusKey(card.id, control))
  }

  // Only what this person changed since the editor opened is written: others may have changed the card meanwhile.
  const saveEdit = (values: EditorValues, opened: EditorValues) => {
    setMode('view')
    const { text, fields } = editChanges(opened, card.kind === 'moment' ? typedDate(values) : values)
    act(() => {
      if (text !== null) setText(store, id, text)
      for (const { key, value } of fields) {
        if (key === 'date') setDate(store, id, value)
        else setAgreementField(store, id, key as AgreementField, value)
      }
    })
    focusSoon(focusKey(card.id, 'edit'))
  }

  const saveDuiding = ({ text }: EditorValues) => {
    setMode('view')
    if (!text || text.trim() === '') return focusSoon(focusKey(card.id, 'duiding'))
    const made: { id: TLShapeId | null } = { id: null }
    const done = act(() => {
      made.id = addCard(store, { duidingOf: card.id }, text)
    })
    focusSoon(done && made.id ? focusKey(made.id, 'edit') : focusKey(card.id, 'duiding'))
  }

  return (
    <li className={`list-card list-card--${card.kind}`} data-testid="list-card" data-card-id={card.id}>
      <p className="list-card__head">
        <span className="list-card__kind">{t(`list.kind.${card.kind}` as MessageKey)}</span>
        {card.kind === 'moment' && <span className="list-card__date">{card.date ? `${t('card.date')}: ${card.date}` : t('list.noDate')}</span>}
        {card.checked !== undefined && !canEdit && <span className="list-card__checked">{t(card.checked ? 'list.checked' : 'list.unchecked')}</span>}
        {card.locked && <span className="list-card__tag">{t('list.locked')}</span>}
        {mine && <span className="list-card__tag list-card__tag--mine">{t('drafts.mark.mine')}</span>}
        {card.dots !== null && <span className="list-card__dots">{t(card.dots === 1 ? 'list.dots.one' : 'list.dots.other', { n: String(card.dots) })}</span>}
      </p>
      {card.agreement ? (
        <dl className="list-card__fields">
          {AGREEMENT_FIELDS.map(({ field }) => (
            <div key={field} className="list-card__field">
              <dt>{t(`card.${field}`)}</dt>
              <dd>{card.agreement![field] || '—'}</dd>
            </div>
          ))}
        </dl>
      ) : card.checked !== undefined && canEdit ? (
        <Tick card={card} />
      ) : (
        <p className="list-card__text">{card.text.trim() === '' ? t('list.emptyCard') : card.text}</p>
      )}

      {writable && mode === 'view' && (
        <div className="list-card__actions">
          {canEdit && (
            <button type="button" className="button button--small" data-focus-key={focusKey(card.id, 'edit')} data-testid="list-edit" onClick={() => setMode('edit')}>
              {named('list.edit')}
            </button>
          )}
          {canEdit && index !== null && (
            <>
              <Step card={card} direction="earlier" disabled={index === 0} label={label} />
              <Step card={card} direction="later" disabled={index === count - 1} label={label} />
            </>
          )}
          {canEdit && <MoveTo card={card} frameId={frameId} label={label} />}
          {canEdit && (
            <button type="button" className="button button--small" data-focus-key={focusKey(card.id, 'delete')} data-testid="list-delete" onClick={() => setMode('delete')}>
              {named('list.delete')}
            </button>
          )}
          {card.kind === 'moment' && (
            <button type="button" className="button button--small" data-focus-key={focusKey(card.id, 'duiding')} data-testid="list-add-duiding" onClick={() => setMode('duiding')}>
              {named('list.addDuiding', ` ${t('list.addDuidingTo', { card: label })}`)}
            </button>
          )}
          {voting && <Dots card={card} zone={zone} label={label} mine={mine} />}
          {mine && drafts.draftKey && <Reveal card={card} label={label} />}
        </div>
      )}

      {mode === 'edit' && (
        <CardEditor
          legend={t('list.editing', { card: label })}
          text={card.agreement ? null : { label: t('list.text'), initial: card.text }}
          fields={card.agreement ? agreementFields(t, card.agreement) : card.kind === 'moment' ? [{ key: 'date', label: t('card.date'), hint: t('list.dateHint'), initial: card.date ?? '' }] : []}
          testId="list-edit-card"
          onSave={saveEdit}
          onCancel={back('edit')}
        />
      )}
      {mode === 'delete' && <ConfirmDelete label={label} onYes={() => {
        setMode('view')
        act(() => removeCard(store, id))
        focusSoon(focusKey(frameId ?? 'outside', 'add'))
      }} onNo={back('delete')} />}

      {card.duidingen && card.duidingen.length > 0 && (
        <ol className="list-cards list-cards--duidingen" aria-label={t('list.duidingenOf', { card: label })}>
          {card.duidingen.map((duiding) => (
            <ListCard key={duiding.id} card={duiding} zone={zone} frameId={frameId} index={index} count={count} />
          ))}
        </ol>
      )}
      {mode === 'duiding' && (
        <CardEditor legend={t('list.newDuiding', { card: label })} text={{ label: t('list.text'), initial: '' }} testId="list-new-duiding" onSave={saveDuiding} onCancel={back('duiding')} />
      )}
    </li>
  )
}

/** A checklist item's tick box, named by its text; the same write as the card panel's (card-fields.ts writeChecked). */
function Tick({ card }: { card: OutlineCard }) {
  const { t } = useI18n()
  const { store, act } = useList()
  const id = useId()
  return (
    <p className="list-card__text list-card__tick">
      <input
        id={id}
        type="checkbox"
        checked={card.checked === true}
        data-focus-key={focusKey(card.id, 'tick')}
        data-testid="list-tick"
        onChange={(event) => {
          const checked = event.currentTarget.checked
          act(() => setChecked(store, card.id as TLShapeId, checked))
        }}
      />
      <label htmlFor={id}>{card.text.trim() === '' ? t('list.emptyCard') : card.text}</label>
    </p>
  )
}

/** "Eerder" / "Later": one place along the timeline. Never disabled outright, so focus stays on it at either end. */
function Step({ card, direction, disabled, label }: { card: OutlineCard; direction: 'earlier' | 'later'; disabled: boolean; label: string }) {
  const { t } = useI18n()
  const { store, act, focusSoon } = useList()
  const key = focusKey(card.id, direction)
  return (
    <button
      type="button"
      className="button button--small"
      aria-disabled={disabled}
      data-focus-key={key}
      data-testid={`list-${direction}`}
      onClick={() => {
        if (disabled) return
        act(() => moveAlong(store, card.id as TLShapeId, direction))
        // The card changes place in the list: its button keeps the focus.
        focusSoon(key)
      }}
    >
      {t(direction === 'earlier' ? 'list.earlier' : 'list.later')}
      <span className="visually-hidden"> ‘{label}’</span>
    </button>
  )
}

/** "naar [part]" and "Verplaats": the parts in board order, this one left out. */
function MoveTo({ card, frameId, label }: { card: OutlineCard; frameId: string | null; label: string }) {
  const { t } = useI18n()
  const { store, act, focusSoon, moveTargets } = useList()
  const id = useId()
  const targets = moveTargets.filter((other) => other.zone !== null && other.frameId !== frameId)
  const [zone, setZone] = useState(targets[0]?.zone ?? '')
  if (targets.length === 0) return null
  const selected = targets.some((other) => other.zone === zone) ? zone : targets[0]!.zone!
  const key = focusKey(card.id, 'move')
  return (
    <span className="list-card__move">
      <label htmlFor={id}>{t('list.moveTo')}</label>
      <select id={id} aria-label={`${t('list.move')} ‘${label}’ ${t('list.moveTo')}`} value={selected} data-testid="list-move-target" onChange={(event) => setZone(event.currentTarget.value)}>
        {targets.map((other) => (
          <option key={other.frameId} value={other.zone!}>
            {other.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button--small"
        data-focus-key={key}
        data-testid="list-move"
        onClick={() => {
          act(() => moveToPart(store, card.id as TLShapeId, selected))
          focusSoon(key)
        }}
      >
        {t('list.move')}
        <span className="visually-hidden"> ‘{label}’</span>
      </button>
    </span>
  )
}

function ConfirmDelete({ label, onYes, onNo }: { label: string; onYes(): void; onNo(): void }) {
  const { t } = useI18n()
  const id = useId()
  return (
    <div className="list-card__confirm" role="group" aria-labelledby={id} data-testid="list-confirm-delete" onKeyDown={(event) => event.key === 'Escape' && onNo()}>
      <p id={id}>{t('list.confirmDelete', { card: label })}</p>
      <button type="button" className="button button--small button--danger" data-testid="list-confirm-yes" onClick={onYes}>
        {t('list.confirmYes')}
      </button>
      {/* The safe answer has the focus: an Enter too many deletes nothing. */}
      <button type="button" className="button button--small" data-testid="list-confirm-no" autoFocus onClick={onNo}>
        {t('list.cancel')}
      </button>
    </div>
  )
}

/** In an open vote: give a dot to this card or take one back (cards of the vote's part, with text, not my drafts). */
function Dots({ card, zone, label, mine }: { card: OutlineCard; zone: string | null; label: string; mine: boolean }): ReactNode {
  const { t } = useI18n()
  const { voting } = useList()
  const open = voting?.open ?? null
  if (!voting || !open || !voting.canVote || mine || card.text.trim() === '') return null
  if (open.zone !== null && open.zone !== zone) return null
  const given = voting.mine.filter((shapeId) => shapeId === card.id).length
  return (
    <>
      <button
        type="button"
        className="button button--small"
        aria-disabled={voting.left === 0}
        data-focus-key={focusKey(card.id, 'dot')}
        data-testid="list-dot-give"
        onClick={() => voting.left > 0 && void voting.place(card.id)}
      >
        {t('list.vote.give')}
        <span className="visually-hidden"> ‘{label}’</span>
      </button>
      {given > 0 && (
        <button type="button" className="button button--small" data-focus-key={focusKey(card.id, 'undot')} data-testid="list-dot-take" onClick={() => void voting.takeBack(card.id)}>
          {t('list.vote.takeBack')}
          <span className="visually-hidden"> ‘{label}’</span>
        </button>
      )}
      {given > 0 && <span className="list-card__mydots">{t(given === 1 ? 'list.myDots.one' : 'list.myDots.other', { n: String(given) })}</span>}
    </>
  )
}

/** "Onthul": my draft card onto the board (during a silent round only prepared cards; the facilitator reveals the rest). */
function Reveal({ card, label }: { card: OutlineCard; label: string }) {
  const { t } = useI18n()
  const { drafts, store } = useList()
  const { busy, notice, run } = useDraftRequest()
  const record = store.get(card.id as TLShapeId)
  const silent = drafts.session.silentRound !== null
  if (!drafts.draftKey || (silent && !(record && isPrepared(record)))) return null
  const draftKey = drafts.draftKey
  return (
    <>
      <button
        type="button"
        className="button button--small"
        disabled={busy}
        data-focus-key={focusKey(card.id, 'reveal')}
        data-testid="list-reveal"
        onClick={() => void run(() => revealMine(drafts.boardId, drafts.token, draftKey, [card.id]))}
      >
        {t('list.reveal')}
        <span className="visually-hidden"> ‘{label}’</span>
      </button>
      {notice?.error && (
        <span role="alert" className="form__error">
          {notice.text}
        </span>
      )}
    </>
  )
}
