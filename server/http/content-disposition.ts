/**
 * Content-Disposition for a download (RFC 6266): an ASCII `filename` for old clients and, when the
 * real name differs, `filename*` in RFC 8187 encoding. encodeURIComponent is not that encoding: it
 * leaves ' ( ) * raw, which attr-char does not allow, and throws on a lone surrogate.
 */

/** RFC 8187 attr-char: the only bytes that may stay as they are in a `filename*` value. */
const ATTR_CHAR = /^[A-Za-z0-9!#$&+\-.^_`|~]$/

/** `text` as an RFC 8187 value-chars (UTF-8, percent-encoded); a lone surrogate becomes U+FFFD. */
export function encodeRfc8187(text: string): string {
  let out = ''
  for (const byte of new TextEncoder().encode(text)) {
    const char = String.fromCharCode(byte)
    out += byte < 0x80 && ATTR_CHAR.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

/**
 * `attachment; filename="<ascii>"`, plus `filename*=UTF-8''<name>` when a full name is given.
 * `asciiName` must be plain ASCII without quotes or backslashes (a fileSlug result is).
 */
export function attachmentDisposition(asciiName: string, name?: string): string {
  const plain = `attachment; filename="${asciiName}"`
  return name === undefined ? plain : `${plain}; filename*=UTF-8''${encodeRfc8187(name)}`
}
