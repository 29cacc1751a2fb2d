import { readFileSync } from 'node:fs'
import type { TLDefaultColor, TLPageId, TLThemeColors } from '@tldraw/tlschema'
import { DEFAULT_THEME } from 'tldraw'
import { describe, expect, test } from 'vitest'
import { KIND_COLOURS } from '../../shared/card-rules.ts'
import { TEMPLATES } from '../../templates/index.ts'
import { BOARD_THEMES, isTextColour, paletteColours, readableOn, textSurfaces } from './board-theme.ts'
import { contrastRatio, NON_TEXT_CONTRAST_AA, TEXT_CONTRAST_AA } from './contrast.ts'

const MODES = ['light', 'dark'] as const
const applied = BOARD_THEMES.default!

/** Every colour a template gives its shapes (notes, cards, text, labels), and the card kinds'. */
function coloursWeUse(): { notes: Set<string>; text: Set<string> } {
  const notes = new Set<string>(Object.values(KIND_COLOURS))
  const text = new Set<string>()
  for (const template of TEMPLATES) {
    for (const record of template.build('page:page' as TLPageId)) {
      if (record.typeName !== 'shape') continue
      const props = record.props as { color?: string; labelColor?: string }
      if (record.type === 'note' && props.color) notes.add(props.color)
      if (record.type === 'text' && props.color) text.add(props.color)
      if (props.labelColor) text.add(props.labelColor)
    }
  }
  return { notes, text }
}

const colour = (colors: TLThemeColors, name: string) => (colors as unknown as Record<string, TLDefaultColor>)[name]!

/** Text colours that fall short of 4.5:1 on one of the surfaces text lies on, with their ratio. */
function unreadableText(colors: TLThemeColors): string[] {
  return paletteColours(colors)
    .filter(([name]) => isTextColour(name))
    .flatMap(([name, { solid }]) =>
      textSurfaces(colors)
        .map((surface) => ({ surface, ratio: contrastRatio(solid, surface) }))
        .filter(({ ratio }) => ratio < TEXT_CONTRAST_AA)
        .map(({ surface, ratio }) => `${name} ${solid} on ${surface}: ${ratio.toFixed(2)}`),
    )
}

describe('the board theme (tldraw 5.1 palette as we apply it)', () => {
  const used = coloursWeUse()

  test('the templates and card kinds use these note colours', () => {
    // So a new colour in a template is noticed here, and checked below.
    expect([...used.notes].sort()).toEqual(['light-blue', 'light-green', 'light-red', 'light-violet', 'orange', 'yellow'])
  })

  test.each(MODES)('note text is at least 4.5:1 on every note colour we use (%s mode)', (mode) => {
    const colors = applied.colors[mode]
    for (const name of used.notes) {
      const { noteText, noteFill } = colour(colors, name)
      expect(contrastRatio(noteText, noteFill), `${name}: ${noteText} on ${noteFill}`).toBeGreaterThanOrEqual(TEXT_CONTRAST_AA)
    }
  })

  test.each(MODES)('card labels (black) are at least 4.5:1 on every colour a card is filled with (%s mode)', (mode) => {
    const colors = applied.colors[mode]
    const label = colour(colors, 'black').solid
    for (const [name, { semi }] of paletteColours(colors)) {
      if (name === 'white' && mode === 'dark') continue // white cards take black text only in light mode
      expect(contrastRatio(label, semi), `black label on ${name} (${semi})`).toBeGreaterThanOrEqual(TEXT_CONTRAST_AA)
    }
  })

  test.each(MODES)('every text colour is at least 4.5:1 on the canvas, a frame and a semi fill (%s mode)', (mode) => {
    expect(unreadableText(applied.colors[mode])).toEqual([])
    for (const name of used.text) expect(isTextColour(name), name).toBe(true)
  })

  test("tldraw's own palette falls short, so the override is what makes the text colours pass", () => {
    const names = (lines: string[]) => [...new Set(lines.map((line) => line.split(' ')[0]))].sort()
    expect(names(unreadableText(DEFAULT_THEME.colors.light))).toEqual(['green', 'grey', 'light-blue', 'light-green', 'light-red', 'light-violet', 'orange', 'red', 'yellow'])
    expect(names(unreadableText(DEFAULT_THEME.colors.dark))).toEqual(['red', 'violet'])
  })

  test('only the text shades change: fills, note colours and highlights stay tldraw’s', () => {
    for (const mode of MODES) {
      for (const [name, original] of paletteColours(DEFAULT_THEME.colors[mode])) {
        const { solid: _solid, ...rest } = colour(applied.colors[mode], name)
        const { solid: _originalSolid, ...originalRest } = original
        expect(rest, `${mode} ${name}`).toEqual(originalRest)
      }
    }
  })

  test('a colour already readable is left as it is; one that is not moves only as far as needed', () => {
    expect(readableOn('#000000', ['#ffffff'], '#000000')).toBe('#000000')
    const darker = readableOn('#ffc034', ['#ffffff'], '#000000')
    expect(contrastRatio(darker, '#ffffff')).toBeGreaterThanOrEqual(TEXT_CONTRAST_AA)
    expect(contrastRatio(darker, '#ffffff')).toBeLessThan(TEXT_CONTRAST_AA + 0.3)
  })
})

