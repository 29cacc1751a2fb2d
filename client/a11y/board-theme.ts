/**
 * tldraw's default theme with readable text colours (WCAG 2.1 AA, 1.4.3: 4.5:1), passed to
 * <Tldraw themes> so it holds from the editor's first frame.
 *
 * tldraw 5.1's note colours already pass: every note's text (`noteText` on `noteFill`) is at least
 * 8.6:1 in light mode and 5.07:1 in dark mode (board-theme.test.ts checks them all). What fails
 * is the `solid` shade of a colour, in which tldraw writes text (a text shape in that colour, a
 * label coloured with the style panel) and draws lines: light-mode yellow on the canvas is 1.9:1,
 * the light colours 2.3–2.7:1, orange 3.2:1, green 3.8:1, red 4.3:1; dark-mode red and violet
 * about 4:1. Those shades are moved towards the mode's text colour (same hue, darker in light
 * mode, lighter in dark mode) just far enough to reach 4.5:1 on every surface text lies on: the
 * canvas, a frame's fill and a shape's "semi" fill. Fills, note colours and highlights stay
 * tldraw's, so the board looks the same apart from darker coloured text and lines.
 *
 * `white` is left alone: it is meant for text on a filled or dark shape, never on the canvas.
 */
import { DEFAULT_THEME } from 'tldraw'
import type { TLDefaultColor, TLTheme, TLThemeColors, TLThemes } from '@tldraw/tlschema'
import { contrastRatio, parseColour, toHex, TEXT_CONTRAST_AA, type Rgb } from './contrast.ts'
// tldraw's UI colours and focus that the theme object does not hold (see the file).
import './tldraw-a11y.css'

export type ColourMode = 'light' | 'dark'

/** A little above 4.5:1, so rounding in a browser's colour pipeline never drops it below. */
const TARGET = TEXT_CONTRAST_AA + 0.1

/** Colours that are never written on the canvas itself (see above). */
const NOT_FOR_TEXT_ON_CANVAS = new Set(['white'])

/** The surfaces coloured text lies on in a mode: the canvas, a frame's fill, a "semi" shape fill. */
export function textSurfaces(colors: TLThemeColors): string[] {
  const black = colors.black as TLDefaultColor
  return [colors.background, black.frameFill, colors.solid]
}

/** The named colours of a palette (its entries that are colour objects, not the UI strings). */
export function paletteColours(colors: TLThemeColors): [string, TLDefaultColor][] {
  return Object.entries(colors).filter((entry): entry is [string, TLDefaultColor] => typeof entry[1] === 'object' && entry[1] !== null)
}

/** Whether a colour is written as text on the canvas (so must reach 4.5:1 there). */
export function isTextColour(name: string): boolean {
  return !NOT_FOR_TEXT_ON_CANVAS.has(name)
}

/**
 * `colour` moved towards `towards` in 1 % steps until it reaches the target contrast on every
 * surface; unchanged when it already does.
 */
export function readableOn(colour: string, surfaces: readonly string[], towards: string): string {
  const readable = (candidate: string) => surfaces.every((surface) => contrastRatio(candidate, surface) >= TARGET)
  if (readable(colour)) return colour
  const from = parseColour(colour)
  const to = parseColour(towards)
  for (let step = 1; step <= 100; step++) {
    const mixed = from.map((channel, i) => channel + ((to[i]! - channel) * step) / 100) as Rgb
    const candidate = toHex(mixed)
    if (readable(candidate)) return candidate
  }
  return towards
}

function readableColours(colors: TLThemeColors, mode: ColourMode): TLThemeColors {
  const surfaces = textSurfaces(colors)
  // Darker on the light canvas, lighter on the dark one.
  const towards = mode === 'light' ? '#000000' : '#ffffff'
  const next = { ...colors } as Record<string, unknown>
  for (const [name, colour] of paletteColours(colors)) {
    if (!isTextColour(name)) continue
    const solid = readableOn(colour.solid, surfaces, towards)
    if (solid !== colour.solid) next[name] = { ...colour, solid }
  }
  return next as TLThemeColors
}

/** tldraw's default theme, its text colours readable in both modes. */
export function readableTheme(theme: TLTheme): TLTheme {
  return { ...theme, colors: { light: readableColours(theme.colors.light, 'light'), dark: readableColours(theme.colors.dark, 'dark') } }
}

/** For <Tldraw themes>: a stable object (tldraw re-registers its themes whenever this changes). */
export const BOARD_THEMES: Partial<TLThemes> = { default: readableTheme(DEFAULT_THEME) }
