/**
 * "Bord uit bestand" on the home page: a board downloaded as JSON starts a new board, opened like
 * a freshly made one (its links are remembered on this device and the facilitator's link opens).
 */
import { useId, useState, type FormEvent } from 'react'
import { useI18n } from '../app/i18n-context.tsx'
import { useClientConfig } from '../board/useClientConfig.ts'
import { navigate } from '../app/routes.ts'
import { rememberCreatedBoard } from '../storage/recent-boards.ts'
import { AdminTokenField } from '../ui/AdminTokenField.tsx'
import { DEFAULT_MAX_BODY_BYTES } from '../../shared/body-limit.ts'
import { importBoard } from './exports-api.ts'

/** A byte count as people read a file size: 10485760 → "10 MiB". */
function mebibytes(bytes: number): string {
  return `${+(bytes / 1024 / 1024).toFixed(1)} MiB`
}

export function ImportBoard() {
  const { t } = useI18n()
  // The installation's MAX_BODY_BYTES; the default until the server has answered.
  const config = useClientConfig()
  const ids = { heading: useId(), file: useId(), intro: useId(), error: useId() }
  const [file, setFile] = useState<File | null>(null)
  const [adminToken, setAdminToken] = useState('')
  const [needsAdmin, setNeedsAdmin] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (busy) return
    if (!file) {
      setError(t('exports.import.noFile'))
      return
    }
    // The server would refuse it (413) after the whole upload: say so at once, and read nothing.
    const maxBytes = config?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
    if (file.size > maxBytes) {
      setError(t('exports.import.failed', { message: t('exports.import.tooLarge', { max: mebibytes(maxBytes) }) }))
      return
    }
    setBusy(true)
    setError(null)
    let result: Awaited<ReturnType<typeof importBoard>>
    try {
      result = await importBoard(await file.text(), needsAdmin && adminToken ? adminToken.trim() : undefined)
    } catch (cause) {
      // The file could not be read (moved, deleted, no permission since it was chosen).
      setError(t('exports.import.failed', { message: t('exports.import.unreadable', { message: cause instanceof Error ? cause.message : String(cause) }) }))
      return
    } finally {
      setBusy(false)
    }
    if (!result.ok) {
      if (result.status === 401) setNeedsAdmin(true)
      setError(t('exports.import.failed', { message: result.message }))
      return
    }
    const created = result.value
    rememberCreatedBoard(created)
    navigate(created.urls.facilitator)
  }

  return (
    <section className="card import-board" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('exports.import.heading')}</h2>
      <p id={ids.intro} className="muted">
        {t('exports.import.intro')}
      </p>
      <form className="form" onSubmit={submit} noValidate aria-describedby={error ? ids.error : ids.intro}>
        <div className="field">
          <label htmlFor={ids.file}>{t('exports.import.file')}</label>
          <input
            id={ids.file}
            data-testid="import-board-file"
            type="file"
            accept=".json,application/json"
            aria-invalid={error !== null}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null)
              setError(null)
            }}
          />
        </div>
        {needsAdmin && <AdminTokenField value={adminToken} onChange={setAdminToken} testId="import-board-admin-token" />}
        {error && (
          <p id={ids.error} className="form__error" role="alert" data-testid="import-board-error">
            {error}
          </p>
        )}
        <div>
          <button type="submit" className="button button--primary" data-testid="import-board-submit" disabled={busy}>
            {busy ? t('exports.import.busy') : t('exports.import.submit')}
          </button>
        </div>
      </form>
    </section>
  )
}
