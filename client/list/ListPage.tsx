/**
 * /b/:id/lijst?token=…: the board as an accessible list (ListView), after the same link check as
 * the canvas (BoardLookup: offline fallback, remembered token). Loads no tldraw editor or UI.
 */
import { useI18n } from '../app/i18n-context.tsx'
import { BoardLookup } from '../pages/BoardLookup.tsx'
import { ListView } from './ListView.tsx'

export default function ListPage({ boardId, token }: { boardId: string; token: string | null }) {
  const { t } = useI18n()
  return (
    <BoardLookup boardId={boardId} token={token} view={t('list.pageTitle')}>
      {(board, checkedToken) => <ListView board={board} token={checkedToken} />}
    </BoardLookup>
  )
}
