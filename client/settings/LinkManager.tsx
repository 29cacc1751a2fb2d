/**
 * The editor and viewer links: when they were made, until when they work, and making a new one
 * (which revokes the old one at once). A new link is shown once and kept on this device, so
 * "Delen" can show it too.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { BoardForRole, LinkListing } from '../../shared/api.ts'
import { getBoard } from '../api/client.ts'
import { useI18n } from '../app/i18n-context.tsx'
import { linkFor, useShareOrigin } from '../board/ShareDialog.tsx'
import { formatDate, type MessageKey } from '../i18n.ts'
import { forgetLink, knownLinks, rememberLink } from '../storage/recent-boards.ts'
import { ConfirmStep } from './ConfirmStep.tsx'
import { CopyLink } from '../ui/CopyLink.tsx'
import { dayFromExpiry, expiryFromDay, isExpired, shortens, toDayString } from './link-expiry.ts'
import { listLinks, MANAGED_ROLES, regenerateLink, setLinkExpiry, type ManagedRole } from './settings-api.ts'

/** The links section's id, so "Delen" can bring it into view. */
export const LINKS_SECTION_ID = 'settings-links'

const LABELS: Record<ManagedRole, MessageKey> = { editor: 'links.editor', viewer: 'links.viewer' }
const WHO: Record<ManagedRole, MessageKey> = { editor: 'links.who.editor', viewer: 'links.who.viewer' }

export function LinkManager({ board, token }: { board: BoardForRole; token: string }) {
  const { t } = useI18n()
  const [links, setLinks] = useState<LinkListing[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    void listLinks(board.id, token).then((result) => {
      if (!live) return
      if (result.ok) setLinks(result.value)
      else setError(t('settings.failed', { message: result.message }))
    })
    return () => {
      live = false
    }
  }, [board.id, token, t])

  const replace = (next: LinkListing) => setLinks((current) => (current ?? []).map((link) => (link.role === next.role ? next : link)))

  return (
    <section className="settings__section" aria-labelledby={`${LINKS_SECTION_ID}-heading`} id={LINKS_SECTION_ID}>
      <h3 id={`${LINKS_SECTION_ID}-heading`} tabIndex={-1}>
        {t('links.heading')}
      </h3>
      <p className="field__hint">{t('links.intro')}</p>
      {error && (
        <p className="settings__error" role="alert">
          {error}
        </p>
      )}
      {!links && !error && (
        <p className="muted" role="status">
          {t('links.loading')}
        </p>
      )}
      {links &&
        MANAGED_ROLES.map((role) => {
          const info = links.find((link) => link.role === role)
          return info ? <LinkRow key={role} board={board} token={token} info={info} role={role} onChanged={replace} /> : null
        })}
    </section>
  )
}

function LinkRow({ board, token, info, role, onChanged }: { board: BoardForRole; token: string; info: LinkListing; role: ManagedRole; onChanged(info: LinkListing): void }) {
  const { t, lang } = useI18n()
  const headingId = useId()
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [fresh, setFresh] = useState(false)
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const [replacedElsewhere, setReplacedElsewhere] = useState(false)
  const regenerateButton = useRef<HTMLButtonElement>(null)
  const endConfirm = () => {
    setConfirming(false)
    regenerateButton.current?.focus()
  }
  // Read on every render: regenerating writes it, and so may another tab of this device.
  const origin = useShareOrigin()
  const known = replacedElsewhere ? null : linkFor(board, token, role, origin)
  const expired = isExpired(info.expiresAt)

  // A link kept here may have been replaced from another device since: check it, then forget it.
  // (An expired link is kept: clearing the date makes it work again.)
  const knownToken = knownLinks(board.id)?.tokens[role]
  useEffect(() => {
    if (!knownToken || expired) return
    let live = true
    void getBoard(board.id, knownToken).then((result) => {
      if (!live || result.ok || result.status !== 401) return
      forgetLink(board.id, role)
      setReplacedElsewhere(true)
    })
    return () => {
      live = false
    }
  }, [board.id, role, knownToken, expired])

  async function regenerate() {
    setBusy(true)
    const result = await regenerateLink(board.id, token, role)
    setBusy(false)
    endConfirm()
    if (!result.ok) {
      setMessage({ kind: 'error', text: t('settings.failed', { message: result.message }) })
      return
    }
    rememberLink(board.id, role, result.value.token, result.value.url)
    setReplacedElsewhere(false)
    // Regenerating disconnected everyone on the old link.
    onChanged({ role, createdAt: new Date().toISOString(), expiresAt: null, connected: 0 })
    setFresh(true)
    setMessage({ kind: 'ok', text: t('links.regenerated') })
  }

  return (
    <article className={`settings-link${expired ? ' settings-link--expired' : ''}`} aria-labelledby={headingId} data-testid={`link-${role}`}>
      <h4 id={headingId}>{t(LABELS[role])}</h4>
      <p className="settings-link__meta">
        {t('links.created', { date: formatDate(lang, info.createdAt) })}
        <br />
        <span data-testid={`link-${role}-expiry-status`}>
          {expired ? (
            <strong className="settings__error-text">{t('links.expired')}</strong>
          ) : info.expiresAt ? (
            t('links.expiresOn', { date: formatDay(lang, dayFromExpiry(info.expiresAt)) })
          ) : (
            t('links.noExpiry')
          )}
        </span>
      </p>
      {known ? <CopyLink label={t(fresh ? 'links.newLink' : 'links.known')} url={known} testId={`link-${role}`} compact /> : <p className="settings-link__unknown">{t('links.unknown')}</p>}

      <ExpiryForm board={board} token={token} info={info} role={role} onChanged={onChanged} />

      <div>
        <button
          ref={regenerateButton}
          type="button"
          className="button button--small"
          data-testid={`link-${role}-regenerate`}
          aria-expanded={confirming}
          disabled={busy}
          onClick={() => {
            setMessage(null)
            setConfirming(true)
          }}
        >
          {t('links.regenerate')}
        </button>
      </div>
      {confirming && (
        <ConfirmStep
          testId={`link-${role}-regenerate-confirm`}
          danger
          text={t('links.regenerateConfirm', { who: t(WHO[role]) })}
          confirmLabel={t('links.regenerateDo')}
          busy={busy}
          onConfirm={() => void regenerate()}
          onCancel={endConfirm}
        />
      )}
      <p className={message?.kind === 'error' ? 'settings__error' : 'settings__ok'} role="status">
        {message?.text ?? ''}
      </p>
    </article>
  )
}

