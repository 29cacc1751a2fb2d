/**
 * The canvas page's ways to the list view (issue 15): a skip link, the page's first Tab stop,
 * and a visible link in the header. Both keep the link's token, so the list opens with the same role.
 */
import { useI18n } from '../app/i18n-context.tsx'
import { listPath } from '../app/routes.ts'
import { Link } from '../ui/Link.tsx'
import './list-view-links.css'

/** Hidden until focused, then on top of everything: keyboard and screen reader users meet it first. */
export function SkipToListView({ boardId, token }: { boardId: string; token: string }) {
  const { t } = useI18n()
  return (
    <Link href={listPath(boardId, token)} className="skip-link" data-testid="skip-to-list">
      {t('statement.skipToList')}
    </Link>
  )
}

export function ListViewLink({ boardId, token }: { boardId: string; token: string }) {
  const { t } = useI18n()
  return (
    <Link href={listPath(boardId, token)} className="list-view-link" title={t('statement.listViewHint')} data-testid="list-view-link">
      {t('statement.listView')}
    </Link>
  )
}
