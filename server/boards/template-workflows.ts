/**
 * Template workflows of the board service: list, look at, save a board's structure as a template,
 * delete a saved one. Who may do what is the routes' check; errors and promises as in board-service.ts.
 */
import type { TLRecord } from '@tldraw/tlschema'
import type { TemplateDetail, TemplateSummary } from '../../shared/api.ts'
import type { StoredRecord } from '../../shared/doc-layout.ts'
import { extractStructure, placeOnPage } from '../../templates/structure.ts'
import { migrateToCurrent, readContent } from '../document-records.ts'
import { HttpError } from '../http/errors.ts'
import { assertValidRecords, FIRST_PAGE_ID, tldrawSchema } from '../initial-document.ts'
import { errorMessage } from '../log.ts'
import type { RoomManager } from '../sync/room-manager.ts'
import type { TemplateCatalog } from '../templates/catalog.ts'
import { CUSTOM_TEMPLATE_PREFIX, type Storage, type TemplateStore } from '../storage/stores.ts'

export class TemplateWorkflows {
  private readonly rooms: RoomManager
  private readonly catalog: TemplateCatalog
  private readonly store: TemplateStore

  constructor(parts: { rooms: RoomManager; catalog: TemplateCatalog; storage: Pick<Storage, 'templates'> }) {
    this.rooms = parts.rooms
    this.catalog = parts.catalog
    this.store = parts.storage.templates
  }

  /** Built-in templates, then the saved ones visible to the caller: all (admin) or those of some boards. */
  async list(visible?: { all: true } | { boards: readonly string[] }): Promise<TemplateSummary[]> {
    return this.catalog.list(visible)
  }

  /** A template with its records on the first page; 404 template_not_found. */
  async detail(id: string): Promise<TemplateDetail> {
    const template = await this.catalog.find(id)
    if (!template) throw new HttpError(404, 'template not found', 'template_not_found')
    return {
      id: template.id,
      title: template.title,
      description: template.description,
      ...(template.id.startsWith(CUSTOM_TEMPLATE_PREFIX) ? { custom: true } : {}),
      records: template.build(FIRST_PAGE_ID) as unknown as StoredRecord[],
    }
  }

  /** A saved template's board of origin (null: none, or it was deleted and the template kept); 404 template_not_found. */
  async findSaved(id: string): Promise<{ id: string; sourceBoard: string | null }> {
    const template = await this.store.get(id)
    if (!template) throw new HttpError(404, 'template not found', 'template_not_found')
    return { id: template.id, sourceBoard: template.sourceBoard }
  }

  async deleteSaved(id: string): Promise<void> {
    await this.store.delete(id)
  }

  /**
   * Keeps the live board's structure (frames, scaffolding) as a new template. 422
   * template_unreadable when it cannot be read as one, 400 template_without_structure when empty.
   */
  async saveFromBoard(boardId: string, input: { title: string; description: string; keep: boolean }): Promise<TemplateSummary> {
    // The live document, queued updates included, like the harvest and snapshots read it.
    const room = await this.rooms.open(boardId)
    await this.rooms.flush()
    let structure: StoredRecord[]
    try {
      structure = extractStructure(migrateToCurrent(readContent(room.doc)))
      assertValidRecords(placeOnPage(structure, FIRST_PAGE_ID) as unknown as TLRecord[])
    } catch (error) {
      throw new HttpError(422, `this board's structure cannot be kept as a template: ${errorMessage(error)}`, 'template_unreadable')
    }
    if (!structure.some((record) => record.typeName === 'shape')) {
      throw new HttpError(400, 'this board has no frames or scaffolding to keep as a template', 'template_without_structure')
    }
    return this.store.save({ ...input, schema: tldrawSchema.serialize(), records: structure, sourceBoard: boardId })
  }
}
