/**
 * /b/:id?token=…: checks the link with the server (BoardLookup), then opens the board's canvas.
 */
import { BoardView } from '../board/BoardView.tsx'
import { BoardLookup } from './BoardLookup.tsx'

export default function BoardPage({ boardId, token }: { boardId: string; token: string | null }) {
  return (
    <BoardLookup boardId={boardId} token={token}>
      {(board, checkedToken) => <BoardView board={board} token={checkedToken} />}
    </BoardLookup>
  )
}
