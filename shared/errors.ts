/**
 * Stable codes of the API's refusals. The server sends `{"error": "<English text>", "code"}`;
 * the client shows its own translated text for the code (client/messages/errors.ts), and the
 * server's text only for refusals that have no code yet.
 */
export const ERROR_CODES = [
  'admin_token_required',
  'rate_limited',
  'unsupported_media_type',
  'too_many_records',
  'body_too_large',
  'snapshot_quota',
  'asset_quota',
  'bad_host',
  'expiry_in_past',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiErrorBody {
  error: string
  code?: ErrorCode
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}
