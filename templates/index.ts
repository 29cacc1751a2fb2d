/** The built-in templates, in the order the picker shows them. */
import { leeg } from './leeg.ts'
import type { TemplateDefinition } from './types.ts'

export type { TemplateDefinition } from './types.ts'

export const DEFAULT_TEMPLATE_ID = 'leeg'

export const TEMPLATES: readonly TemplateDefinition[] = [leeg]

export function findTemplate(id: string): TemplateDefinition | undefined {
  return TEMPLATES.find((template) => template.id === id)
}
