/** What a preset board is: metadata plus the records it places on the first page. */
import type { TLPageId, TLRecord } from '@tldraw/tlschema'

export interface TemplateDefinition {
  /** Stable id used by the API (docs/document.md, "Templates and zones"). */
  id: string
  title: string
  description: string
  /** Builds fresh records (shapes, bindings) for a new board; must pass tldraw validation. */
  build(pageId: TLPageId): TLRecord[]
}
