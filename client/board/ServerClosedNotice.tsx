/** What the board says when the server ended its connection: revoked link, refused change, reload. */
import { useState } from 'react'
import { useI18n } from '../app/i18n-context.tsx'
import { deleteOfflineCopy } from '../storage/recent-boards.ts'
import type { BoardConnection } from '../sync/connection.ts'
import type { MessageKey } from '../i18n.ts'
import type { ServerCloseReaction } from '../sync/server-close.ts'
import { Link } from '../ui/Link.tsx'
import './server-closed.css'

const closedMessage = {
  revoked: 'closed.revoked',
  refused: 'closed.refused',
  'board-full': 'error.too_many_records',
  closed: 'closed.other',
} as const satisfies Record<Exclude<ServerCloseReaction, 'reload-settings'>, MessageKey>

export function ServerClosedNotice({ reaction, boardId, connection }: { reaction: ServerCloseReaction | null; boardId: string; connection: BoardConnection | null }) {
  const { t } = useI18n()
  const [reloading, setReloading] = useState(false)

  if (reaction === null) return null
  if (reaction === 'reload-settings') {
    return (
      <p className="board-notice server-closed server-closed--info" role="status" data-testid="board-reloading">
        {t('closed.reloading')}
      </p>
    )
  }

  // The refused change also sits in this device's offline copy; reloading with it would send it again.
  async function discardAndReload() {
    setReloading(true)
    connection?.destroy()
    await deleteOfflineCopy(boardId)
    window.location.reload()
  }

  return (
    <div className="board-notice board-notice--error server-closed" role="alert" data-testid="board-closed" data-reason={reaction}>
      <p>{t(closedMessage[reaction])}</p>
      {reaction === 'refused' || reaction === 'board-full' ? (
        <button type="button" className="button button--small" data-testid="board-closed-reload" disabled={reloading} onClick={() => void discardAndReload()}>
          {t('closed.refusedReload')}
        </button>
      ) : reaction === 'closed' ? (
        <button type="button" className="button button--small" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </button>
      ) : null}
      <Link href="/" className="button button--small" data-testid="board-closed-home">
        {t('common.toHome')}
      </Link>
    </div>
  )
}
