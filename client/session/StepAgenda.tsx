/**
 * The agenda in the Stappen panel. Under each step: its planned minutes (the facilitator edits
 * them), the minutes it ran, and for the facilitator "Start stap". Above the list: the totals and
 * "Stap afronden". Everyone sees planned and used time; only the facilitator changes anything.
 */
import { useEffect, useId, useState } from 'react'
import { useI18n } from '../app/i18n-context.tsx'
import type { Step } from '../facilitation/steps.ts'
import { stepTime } from './agenda-steps.ts'
import { useSessionRun, type SessionRun } from './SessionContext.tsx'
import { MAX_TIMEBOX_MINUTES } from '../../shared/timer-api.ts'

/** The minutes used so far move on while a step runs: re-render once in a while. */
function useMinuteTick(active: boolean): void {
  const [, setTick] = useState(0)
  useEffect(() => {
    if (!active) return
    const interval = setInterval(() => setTick((n) => n + 1), 15_000)
    return () => clearInterval(interval)
  }, [active])
}

export function StepAgenda({ step }: { step: Step }) {
  const session = useSessionRun()
  if (!session) return null
  return <StepAgendaRow step={step} session={session} />
}

function StepAgendaRow({ step, session }: { step: Step; session: SessionRun }) {
  const { t } = useI18n()
  const time = stepTime(step.zone, step.timebox, session.agenda, session.agendaRun, session.serverNow())
  useMinuteTick(time.running)
  const minutesId = useId()
  const name = step.label
  return (
    <div className={`step-agenda${time.running ? ' step-agenda--running' : ''}`} data-testid={`step-agenda-${step.zone}`}>
      {session.facilitator ? (
        <PlannedField id={minutesId} step={step} session={session} planned={time.planned} />
      ) : (
        <span data-testid={`step-planned-${step.zone}`}>{time.planned === null ? t('agenda.noPlan') : t('agenda.plannedValue', { n: String(time.planned) })}</span>
      )}
      {time.used !== null && (
        <span className={time.planned !== null && time.used > time.planned ? 'step-agenda__used step-agenda__used--over' : 'step-agenda__used'} data-testid={`step-used-${step.zone}`}>
          {t('agenda.used', { n: String(time.used) })}
        </span>
      )}
      {time.running && <span className="step-agenda__running" data-testid={`step-running-${step.zone}`}>{t('agenda.running')}</span>}
      {session.facilitator && (
        <button
          type="button"
          className="button button--small step-agenda__start"
          aria-label={t('agenda.startLabel', { name })}
          disabled={session.busy}
          data-testid={`step-start-${step.zone}`}
          onClick={() => void session.startStep(step.zone)}
        >
          {t('agenda.start')}
        </button>
      )}
    </div>
  )
}

/** The facilitator's minutes for a step: saved (PUT agenda) when the field is left or Enter is pressed. */
function PlannedField({ id, step, session, planned }: { id: string; step: Step; session: SessionRun; planned: number | null }) {
  const { t } = useI18n()
  const shown = planned === null ? '' : String(planned)
  const [value, setValue] = useState(shown)
  useEffect(() => setValue(shown), [shown])
  const parsed = value.trim() === '' ? null : Number(value)
  const valid = parsed === null || (Number.isInteger(parsed) && parsed >= 1 && parsed <= MAX_TIMEBOX_MINUTES)
  const save = () => {
    if (!valid || value === shown) return
    const plan = { ...session.agenda }
    // Empty: back to the template's timebox.
    if (parsed === null) delete plan[step.zone]
    else plan[step.zone] = parsed
    void session.setAgenda(plan)
  }
  return (
    <span className="step-agenda__planned">
      <label htmlFor={id} className="visually-hidden">
        {t('agenda.minutesFor', { name: step.label })}
      </label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        pattern="[0-9]*"
        size={3}
        value={value}
        placeholder={step.timebox === null ? '' : String(step.timebox)}
        aria-invalid={!valid}
        data-testid={`step-minutes-${step.zone}`}
        onChange={(event) => setValue(event.target.value)}
        onBlur={save}
        onKeyDown={(event) => {
          if (event.key === 'Enter') save()
        }}
      />
      <span aria-hidden="true">{t('agenda.minutesUnit')}</span>
    </span>
  )
}

/** Above the steps: the totals, and for the facilitator "Stap afronden". */
export function AgendaSummary({ steps }: { steps: readonly Step[] }) {
  const session = useSessionRun()
  const { t } = useI18n()
  const hintId = useId()
  if (!session || steps.length === 0) return null
  const now = session.serverNow()
  const times = steps.filter((step) => !step.parentId || !steps.some((other) => other.id === step.parentId)).map((step) => stepTime(step.zone, step.timebox, session.agenda, session.agendaRun, now))
  const planned = times.reduce((sum, time) => sum + (time.planned ?? 0), 0)
  const used = times.reduce((sum, time) => sum + (time.used ?? 0), 0)
  const running = session.agendaRun.some((entry) => entry.endedAt === null)
  return (
    <div className="agenda-summary" data-testid="agenda-summary">
      <p className="field__hint">{t('agenda.total', { planned: String(planned), used: String(used) })}</p>
      {session.facilitator && running && (
        <button type="button" className="button button--small" aria-describedby={hintId} disabled={session.busy} data-testid="agenda-end" onClick={() => void session.endStep()}>
          {t('agenda.end')}
        </button>
      )}
      {session.facilitator && running && (
        <p id={hintId} className="field__hint">
          {t('agenda.endHint')}
        </p>
      )}
      {session.failure && (
        <p className="form__error" role="alert">
          {session.failure}
        </p>
      )}
    </div>
  )
}
