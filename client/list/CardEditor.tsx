/**
 * The list's text form, for a new card and for editing one: a labelled textarea (Enter saves,
 * Shift+Enter starts a new line) and/or labelled fields (a moment's date, an agreement's four),
 * grouped in a fieldset whose legend says which card. Escape cancels anywhere in it. The first
 * control gets focus when it opens. A card needs text: saving with the text field blank is
 * refused with a message, and focus stays there (an empty note would be taken for an unused
 * template card). Saving hands over the values as they were when it opened too, so only what
 * the person changed is written (edit-changes.ts).
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useI18n } from '../app/i18n-context.tsx'

export interface EditorField {
  key: string
  label: string
  hint?: string
  initial: string
}

export interface EditorValues {
  text: string | null
  fields: Record<string, string>
}

export function CardEditor(props: {
  legend: string
  text: { label: string; initial: string } | null
  fields?: readonly EditorField[]
  testId?: string
  onSave(values: EditorValues, opened: EditorValues): void
  onCancel(): void
}) {
  const { legend, text, fields = [], testId, onSave, onCancel } = props
  const { t } = useI18n()
  const id = useId()
  // The props follow the card as others change it; the editor keeps what it opened with.
  const [opened] = useState<EditorValues>(() => ({ text: text ? text.initial : null, fields: Object.fromEntries(fields.map((field) => [field.key, field.initial])) }))
  const [value, setValue] = useState(opened.text ?? '')
  const [values, setValues] = useState<Record<string, string>>(opened.fields)
  const [blank, setBlank] = useState(false)
  const first = useRef<HTMLTextAreaElement & HTMLInputElement>(null)
  useEffect(() => {
    const control = first.current
    if (!control) return
    control.focus()
    // The caret after what is there, as when you click at the end of a card's text.
    control.setSelectionRange(control.value.length, control.value.length)
  }, [])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (text && value.trim() === '') {
      setBlank(true)
      // The text field is the first control whenever there is one.
      first.current?.focus()
      return
    }
    onSave({ text: text ? value : null, fields: values }, opened)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    // Not to the page: a surrounding dialog or the browser's full screen keep theirs.
    event.stopPropagation()
    onCancel()
  }
  const onTextKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return
    event.preventDefault()
    event.currentTarget.form?.requestSubmit()
  }

  return (
    <form className="card-editor" onSubmit={submit} onKeyDown={onKeyDown} data-testid={testId}>
      <fieldset className="card-editor__fieldset">
        <legend className="card-editor__legend">{legend}</legend>
        {text && (
          <div className="card-editor__row">
            <label htmlFor={`${id}-text`}>{text.label}</label>
            <textarea
              id={`${id}-text`}
              ref={first}
              className="card-editor__text"
              rows={Math.max(2, value.split('\n').length)}
              value={value}
              aria-describedby={blank ? `${id}-blank ${id}-hint` : `${id}-hint`}
              aria-invalid={blank || undefined}
              onChange={(event) => {
                setValue(event.currentTarget.value)
                setBlank(false)
              }}
              onKeyDown={onTextKeyDown}
              data-testid="card-editor-text"
            />
            {blank && (
              <p id={`${id}-blank`} className="form__error" role="alert" data-testid="card-editor-blank">
                {t('list.textRequired')}
              </p>
            )}
            <p id={`${id}-hint`} className="card-editor__hint muted">
              {t('list.editorHint')}
            </p>
          </div>
        )}
        {fields.map((field, index) => (
          <div className="card-editor__row" key={field.key}>
            <label htmlFor={`${id}-${field.key}`}>{field.label}</label>
            <input
              id={`${id}-${field.key}`}
              ref={!text && index === 0 ? first : undefined}
              type="text"
              className="card-editor__input"
              value={values[field.key] ?? ''}
              aria-describedby={field.hint ? `${id}-${field.key}-hint` : undefined}
              onChange={(event) => {
                const next = event.currentTarget.value
                setValues((current) => ({ ...current, [field.key]: next }))
              }}
              data-testid={`card-editor-${field.key}`}
            />
            {field.hint && (
              <p id={`${id}-${field.key}-hint`} className="card-editor__hint muted">
                {field.hint}
              </p>
            )}
          </div>
        ))}
        <div className="card-editor__buttons">
          <button type="submit" className="button button--primary button--small" data-testid="card-editor-save">
            {t('list.save')}
          </button>
          <button type="button" className="button button--small" data-testid="card-editor-cancel" onClick={onCancel}>
            {t('list.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  )
}
