import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { DUTCH_TLDRAW_FIXES } from './tldraw-translations.ts'

const require = createRequire(import.meta.url)
const tldrawDutch = JSON.parse(readFileSync(require.resolve('@tldraw/assets/translations/nl.json'), 'utf8')) as Record<string, string>

describe("our fixes to tldraw's Dutch", () => {
  it('overrides keys tldraw really has (a renamed key would silently stop applying)', () => {
    for (const key of Object.keys(DUTCH_TLDRAW_FIXES)) expect(tldrawDutch, key).toHaveProperty([key])
  })

  it('changes what it overrides, and leaves none of the wrong words', () => {
    for (const [key, value] of Object.entries(DUTCH_TLDRAW_FIXES)) expect(tldrawDutch[key], key).not.toBe(value)
    expect(Object.values(DUTCH_TLDRAW_FIXES).join(' ')).not.toMatch(/Opmerking|Snijden|Hoogtepunt|Cloud|X-box/i)
  })
})
