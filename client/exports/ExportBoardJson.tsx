/** "Bord als bestand" in Instellingen: the whole board as the server's JSON export, to import elsewhere. */
import { useId, useState } from 'react'
import type { BoardForRole } from '../../shared/api.ts'
import { useI18n } from '../app/i18n-context.tsx'
import { downloadBoardFile } from './exports-api.ts'

export function ExportBoardJson({ board, token }: { board: BoardForRole; token: string }) {
  const { t } = useI18n()
  const heading = useId()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function download() {
    setBusy(true)
    setError(null)
    const result = await downloadBoardFile(board.id, token, 'export.json')
    setBusy(false)
    if (!result.ok) setError(t('exports.failed', { message: result.message }))
  }

  return (
    <section className="settings__section" aria-labelledby={heading}>
      <h3 id={heading}>{t('exports.json.heading')}</h3>
      <p className="muted">{t('exports.json.intro')}</p>
      <div>
        <button type="button" className="button button--small" data-testid="settings-export-json" disabled={busy} onClick={() => void download()}>
          {busy ? t('exports.busy') : t('exports.json.download')}
        </button>
      </div>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
