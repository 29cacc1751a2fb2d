/**
 * localStorage as JSON, never throwing: storage may be full, disabled (private mode) or hold
 * something an older version wrote. Every read goes through a parser that can say "no".
 */

export function readStored<T>(key: string, parse: (value: unknown) => T | null): T | null {
  try {
    const raw = globalThis.localStorage?.getItem(key)
    if (raw == null) return null
    return parse(JSON.parse(raw))
  } catch {
    return null
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(value))
  } catch {
    // Nothing to do: the app works without remembering.
  }
}

export function removeStored(key: string): void {
  try {
    globalThis.localStorage?.removeItem(key)
  } catch {
    // As above.
  }
}
