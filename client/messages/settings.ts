/** Strings for Facilitator settings: board title, anonymity, links; the admin page. */
export const nl = {} as const

export const en: Record<keyof typeof nl, string> = {}
