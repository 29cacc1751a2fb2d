import { describe, expect, it } from 'vitest'
import { ERROR_CODES } from '../../shared/errors.ts'
import { translate } from '../i18n.ts'

describe('error messages', () => {
  it('give every refusal code its own Dutch and English text', () => {
    for (const code of ERROR_CODES) {
      const nl = translate('nl', `error.${code}`)
      const en = translate('en', `error.${code}`)
      expect(nl, code).not.toBe(`error.${code}`)
      expect(en, code).not.toBe(`error.${code}`)
      expect(nl.trim(), code).not.toBe('')
      expect(nl, `${code} is translated`).not.toBe(en)
    }
  })
})
