/**
 * Our corrections to tldraw's Dutch UI strings, passed as `overrides.translations`. tldraw's
 * machine-made nl.json calls a sticky note "Opmerking" (a remark), Cut "Snijden" (slicing) and
 * the highlighter "Hoogtepunt" (a climax), and leaves "Cloud" and "X-box" untranslated.
 */
import type { TLUiOverrides } from 'tldraw'

export const DUTCH_TLDRAW_FIXES = {
  'tool.note': 'Notitie',
  'action.cut': 'Knippen',
  'tool.highlight': 'Markeerstift',
  'tool.cloud': 'Wolk',
  'geo-style.cloud': 'Wolk',
  'tool.x-box': 'Kruisvak',
  'geo-style.x-box': 'Kruisvak',
} as const

/** Module-level, so tldraw sees the same object on every render and fetches its locale once. */
export const TRANSLATION_OVERRIDES: TLUiOverrides = { translations: { nl: DUTCH_TLDRAW_FIXES } }
