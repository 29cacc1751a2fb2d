/** The plain text of a card, from tldraw's rich text; no other dependencies, so templates may use it too. */

/** The plain text of a shape: its rich text (TipTap JSON, one line per block) or legacy `text`. */
export function plainText(shape: { props: Record<string, unknown> }): string {
  const rich = shape.props.richText
  const raw = rich !== undefined ? richTextToPlain(rich) : typeof shape.props.text === 'string' ? shape.props.text : ''
  return raw
    .split('\n')
    .map((line) => line.replace(/[\t\u00a0 ]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
}

const INLINE_NODES = new Set(['text', 'hardBreak', 'mention', 'emoji'])

/** TipTap/ProseMirror JSON → text, blocks (paragraphs, headings, list items…) on their own lines. */
export function richTextToPlain(node: unknown, depth = 0): string {
  if (!node || typeof node !== 'object' || depth > 32) return ''
  const n = node as { type?: unknown; text?: unknown; content?: unknown; attrs?: unknown }
  if (n.type === 'text') return typeof n.text === 'string' ? n.text : ''
  if (n.type === 'hardBreak') return '\n'
  const children = Array.isArray(n.content) ? n.content : []
  const inline = children.every((child) => INLINE_NODES.has((child as { type?: string })?.type ?? ''))
  if (children.length > 0 && inline) return children.map((child) => richTextToPlain(child, depth + 1)).join('')
  return children
    .map((child) => richTextToPlain(child, depth + 1))
    .filter((text) => text !== '')
    .join('\n')
}

