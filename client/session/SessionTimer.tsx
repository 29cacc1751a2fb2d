/**
 * The session timer in the board header. Everyone sees the time left (the server's clock, so all
 * show the same), paused or up; a screen reader hears it at the start, with a minute left and at
 * the end, never every second. At the end the timer changes colour and pulses (not with reduced
 * motion) and, when this browser turned it on, plays a soft tone. The facilitator opens its
 * controls from the timer (or Alt+Shift+T) and has shortcuts for each.
 */
import { useEffect, useId, useRef, useState } from 'react'
import type { Editor } from 'tldraw'
import { MAX_TIMER_MINUTES } from '../../shared/timer-api.ts'
import { remainingMs } from '../../shared/timer-state.ts'
import type { TimerState } from '../../shared/session.ts'
import { useI18n } from '../app/i18n-context.tsx'
import { editorSteps, nextStepZone } from './agenda-steps.ts'
import { useSessionRun, type SessionRun } from './SessionContext.tsx'
import { sessionShortcutFor, SESSION_SHORTCUTS } from './session-shortcuts.ts'
import { announce, formatRemaining, isStale, LAST_MINUTE_MS } from './timer-format.ts'
import { loadSoundOn, playEndTone, primeSound, saveSoundOn } from './timer-sound.ts'
import './session.css'

const DEFAULT_MINUTES = 5

export function SessionTimer({ editor }: { editor: Editor | null }) {
  const session = useSessionRun()
  if (!session) return null
  return <TimerView session={session} editor={editor} />
}

/** Milliseconds left, updated a few times a second while the timer runs. */
function useRemaining(timer: TimerState | null, serverNow: () => number): number | null {
  const [left, setLeft] = useState<number | null>(() => (timer ? remainingMs(timer, serverNow()) : null))
  useEffect(() => {
    if (!timer) {
      setLeft(null)
      return
    }
    const tick = () => setLeft(remainingMs(timer, serverNow()))
    tick()
    if (timer.status !== 'running') return
    const interval = setInterval(tick, 250)
    return () => clearInterval(interval)
  }, [timer, serverNow])
  return left
}

