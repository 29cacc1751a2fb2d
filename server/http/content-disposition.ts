/**
 * Content-Disposition for a download (RFC 6266): an ASCII `filename` for old clients and, when the
 * real name differs, `filename*` in RFC 8187 encoding.
 */
import { encodeRfc8187 } from '../percent-encode.ts'

/**
 * `attachment; filename="<ascii>"`, plus `filename*=UTF-8''<name>` when a full name is given.
 * `asciiName` must be plain ASCII without quotes or backslashes (a fileSlug result is).
 */
export function attachmentDisposition(asciiName: string, name?: string): string {
  const plain = `attachment; filename="${asciiName}"`
  return name === undefined ? plain : `${plain}; filename*=UTF-8''${encodeRfc8187(name)}`
}
