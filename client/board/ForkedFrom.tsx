/**
 * "Gemaakt van “Casus West”, versie “Na sessie 1”" under a forked board's title. A link only when
 * this device holds a link to the origin (it was opened here before): the server never hands out
 * the origin's token, and a link that ends on "Link ongeldig" helps nobody.
 */
import type { BoardForRole } from '../../shared/api.ts'
import { useI18n } from '../app/i18n-context.tsx'
import { findRecentBoard } from '../storage/recent-boards.ts'
import { Link } from '../ui/Link.tsx'
import './forked-from.css'

export function ForkedFrom({ forkedFrom }: { forkedFrom: BoardForRole['forkedFrom'] }) {
  const { t } = useI18n()
  if (!forkedFrom?.title) return null
  const origin = t('board.forkedFromSnapshot', { title: forkedFrom.title, snapshot: forkedFrom.snapshotLabel ?? '' })
  const name = forkedFrom.snapshotLabel ? origin : `“${forkedFrom.title}”`
  const known = findRecentBoard(forkedFrom.boardId)
  return (
    <span className="board-header__origin" data-testid="forked-from" title={`${t('board.forkedFrom')} ${name}`}>
      {t('board.forkedFrom')}{' '}
      {known ? (
        <Link href={`/b/${encodeURIComponent(known.id)}?token=${encodeURIComponent(known.token)}`} data-testid="forked-from-link">
          {name}
        </Link>
      ) : (
        name
      )}
    </span>
  )
}
