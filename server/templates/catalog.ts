/**
 * Every template the server offers: the built-in ones from `templates/`, then the ones saved
 * from boards. Template ids resolve through `findTemplate`, with the saved ones as its lookup.
 */
import type { TLPageId, TLRecord } from '@tldraw/tlschema'
import type { TemplateSummary } from '../../shared/api.ts'
import { findTemplate, TEMPLATES, type TemplateDefinition, type TemplateLookup } from '../../templates/index.ts'
import { placeOnPage } from '../../templates/structure.ts'
import { migrateToCurrent } from '../document-records.ts'
import type { CustomTemplateStore, SavedTemplate } from './custom-template-store.ts'

export class TemplateCatalog {
  /** The saved templates, as `findTemplate` (and the harvest) consult them. */
  readonly saved: TemplateLookup

  constructor(private readonly store: CustomTemplateStore) {
    this.saved = { find: (id) => savedDefinition(store.get(id)) }
  }

  find(id: string): TemplateDefinition | undefined {
    return findTemplate(id, this.saved)
  }

  /**
   * Built-in first, in their fixed order, then the saved ones the caller may see, newest last:
   * all of them for the admin, else those of the boards whose facilitator token was shown.
   */
  list(visible: { all: true } | { boards: readonly string[] } = { boards: [] }): TemplateSummary[] {
    const saved = 'all' in visible ? this.store.list() : visible.boards.flatMap((board) => this.store.listOf(board))
    return [...TEMPLATES.map(({ id, title, description, anonymous }) => ({ id, title, description, ...(anonymous ? { anonymous } : {}) })), ...saved]
  }
}

/** A saved template as a definition: its records, brought up to this server's schema, on the page. */
function savedDefinition(saved: SavedTemplate | null): TemplateDefinition | undefined {
  if (!saved) return undefined
  const { id, title, description } = saved
  return {
    id,
    title,
    description,
    build: (pageId: TLPageId) => placeOnPage(migrateToCurrent({ schema: saved.schema, records: saved.records }), pageId) as unknown as TLRecord[],
  }
}
