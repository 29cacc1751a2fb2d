/**
 * "Kaart": what the one selected card is, from where it lies (moment, duiding, afspraak…), and
 * its fields (card-fields.ts): a moment's date, an agreement's wat / wie / wanneer / hoe, a
 * checklist item's tick. Writes go through the editor, so they sync like any edit, and land
 * where the card shows them, so the board and the harvest say the same.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react'
import { useValue, type Editor, type TLShape, type TLShapeId } from 'tldraw'
import { BoardGeometry, plainText, type Shape } from '../../shared/board-geometry.ts'
import { agreementOf, cardInfo, isCard, isChecked, type CardInfo, type CardKind } from '../../shared/card-rules.ts'
import { canWrite } from '../../shared/roles.ts'
import { useI18n } from '../app/i18n-context.tsx'
import type { PanelProps } from '../board/panels.tsx'
import { FIELDS, readFields, writeChecked, writeFields, type CardField, type FieldKey } from './card-fields.ts'
import { DateParts } from './DateParts.tsx'
import { CardVote } from '../voting/CardVote.tsx'
import { agreementDate } from '../../shared/calendar-date.ts'
import { agreementEventFile } from '../exports/exports-api.ts'
import { agreementName, CalendarButton } from '../harvest/CalendarButton.tsx'
import './cards.css'

/** Which board the calendar files are asked of, and with what token. */
interface Calendar {
  boardId: string
  token: string
}

export function CardPanel({ board, editor, token }: PanelProps) {
  const { t } = useI18n()
  const calendar = useMemo(() => ({ boardId: board.id, token }), [board.id, token])
  if (!editor) return <p className="muted">{t('board.loading')}</p>
  return <SelectedCard editor={editor} readonly={!canWrite(board.role)} calendar={calendar} />
}

function SelectedCard({ editor, readonly, calendar }: { editor: Editor; readonly: boolean; calendar: Calendar }) {
  const { t } = useI18n()
  const selected = useValue(
    'selected shape',
    () => {
      const ids = editor.getSelectedShapeIds()
      return ids.length === 0 ? 'none' : ids.length > 1 ? 'many' : ids[0]!
    },
    [editor],
  )
  const shape = useValue('selected card', () => (selected.startsWith('shape:') ? editor.getShape(selected as TLShapeId) : undefined), [editor, selected])
  // A string, so the panel re-renders when the card's kind or zone changes, not on every edit.
  const infoKey = useValue(
    'card kind',
    () => {
      if (!shape || !isCard(shape as unknown as Shape)) return ''
      const geometry = new BoardGeometry([...editor.getPages(), ...editor.getCurrentPageShapes()])
      const current = geometry.shape(shape.id)
      return current ? JSON.stringify(cardInfo(geometry, current)) : ''
    },
    [editor, shape],
  )
  const info = useMemo(() => (infoKey ? (JSON.parse(infoKey) as CardInfo) : null), [infoKey])

  let body
  if (selected === 'none') body = <p className="muted">{t('card.none')}</p>
  else if (selected === 'many') body = <p className="muted">{t('card.many')}</p>
  else if (!shape || !info) body = <p className="muted">{t('card.notCard')}</p>
  else body = <CardDetails key={shape.id} editor={editor} shape={shape} info={info} readonly={readonly} calendar={calendar} />
  return (
    <div className="card-panel" data-testid="card-panel">
      {body}
    </div>
  )
}

