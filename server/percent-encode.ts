/**
 * UTF-8 percent-encoding that keeps only RFC 8187's attr-char as it is: what a Content-Disposition
 * `filename*` needs, and safe in any header or calendar line (no space, quote, colon, semicolon,
 * comma or line break survives). encodeURIComponent is not this: it leaves ' ( ) * raw and throws
 * on a lone surrogate.
 */

/** RFC 8187 attr-char: the only bytes that stay as they are. */
const ATTR_CHAR = /^[A-Za-z0-9!#$&+\-.^_`|~]$/

/** `text` as RFC 8187 value-chars (UTF-8, percent-encoded); a lone surrogate becomes U+FFFD. */
export function encodeRfc8187(text: string): string {
  let out = ''
  for (const byte of new TextEncoder().encode(text)) {
    const char = String.fromCharCode(byte)
    out += byte < 0x80 && ATTR_CHAR.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}
