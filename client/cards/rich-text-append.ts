/** Text typed at the end of a card's rich text (TipTap JSON), without its text editor. */
import type { TLRichText } from 'tldraw'

interface RichNode {
  type: string
  text?: string
  content?: RichNode[]
  [key: string]: unknown
}

/**
 * The rich text with `text` typed at its very end (into its last line, in a list its last item),
 * as a caret at the end would put it.
 */
export function withTextAppended(richText: TLRichText, text: string): TLRichText {
  const append = (node: RichNode): RichNode => {
    const children = node.content ?? []
    const last = children.at(-1)
    // A line holds text (or nothing yet); a block (the doc, a list, an item) holds lines.
    if (node.type !== 'doc' && (!last || last.type === 'text' || last.type === 'hardBreak')) return { ...node, content: [...children, { type: 'text', text }] }
    if (!last) return { ...node, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }
    return { ...node, content: [...children.slice(0, -1), append(last)] }
  }
  return append(richText as unknown as RichNode) as unknown as TLRichText
}
