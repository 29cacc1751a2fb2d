/** Strings for Preset-board helpers: steps navigator, card details, harvest (oogst), templates. */
export const nl = {} as const

export const en: Record<keyof typeof nl, string> = {}
