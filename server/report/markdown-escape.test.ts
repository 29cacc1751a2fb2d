import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { escapeText, oneLine, type TextContext } from './markdown-escape.ts'

/** CommonMark with raw HTML on (so an HTML injection would show) plus the GFM parts the report uses. */
const commonMark = new MarkdownIt('commonmark', { html: true }).enable(['table', 'strikethrough'])

/** What a real parser makes of `text` placed where the report places it: block tokens and the text it reads. */
function parsed(text: string, context: TextContext): { blocks: string[]; inline: string[]; text: string } {
  const escaped = escapeText(oneLine(text), context)
  const source =
    context === 'heading' ? `# ${escaped}\n` : context === 'line' ? `- ${escaped}\n` : `| Wie | Wat |\n| --- | --- |\n| ${escaped} | x |\n`
  const tokens = commonMark.parse(source, {})
  const inline = context === 'cell' ? tokens.filter((t) => t.type === 'inline')[2]! : tokens.find((t) => t.type === 'inline')!
  return {
    blocks: tokens.filter((t) => t.type !== 'inline').map((t) => t.type),
    inline: (inline.children ?? []).map((t) => t.type),
    text: (inline.children ?? []).map((t) => t.content).join(''),
  }
}

const STRUCTURE = {
  heading: ['heading_open', 'heading_close'],
  line: ['bullet_list_open', 'list_item_open', 'paragraph_open', 'paragraph_close', 'list_item_close', 'bullet_list_close'],
  cell: ['table_open', 'thead_open', 'tr_open', 'th_open', 'th_close', 'th_open', 'th_close', 'tr_close', 'thead_close', 'tbody_open', 'tr_open', 'td_open', 'td_close', 'td_open', 'td_close', 'tr_close', 'tbody_close', 'table_close'],
} satisfies Record<TextContext, string[]>

const HOSTILE = [
  '# kop',
  '## kop ##',
  '- lijst',
  '+ lijst',
  '* lijst',
  '1. genummerd',
  '2) genummerd',
  '> citaat',
  '---',
  '- - -',
  '***',
  '___',
  '===',
  '```js',
  '~~~',
  '`code`',
  '    ingesprongen',
  '[x](javascript:alert(1))',
  '![img](http://x/y.png)',
  '[ref]: http://x',
  '<script>alert(1)</script>',
  '<b>vet</b>',
  '<!-- commentaar -->',
  '<http://x.nl>',
  '**vet** en *schuin* en _ook_ en __dit__',
  '~~weg~~ en ~ook~',
  'a | b | c',
  'eind \\',
  '\\*geen escape\\*',
  '&amp; &#60; &lt;',
  'Team #',
  'regel\n# kop\n- lijst',
]

const ORDINARY: Array<[string, string]> = [
  ['Gemeente (wijkteam)', 'Gemeente (wijkteam)'],
  ['locatie(s)', 'locatie(s)'],
  ['sneller!', 'sneller!'],
  ['3.5 uur', '3.5 uur'],
  ['e-mail', 'e-mail'],
  ['50%', '50%'],
  ['Jan & Piet: 2 + 2 = 4, a < b > c', 'Jan & Piet: 2 + 2 = 4, a < b > c'],
  ['snake_case en 5 * 3', 'snake_case en 5 * 3'],
  ['#1 prioriteit, vraag? "ja" \'nee\' {x} $5 @team ^ =', '#1 prioriteit, vraag? "ja" \'nee\' {x} $5 @team ^ ='],
  ['-5 graden, +31 6 1234 5678', '-5 graden, +31 6 1234 5678'],
  ['C:\\map\\bestand', 'C:\\map\\bestand'],
]

describe('markdown escaping', () => {
  for (const context of ['heading', 'line', 'cell'] as const) {
    it(`lets no hostile text add structure in a ${context}, and reads back as typed`, () => {
      for (const text of HOSTILE) {
        const result = parsed(text, context)
        expect({ text, blocks: result.blocks }).toEqual({ text, blocks: STRUCTURE[context] })
        expect({ text, inline: [...new Set(result.inline)] }).toEqual({ text, inline: ['text'] })
        expect(result.text).toBe(oneLine(text))
      }
    })
  }

  it('leaves ordinary punctuation alone', () => {
    for (const [text, expected] of ORDINARY) {
      expect(escapeText(text, 'line')).toBe(expected)
      expect(escapeText(text, 'heading')).toBe(expected)
      expect(parsed(text, 'line').text).toBe(text)
    }
    expect(escapeText('a | b', 'line')).toBe('a | b')
    expect(escapeText('a | b', 'cell')).toBe('a \\| b')
  })

  it('escapes only the characters that would start structure', () => {
    expect(escapeText('# kop', 'line')).toBe('\\# kop')
    expect(escapeText('- lijst', 'line')).toBe('\\- lijst')
    expect(escapeText('1. genummerd', 'line')).toBe('1\\. genummerd')
    expect(escapeText('2024. Een goed jaar', 'line')).toBe('2024\\. Een goed jaar')
    expect(escapeText('[x](y)', 'line')).toBe('\\[x\\](y)')
    expect(escapeText('**vet**', 'line')).toBe('\\*\\*vet\\*\\*')
    expect(escapeText('<b>', 'line')).toBe('\\<b>')
    expect(escapeText('Team #', 'heading')).toBe('Team \\#')
  })

  it('makes one line of text with newlines', () => {
    expect(oneLine('Casus\n\n## Extra\r\n- x\u2028y')).toBe('Casus ## Extra - x y')
  })
})
