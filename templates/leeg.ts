import type { TemplateDefinition } from './types.ts'

export const leeg: TemplateDefinition = {
  id: 'leeg',
  title: 'Leeg bord',
  description: 'Een leeg canvas, zonder vooraf ingerichte onderdelen.',
  build: () => [],
}
