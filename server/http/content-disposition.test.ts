import { describe, expect, it } from 'vitest'
import { encodeRfc8187 } from '../percent-encode.ts'
import { attachmentDisposition } from './content-disposition.ts'

describe('Content-Disposition filename* (RFC 8187)', () => {
  it("percent-encodes every byte that is no attr-char, ' ( ) * included", () => {
    const value = encodeRfc8187("Casus (Zuid)'s *plan*.docx")
    expect(value).toBe('Casus%20%28Zuid%29%27s%20%2Aplan%2A.docx')
    expect(value).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/)
    expect(decodeURIComponent(value)).toBe("Casus (Zuid)'s *plan*.docx")
  })

  it('writes UTF-8 and survives a lone surrogate, which encodeURIComponent throws on', () => {
    expect(encodeRfc8187('IJsvrij ĳ €.pdf')).toBe('IJsvrij%20%C4%B3%20%E2%82%AC.pdf')
    expect(encodeRfc8187('a\uD800b')).toBe('a%EF%BF%BDb')
  })

  it('puts the ASCII name first and the full name as filename*', () => {
    expect(attachmentDisposition('casus-zuid-s-plan.pdf', "Casus (Zuid)'s *plan*.pdf")).toBe(
      "attachment; filename=\"casus-zuid-s-plan.pdf\"; filename*=UTF-8''Casus%20%28Zuid%29%27s%20%2Aplan%2A.pdf",
    )
    expect(attachmentDisposition('bord.dialoogbord.json')).toBe('attachment; filename="bord.dialoogbord.json"')
  })
})
