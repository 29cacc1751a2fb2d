/** A checkbox with its label and a hint that describes it (the form's one way to offer a choice). */
import { useId } from 'react'

export function CheckField(props: { testId: string; checked: boolean; onChange(checked: boolean): void; label: string; hint: string }) {
  const id = useId()
  const hintId = useId()
  return (
    <div className="field field--check">
      <input id={id} data-testid={props.testId} type="checkbox" checked={props.checked} aria-describedby={hintId} onChange={(event) => props.onChange(event.target.checked)} />
      <label htmlFor={id}>{props.label}</label>
      <p id={hintId} className="field__hint">
        {props.hint}
      </p>
    </div>
  )
}
