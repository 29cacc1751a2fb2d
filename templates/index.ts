/** The built-in templates, in the order the picker shows them. */
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

export function findTemplate(id: string): TemplateDefinition | undefined {
  return TEMPLATES.find((template) => template.id === id)
}
