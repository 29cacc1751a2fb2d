/**
 * "Delen": the links to this board. A client only knows its own token; the device that created
 * the board also kept the others (the server shows them once). Unknown links are said to be
 * unknown, never guessed.
 */
import type { BoardForRole } from '../../shared/api.ts'
import type { Role } from '../../shared/roles.ts'
import { useI18n } from '../app/i18n-context.tsx'
import type { MessageKey } from '../i18n.ts'
import { knownLinks } from '../storage/recent-boards.ts'
import { CopyLink } from '../ui/CopyLink.tsx'
import { Dialog } from '../ui/Dialog.tsx'
import { boardLink, shareOrigin } from './share-links.ts'
import { useClientConfig } from './useClientConfig.ts'

const LABELS: Record<Role, MessageKey> = { editor: 'share.editor', viewer: 'share.viewer', facilitator: 'share.facilitator' }

/**
 * The link for `role`, if this device knows its token, on `origin` (share-links.ts): a link kept
 * from the server's answer is rebuilt from its token, so all links share one origin.
 */
export function linkFor(board: BoardForRole, ownToken: string, role: Role, origin: string): string | null {
  const token = role === board.role ? ownToken : knownLinks(board.id)?.tokens[role]
  return token ? boardLink(origin, board.id, token) : null
}

/** The origin this page builds links on. */
export function useShareOrigin(): string {
  return shareOrigin(useClientConfig(), window.location.origin)
}

export function ShareDialog({
  open,
  onClose,
  board,
  token,
  onManageLinks,
}: {
  open: boolean
  onClose: () => void
  board: BoardForRole
  token: string
  /** Facilitators: opens link management (a new link is how an unknown one becomes known). */
  onManageLinks?: () => void
}) {
  const { t } = useI18n()
  const roles: Role[] = board.role === 'facilitator' ? ['editor', 'viewer', 'facilitator'] : [board.role]
  const origin = useShareOrigin()
  return (
    <Dialog open={open} title={t('share.title')} onClose={onClose} testId="share-dialog">
      <p className="dialog__text">{t('share.intro')}</p>
      <ul className="share-list">
        {roles.map((role) => (
          <ShareRow key={role} role={role} url={open ? linkFor(board, token, role, origin) : null} />
        ))}
      </ul>
      {board.role !== 'facilitator' && <p className="field__hint">{t('share.onlyOwn', { role: t(`role.${board.role}`) })}</p>}
      {board.role === 'facilitator' && onManageLinks && <p className="field__hint">{t('links.manageHint')}</p>}
      <div className="dialog__actions">
        {board.role === 'facilitator' && onManageLinks && (
          <button type="button" className="button" onClick={onManageLinks} data-testid="share-manage-links">
            {t('links.manage')}
          </button>
        )}
        <button type="button" className="button button--primary" onClick={onClose} data-testid="share-close">
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  )
}

function ShareRow({ role, url }: { role: Role; url: string | null }) {
  const { t } = useI18n()
  return (
    <li className="share-list__item">
      {url ? (
        <CopyLink label={t(LABELS[role])} url={url} testId={`share-${role}`} />
      ) : (
        <>
          <span className="share-list__label">{t(LABELS[role])}</span>
          <p className="share-list__unknown" data-testid={`share-${role}-unknown`}>
            {t('share.unknown')}
          </p>
        </>
      )}
    </li>
  )
}
