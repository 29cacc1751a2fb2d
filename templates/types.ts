/** What a preset board is: metadata plus the records it places on the first page. */
import type { TLPageId, TLRecord } from '@tldraw/tlschema'

export interface TemplateDefinition {
  /** Stable id used by the API (docs/document.md, "Templates and zones"). */
  id: string
  title: string
  description: string
  /** A board made from it is anonymous unless its creator says otherwise (its method promises anonymity). */
  anonymous?: boolean
  /** Builds fresh records (shapes, bindings) for a new board; must pass tldraw validation. */
  build(pageId: TLPageId): TLRecord[]
}
