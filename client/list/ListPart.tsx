/**
 * One part of the board (a zone frame, or the cards outside them): a section headed by the part's
 * name, "Kaart toevoegen" for those who may write, and its cards as an ordered list in reading
 * order. On the timeline the list is the moments, each with its interpretations beneath.
 */
import type { TLShapeId } from '@tldraw/tlschema'
import { useId, useState } from 'react'
import type { OutlinePart } from '../../shared/board-outline.ts'
import { AGREEMENT_FIELDS, type AgreementField } from '../../shared/card-rules.ts'
import { useI18n } from '../app/i18n-context.tsx'
import type { MessageKey } from '../i18n.ts'
import { CardEditor, type EditorField, type EditorValues } from './CardEditor.tsx'
import { focusKey, useList } from './list-context.ts'
import { addCard } from './list-edits.ts'
import { ListCard } from './ListCard.tsx'

export function ListPart({ part, name }: { part: OutlinePart; name: string }) {
  const { t } = useI18n()
  const { store, writable, act, focusSoon } = useList()
  const [adding, setAdding] = useState(false)
  const headingId = useId()
  const addKey = focusKey(part.frameId ?? 'outside', 'add')
  const timeline = part.kind === 'timeline'
  const agreements = part.kind === 'agreements'

  const save = ({ text, fields }: EditorValues) => {
    const date = timeline ? (fields.date ?? '').trim() : ''
    // An agreement is written whole, as its four labelled lines (as the template's cards are), so
    // it is placed at its full size: fields written one by one afterwards would grow it, and a
    // card placed low in the frame could grow past its edge.
    const filled = agreements && AGREEMENT_FIELDS.some(({ field }) => (fields[field] ?? '').trim() !== '')
    const body = agreements ? (filled ? AGREEMENT_FIELDS.map(({ field, label }) => `${label}: ${(fields[field] ?? '').trim()}`).join('\n') : '') : (text ?? '')
    setAdding(false)
    if (body.trim() === '' && date === '') return focusSoon(addKey)
    const made: { id: TLShapeId | null } = { id: null }
    const done = act(() => {
      made.id = addCard(store, date ? { part, date } : { part }, body)
    })
    focusSoon(done && made.id ? focusKey(made.id, 'edit') : addKey)
  }

  return (
    <section className="list-part" aria-labelledby={headingId} data-testid={`list-part-${part.zone ?? 'outside'}`}>
      <h2 id={headingId} className="list-part__title">
        {name}
      </h2>
      {writable &&
        (adding ? (
          <CardEditor
            legend={t('list.newCard', { part: name })}
            text={agreements ? null : { label: t('list.text'), initial: '' }}
            fields={agreements ? agreementFields(t, null) : timeline ? [{ key: 'date', label: t('card.date'), hint: t('list.dateHint'), initial: '' }] : []}
            testId="list-new-card"
            onSave={save}
            onCancel={() => {
              setAdding(false)
              focusSoon(addKey)
            }}
          />
        ) : (
          <button type="button" className="button button--small list-part__add" data-focus-key={addKey} data-testid="list-add-card" onClick={() => setAdding(true)}>
            {t('list.addCard')}
            <span className="visually-hidden"> {t('list.addCardTo', { part: name })}</span>
          </button>
        ))}
      {part.cards.length === 0 && part.loose.length === 0 ? (
        <p className="muted list-part__empty">{t('list.empty')}</p>
      ) : (
        part.cards.length > 0 && (
          <ol className="list-cards">
            {part.cards.map((card, index) => (
              <ListCard key={card.id} card={card} zone={part.zone} frameId={part.frameId} index={timeline ? index : null} count={part.cards.length} />
            ))}
          </ol>
        )
      )}
      {part.loose.length > 0 && (
        <>
          <h3 className="list-part__subtitle">{t('list.loose')}</h3>
          <ol className="list-cards">
            {part.loose.map((card) => (
              <ListCard key={card.id} card={card} zone={part.zone} frameId={part.frameId} index={null} count={part.loose.length} />
            ))}
          </ol>
        </>
      )}
    </section>
  )
}

/** An agreement's four fields for the editor, filled in from the card (or empty for a new one). */
export function agreementFields(t: (key: MessageKey) => string, current: Record<AgreementField, string> | null): EditorField[] {
  return AGREEMENT_FIELDS.map(({ field }) => ({ key: field, label: t(`card.${field}`), initial: current?.[field] ?? '' }))
}