function TimerView({ session, editor }: { session: SessionRun; editor: Editor | null }) {
  const { t } = useI18n()
  const { facilitator } = session
  // One that ran out long ago (a board opened the next day, a fork) is not shown at all.
  const timer = session.timer && !isStale(session.timer, session.serverNow()) ? session.timer : null
  const left = useRemaining(timer, session.serverNow)
  const [open, setOpen] = useState(false)
  const [soundOn, setSoundOn] = useState(loadSoundOn)
  const [announcement, setAnnouncement] = useState('')
  const popoverId = useId()
  const triggerRef = useRef<HTMLButtonElement>(null)

  // What a screen reader hears: changes of the timer and two moments of its countdown.
  const previous = useRef<{ timer: TimerState | null; left: number | null }>({ timer, left })
  useEffect(() => {
    const before = previous.current
    previous.current = { timer, left }
    const said = announce(before.timer, timer, before.left, left, Date.now())
    if (!said) return
    setAnnouncement(said.kind === 'started' ? t(said.minutes === 1 ? 'timer.announce.started.one' : 'timer.announce.started.other', { n: String(said.minutes) }) : t(`timer.announce.${said.kind}`))
    if (said.kind === 'end' && soundOn) playEndTone()
  }, [timer, left, soundOn, t])

  // After a reload with the sound on, the browser lets audio start only after a gesture.
  useEffect(() => {
    if (!soundOn) return
    const prime = () => primeSound()
    window.addEventListener('pointerdown', prime, { once: true })
    return () => window.removeEventListener('pointerdown', prime)
  }, [soundOn])

  const current = useRef({ session, editor, left })
  current.current = { session, editor, left }
  useEffect(() => {
    if (!facilitator) return
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = sessionShortcutFor(event)
      if (!shortcut) return
      event.preventDefault()
      const { session: now, editor: ed } = current.current
      if (shortcut === 'openTimer') setOpen((was) => !was)
      else if (shortcut === 'pauseResume' && now.timer) void now.act({ action: now.timer.status === 'running' ? 'pause' : 'resume' })
      else if (shortcut === 'addOne' && now.timer) void now.act({ action: 'add', minutes: 1 })
      else if (shortcut === 'addFive' && now.timer) void now.act({ action: 'add', minutes: 5 })
      else if (shortcut === 'stop' && now.timer) void now.act({ action: 'stop' })
      else if (shortcut === 'nextStep' && ed) {
        const zone = nextStepZone(editorSteps(ed), now.agendaRun)
        if (zone) void now.startStep(zone)
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [facilitator])

  const toggleSound = () => {
    const next = !soundOn
    if (next) primeSound()
    saveSoundOn(next)
    setSoundOn(next)
  }

  const ended = timer !== null && left === 0
  const lastMinute = timer?.status === 'running' && left !== null && left > 0 && left <= LAST_MINUTE_MS
  const time = formatRemaining(left ?? 0)
  const status = !timer ? null : ended ? t('timer.status.ended') : timer.status === 'paused' ? t('timer.status.paused', { time }) : t('timer.status.running', { time })
  const stateClass = ended ? ' session-timer--ended' : lastMinute ? ' session-timer--last' : timer?.status === 'paused' ? ' session-timer--paused' : ''
  const face = timer ? (
    <>
      <span className="session-timer__time" aria-hidden="true" data-testid="timer-time">
        {ended ? t('timer.ended') : time}
      </span>
      {timer.status === 'paused' && !ended && (
        <span className="session-timer__state" aria-hidden="true" data-testid="timer-paused">
          {t('timer.paused')}
        </span>
      )}
    </>
  ) : (
    <span className="session-timer__time">{t('timer.label')}</span>
  )

  return (
    <div className={`session-timer${stateClass}`} data-testid="session-timer" data-status={ended ? 'ended' : (timer?.status ?? 'none')}>
      {facilitator ? (
        <button
          ref={triggerRef}
          type="button"
          className="session-timer__face session-timer__face--button"
          aria-expanded={open}
          aria-controls={open ? popoverId : undefined}
          aria-label={status ? `${status}. ${t('timer.controls')}` : t('timer.controls')}
          aria-keyshortcuts={SESSION_SHORTCUTS.openTimer}
          data-testid="timer-open"
          onClick={() => setOpen((was) => !was)}
        >
          <span className="session-timer__icon" aria-hidden="true">⏱</span>
          {face}
        </button>
      ) : (
        timer && (
          <div className="session-timer__face" role="timer" aria-label={status ?? undefined}>
            <span className="session-timer__icon" aria-hidden="true">⏱</span>
            {face}
          </div>
        )
      )}
      {timer && (
        <button
          type="button"
          className="session-timer__sound"
          aria-pressed={soundOn}
          aria-label={t('timer.sound')}
          title={soundOn ? t('timer.soundOn') : t('timer.soundOff')}
          data-testid="timer-sound"
          onClick={toggleSound}
        >
          <span aria-hidden="true">{soundOn ? '🔔' : '🔕'}</span>
        </button>
      )}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="timer-announcement">
        {announcement}
      </p>
      {facilitator && open && (
        <TimerControls
          id={popoverId}
          session={session}
          onClose={() => {
            setOpen(false)
            triggerRef.current?.focus()
          }}
        />
      )}
    </div>
  )
}

/** The facilitator's popover: start with minutes, pause or resume, more time, stop. */
function TimerControls({ id, session, onClose }: { id: string; session: SessionRun; onClose(): void }) {
  const { t } = useI18n()
  const { timer, busy, failure } = session
  const minutesId = useId()
  const headingId = useId()
  const [minutes, setMinutes] = useState(String(timer ? Math.max(1, Math.round(timer.durationMs / 60_000)) : DEFAULT_MINUTES))
  const parsed = Number(minutes)
  const valid = Number.isInteger(parsed) && parsed >= 1 && parsed <= MAX_TIMER_MINUTES
  const ref = useRef<HTMLDivElement>(null)
  const close = useRef(onClose)
  close.current = onClose

  // Once, on opening (the timer re-renders this every tick: focus must not jump back meanwhile).
  useEffect(() => {
    ref.current?.querySelector<HTMLInputElement>('input')?.focus()
    const onPointerDown = (event: PointerEvent) => {
      const root = ref.current?.closest('.session-timer')
      if (root && event.target instanceof Node && !root.contains(event.target)) close.current()
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [])

  return (
    <div
      ref={ref}
      id={id}
      className="session-timer__popover"
      role="dialog"
      aria-labelledby={headingId}
      data-testid="timer-controls"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        event.preventDefault()
        event.stopPropagation()
        onClose()
      }}
    >
      <h2 id={headingId} className="session-timer__heading">
        {t('timer.controls')}
      </h2>
      <p className="field__hint">{t('timer.controlsHint')}</p>
      <form
        className="session-timer__start"
        onSubmit={(event) => {
          event.preventDefault()
          if (valid) void session.act({ action: 'start', minutes: parsed })
        }}
      >
        <label htmlFor={minutesId}>{t('timer.minutes')}</label>
        <input
          id={minutesId}
          type="text"
          inputMode="numeric"
          pattern="[0-9]*"
          size={4}
          value={minutes}
          aria-invalid={!valid}
          data-testid="timer-minutes"
          onChange={(event) => setMinutes(event.target.value)}
        />
        <button type="submit" className="button button--primary button--small" disabled={busy || !valid} data-testid="timer-start">
          {timer ? t('timer.restart') : t('timer.start')}
        </button>
      </form>
      {timer && (
        <div className="session-timer__actions">
          {timer.status === 'running' ? (
            <button type="button" className="button button--small" disabled={busy} aria-keyshortcuts={SESSION_SHORTCUTS.pauseResume} data-testid="timer-pause" onClick={() => void session.act({ action: 'pause' })}>
              {t('timer.pause')}
            </button>
          ) : (
            <button type="button" className="button button--small" disabled={busy} aria-keyshortcuts={SESSION_SHORTCUTS.pauseResume} data-testid="timer-resume" onClick={() => void session.act({ action: 'resume' })}>
              {t('timer.resume')}
            </button>
          )}
          <button type="button" className="button button--small" disabled={busy} aria-label={t('timer.addOneLabel')} aria-keyshortcuts={SESSION_SHORTCUTS.addOne} data-testid="timer-add-1" onClick={() => void session.act({ action: 'add', minutes: 1 })}>
            {t('timer.addOne')}
          </button>
          <button type="button" className="button button--small" disabled={busy} aria-label={t('timer.addFiveLabel')} aria-keyshortcuts={SESSION_SHORTCUTS.addFive} data-testid="timer-add-5" onClick={() => void session.act({ action: 'add', minutes: 5 })}>
            {t('timer.addFive')}
          </button>
          <button type="button" className="button button--small" disabled={busy} aria-label={t('timer.stopLabel')} aria-keyshortcuts={SESSION_SHORTCUTS.stop} data-testid="timer-stop" onClick={() => void session.act({ action: 'stop' })}>
            {t('timer.stop')}
          </button>
        </div>
      )}
      {failure && (
        <p className="form__error" role="alert">
          {failure}
        </p>
      )}
      <p className="field__hint">{t('timer.shortcuts')}</p>
    </div>
  )
}