describe('our own CSS colours (client/styles.css)', () => {
  const css = readFileSync(new URL('../styles.css', import.meta.url), 'utf8')
  const root = /:root\s*\{([^}]*)\}/.exec(css)![1]!
  const vars = Object.fromEntries([...root.matchAll(/--([\w-]+):\s*(#[0-9a-f]{3,6})\b/gi)].map((match) => [match[1]!, match[2]!]))
  const text: [string, string][] = [
    ['ink', 'paper'],
    ['ink', 'canvas'],
    ['ink-muted', 'paper'],
    ['ink-muted', 'canvas'],
    ['brand', 'paper'],
    ['brand', 'canvas'],
    ['brand', 'brand-soft'],
    ['brand-hover', 'brand-soft'],
    ['ok', 'ok-soft'],
    ['warn', 'warn-soft'],
    ['error', 'error-soft'],
    ['error', 'paper'],
    ['ink', 'accent'],
  ]

  test.each(text)('--%s on --%s is at least 4.5:1', (fg, bg) => {
    expect(contrastRatio(vars[fg]!, vars[bg]!)).toBeGreaterThanOrEqual(TEXT_CONTRAST_AA)
  })

  test('white on --brand is at least 4.5:1 (primary buttons)', () => {
    expect(contrastRatio('#ffffff', vars.brand!)).toBeGreaterThanOrEqual(TEXT_CONTRAST_AA)
    expect(contrastRatio('#ffffff', vars['brand-hover']!)).toBeGreaterThanOrEqual(TEXT_CONTRAST_AA)
  })

  test('the focus ring has a part of at least 3:1 against every background it can lie on', () => {
    // Two rings, --focus (amber) outside --ink: whichever background, one of them contrasts.
    for (const bg of ['paper', 'canvas', 'brand', 'brand-soft', 'accent']) {
      const best = Math.max(contrastRatio(vars.focus!, vars[bg]!), contrastRatio(vars.ink!, vars[bg]!))
      expect(best, bg).toBeGreaterThanOrEqual(NON_TEXT_CONTRAST_AA)
    }
  })
})

describe("tldraw's UI colours we override (client/a11y/tldraw-a11y.css)", () => {
  const tldrawCss = readFileSync(new URL('../../node_modules/tldraw/tldraw.css', import.meta.url), 'utf8')
  const ourCss = readFileSync(new URL('./tldraw-a11y.css', import.meta.url), 'utf8')
  /** The value of a custom property in the first block whose selector ends with `selector`. */
  const valueIn = (css: string, selector: string, property: string) => {
    const block = new RegExp(`${selector.replace(/[.]/g, '\\.')}\\s*\\{([^}]*)\\}`).exec(css)?.[1]
    const value = block && new RegExp(`${property}:\\s*([^;]+);`).exec(block)?.[1]
    if (!value) throw new Error(`${property} not found in ${selector}`)
    return value.trim()
  }

  test.each(MODES)('text selected in its inputs (white on --tl-color-selected) is at least 4.5:1 (%s mode)', (mode) => {
    const white = valueIn(tldrawCss, `.tl-theme__${mode}`, '--tl-color-selected-contrast')
    const theirs = valueIn(tldrawCss, `.tl-theme__${mode}`, '--tl-color-selected')
    const ours = valueIn(ourCss, `.tl-container.tl-theme__${mode}`, '--tl-color-selected')
    expect(contrastRatio(white, theirs)).toBeLessThan(TEXT_CONTRAST_AA)
    expect(contrastRatio(white, ours)).toBeGreaterThanOrEqual(TEXT_CONTRAST_AA)
  })

  test.each(MODES)('the focus outline we give its inputs is at least 3:1 on its panels (%s mode)', (mode) => {
    const focus = valueIn(tldrawCss, `.tl-theme__${mode}`, '--tl-color-focus')
    const panel = valueIn(tldrawCss, `.tl-theme__${mode}`, '--tl-color-panel')
    expect(contrastRatio(focus, panel)).toBeGreaterThanOrEqual(NON_TEXT_CONTRAST_AA)
  })
})
