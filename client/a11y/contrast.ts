/**
 * WCAG 2.1 contrast ratios (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio) of the opaque
 * colours we and tldraw's palette write: hex (#rgb, #rrggbb) and hsl(h, s%, l%). Anything else
 * throws, so a value in another notation is noticed rather than skipped.
 */

export type Rgb = [number, number, number]

/** The colour's red, green and blue, 0–255. */
export function parseColour(colour: string): Rgb {
  const text = colour.trim()
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text)?.[1]
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex
    return [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16)) as Rgb
  }
  const hsl = /^hsl\(\s*([\d.]+)\s*,\s*([\d.]+)%\s*,\s*([\d.]+)%\s*\)$/i.exec(text)
  if (hsl) return hslToRgb(Number(hsl[1]), Number(hsl[2]) / 100, Number(hsl[3]) / 100)
  throw new Error(`not an opaque hex or hsl colour: ${colour}`)
}

/** CSS Color 4's hsl-to-rgb. */
function hslToRgb(hue: number, saturation: number, lightness: number): Rgb {
  const f = (n: number) => {
    const k = (n + hue / 30) % 12
    const a = saturation * Math.min(lightness, 1 - lightness)
    return Math.round(255 * (lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))))
  }
  return [f(0), f(8), f(4)]
}

export function toHex([r, g, b]: Rgb): string {
  return '#' + [r, g, b].map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')
}

/** Relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(colour: string): number {
  const [r, g, b] = parseColour(colour).map((channel) => {
    const c = channel / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** The contrast ratio of two colours, 1 to 21, whichever is lighter. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

/** WCAG AA for normal text (1.4.3). */
export const TEXT_CONTRAST_AA = 4.5
/** WCAG AA for large text, and for focus indicators and other non-text contrast (1.4.11). */
export const NON_TEXT_CONTRAST_AA = 3
