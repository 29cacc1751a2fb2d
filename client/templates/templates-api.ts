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

/** How many of this device's facilitator boards are asked for their saved templates. */
const BOARDS_ASKED = 20

/**
 * The templates this device may offer: the built-in ones, and those saved from the boards it
 * holds a facilitator link for (the server lists a saved template only to its board's
 * facilitators). A board that no longer answers simply adds nothing.
 */
export async function listTemplatesFor(boards: readonly { id: string; token: string }[]): Promise<ApiResult<TemplateSummary[]>> {
  const [builtIn, perBoard] = await Promise.all([
    call<TemplateSummary[]>('/api/templates'),
    Promise.all(
      boards.slice(0, BOARDS_ASKED).map((board) => call<TemplateSummary[]>(`/api/templates?board=${encodeURIComponent(board.id)}`, {}, board.token)),
    ),
  ])
  if (!builtIn.ok) return builtIn
  const list = [...builtIn.value]
  const seen = new Set(list.map((template) => template.id))
  for (const result of perBoard) {
    if (!result.ok) continue
    for (const template of result.value) {
      if (!template.custom || seen.has(template.id)) continue
      seen.add(template.id)
      list.push(template)
    }
  }
  return { ok: true, value: list }
}

/** Keeps the board's structure as a new template; needs the board's facilitator token. */
export function saveTemplate(body: SaveTemplateBody, facilitatorToken: string): Promise<ApiResult<TemplateSummary>> {
  return call<TemplateSummary>('/api/templates', { method: 'POST', body: JSON.stringify(body) }, facilitatorToken)
}
