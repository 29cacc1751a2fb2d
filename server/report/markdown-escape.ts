/**
 * Board text as plain text in the harvest's Markdown. Only characters that could start Markdown
 * structure where they stand are backslash-escaped, so "Gemeente (wijkteam)", "sneller!" or
 * "3.5 uur" read as typed in a mail or text editor, while no card can add a heading, list, quote,
 * link, image, code, emphasis, table cell or HTML (CommonMark + GFM tables and strikethrough).
 *
 * Hand-written rather than mdast-util-to-markdown: that library needs an mdast tree and its GFM
 * extensions for tables and strikethrough (five packages in the server bundle) to escape one line
 * of text, and it always escapes `*`, `_` and `<`. The rules below are the handful CommonMark has
 * for text inside one line; the tests render the output with markdown-it to prove them.
 */

/** Where the text goes: a heading line, a list item line, or a table cell. */
export type TextContext = 'heading' | 'line' | 'cell'

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/
const WORD = /[\p{L}\p{N}]/u
const SPACE = /\s/u
/** `&amp;`, `&#38;`, `&#x26;`: a character reference would be decoded. */
const ENTITY = /^&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/
/** What may follow `<` in an HTML tag, comment, declaration or autolink. */
const TAG_START = /[A-Za-z/!?]/

/** Newlines (and other line separators) become single spaces: one card, one line. */
export function oneLine(text: string): string {
  return text
    .split(/[\r\n\u2028\u2029]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ')
}

/** Escapes one line of board text for `context`; the caller has made it one line. */
export function escapeText(text: string, context: TextContext): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    out += needsEscape(text, i, context) ? `\\${char}` : char
  }
  if (context === 'heading') out = escapeClosingHashes(out)
  return context === 'cell' ? out : escapeLeadingMarker(out)
}

function needsEscape(text: string, i: number, context: TextContext): boolean {
  const char = text[i]!
  const before = text[i - 1] ?? ' '
  const after = text[i + 1] ?? ' '
  switch (char) {
    case '\\':
      // Before punctuation (or at the end, a hard break) it would escape or break something.
      return i === text.length - 1 || ASCII_PUNCTUATION.test(after)
    case '`':
    case '[':
    case ']':
      // Code spans and fences; links and images (without `[`, `!` and `(` are plain).
      return true
    case '*':
    case '~':
      // Emphasis or strikethrough can only open or close next to a non-space.
      return !(SPACE.test(before) && SPACE.test(after))
    case '_':
      // Inside a word (snake_case) `_` is never emphasis.
      return !(WORD.test(before) && WORD.test(after))
    case '<':
      return TAG_START.test(after)
    case '&':
      return ENTITY.test(text.slice(i))
    case '|':
      return context === 'cell'
    default:
      return false
  }
}

/** A block marker at the start of a line: heading, quote, list item, thematic break, setext underline. */
function escapeLeadingMarker(line: string): string {
  if (/^(?:#{1,6}(?:\s|$)|>|[-+*](?:\s|$)|=+\s*$)/.test(line) || /^(?:[-_*]\s*){3,}$/.test(line)) return `\\${line}`
  return line.replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
}

/** `# Team #`: trailing hashes after a space would be dropped as the heading's closing sequence. */
function escapeClosingHashes(line: string): string {
  return line.replace(/(\s)(#+)(\s*)$/, (_match, space: string, hashes: string, tail: string) => `${space}${hashes.replace(/#/g, '\\#')}${tail}`)
}
