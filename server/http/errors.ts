/** JSON errors for the HTTP API: `{"error": "<readable message>", "code"}`, never a stack trace. */
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { z } from 'zod'
import type { ApiErrorBody, ErrorCode } from '../../shared/errors.ts'

/**
 * A refusal: `message` is English for logs and scripts, `code` lets the UI translate it. The
 * code is required so that no refusal reaches a Dutch reader in English.
 */
export class HttpError extends Error {
  /** `retryAfterSeconds`: sent as Retry-After, for a refusal that passes (503 server_busy). */
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly code: ErrorCode,
    readonly retryAfterSeconds?: number,
  ) {
    super(message)
  }
}

export function errorResponse(c: Context, status: ContentfulStatusCode, message: string, code: ErrorCode): Response {
  const body: ApiErrorBody = { error: message, code }
  return c.json(body, status)
}

/**
 * Parses a JSON body against a schema, with a readable 400 for anything else. With `optional`,
 * an empty body counts as `{}`.
 */
export async function readJsonBody<T extends z.ZodType>(c: Context, schema: T, options: { optional?: boolean } = {}): Promise<z.infer<T>> {
  let body: unknown
  try {
    const text = await c.req.text()
    body = options.optional && text.trim() === '' ? {} : JSON.parse(text)
  } catch {
    throw new HttpError(400, 'request body must be valid JSON', 'invalid_json')
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw new HttpError(400, describeIssues(parsed.error), 'invalid_body')
  return parsed.data
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ')
}
