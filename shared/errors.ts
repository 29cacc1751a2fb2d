/**
 * Stable codes of the API's refusals. The server sends `{"error": "<English text>", "code"}`;
 * the client shows its own translated text for the code (client/messages/errors.ts). Every
 * refusal has one (HttpError requires it); the server's text is shown only when a proxy, not
 * this server, answered.
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
  'invalid_json',
  'invalid_body',
  'not_found',
  'board_not_found',
  'snapshot_not_found',
  'template_not_found',
  'image_not_found',
  'link_expired',
  'invalid_token',
  'role_required',
  'admin_page_off',
  'admin_token_invalid',
  'template_admin_only',
  'unknown_template',
  'template_without_structure',
  'template_unreadable',
  'snapshot_unreadable',
  'invalid_import',
  'empty_image',
  'image_too_large',
  'unsupported_image',
  'origin_not_allowed',
  'board_full',
  'link_full',
  'internal_error',
  'invalid_draft_key',
  'draft_not_found',
  'draft_limit',
  'vote_not_found',
  'no_followup',
  'no_agreement_date',
  'vote_already_open',
  'vote_closed',
  'vote_spent',
  'vote_full',
  'vote_card',
  'no_ballot',
  'timer_state',
  'server_busy',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiErrorBody {
  error: string
  code: ErrorCode
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}
