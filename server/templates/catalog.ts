/**
 * Every template the server offers: the built-in ones from `templates/`, then the ones saved
 * from boards. Template ids resolve through `findTemplate`, with the saved ones as its lookup.
 */
import type { TLPageId, TLRecord } from '@tldraw/tlschema'
import type { TemplateSummary } from '../../shared/api.ts'
import { findTemplate, TEMPLATES, type TemplateDefinition, type TemplateLookup } from '../../templates/index.ts'
import { placeOnPage } from '../../templates/structure.ts'
import { migrateToCurrent } from '../document-records.ts'
import type { SavedTemplate, TemplateStore } from '../storage/stores.ts'

export class TemplateCatalog {
  constructor(private readonly store: TemplateStore) {}

  async find(id: string): Promise<TemplateDefinition | undefined> {
    return findTemplate(id, await this.lookupFor(id))
  }

  /**
   * The saved templates as `findTemplate` (and the harvest) consult them, synchronously: holding
   * the one saved template `id` names, if any (built-in ids need no look-up).
   */
  async lookupFor(id: string): Promise<TemplateLookup> {
    const saved = findTemplate(id) ? undefined : savedDefinition(await this.store.get(id))
    return { find: (wanted) => (wanted === id ? saved : undefined) }
  }

  /**
   * Built-in first, in their fixed order, then the saved ones the caller may see, newest last:
   * all of them for the admin, else those of the boards whose facilitator token was shown.
   */
  async list(visible: { all: true } | { boards: readonly string[] } = { boards: [] }): Promise<TemplateSummary[]> {
    const saved = 'all' in visible ? await this.store.list() : (await Promise.all(visible.boards.map((board) => this.store.listOf(board)))).flat()
    return [...TEMPLATES.map(({ id, title, description, anonymous }) => ({ id, title, description, ...(anonymous ? { anonymous } : {}) })), ...saved]
  }
}

/** Saved templates as `findTemplate` consults them, from a synchronous look-up (the read worker's own connection). */
export function savedTemplateLookup(get: (id: string) => SavedTemplate | null): TemplateLookup {
  return { find: (id) => savedDefinition(get(id)) }
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
