/** The built-in templates, in the order the picker shows them, and how template ids resolve. */
import { zevenVDialoog } from './7v-dialoog.ts'
import { bestuurlijkeDialoog } from './bestuurlijke-dialoog.ts'
import { casusreconstructie } from './casusreconstructie.ts'
import { gelijkwaardigGesprek } from './gelijkwaardig-gesprek.ts'
import { leeg } from './leeg.ts'
import { stakeholderdialoog } from './stakeholderdialoog.ts'
import type { TemplateDefinition } from './types.ts'

export type { TemplateDefinition } from './types.ts'

export const DEFAULT_TEMPLATE_ID = 'leeg'

export const TEMPLATES: readonly TemplateDefinition[] = [leeg, casusreconstructie, bestuurlijkeDialoog, zevenVDialoog, stakeholderdialoog, gelijkwaardigGesprek]

/**
 * Templates kept elsewhere (the server's saved "own" templates); this module stays free of
 * storage and only asks.
 */
export interface TemplateLookup {
  find(id: string): TemplateDefinition | undefined
}

/** Resolves a template id: a built-in one first, else one from `saved` when given. */
export function findTemplate(id: string, saved?: TemplateLookup): TemplateDefinition | undefined {
  return TEMPLATES.find((template) => template.id === id) ?? saved?.find(id)
}
