/**
 * "Instellingen" (facilitators only): the board's title, anonymity (Chatham House), its links
 * and deleting it. Every change goes to the server first; the board view follows its answer.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { TITLE_MAX, type BoardForRole } from '../../shared/api.ts'
import { useI18n } from '../app/i18n-context.tsx'
import type { PanelProps } from '../board/panels.tsx'
import { ExportBoardJson } from '../exports/ExportBoardJson.tsx'
import { rememberBoard } from '../storage/recent-boards.ts'
import { ConfirmStep } from './ConfirmStep.tsx'
import { DeleteBoard } from './DeleteBoard.tsx'
import { LinkManager } from './LinkManager.tsx'
import { patchBoard } from './settings-api.ts'
import './settings.css'

export function SettingsPanel({ board, token, onBoardChanged }: PanelProps) {
  // Keep the home page's list in step with what the server now says.
  const changed = (next: BoardForRole) => {
    rememberBoard({ id: next.id, title: next.title, role: next.role, token, anonymous: next.anonymous })
    onBoardChanged(next)
  }
  return (
    <div className="settings" data-testid="settings-panel">
      <TitleSection board={board} token={token} onChanged={changed} />
      <AnonymitySection board={board} token={token} onChanged={changed} />
      <LinkManager board={board} token={token} />
      <ExportBoardJson board={board} token={token} />
      <DeleteBoard board={board} token={token} />
    </div>
  )
}

type SectionProps = { board: BoardForRole; token: string; onChanged(board: BoardForRole): void }

function TitleSection({ board, token, onChanged }: SectionProps) {
  const { t } = useI18n()
  const ids = { heading: useId(), input: useId(), message: useId() }
  const [title, setTitle] = useState(board.title)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)

  // A title changed elsewhere (a reload after the settings changed) replaces an untouched field.
  useEffect(() => setTitle(board.title), [board.title])

  async function save(event: FormEvent) {
    event.preventDefault()
    const next = title.trim()
    if (!next) {
      setMessage({ kind: 'error', text: t('settings.title.required') })
      return
    }
    setBusy(true)
    const result = await patchBoard(board.id, token, { title: next })
    setBusy(false)
    if (!result.ok) {
      setMessage({ kind: 'error', text: t('settings.failed', { message: result.message }) })
      return
    }
    onChanged(result.value)
    setMessage({ kind: 'ok', text: t('settings.title.saved') })
  }

  return (
    <section className="settings__section" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{t('settings.title.heading')}</h3>
      <form className="settings__form" onSubmit={save} noValidate>
        <label htmlFor={ids.input}>{t('settings.title.label')}</label>
        <input
          id={ids.input}
          className="settings__input"
          data-testid="settings-title-input"
          type="text"
          value={title}
          maxLength={TITLE_MAX}
          required
          autoComplete="off"
          aria-invalid={message?.kind === 'error' && !title.trim()}
          aria-describedby={message ? ids.message : undefined}
          onChange={(event) => {
            setTitle(event.target.value)
            setMessage(null)
          }}
        />
        <div>
          <button type="submit" className="button button--small button--primary" data-testid="settings-title-save" disabled={busy || title.trim() === board.title}>
            {t('settings.title.save')}
          </button>
        </div>
        <p id={ids.message} className={message?.kind === 'error' ? 'settings__error' : 'settings__ok'} role="status">
          {message?.text ?? ''}
        </p>
      </form>
    </section>
  )
}

function AnonymitySection({ board, token, onChanged }: SectionProps) {
  const { t } = useI18n()
  const ids = { heading: useId(), label: useId(), explanation: useId() }
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const switchButton = useRef<HTMLButtonElement>(null)
  const target = !board.anonymous

  function endConfirm() {
    setConfirming(false)
    switchButton.current?.focus()
  }

  async function apply() {
    setBusy(true)
    const result = await patchBoard(board.id, token, { anonymous: target })
    setBusy(false)
    endConfirm()
    if (!result.ok) {
      setMessage({ kind: 'error', text: t('settings.failed', { message: result.message }) })
      return
    }
    // The server now closes every connection (ours too) so all clients pick up the new mode.
    onChanged(result.value)
    setMessage({ kind: 'ok', text: t(result.value.anonymous ? 'settings.anonymous.nowOn' : 'settings.anonymous.nowOff') })
  }

  return (
    <section className="settings__section" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{t('settings.anonymous.heading')}</h3>
      <div className="settings__switch-row">
        <span id={ids.label} className="settings__switch-label">
          {t('settings.anonymous.label')}
        </span>
        <button
          ref={switchButton}
          type="button"
          role="switch"
          className="settings-switch"
          data-testid="settings-anonymous"
          aria-checked={board.anonymous}
          aria-labelledby={ids.label}
          aria-describedby={ids.explanation}
          aria-expanded={confirming}
          disabled={busy}
          onClick={() => {
            setMessage(null)
            setConfirming(true)
          }}
        >
          <span className="settings-switch__track" aria-hidden="true">
            <span className="settings-switch__thumb" />
          </span>
          <span className="settings-switch__state">{board.anonymous ? t('settings.anonymous.on') : t('settings.anonymous.off')}</span>
        </button>
      </div>
      <div id={ids.explanation} className="settings__explanation">
        <p>{t('settings.anonymous.intro')}</p>
        <ul>
          <li>{t('settings.anonymous.point1')}</li>
          <li>{t('settings.anonymous.point2')}</li>
          <li>{t('settings.anonymous.point3')}</li>
        </ul>
      </div>
      {confirming && (
        <ConfirmStep
          testId="settings-anonymous-confirm"
          text={t(target ? 'settings.anonymous.confirmOn' : 'settings.anonymous.confirmOff')}
          confirmLabel={t(target ? 'settings.anonymous.doOn' : 'settings.anonymous.doOff')}
          busy={busy}
          onConfirm={() => void apply()}
          onCancel={endConfirm}
        />
      )}
      <p className={message?.kind === 'error' ? 'settings__error' : 'settings__ok'} role="status">
        {message?.text ?? ''}
      </p>
    </section>
  )
}
