/**
 * /admin: every board on the server, for the person holding ADMIN_TOKEN. The token is asked
 * here and kept in this tab only. Titles are user input: React escapes them like all text.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'
import type { BoardListing } from '../../shared/api.ts'
import { listTemplates } from '../api/client.ts'
import { useI18n } from '../app/i18n-context.tsx'
import { formatDate, type MessageKey } from '../i18n.ts'
import { forgetBoard } from '../storage/recent-boards.ts'
import { AppHeader } from '../ui/AppHeader.tsx'
import { Dialog } from '../ui/Dialog.tsx'
import { deleteAnyBoard, listAllBoards, loadAdminToken, saveAdminToken } from './admin-api.ts'
import { formatSize, nextSort, sortBoards, type SortDirection, type SortKey } from './board-table.ts'
import '../settings/danger-button.css'
import './admin.css'

type Listing =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ok'; boards: BoardListing[] }
  | { state: 'error'; text: string }

export function AdminPage() {
  const { t } = useI18n()
  const [token, setToken] = useState<string | null>(loadAdminToken)
  const [listing, setListing] = useState<Listing>({ state: 'idle' })
  const [notice, setNotice] = useState<string | null>(null)

  useEffect(() => {
    document.title = `${t('admin.title')} · ${t('app.name')}`
  }, [t])

  const load = useCallback(
    async (adminToken: string) => {
      setListing({ state: 'loading' })
      const result = await listAllBoards(adminToken)
      if (result.ok) {
        setListing({ state: 'ok', boards: result.value })
        return
      }
      // A refused token is not kept: the next visit asks again.
      if (result.status === 401 || result.status === 403) logOut()
      setListing({ state: 'error', text: result.status === 403 ? t('admin.off') : result.status === 401 ? t('admin.wrongToken') : t('admin.failed', { message: result.message }) })
    },
    [t],
  )

  useEffect(() => {
    if (token) void load(token)
  }, [token, load])

  function logIn(next: string) {
    saveAdminToken(next)
    setNotice(null)
    setToken(next)
  }

  function logOut() {
    saveAdminToken(null)
    setToken(null)
  }

  return (
    <div className="page">
      <AppHeader>
        {token && (
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => {
              logOut()
              setListing({ state: 'idle' })
            }}
          >
            {t('admin.logout')}
          </button>
        )}
      </AppHeader>
      <main className="page__main admin" data-testid="admin-page">
        <h1>{t('admin.title')}</h1>
        <p className="muted">{t('admin.intro')}</p>
        {listing.state === 'error' && (
          <p className="form__error" role="alert" data-testid="admin-error">
            {listing.text}
          </p>
        )}
        {!token && <LoginForm onSubmit={logIn} />}
        {token && listing.state === 'loading' && (
          <p role="status" className="muted">
            {t('admin.loading')}
          </p>
        )}
        <p role="status" className="admin__notice">
          {notice ?? ''}
        </p>
        {token && listing.state === 'ok' && (
          <BoardTable
            boards={listing.boards}
            adminToken={token}
            onDeleted={(board) => {
              setListing({ state: 'ok', boards: listing.boards.filter((other) => other.id !== board.id) })
              setNotice(t('admin.deleted', { title: board.title }))
            }}
          />
        )}
      </main>
    </div>
  )
}

function LoginForm({ onSubmit }: { onSubmit(token: string): void }) {
  const { t } = useI18n()
  const ids = { input: useId(), hint: useId() }
  const [value, setValue] = useState('')
  function submit(event: FormEvent) {
    event.preventDefault()
    if (value.trim()) onSubmit(value.trim())
  }
  return (
    <form className="form card admin__login" onSubmit={submit}>
      <div className="field">
        <label htmlFor={ids.input}>{t('admin.token')}</label>
        <input
          id={ids.input}
          data-testid="admin-token"
          type="password"
          value={value}
          autoComplete="off"
          autoFocus
          aria-describedby={ids.hint}
          onChange={(event) => setValue(event.target.value)}
        />
        <p id={ids.hint} className="field__hint">
          {t('admin.tokenHint')}
        </p>
      </div>
      <div>
        <button type="submit" className="button button--primary" data-testid="admin-login" disabled={!value.trim()}>
          {t('admin.login')}
        </button>
      </div>
    </form>
  )
}

const SORTABLE: { key: SortKey; label: MessageKey }[] = [
  { key: 'title', label: 'admin.col.title' },
  { key: 'createdAt', label: 'admin.col.created' },
  { key: 'lastActivity', label: 'admin.col.lastActivity' },
  { key: 'bytes', label: 'admin.col.size' },
]

function BoardTable({ boards, adminToken, onDeleted }: { boards: BoardListing[]; adminToken: string; onDeleted(board: BoardListing): void }) {
  const { t, lang } = useI18n()
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({ key: 'lastActivity', direction: 'desc' })
  const [deleting, setDeleting] = useState<BoardListing | null>(null)
  const templateTitles = useTemplateTitles(adminToken)

  if (boards.length === 0) return <p className="muted">{t('admin.empty')}</p>

  const header = (key: SortKey) => {
    const column = SORTABLE.find((entry) => entry.key === key)!
    const active = sort.key === key
    return (
      <th scope="col" aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="admin__sort" data-testid={`admin-sort-${key}`} onClick={() => setSort(nextSort(sort, key))}>
          {t(column.label)}
          <span aria-hidden="true" className="admin__sort-arrow">
            {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    )
  }

  return (
    <>
      <p className="muted">{t('admin.count', { count: String(boards.length) })}</p>
      <div className="admin__table-wrap">
        <table className="admin__table" data-testid="admin-boards">
          <thead>
            <tr>
              {header('title')}
              <th scope="col">{t('admin.col.template')}</th>
              <th scope="col">{t('admin.col.anonymous')}</th>
              {header('createdAt')}
              {header('lastActivity')}
              {header('bytes')}
              <th scope="col" className="admin__num">
                {t('admin.col.snapshots')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sortBoards(boards, sort.key, sort.direction).map((board) => (
              <tr key={board.id} data-testid="admin-board" data-board-id={board.id}>
                <th scope="row" className="admin__title">
                  {board.title}
                  <span className="admin__id">{board.id}</span>
                </th>
                <td>{templateTitles.get(board.template) ?? board.template}</td>
                <td>{board.anonymous ? t('admin.yes') : t('admin.no')}</td>
                <td>{formatDate(lang, board.createdAt)}</td>
                <td>{formatDate(lang, board.lastActivity)}</td>
                <td className="admin__num">{formatSize(board.bytes, lang)}</td>
                <td className="admin__num">{board.snapshots}</td>
                <td>
                  <button
                    type="button"
                    className="button button--small button--danger-outline"
                    data-testid="admin-delete"
                    aria-label={t('admin.deleteLabel', { title: board.title })}
                    aria-haspopup="dialog"
                    onClick={() => setDeleting(board)}
                  >
                    {t('admin.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <DeleteDialog
        board={deleting}
        adminToken={adminToken}
        onClose={() => setDeleting(null)}
        onDeleted={(board) => {
          setDeleting(null)
          forgetBoard(board.id)
          onDeleted(board)
        }}
      />
    </>
  )
}

function DeleteDialog({ board, adminToken, onClose, onDeleted }: { board: BoardListing | null; adminToken: string; onClose(): void; onDeleted(board: BoardListing): void }) {
  const { t } = useI18n()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function confirm() {
    if (!board) return
    setBusy(true)
    const result = await deleteAnyBoard(adminToken, board.id)
    setBusy(false)
    if (!result.ok && result.status !== 404) {
      setError(t('settings.failed', { message: result.message }))
      return
    }
    setError(null)
    onDeleted(board)
  }

  return (
    <Dialog
      open={board !== null}
      title={t('admin.deleteTitle', { title: board?.title ?? '' })}
      onClose={() => {
        setError(null)
        onClose()
      }}
      testId="admin-delete-dialog"
    >
      <p className="dialog__text">{t('admin.deleteBody')}</p>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" autoFocus onClick={onClose} disabled={busy}>
          {t('settings.cancel')}
        </button>
        <button type="button" className="button button--danger" data-testid="admin-delete-confirm" onClick={() => void confirm()} disabled={busy}>
          {t('admin.deleteConfirm')}
        </button>
      </div>
    </Dialog>
  )
}

/** Template ids → their titles, for the table; ids stand in until (or unless) they load. */
function useTemplateTitles(adminToken: string): Map<string, string> {
  const [titles, setTitles] = useState(() => new Map<string, string>())
  useEffect(() => {
    let live = true
    // With the admin token the server lists saved templates too (to anyone else only the built-in ones).
    void listTemplates(adminToken).then((result) => {
      if (live && result.ok) setTitles(new Map(result.value.map((template) => [template.id, template.title])))
    })
    return () => {
      live = false
    }
  }, [adminToken])
  return titles
}
