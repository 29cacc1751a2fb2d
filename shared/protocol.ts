/**
 * Websocket protocol constants. The wire format is the standard y-websocket one; these are the
 * message tags it uses plus our own close codes.
 */
export const SYNC_PATH = '/sync'

/** Where images stored by the server are served; the only image source a board accepts. */
export const ASSET_PATH = '/api/assets/'

export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const

/** y-protocols/sync sub-messages. */
export const SyncStep = {
  step1: 0,
  step2: 1,
  update: 2,
} as const

/** How an anonymous board names its participants: the server relabels their presence with these. */
export const pseudonym = (n: number): string => `Deelnemer ${n}`
export const isPseudonym = (name: unknown): name is string => typeof name === 'string' && /^Deelnemer \d{1,9}$/.test(name)

/** Close codes in the 4000–4999 range reserved for applications. */
export const CloseCode = {
  /** No valid token (used only when the upgrade itself could not be refused). */
  unauthorized: 4401,
  /** The board was deleted or the token revoked while connected. */
  revoked: 4403,
  /** A message could not be decoded or carried an invalid update. */
  badMessage: 4400,
  /** An update carried content the board does not accept (invalid records, wrong layout). */
  invalidContent: 4422,
  /** A message exceeded the size limit. */
  tooLarge: 4413,
  /** Too many messages in too short a time. */
  rateLimited: 4429,
  /** Too many connections on one board. */
  boardFull: 4503,
  /** The board's settings changed (e.g. anonymity): reload them, then reconnect. */
  settingsChanged: 4409,
  /** The server is shutting down; clients should reconnect later. */
  shuttingDown: 4001,
  /** The client did not read what the server sent (its unsent buffer passed the limit); reconnecting is fine. */
  tooSlow: 4008,
  /** The update would take the board past its record limit (MAX_RECORDS_PER_BOARD); nothing of it was applied. */
  tooManyRecords: 4430,
} as const
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]
