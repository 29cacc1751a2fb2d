/** Start page: make a new board, or go back to one opened before on this device. */
import { useEffect, useId, useState, type FormEvent } from 'react'
import { TITLE_MAX, type TemplateSummary } from '../../shared/api.ts'
import { createBoard } from '../api/client.ts'
import { ImportBoard } from '../exports/ImportBoard.tsx'
import { useI18n } from '../app/i18n-context.tsx'
import { AdminTokenField } from '../ui/AdminTokenField.tsx'
import { ACCESSIBILITY_PATH, navigate } from '../app/routes.ts'
import { formatDate } from '../i18n.ts'
import { forgetBoard, listRecentBoards, rememberCreatedBoard, type RecentBoard } from '../storage/recent-boards.ts'
import { TemplatePicker } from '../templates/TemplatePicker.tsx'
import { listTemplatesFor } from '../templates/templates-api.ts'
import { AppHeader } from '../ui/AppHeader.tsx'
import { Link } from '../ui/Link.tsx'
import './home.css'
import { CheckField } from '../ui/CheckField.tsx'

export function HomePage() {
  const { t } = useI18n()
  return (
    <div className="page">
      <AppHeader />
      <main className="page__main home">
        <section className="intro" aria-labelledby="intro-title">
          <h1 id="intro-title">{t('app.name')}</h1>
          <p className="intro__tagline">{t('app.tagline')}</p>
        </section>
        <div className="home-grid">
          <CreateBoardForm />
          <RecentBoards />
          <ImportBoard />
        </div>
      </main>
      <footer className="page-footer">
        <Link href={ACCESSIBILITY_PATH} data-testid="statement-link">
          {t('statement.link')}
        </Link>
      </footer>
    </div>
  )
}

function CreateBoardForm() {
  const { t } = useI18n()
  const ids = { title: useId(), error: useId() }
  const [title, setTitle] = useState('')
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null)
  const [template, setTemplate] = useState('')
  const [anonymous, setAnonymous] = useState(false)
  const [adminToken, setAdminToken] = useState('')
  const [needsAdmin, setNeedsAdmin] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    // Saved templates are listed to their board's facilitators: ask with the links this device keeps.
    const facilitated = listRecentBoards().filter((board) => board.role === 'facilitator')
    void listTemplatesFor(facilitated).then((result) => {
      if (!live) return
      const list = result.ok ? result.value : []
      setTemplates(list)
      setTemplate((current) => current || list[0]?.id || '')
    })
    return () => {
      live = false
    }
  }, [])

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (busy) return
    if (!title.trim()) {
      setError(t('home.create.titleRequired'))
      return
    }
    setBusy(true)
    setError(null)
    const result = await createBoard(
      { title: title.trim(), ...(template ? { template } : {}), anonymous },
      needsAdmin && adminToken ? adminToken.trim() : undefined,
    )
    setBusy(false)
    if (!result.ok) {
      if (result.status === 401) setNeedsAdmin(true)
      setError(t('home.create.failed', { message: result.message }))
      return
    }
    const created = result.value
    rememberCreatedBoard(created)
    navigate(created.urls.facilitator)
  }

  return (
    <section className="card create-board" aria-labelledby="create-heading">
      <h2 id="create-heading">{t('home.create.heading')}</h2>
      <form className="form" onSubmit={submit} noValidate aria-describedby={error ? ids.error : undefined}>
        <div className="field">
          <label htmlFor={ids.title}>{t('home.create.title')}</label>
          <input
            id={ids.title}
            data-testid="create-board-title"
            type="text"
            value={title}
            maxLength={TITLE_MAX}
            required
            autoComplete="off"
            placeholder={t('home.create.titleHint')}
            aria-invalid={error !== null && !title.trim()}
            onChange={(event) => setTitle(event.target.value)}
          />
        </div>
        <TemplatePicker
          templates={templates}
          value={template}
          onChange={(id) => {
            setTemplate(id)
            // A template whose method promises anonymity (7V) starts the box ticked; it can be unticked.
            setAnonymous(templates?.find((option) => option.id === id)?.anonymous === true)
          }}
        />
        {needsAdmin && <AdminTokenField value={adminToken} onChange={setAdminToken} testId="create-board-admin-token" />}
        {error && (
          <p id={ids.error} className="form__error" role="alert">
            {error}
          </p>
        )}
        {/* One row: the last choice and the button, so "Bord maken" fits on a 1440×900 screen. */}
        <div className="create-board__finish">
          <CheckField testId="create-board-anonymous" checked={anonymous} onChange={setAnonymous} label={t('home.create.anonymous')} hint={t('home.create.anonymousHint')} />
          <button type="submit" className="button button--primary" data-testid="create-board-submit" disabled={busy}>
            {busy ? t('home.create.busy') : t('home.create.submit')}
          </button>
        </div>
      </form>
    </section>
  )
}

function RecentBoards() {
  const { t, lang } = useI18n()
  const [boards, setBoards] = useState<RecentBoard[]>(listRecentBoards)

  function forget(id: string) {
    forgetBoard(id)
    setBoards(listRecentBoards())
  }

  return (
    <section className="card" aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('home.recent.heading')}</h2>
      {boards.length === 0 ? (
        <p className="muted">{t('home.recent.empty')}</p>
      ) : (
        <ul className="recent-list" data-testid="recent-boards">
          {boards.map((board) => (
            <li key={board.id} className="recent-list__item" data-testid="recent-board">
              <div className="recent-list__text">
                <Link href={`/b/${encodeURIComponent(board.id)}?token=${encodeURIComponent(board.token)}`} className="recent-list__title">
                  {board.title}
                </Link>
                <span className="recent-list__meta">
                  <span className={`role-tag role-tag--${board.role}`}>{t(`role.${board.role}`)}</span>{' '}
                  {t('home.recent.lastOpened', { date: formatDate(lang, board.lastOpened) })}
                </span>
              </div>
              <button
                type="button"
                className="button button--quiet"
                data-testid="recent-board-forget"
                aria-label={t('home.recent.forgetLabel', { title: board.title })}
                onClick={() => forget(board.id)}
              >
                {t('home.recent.forget')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="field__hint">{t('home.recent.note')}</p>
    </section>
  )
}