function ExpiryForm({ board, token, info, role, onChanged }: { board: BoardForRole; token: string; info: LinkListing; role: ManagedRole; onChanged(info: LinkListing): void }) {
  const { t, lang } = useI18n()
  const ids = { input: useId(), hint: useId() }
  const saved = info.expiresAt ? dayFromExpiry(info.expiresAt) : ''
  const [day, setDay] = useState(saved)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  /** A shorter expiry for a link people are on, waiting for the facilitator's yes. */
  const [confirming, setConfirming] = useState<{ expiresAt: string; connected: number } | null>(null)
  const saveButton = useRef<HTMLButtonElement>(null)
  useEffect(() => setDay(saved), [saved])

  async function save(expiresAt: string | null) {
    setBusy(true)
    const result = await setLinkExpiry(board.id, token, role, expiresAt)
    setBusy(false)
    setConfirming(null)
    if (!result.ok) {
      setMessage({ kind: 'error', text: t('settings.failed', { message: result.message }) })
      return
    }
    onChanged(result.value)
    setMessage({ kind: 'ok', text: t('links.expirySaved') })
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (day === '') return void save(null)
    const expiresAt = expiryFromDay(day)
    if (!expiresAt) {
      setMessage({ kind: 'error', text: t('links.expiryInvalid') })
      return
    }
    if (shortens(info.expiresAt, expiresAt)) {
      // Ask the server how many are on the link now: the listing may be minutes old.
      setBusy(true)
      const now = await listLinks(board.id, token)
      setBusy(false)
      const connected = now.ok ? (now.value.find((link) => link.role === role)?.connected ?? 0) : info.connected
      if (connected > 0) {
        setConfirming({ expiresAt, connected })
        return
      }
    }
    void save(expiresAt)
  }

  const endConfirm = () => {
    setConfirming(null)
    saveButton.current?.focus()
  }

  return (
    <form className="settings-link__expiry" onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor={ids.input}>{t('links.expiry')}</label>
      <div className="settings-link__expiry-row">
        <input
          id={ids.input}
          className="settings__input settings__input--date"
          data-testid={`link-${role}-expiry`}
          type="date"
          value={day}
          min={toDayString(new Date())}
          aria-describedby={ids.hint}
          onChange={(event) => {
            setDay(event.target.value)
            setMessage(null)
          }}
        />
        <button ref={saveButton} type="submit" className="button button--small" data-testid={`link-${role}-expiry-save`} disabled={busy || day === saved || confirming !== null}>
          {t('links.expirySave')}
        </button>
        {info.expiresAt && (
          <button type="button" className="button button--small button--quiet" data-testid={`link-${role}-expiry-clear`} disabled={busy} onClick={() => void save(null)}>
            {t('links.expiryClear')}
          </button>
        )}
      </div>
      <p id={ids.hint} className="field__hint">
        {t('links.expiryHint')}
      </p>
      {confirming && (
        <ConfirmStep
          testId={`link-${role}-expiry-confirm`}
          danger
          text={t(confirming.connected === 1 ? 'links.shortenConfirmOne' : 'links.shortenConfirm', {
            count: String(confirming.connected),
            date: formatDateTime(lang, confirming.expiresAt),
          })}
          confirmLabel={t('links.shortenDo')}
          busy={busy}
          onConfirm={() => void save(confirming.expiresAt)}
          onCancel={endConfirm}
        />
      )}
      <p className={message?.kind === 'error' ? 'settings__error' : 'settings__ok'} role="status">
        {message?.text ?? ''}
      </p>
    </form>
  )
}

/** When a link stops working: "4 december 2026 om 00:00". */
function formatDateTime(lang: 'nl' | 'en', iso: string): string {
  return new Date(iso).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' })
}

function formatDay(lang: 'nl' | 'en', day: string): string {
  const [year, month, date] = day.split('-').map(Number)
  return new Date(year!, month! - 1, date!).toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long' })
}
