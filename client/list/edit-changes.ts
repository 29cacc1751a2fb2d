/**
 * What a save in the list's card editor writes: only what the person changed since the editor
 * opened. Someone else may change the card meanwhile (on the canvas, in another list); a field
 * this person left alone keeps their value, and a field with line breaks that a one-line input
 * cannot show is not flattened by saving another one.
 */
import { cardDate } from '../../shared/card-rules.ts'
import type { EditorValues } from './CardEditor.tsx'

export interface EditChanges {
  /** The new text; null when the text was left as it was (or the card has none). */
  text: string | null
  /** The fields changed, trimmed, in the editor's order. */
  fields: { key: string; value: string }[]
}

/** The three-way rule: `saved` against `opened`, field by field; the card as it is now does not count. */
export function editChanges(opened: EditorValues, saved: EditorValues): EditChanges {
  const text = saved.text !== null && saved.text !== opened.text ? saved.text : null
  const fields = Object.entries(saved.fields)
    .map(([key, value]) => ({ key, value: value.trim() }))
    .filter(({ key, value }) => value !== (opened.fields[key] ?? '').trim())
  return { text, fields }
}

/**
 * A moment's text with a "Datum:" line typed in it: the line becomes its date (as on the canvas,
 * client/cards/lane-style.ts) and leaves the text. Other values come back as they are.
 */
export function typedDate(values: EditorValues): EditorValues {
  if (values.text === null) return values
  const typed = cardDate({ text: values.text, meta: {} })
  return typed.date ? { text: typed.text, fields: { ...values.fields, date: typed.date } } : values
}
