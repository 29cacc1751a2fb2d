/**
 * The stamp every move carries in its note's `meta.bench`: who sent it, its sequence number and
 * when, as one ASCII string `@stamp:<client>:<seq>:<µs>;` (client = index within the board,
 * µs = the sender's performance.now() in whole microseconds).
 *
 * Yjs stores a string inside a record as length-prefixed UTF-8 (lib0's writeAny), so a receiver
 * can find stamps in a raw update with `Buffer.indexOf` and parse the digits in place, without
 * decoding the update or applying it to a document (see bench/stamp-cost.ts for the costs).
 */

export interface MoveStamp {
  /** The sender's index among the clients of its board. */
  client: number
  /** The sender's move counter (0 = the note was created). */
  seq: number
  /** Send time, performance.now() in ms (same process as the receivers of the board). */
  t: number
}

const PREFIX = '@stamp:'
const PREFIX_BYTES = Buffer.from(PREFIX, 'latin1')
const COLON = 0x3a
const SEMICOLON = 0x3b
const DIGIT_0 = 0x30

export function formatStamp({ client, seq, t }: MoveStamp): string {
  return `${PREFIX}${client}:${seq}:${Math.round(t * 1000)};`
}

/** Parses a stamp string (as written by formatStamp); null for anything else. */
export function parseStamp(text: unknown): MoveStamp | null {
  if (typeof text !== 'string' || !text.startsWith(PREFIX)) return null
  return parseAt(Buffer.from(text, 'latin1'), PREFIX.length)
}

/**
 * Calls `found` for every well-formed stamp in `bytes` (a raw y-websocket message or Yjs
 * update), in order. Non-stamp bytes are skipped; a truncated stamp is ignored.
 */
export function scanStamps(bytes: Buffer, found: (stamp: MoveStamp) => void): void {
  let at = bytes.indexOf(PREFIX_BYTES)
  while (at !== -1) {
    const stamp = parseAt(bytes, at + PREFIX_BYTES.length)
    if (stamp !== null) found(stamp)
    at = bytes.indexOf(PREFIX_BYTES, at + PREFIX_BYTES.length)
  }
}

/** Reads `<client>:<seq>:<µs>;` starting at `from`; null when the bytes do not match. */
function parseAt(bytes: Buffer, from: number): MoveStamp | null {
  const values = [0, 0, 0]
  let field = 0
  let digits = 0
  const end = Math.min(bytes.length, from + 48)
  for (let i = from; i < end; i++) {
    const byte = bytes[i]!
    if (byte >= DIGIT_0 && byte <= DIGIT_0 + 9) {
      values[field] = values[field]! * 10 + (byte - DIGIT_0)
      digits++
    } else if (digits === 0) {
      return null
    } else if (byte === COLON && field < 2) {
      field++
      digits = 0
    } else {
      return byte === SEMICOLON && field === 2 ? { client: values[0]!, seq: values[1]!, t: values[2]! / 1000 } : null
    }
  }
  return null
}
