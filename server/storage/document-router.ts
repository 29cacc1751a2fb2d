/**
 * One DocumentStore over two: board documents and participants' draft documents, told apart by
 * the id alone (draft-ids.ts: a draft's id holds a ':', a board's never). The room manager keeps
 * rooms of both kinds and writes them in one batch per flush; this sends each part where it lives.
 */
import type { DocumentStore, LoggedUpdate, PendingUpdate, StoredDocument } from './document-store.ts'
import { isDraftDocument } from './draft-ids.ts'

export class DocumentRouter implements DocumentStore {
  constructor(
    private readonly boards: DocumentStore,
    private readonly drafts: DocumentStore,
  ) {}

  load(id: string): Promise<StoredDocument> {
    return this.storeOf(id).load(id)
  }

  /**
   * Each kind's part is stored all or none, boards' first; a batch holding both kinds is not one
   * transaction across them. Boards first because a reveal writes a card to the board and takes it
   * out of a draft in one batch: a crash in between must leave it on both, never on neither. When
   * either part fails the whole call fails, and the room manager drops every room of the batch:
   * they reload whatever was stored, and their clients send the rest again (applying an update
   * twice changes nothing).
   */
  append(batch: readonly PendingUpdate[]): Promise<number[]> {
    const draftIndexes: number[] = []
    const boardIndexes: number[] = []
    batch.forEach((update, index) => (isDraftDocument(update.boardId) ? draftIndexes : boardIndexes).push(index))
    // One kind (the usual case): the store's own promise, no extra turn of the microtask queue.
    if (draftIndexes.length === 0) return this.boards.append(batch)
    if (boardIndexes.length === 0) return this.drafts.append(batch)
    return this.appendBoth(batch, boardIndexes, draftIndexes)
  }

  private async appendBoth(batch: readonly PendingUpdate[], boardIndexes: readonly number[], draftIndexes: readonly number[]): Promise<number[]> {
    const pick = (indexes: readonly number[]) => indexes.map((index) => batch[index]!)
    const boards = await this.boards.append(pick(boardIndexes))
    const drafts = await this.drafts.append(pick(draftIndexes))
    // Back in the order given.
    const seqs = new Array<number>(batch.length)
    boardIndexes.forEach((index, i) => (seqs[index] = boards[i]!))
    draftIndexes.forEach((index, i) => (seqs[index] = drafts[i]!))
    return seqs
  }

  updatesSince(id: string, seq: number): Promise<LoggedUpdate[]> {
    return this.storeOf(id).updatesSince(id, seq)
  }

  compact(id: string, state: Uint8Array, upToSeq: number): Promise<void> {
    return this.storeOf(id).compact(id, state, upToSeq)
  }

  version(id: string): Promise<string> {
    return this.storeOf(id).version(id)
  }

  private storeOf(id: string): DocumentStore {
    return isDraftDocument(id) ? this.drafts : this.boards
  }
}
