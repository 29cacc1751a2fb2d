/** Calls about templates: one template with its records (for previews), and saving a board as one. */
import type { SaveTemplateBody, TemplateDetail, TemplateSummary } from '../../shared/api.ts'
import { call, type ApiResult } from '../api/client.ts'

// Templates never change once made, so a preview is fetched once per page load.
const details = new Map<string, Promise<ApiResult<TemplateDetail>>>()

export function getTemplate(id: string): Promise<ApiResult<TemplateDetail>> {
  let pending = details.get(id)
  if (!pending) {
    pending = call<TemplateDetail>(`/api/templates/${encodeURIComponent(id)}`)
    details.set(id, pending)
    // A failed fetch (offline) may be tried again later.
    void pending.then((result) => {
      if (!result.ok) details.delete(id)
    })
  }
  return pending
}

/** Keeps the board's structure as a new template; needs the board's facilitator token. */
export function saveTemplate(body: SaveTemplateBody, facilitatorToken: string): Promise<ApiResult<TemplateSummary>> {
  return call<TemplateSummary>('/api/templates', { method: 'POST', body: JSON.stringify(body) }, facilitatorToken)
}
