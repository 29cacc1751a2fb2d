import { describe, expect, it } from 'vitest'
import { sniffImageType } from './image-type.ts'

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)))

describe('sniffImageType', () => {
  it('knows PNG, JPEG, GIF and WebP by their signatures', () => {
    expect(sniffImageType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('image/png')
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg')
    expect(sniffImageType(bytes('GIF89a', [1, 0]))).toBe('image/gif')
    expect(sniffImageType(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp')
  })

  it('refuses anything else, whatever it claims to be', () => {
    expect(sniffImageType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull()
    expect(sniffImageType(bytes('<html><script>alert(1)</script>'))).toBeNull()
    expect(sniffImageType(bytes('RIFF', [0, 0, 0, 0], 'AVI '))).toBeNull()
    expect(sniffImageType(bytes([0x89], 'PN'))).toBeNull()
    expect(sniffImageType(new Uint8Array())).toBeNull()
  })
})
