/** Strings for Snapshots: history, viewing, comparing, restoring and forking. */
export const nl = {} as const

export const en: Record<keyof typeof nl, string> = {}