function CardDetails({ editor, shape, info, readonly, calendar }: { editor: Editor; shape: TLShape; info: CardInfo; readonly: boolean; calendar: Calendar }) {
  const { t } = useI18n()
  const text = plainText(shape as unknown as Shape)
  const fields = FIELDS[info.kind] ?? []
  return (
    <div className="card-details">
      <dl className="card-details__facts">
        <div>
          <dt>{t('card.kind')}</dt>
          <dd data-testid="card-kind" data-kind={info.kind}>
            <span className={`card-kind card-kind--${info.kind}`}>{t(`card.kind.${info.kind}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('card.inZone')}</dt>
          <dd data-testid="card-zone">{info.zone?.name ?? t('card.noZone')}</dd>
        </div>
        <div>
          <dt>{t('card.text')}</dt>
          <dd className="card-details__text">{text || <span className="muted">{t('card.emptyText')}</span>}</dd>
        </div>
      </dl>
      <p className="field__hint">{t(`card.hint.${info.kind}`)}</p>
      {readonly && (fields.length > 0 || info.kind === 'checklist') && <p className="field__hint">{t('card.readonly')}</p>}
      {fields.length > 0 &&
        (readonly ? (
          <dl className="card-details__facts">
            {fields.map((field) => (
              <div key={field.key}>
                <dt>{t(field.label)}</dt>
                <dd data-testid={`card-field-${field.key}`}>{readFields(shape, info.kind)[field.key] || t('card.unset')}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <FieldsForm editor={editor} shape={shape} kind={info.kind} fields={fields} />
        ))}
      {info.kind === 'checklist' && <ChecklistTick editor={editor} shape={shape} readonly={readonly} />}
      <CardCalendar shape={shape} info={info} text={text} calendar={calendar} />
      <CardVote editor={editor} shapeId={shape.id} />
    </div>
  )
}

function FieldsForm({ editor, shape, kind, fields }: { editor: Editor; shape: TLShape; kind: CardKind; fields: readonly CardField[] }) {
  const { t } = useI18n()
  const statusId = useId()
  const stored = useMemo(() => readFields(shape, kind), [shape, kind])
  const [drafts, setDrafts] = useState<Record<string, string>>(stored)
  const [saved, setSaved] = useState(false)
  const focused = useRef<string | null>(null)

  // Someone else changed a field: show it, unless you are typing in that very field.
  useEffect(() => {
    setDrafts((current) => Object.fromEntries(fields.map((field) => [field.key, focused.current === field.key ? (current[field.key] ?? '') : (stored[field.key] ?? '')])))
  }, [stored, fields])

  const commit = (only?: FieldKey, override?: string) => {
    const values = fields
      .filter((field) => !only || field.key === only)
      .map((field) => ({ key: field.key, value: (only === field.key && override !== undefined ? override : (drafts[field.key] ?? '')).trim() }))
      .filter(({ key, value }) => value !== (stored[key] ?? ''))
    if (values.length === 0) return
    writeFields(editor, shape.id, kind, values)
    setSaved(true)
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    commit()
  }

  return (
    <form className="card-fields" onSubmit={submit} noValidate data-testid="card-fields">
      {fields.map((field) => (
        <FieldInput
          key={field.key}
          field={field}
          value={drafts[field.key] ?? ''}
          onChange={(value) => {
            setSaved(false)
            setDrafts((current) => ({ ...current, [field.key]: value }))
          }}
          onFocus={() => (focused.current = field.key)}
          onBlur={() => {
            focused.current = null
            commit(field.key)
          }}
          onPick={(value) => {
            setDrafts((current) => ({ ...current, [field.key]: value }))
            commit(field.key, value)
          }}
        />
      ))}
      <div className="card-fields__actions">
        <button type="submit" className="button button--small" data-testid="card-fields-save">
          {t('card.save')}
        </button>
        <span id={statusId} role="status" className="card-fields__saved">
          {saved ? t('card.saved') : ''}
        </span>
      </div>
    </form>
  )
}

function FieldInput(props: {
  field: CardField
  value: string
  onChange(value: string): void
  onFocus(): void
  onBlur(): void
  onPick(value: string): void
}) {
  const { t, lang } = useI18n()
  const { field } = props
  const ids = { input: useId(), hint: useId() }
  return (
    <div className="field">
      <label htmlFor={ids.input}>{t(field.label)}</label>
      <input
        id={ids.input}
        data-testid={`card-field-${field.key}`}
        type="text"
        value={props.value}
        autoComplete="off"
        aria-describedby={field.hint ? ids.hint : undefined}
        onChange={(event) => props.onChange(event.target.value)}
        onFocus={props.onFocus}
        onBlur={props.onBlur}
      />
      {field.hint && (
        <p id={ids.hint} className="field__hint">
          {t(field.hint)}
        </p>
      )}
      {field.datePicker && <DateParts lang={lang} label={t('card.datePick')} testId={`card-field-${field.key}-picker`} onPick={props.onPick} />}
    </div>
  )
}

/**
 * "Zet in agenda" next to the card: the follow-up card gives the board's followup.ics, an
 * agreement its own event.ics; both once their Wanneer (or date) names a day, the same rule the
 * server uses (shared/calendar-date.ts), with that day shown so a misread date is seen.
 */
function CardCalendar({ shape, info, text, calendar }: { shape: TLShape; info: CardInfo; text: string; calendar: Calendar }) {
  const { t, lang } = useI18n()
  const followUp = shape.meta.kind === 'vervolgafspraak'
  if (!followUp && info.kind !== 'afspraak') return null
  const card = { text, meta: shape.meta as Record<string, unknown> }
  const date = agreementDate(card)
  if (!date) return null
  const day = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`))
  return (
    <div className="field">
      <CalendarButton
        boardId={calendar.boardId}
        token={calendar.token}
        file={followUp ? 'followup.ics' : agreementEventFile(shape.id)}
        name={followUp ? t('calendar.followUp') : agreementName(agreementOf(card).wat, t('calendar.agreement'))}
        testId="card-calendar"
      />
      <p className="field__hint" data-testid="card-calendar-day">
        {t('calendar.day', { date: day })}
      </p>
    </div>
  )
}

function ChecklistTick({ editor, shape, readonly }: { editor: Editor; shape: TLShape; readonly: boolean }) {
  const { t } = useI18n()
  const id = useId()
  const checked = isChecked(shape as unknown as Shape)
  return (
    <div className="field field--check">
      <input id={id} type="checkbox" data-testid="card-field-checked" checked={checked} disabled={readonly} onChange={(event) => writeChecked(editor, shape.id, event.target.checked)} />
      <label htmlFor={id}>{t('card.checked')}</label>
    </div>
  )
}
