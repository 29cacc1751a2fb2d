/**
 * Every link the web app shows is built on one origin: the one the server builds links from
 * (PUBLIC_URL, else the origin this page was opened with, both from /api/config), so the
 * facilitator's own link and the partners' never mix localhost with 127.0.0.1.
 */
import type { ClientConfig } from '../../shared/api.ts'

/** The links' origin: the server's answer, or this page's while it is unknown (offline, loading). */
export function shareOrigin(config: ClientConfig | null | undefined, pageOrigin: string): string {
  return config?.publicUrl ?? pageOrigin
}

export function boardLink(origin: string, boardId: string, token: string): string {
  return `${origin}/b/${encodeURIComponent(boardId)}?token=${encodeURIComponent(token)}`
}
